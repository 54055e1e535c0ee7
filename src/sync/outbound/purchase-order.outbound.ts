import type { PurchaseOrder } from 'xero-node';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroPurchaseOrder } from '../mappers/xero-purchase-order.mapper.js';
import { registerOutbound } from './outbound-descriptor.js';

/** Purchase orders (rule 9): PUT /PurchaseOrders creates, POST /PurchaseOrders/{id} updates and deletes. */
export const purchaseOrderOutbound = registerOutbound({
  entity: 'PurchaseOrder',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    const order = request as unknown as PurchaseOrder;
    const body = await api.call(target, (client, tenant) =>
      operation === 'CREATE'
        ? client.accountingApi.createPurchaseOrders(tenant, { purchaseOrders: [order] }, true, idempotencyKey)
        : client.accountingApi.updatePurchaseOrder(
            tenant,
            xeroId!,
            { purchaseOrders: [{ ...order, purchaseOrderID: xeroId! }] },
            idempotencyKey,
          ),
    );
    return body.purchaseOrders?.[0];
  },
  map: (answer) => mapXeroPurchaseOrder(answer as PurchaseOrder) as unknown as AnyMapped,
  async fetch(api, target, xeroId) {
    const body = await api.call(target, (client, tenant) =>
      client.accountingApi.getPurchaseOrder(tenant, xeroId),
    );
    return body.purchaseOrders?.[0];
  },
});
