import type { Invoice, Payment } from 'xero-node';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroInvoice } from '../mappers/xero-invoice.mapper.js';
import { mapXeroPayment } from '../mappers/xero-payment.mapper.js';
import type { XeroApi, XeroCallTarget } from '../xero/xero-api.js';
import { registerOutbound } from './outbound-descriptor.js';

/** Xero's payment, with the invoice as it stands after it (its balance and status moved). */
type PaymentAnswer = Payment & { paidInvoice?: Invoice };

/** The paid invoice, re-read so the cache shows its new balance at once; a failed read waits for the sync. */
async function paidInvoice(api: XeroApi, target: XeroCallTarget, payment: Payment | undefined) {
  const invoiceId = payment?.invoice?.invoiceID;
  if (!invoiceId) return undefined;
  try {
    const body = await api.call(target, (client, tenant) =>
      client.accountingApi.getInvoice(tenant, invoiceId, 4),
    );
    return body.invoices?.[0];
  } catch {
    return undefined;
  }
}

/** Payments: PUT /Payments creates; POST /Payments/{id} `{Status: DELETED}` deletes (they are never edited). */
export const paymentOutbound = registerOutbound({
  entity: 'Payment',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    const body = await api.call(target, (client, tenant) =>
      operation === 'CREATE'
        ? client.accountingApi.createPayment(tenant, request as Payment, idempotencyKey)
        : client.accountingApi.deletePayment(tenant, xeroId!, { status: 'DELETED' }, idempotencyKey),
    );
    const payment = body.payments?.[0];
    if (!payment) return undefined;
    return { ...payment, paidInvoice: await paidInvoice(api, target, payment) } as PaymentAnswer;
  },
  map: (answer) => mapXeroPayment(answer as Payment) as unknown as AnyMapped,
  async fetch(api, target, xeroId) {
    const body = await api.call(target, (client, tenant) => client.accountingApi.getPayment(tenant, xeroId));
    return body.payments?.[0];
  },
  companions(answer, extra) {
    const invoice = (answer as PaymentAnswer).paidInvoice;
    const invoiceId = extra?.invoiceId as string | undefined;
    if (!invoice || !invoiceId) return [];
    return [
      { entity: 'Invoice', connecId: invoiceId, mapped: mapXeroInvoice(invoice) as unknown as AnyMapped },
    ];
  },
});
