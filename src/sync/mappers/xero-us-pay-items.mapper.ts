import { PayItemType, RecordStatus } from '../../schema/enums.js';
import { decimal } from './decimal.util.js';
import { buildRecord, MapIssues } from './record-builder.util.js';
import type { MappedPayItem } from './xero-au-pay-items.mapper.js';
import type { UsPayItems } from './xero-us-payroll.schema.js';
import { enumName, flag, text } from './xero-value.util.js';

type RawPayItem = Record<string, unknown>;

/**
 * Each US pay item kind names its id and label after itself (EarningsTypeID + EarningsType,
 * BenefitTypeID + BenefitType, ...) and its account in a field of its own.
 */
const KINDS: Array<{ list: keyof UsPayItems; kind: string; type: PayItemType; accounts: string[] }> = [
  {
    list: 'EarningsTypes',
    kind: 'EarningsType',
    type: PayItemType.EARNINGS,
    accounts: ['ExpenseAccountCode'],
  },
  {
    list: 'BenefitTypes',
    kind: 'BenefitType',
    type: PayItemType.BENEFIT,
    accounts: ['LiabilityAccountCode', 'ExpenseAccountCode'],
  },
  {
    list: 'DeductionTypes',
    kind: 'DeductionType',
    type: PayItemType.DEDUCTION,
    accounts: ['LiabilityAccountCode'],
  },
  {
    list: 'ReimbursementTypes',
    kind: 'ReimbursementType',
    type: PayItemType.REIMBURSEMENT,
    accounts: ['ExpenseOrLiabilityAccountCode'],
  },
  {
    list: 'TimeOffTypes',
    kind: 'TimeOffType',
    type: PayItemType.LEAVE,
    accounts: ['LiabilityAccountCode', 'ExpenseAccountCode'],
  },
];

function mapUsPayItem(raw: RawPayItem, kind: (typeof KINDS)[number]): MappedPayItem {
  const issues = new MapIssues();
  // Xero keeps superseded pay items with CurrentRecord false.
  const archived =
    raw.CurrentRecord === false || (typeof raw.CurrentRecord === 'string' && !flag(raw.CurrentRecord));
  return buildRecord('PayItem', issues, {
    xeroId: text(raw[`${kind.kind}ID`]),
    idField: `${kind.kind}ID`,
    updatedAt: raw.UpdatedDateUTC,
    tombstone: archived ? 'ARCHIVED' : null,
    fields: {
      type: kind.type,
      name: issues.required(kind.kind, text(raw[kind.kind]) ?? text(raw.Name), ''),
      status: archived ? RecordStatus.ARCHIVED : RecordStatus.ACTIVE,
      rateType: enumName(raw.RateType ?? raw.CalculationType),
      ratePerUnit: decimal(raw.RatePerUnit ?? raw.Rate),
      multiplier: decimal(raw.Multiple ?? raw.Multiplier),
      accountCode: kind.accounts.map((a) => text(raw[a])).find((c) => c !== null) ?? null,
    },
  });
}

/** Maps the legacy US Payroll PayItems object (earnings, benefit, deduction, reimbursement, time-off types). */
export function mapXeroUsPayItems(payItems: UsPayItems | undefined): MappedPayItem[] {
  return KINDS.flatMap((kind) =>
    ((payItems?.[kind.list] as RawPayItem[] | null | undefined) ?? []).map((raw) => mapUsPayItem(raw, kind)),
  );
}
