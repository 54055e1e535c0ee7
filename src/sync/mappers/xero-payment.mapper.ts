import type { Payment } from 'xero-node';
import { PartyType, PaymentStatus } from '../../schema/enums.js';
import { decimalOrZero } from './decimal.util.js';
import type { MappedRecord, PaymentFields } from './mapped-record.js';
import { buildRecord, MapIssues, refById, refByIdOrCode } from './record-builder.util.js';
import { calendarDate, enumName, flag, lookupEnum, text } from './xero-value.util.js';

export type MappedPayment = MappedRecord<PaymentFields>;

const STATUS: Record<string, PaymentStatus> = {
  AUTHORISED: PaymentStatus.AUTHORISED,
  DELETED: PaymentStatus.DELETED,
};

/**
 * Receivable-side payments (ACCREC..., AR...) are the customer's; payable-side (ACCPAY..., AP...) the
 * supplier's. Without PaymentType, the paid document's type decides.
 */
function paymentSide(payment: Payment, warn: (message: string) => void): PartyType {
  const names = [payment.paymentType, payment.invoice?.type, payment.creditNote?.type].map(enumName);
  const known = names.find(
    (n) => n?.startsWith('ACCPAY') || n?.startsWith('AP') || n?.startsWith('ACCREC') || n?.startsWith('AR'),
  );
  if (!known) {
    warn('PaymentType missing: using CUSTOMER');
    return PartyType.CUSTOMER;
  }
  return known.startsWith('ACCPAY') || known.startsWith('AP') ? PartyType.SUPPLIER : PartyType.CUSTOMER;
}

/**
 * Maps a Xero Payment of an invoice or a credit note (prepayment and overpayment payments have neither
 * and keep null references). Payments are never edited in Xero, only DELETED: that is a tombstone.
 */
export function mapXeroPayment(payment: Payment): MappedPayment {
  const issues = new MapIssues();
  const warn = (message: string) => issues.warn(message);
  const status = lookupEnum(
    STATUS,
    payment.status ?? 'AUTHORISED',
    PaymentStatus.AUTHORISED,
    'Payment Status',
    warn,
  );
  // A Payment has no currency of its own: it is the paid document's.
  const currency = enumName(payment.invoice?.currencyCode) ?? enumName(payment.creditNote?.currencyCode);
  return buildRecord('Payment', issues, {
    xeroId: text(payment.paymentID),
    idField: 'PaymentID',
    updatedAt: payment.updatedDateUTC,
    tombstone: status === PaymentStatus.DELETED ? 'DELETED' : null,
    fields: {
      type: paymentSide(payment, warn),
      status,
      transactionDate: issues.required('Date', calendarDate(payment.date), ''),
      amount: decimalOrZero(payment.amount),
      currency,
      reference: text(payment.reference),
      isReconciled: flag(payment.isReconciled),
    },
    references: {
      accountId: refByIdOrCode('Account', text(payment.account?.accountID), text(payment.account?.code)),
      invoiceId: refById('Invoice', text(payment.invoice?.invoiceID)),
      creditNoteId: refById('CreditNote', text(payment.creditNote?.creditNoteID)),
    },
  });
}
