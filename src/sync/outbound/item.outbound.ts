import type { Item } from 'xero-node';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroItem } from '../mappers/xero-item.mapper.js';
import { batchElements, registerOutbound } from './outbound-descriptor.js';

/** Unit prices keep 4 decimals (Xero rounds to 2 without unitdp). */
const UNIT_DP = 4;

/** Xero answers a DELETE with no body: the last version read, marked so the mapper makes it a tombstone. */
type DeletedItem = Item & { deleted?: true };

/** Items: PUT /Items creates, POST /Items/{id} updates, DELETE /Items/{id} deletes. */
export const itemOutbound = registerOutbound({
  entity: 'Item',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    if (operation === 'DELETE') {
      const body = await api.call(target, (client, tenant) =>
        client.accountingApi.getItem(tenant, xeroId!, UNIT_DP),
      );
      await api.call(target, async (client, tenant) => {
        const result = await client.accountingApi.deleteItem(tenant, xeroId!);
        return { ...result, body: null };
      });
      const last = body.items?.[0];
      return last ? ({ ...last, deleted: true } as DeletedItem) : undefined;
    }
    const body = await api.call(target, (client, tenant) =>
      operation === 'CREATE'
        ? client.accountingApi.createItems(
            tenant,
            { items: [request as unknown as Item] },
            true,
            UNIT_DP,
            idempotencyKey,
          )
        : client.accountingApi.updateItem(
            tenant,
            xeroId!,
            { items: [{ ...(request as unknown as Item), itemID: xeroId! }] },
            UNIT_DP,
            idempotencyKey,
          ),
    );
    return body.items?.[0];
  },
  map(answer) {
    const item = answer as DeletedItem;
    const mapped = mapXeroItem(item) as unknown as AnyMapped;
    if (!item.deleted) return mapped;
    return { ...mapped, tombstone: 'DELETED', fields: { ...(mapped.fields as object), status: 'DELETED' } };
  },
  async fetch(api, target, xeroId) {
    const body = await api.call(target, (client, tenant) =>
      client.accountingApi.getItem(tenant, xeroId, UNIT_DP),
    );
    return body.items?.[0];
  },
  async pushMany(api, target, requests, idempotencyKey) {
    const body = await api.call(target, (client, tenant) =>
      client.accountingApi.createItems(
        tenant,
        { items: requests as unknown as Item[] },
        false,
        UNIT_DP,
        idempotencyKey,
      ),
    );
    return batchElements(body.items, requests.length);
  },
});
