import type { Allocation, CreditNote } from 'xero-node';
import { PartyType, TransactionStatus } from '../../schema/enums.js';
import { decimalOrZero } from './decimal.util.js';
import type { CreditNoteAllocationFields, MappedChild, MappedCreditNote } from './mapped-record.js';
import { buildRecord, MapIssues, refById } from './record-builder.util.js';
import { TRANSACTION_STATUS, transactionTombstone } from './xero-invoice.mapper.js';
import {
  currency,
  documentAmounts,
  mapLines,
  partyReferences,
  taxCalculation,
} from './xero-transaction.util.js';
import { calendarDate, enumName, flag, lookupEnum, text } from './xero-value.util.js';

const TYPE: Record<string, PartyType> = {
  ACCRECCREDIT: PartyType.CUSTOMER,
  ACCPAYCREDIT: PartyType.SUPPLIER,
};

/**
 * Allocations applied to invoices. Xero keeps deleted allocations in the list with IsDeleted; they no
 * longer reduce the invoice, so they are left out. Allocations to prepayments or overpayments have no
 * invoice and keep a null invoiceId.
 */
function mapAllocations(
  allocations: Allocation[] | undefined,
): Array<MappedChild<CreditNoteAllocationFields>> {
  return (allocations ?? [])
    .filter((a) => !flag(a.isDeleted))
    .map((a) => ({
      xeroId: text(a.allocationID),
      fields: { amount: decimalOrZero(a.amount), date: calendarDate(a.date) },
      references: { invoiceId: refById('Invoice', text(a.invoice?.invoiceID)) },
    }));
}

/** Maps a Xero CreditNote (ACCRECCREDIT to a customer, ACCPAYCREDIT from a supplier) with lines and allocations. */
export function mapXeroCreditNote(note: CreditNote): MappedCreditNote {
  const issues = new MapIssues();
  const warn = (message: string) => issues.warn(message);
  const fallbackType = enumName(note.type)?.startsWith('ACCPAY') ? PartyType.SUPPLIER : PartyType.CUSTOMER;
  const type = lookupEnum(TYPE, note.type, fallbackType, 'CreditNote Type', warn);
  const status = lookupEnum(
    TRANSACTION_STATUS,
    note.status,
    TransactionStatus.DRAFT,
    'CreditNote Status',
    warn,
  );
  const calculation = taxCalculation(note.lineAmountTypes, issues);
  return buildRecord('CreditNote', issues, {
    xeroId: text(note.creditNoteID),
    idField: 'CreditNoteID',
    updatedAt: note.updatedDateUTC,
    tombstone: transactionTombstone(status),
    fields: {
      type,
      status,
      transactionNumber: text(note.creditNoteNumber),
      transactionDate: issues.required('Date', calendarDate(note.date), ''),
      reference: text(note.reference),
      currency: currency(note.currencyCode),
      taxCalculation: calculation,
      ...documentAmounts(note),
      remainingCredit: decimalOrZero(note.remainingCredit),
    },
    references: partyReferences(note.contact),
    children: { lines: mapLines(note.lineItems, calculation), allocations: mapAllocations(note.allocations) },
  });
}
