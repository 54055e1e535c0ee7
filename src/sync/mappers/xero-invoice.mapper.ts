import type { Invoice } from 'xero-node';
import { PartyType, TransactionStatus } from '../../schema/enums.js';
import { addDecimal, decimal, decimalOrZero, subtractDecimal } from './decimal.util.js';
import type { MappedInvoice, Tombstone } from './mapped-record.js';
import { buildRecord, MapIssues } from './record-builder.util.js';
import {
  currency,
  documentAmounts,
  mapLines,
  partyReferences,
  taxCalculation,
} from './xero-transaction.util.js';
import { calendarDate, enumName, lookupEnum, text } from './xero-value.util.js';

const INVOICE_TYPE: Record<string, PartyType> = { ACCREC: PartyType.CUSTOMER, ACCPAY: PartyType.SUPPLIER };

export const TRANSACTION_STATUS: Record<string, TransactionStatus> = {
  DRAFT: TransactionStatus.DRAFT,
  SUBMITTED: TransactionStatus.SUBMITTED,
  AUTHORISED: TransactionStatus.AUTHORISED,
  PAID: TransactionStatus.PAID,
  VOIDED: TransactionStatus.VOIDED,
  DELETED: TransactionStatus.DELETED,
};

/** VOIDED and DELETED documents are gone in Xero; the cache keeps them as tombstones. */
export function transactionTombstone(status: TransactionStatus): Tombstone | null {
  if (status === TransactionStatus.VOIDED) return 'VOIDED';
  if (status === TransactionStatus.DELETED) return 'DELETED';
  return null;
}

/**
 * Xero's AmountDue, or when absent (summary shapes) total - paid - credited; a PAID invoice owes nothing.
 * AmountCredited covers credit notes, prepayments and overpayments applied.
 */
function balance(invoice: Invoice, status: TransactionStatus): string {
  const due = decimal(invoice.amountDue);
  if (due !== null) return due;
  if (status === TransactionStatus.PAID) return '0';
  const settled = addDecimal(decimalOrZero(invoice.amountPaid), decimalOrZero(invoice.amountCredited));
  return subtractDecimal(decimalOrZero(invoice.total), settled);
}

/** Maps a Xero Invoice (ACCREC sales invoice or ACCPAY bill) with its lines. */
export function mapXeroInvoice(invoice: Invoice): MappedInvoice {
  const issues = new MapIssues();
  const warn = (message: string) => issues.warn(message);
  // Bills are the only ACCPAY* type an /Invoices answer holds; anything unknown is read by its prefix.
  const typeName = enumName(invoice.type);
  const fallbackType = typeName?.startsWith('ACCPAY') ? PartyType.SUPPLIER : PartyType.CUSTOMER;
  const type = lookupEnum(INVOICE_TYPE, invoice.type, fallbackType, 'Invoice Type', warn);
  const status = lookupEnum(
    TRANSACTION_STATUS,
    invoice.status,
    TransactionStatus.DRAFT,
    'Invoice Status',
    warn,
  );
  const calculation = taxCalculation(invoice.lineAmountTypes, issues);
  return buildRecord('Invoice', issues, {
    xeroId: text(invoice.invoiceID),
    idField: 'InvoiceID',
    updatedAt: invoice.updatedDateUTC,
    tombstone: transactionTombstone(status),
    fields: {
      type,
      status,
      transactionNumber: text(invoice.invoiceNumber),
      transactionDate: issues.required('Date', calendarDate(invoice.date), ''),
      dueDate: calendarDate(invoice.dueDate),
      reference: text(invoice.reference),
      currency: currency(invoice.currencyCode),
      taxCalculation: calculation,
      ...documentAmounts(invoice),
      balance: balance(invoice, status),
      paidAmount: decimalOrZero(invoice.amountPaid),
    },
    references: partyReferences(invoice.contact),
    children: { lines: mapLines(invoice.lineItems, calculation) },
  });
}
