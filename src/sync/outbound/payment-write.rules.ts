import type { EntityManager } from 'typeorm';
import type { FieldError } from '../../errors.js';
import { AccountType, RecordStatus, TransactionStatus } from '../../schema/enums.js';
import type { PaymentInput } from '../../schema/payment.input.js';
import { compareDecimal } from '../mappers/connec-payment.mapper.js';
import { refuse } from './organization-write.rules.js';
import { lookupReferences, type RefInput } from './reference-lookup.js';

const MAX_TEXT = 255;

/** What rule 13 promises to say when a payment has nowhere to go. */
export const NO_BANK_ACCOUNT =
  'This payment references no bank account and the organisation has no default bank account in Xero, so Xero would not process it: it was not sent, and the invoice stays AUTHORISED. Give accountId (a BANK account), or set up a bank account in Xero.';

export interface ResolvedPayment {
  invoiceId: string;
  invoiceXeroId: string;
  accountId: string;
  accountXeroId: string;
  amount: string;
  transactionDate: string | null;
  reference: string | null;
  currency: string | null;
  type: string;
}

/** Field rules that need no database. Pure. */
export function checkPaymentFields(input: PaymentInput): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  if (!input.invoiceId && !input.invoice) add('invoiceId', 'A payment needs the invoice it pays.');
  if (input.invoiceId && input.invoice) add('invoice', 'Give invoiceId or invoice, not both.');
  if (input.accountId && input.account) add('account', 'Give accountId or account, not both.');
  if (compareDecimal(input.amount, '0') <= 0) add('amount', 'Must be more than zero.');
  if ((input.reference?.length ?? 0) > MAX_TEXT) add('reference', `Must be at most ${MAX_TEXT} characters.`);
  return errors;
}

/**
 * Validates a payment against the cache: the invoice must be AUTHORISED with enough due, and the
 * money needs a bank account, given or the organisation's default one (rule 13), or it is refused.
 */
export async function resolvePaymentInput(
  manager: EntityManager,
  tenantId: string,
  input: PaymentInput,
): Promise<{ payment: ResolvedPayment; warnings: string[] }> {
  refuse(checkPaymentFields(input));
  const invoicePath = input.invoice ? 'invoice' : 'invoiceId';
  const accountPath = input.account ? 'account' : 'accountId';
  const refs: RefInput[] = [
    { path: invoicePath, entity: 'Invoice', id: input.invoiceId, external: input.invoice },
    { path: accountPath, entity: 'Account', id: input.accountId, external: input.account },
  ];
  const found = await lookupReferences(manager, tenantId, refs);
  refuse(found.errors);
  const invoice = found.rows.get(invoicePath)!;
  const errors: FieldError[] = [];
  if (invoice.status !== TransactionStatus.AUTHORISED) {
    errors.push({
      path: invoicePath,
      message: `This invoice is ${String(invoice.status)}: Xero takes payments of AUTHORISED invoices only.`,
    });
  } else if (compareDecimal(input.amount, String(invoice.balance)) > 0) {
    errors.push({ path: 'amount', message: `Must be at most the amount due (${String(invoice.balance)}).` });
  }
  if (!invoice.xeroId) errors.push({ path: invoicePath, message: 'This invoice is not in Xero yet.' });
  const warnings: string[] = [];
  let account = found.rows.get(accountPath);
  if (account && account.type !== AccountType.BANK && !account.enablePayments) {
    errors.push({
      path: accountPath,
      message: 'Payments go to a BANK account or one that accepts payments.',
    });
  }
  if (!account && errors.length === 0) {
    account = await defaultBankAccount(manager, tenantId, invoice.currency as string | null);
    if (!account) errors.push({ path: 'accountId', message: NO_BANK_ACCOUNT });
    else
      warnings.push(
        `No bank account was given: the organisation's default bank account ${String(account.code)} "${String(account.name)}" was used.`,
      );
  }
  refuse(errors);
  return {
    payment: {
      invoiceId: invoice.id,
      invoiceXeroId: invoice.xeroId!,
      accountId: account!.id,
      accountXeroId: account!.xeroId!,
      amount: input.amount,
      transactionDate: input.transactionDate ?? null,
      reference: input.reference ?? null,
      currency: invoice.currency as string | null,
      type: String(invoice.type),
    },
    warnings,
  };
}

/**
 * The organisation's default bank account: its first active BANK account (by code) in the invoice's
 * currency. Xero's API names no default, so this is the account Xero's own "receive a payment" offers first.
 */
async function defaultBankAccount(manager: EntityManager, tenantId: string, currency: string | null) {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM accounts WHERE tenant_id = $1 AND type = $2 AND status = $3 AND deleted_at IS NULL
        AND xero_id IS NOT NULL AND (currency IS NULL OR $4::text IS NULL OR currency = $4)
      ORDER BY code LIMIT 1`,
    [tenantId, AccountType.BANK, RecordStatus.ACTIVE, currency],
  );
  if (!rows[0]) return undefined;
  const found = await lookupReferences(manager, tenantId, [
    { path: 'default', entity: 'Account', id: rows[0].id },
  ]);
  return found.rows.get('default');
}
