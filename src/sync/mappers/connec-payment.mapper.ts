import type { Payment } from 'xero-node';
import { subtractDecimal } from './decimal.util.js';

/** Sign of a - b for exact decimal strings. */
export function compareDecimal(a: string, b: string): number {
  const difference = subtractDecimal(a, b);
  if (/^-/.test(difference) && /[1-9]/.test(difference)) return -1;
  return /[1-9]/.test(difference) ? 1 : 0;
}

/** A Connec! payment of an invoice -> Xero's Payment (amounts as numbers: xero-node's model says so). */
export function toXeroPayment(payment: {
  invoiceXeroId: string;
  accountXeroId: string;
  amount: string;
  transactionDate: string | null;
  reference: string | null;
}): Payment {
  return {
    invoice: { invoiceID: payment.invoiceXeroId },
    account: { accountID: payment.accountXeroId },
    amount: Number(payment.amount),
    ...(payment.transactionDate ? { date: payment.transactionDate } : {}),
    ...(payment.reference ? { reference: payment.reference } : {}),
  } as Payment;
}
