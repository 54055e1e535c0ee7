import type { Account } from 'xero-node';
import { AccountClass, AccountType, RecordStatus } from '../../schema/enums.js';
import type { AccountFields, MappedRecord, Tombstone } from './mapped-record.js';
import { buildRecord, MapIssues, refById } from './record-builder.util.js';
import { enumName, flag, lookupEnum, text } from './xero-value.util.js';

export type MappedAccount = MappedRecord<AccountFields>;

const TYPES: Record<string, AccountType> = {
  ...(Object.fromEntries(Object.values(AccountType).map((t) => [t, t])) as Record<string, AccountType>),
  // xero-node's enum lists the payroll liability type as PAYG; Xero answers PAYGLIABILITY.
  PAYG: AccountType.PAYGLIABILITY,
};

/** Xero derives Class from Type; used when the answer has no Class (Class is read-only in Xero). */
const CLASS_OF_TYPE: Record<AccountType, AccountClass> = {
  BANK: AccountClass.ASSET,
  CURRENT: AccountClass.ASSET,
  FIXED: AccountClass.ASSET,
  INVENTORY: AccountClass.ASSET,
  NONCURRENT: AccountClass.ASSET,
  PREPAYMENT: AccountClass.ASSET,
  CURRLIAB: AccountClass.LIABILITY,
  LIABILITY: AccountClass.LIABILITY,
  TERMLIAB: AccountClass.LIABILITY,
  PAYGLIABILITY: AccountClass.LIABILITY,
  SUPERANNUATIONLIABILITY: AccountClass.LIABILITY,
  EQUITY: AccountClass.EQUITY,
  REVENUE: AccountClass.REVENUE,
  SALES: AccountClass.REVENUE,
  OTHERINCOME: AccountClass.REVENUE,
  DEPRECIATN: AccountClass.EXPENSE,
  DIRECTCOSTS: AccountClass.EXPENSE,
  EXPENSE: AccountClass.EXPENSE,
  OVERHEADS: AccountClass.EXPENSE,
  SUPERANNUATIONEXPENSE: AccountClass.EXPENSE,
  WAGESEXPENSE: AccountClass.EXPENSE,
};

const STATUS: Record<string, [RecordStatus, Tombstone | null]> = {
  ACTIVE: [RecordStatus.ACTIVE, null],
  ARCHIVED: [RecordStatus.ARCHIVED, 'ARCHIVED'],
  DELETED: [RecordStatus.DELETED, 'DELETED'],
};

function accountClass(account: Account, type: AccountType, issues: MapIssues): AccountClass {
  const name = enumName(account._class);
  if (name && Object.values(AccountClass).includes(name as AccountClass)) return name as AccountClass;
  if (name) issues.warn(`Account Class "${name}" unknown: derived from Type`);
  return CLASS_OF_TYPE[type];
}

/** Maps a Xero Account (chart of accounts); ARCHIVED and DELETED become tombstones. */
export function mapXeroAccount(account: Account): MappedAccount {
  const issues = new MapIssues();
  const warn = (message: string) => issues.warn(message);
  const type = lookupEnum(TYPES, account.type, AccountType.EXPENSE, 'Account Type', warn);
  const [status, tombstone] = lookupEnum(
    STATUS,
    account.status ?? 'ACTIVE',
    STATUS.ACTIVE,
    'Account Status',
    warn,
  );
  const bankAccountType = enumName(account.bankAccountType);
  return buildRecord('Account', issues, {
    xeroId: text(account.accountID),
    idField: 'AccountID',
    updatedAt: account.updatedDateUTC,
    tombstone,
    fields: {
      code: text(account.code),
      name: issues.required('Name', text(account.name), ''),
      description: text(account.description),
      status,
      class: accountClass(account, type, issues),
      type,
      bankAccountNumber: text(account.bankAccountNumber),
      bankAccountType: bankAccountType === 'NONE' ? null : bankAccountType,
      currency: enumName(account.currencyCode),
      // Bank accounts always take payments; other accounts only with EnablePaymentsToAccount.
      enablePayments: type === AccountType.BANK || flag(account.enablePaymentsToAccount),
    },
    references: { taxCodeId: refById('TaxCode', text(account.taxType)) },
  });
}
