import type { Invoice } from 'xero-node';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroInvoice } from '../mappers/xero-invoice.mapper.js';
import { batchElements, registerOutbound } from './outbound-descriptor.js';

/** Unit prices keep 4 decimals (Xero rounds to 2 without unitdp). */
const UNIT_DP = 4;

/** Invoices: PUT /Invoices creates, POST /Invoices/{id} updates, voids and deletes. */
export const invoiceOutbound = registerOutbound({
  entity: 'Invoice',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    const invoices = { invoices: [request as Invoice] };
    const body = await api.call(target, (client, tenant) =>
      operation === 'CREATE'
        ? client.accountingApi.createInvoices(tenant, invoices, true, UNIT_DP, idempotencyKey)
        : client.accountingApi.updateInvoice(
            tenant,
            xeroId!,
            { invoices: [{ ...(request as Invoice), invoiceID: xeroId! }] },
            UNIT_DP,
            idempotencyKey,
          ),
    );
    return body.invoices?.[0];
  },
  map: (answer) => mapXeroInvoice(answer as Invoice) as unknown as AnyMapped,
  async fetch(api, target, xeroId) {
    const body = await api.call(target, (client, tenant) =>
      client.accountingApi.getInvoice(tenant, xeroId, UNIT_DP),
    );
    return body.invoices?.[0];
  },
  async pushMany(api, target, requests, idempotencyKey) {
    const body = await api.call(target, (client, tenant) =>
      client.accountingApi.createInvoices(
        tenant,
        { invoices: requests as unknown as Invoice[] },
        false,
        UNIT_DP,
        idempotencyKey,
      ),
    );
    return batchElements(body.invoices, requests.length);
  },
});
