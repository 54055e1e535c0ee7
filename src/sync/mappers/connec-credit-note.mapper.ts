import type { CreditNote } from 'xero-node';
import { PartyType } from '../../schema/enums.js';
import { pendingInvoiceFields, type ResolvedInvoice, toXeroInvoice } from './connec-invoice.mapper.js';

const XERO_TYPE: Record<PartyType, string> = { CUSTOMER: 'ACCRECCREDIT', SUPPLIER: 'ACCPAYCREDIT' };

/** The Xero CreditNote of a write: an invoice-shaped transaction numbered by CreditNoteNumber, no due date. */
export function toXeroCreditNote(note: ResolvedInvoice): CreditNote {
  const {
    type: _type,
    invoiceNumber,
    dueDate: _due,
    ...fields
  } = toXeroInvoice({
    ...note,
    type: undefined,
  }) as unknown as Record<string, unknown>;
  return {
    ...fields,
    ...(note.type ? { type: XERO_TYPE[note.type] } : {}),
    ...(invoiceNumber !== undefined ? { creditNoteNumber: invoiceNumber } : {}),
  } as CreditNote;
}

/** The cache fields of a credit note whose write is pending: the whole amount is still credit. */
export function pendingCreditNoteFields(note: ResolvedInvoice, isCreate: boolean): Record<string, unknown> {
  const {
    dueDate: _due,
    balance: _balance,
    paidAmount: _paid,
    ...fields
  } = pendingInvoiceFields(note, isCreate);
  return {
    ...fields,
    ...(isCreate
      ? { type: note.type ?? PartyType.CUSTOMER, remainingCredit: fields.totalAmount ?? '0' }
      : {}),
  };
}
