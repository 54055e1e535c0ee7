import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWriteHarness, type WriteHarness } from './writes-harness.js';

const FIELDS = `record { id status reference deliveryDate syncStatus organizationId
  amount { netAmount taxAmount totalAmount } lines { description quantity unitPrice } }
  syncStatus warnings operationId`;
const CREATE = `mutation ($input: PurchaseOrderInput!) { createPurchaseOrder(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: PurchaseOrderInput!) { updatePurchaseOrder(id: $id, input: $input) { ${FIELDS} } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: PurchaseOrderInput!) {
  upsertPurchaseOrder(externalId: $externalId, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deletePurchaseOrder(id: $id) { ${FIELDS} } }`;

interface Payload {
  record: { id: string; status: string; reference: string; amount: { totalAmount: string } };
  syncStatus: string;
}

let h: WriteHarness;
let supplierId: string;
let expenses: string;
let gstIn: string;
beforeAll(async () => {
  h = await startWriteHarness();
  supplierId = await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name DESC");
  expenses = await h.idOf('accounts', "code = '453'");
  gstIn = await h.idOf('tax_codes', "xero_id = 'INPUT'");
});
afterAll(async () => {
  await h?.stop();
});

const line = () => ({
  description: 'Paper',
  quantity: '10',
  unitPrice: '3.5',
  accountId: expenses,
  taxCodeId: gstIn,
});
async function inXero(reference: string) {
  const { body } = await h.xero.accountingApi.getPurchaseOrders(h.xeroTenantId);
  return (body.purchaseOrders ?? []).filter((order) => order.reference === reference);
}

describe('purchase order writes', () => {
  it('creates a purchase order from another app in Xero, with Xero’s totals in the cache (rule 9)', async () => {
    const response = await h.graphql<{ createPurchaseOrder: Payload }>(CREATE, {
      input: {
        organizationId: supplierId,
        reference: 'po-1',
        status: 'AUTHORISED',
        deliveryDate: '2026-12-01',
        lines: [line()],
      },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createPurchaseOrder;
    expect(payload.syncStatus).toBe('SYNCED');
    const [order] = await inXero('po-1');
    expect(String(order.status)).toBe('AUTHORISED');
    expect(order.total).toBe(38.5);
    expect(payload.record.amount.totalAmount).toBe('38.5');
    const [row] = await h.gateway.gateway.services.db.query(
      'SELECT xero_id FROM purchase_orders WHERE id = $1',
      [payload.record.id],
    );
    expect(row.xero_id).toBe(order.purchaseOrderID);
    expect(
      await h.count('SELECT count(*) n FROM sync_events WHERE entity_id = $1', [payload.record.id]),
    ).toBe(1);
  });

  it('updates and deletes a purchase order in Xero', async () => {
    const created = await h.graphql<{ createPurchaseOrder: Payload }>(CREATE, {
      input: { organizationId: supplierId, reference: 'po-2', lines: [line()] },
    });
    const id = created.data!.createPurchaseOrder.record.id;
    const updated = await h.graphql<{ updatePurchaseOrder: Payload }>(UPDATE, {
      id,
      input: { reference: 'po-2b' },
    });
    expect(updated.errors).toBeUndefined();
    expect(await inXero('po-2b')).toHaveLength(1);
    const deleted = await h.graphql<{ deletePurchaseOrder: Payload }>(DELETE, { id });
    expect(deleted.data!.deletePurchaseOrder.record.status).toBe('DELETED');
    expect(String((await inXero('po-2b'))[0].status)).toBe('DELETED');
  });

  it('upserts by the app’s own id: the same call twice makes one purchase order', async () => {
    const variables = {
      externalId: { provider: 'erp', id: 'PO-77' },
      input: { organizationId: supplierId, reference: 'po-77', lines: [line()] },
    };
    const first = await h.graphql<{ upsertPurchaseOrder: Payload }>(UPSERT, variables);
    const second = await h.graphql<{ upsertPurchaseOrder: Payload }>(UPSERT, variables);
    expect(second.data!.upsertPurchaseOrder.record.id).toBe(first.data!.upsertPurchaseOrder.record.id);
    expect(await inXero('po-77')).toHaveLength(1);
    expect(await h.count("SELECT count(*) n FROM purchase_orders WHERE reference = 'po-77'")).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['no supplier', { lines: [line()] }, 'organizationId', /purchase order needs a supplier/],
    ['no lines', { organizationId: 'SUPPLIER' }, 'lines', /purchase order needs at least one line/],
    [
      'a BILLED status',
      { organizationId: 'SUPPLIER', status: 'BILLED', lines: [line()] },
      'status',
      /DRAFT, SUBMITTED or AUTHORISED/,
    ],
    [
      'a delivery before the date',
      {
        organizationId: 'SUPPLIER',
        transactionDate: '2026-05-02',
        deliveryDate: '2026-05-01',
        lines: [line()],
      },
      'deliveryDate',
      /on or after/,
    ],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_label, input, path, message) => {
    const before = [
      await h.count('SELECT count(*) n FROM purchase_orders'),
      (await h.xero.accountingApi.getPurchaseOrders(h.xeroTenantId)).body.purchaseOrders?.length,
    ];
    const response = await h.graphql(CREATE, {
      input: { ...input, ...(input.organizationId ? { organizationId: supplierId } : {}) },
    });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fieldErrors = response.errors?.[0].extensions?.fieldErrors as Array<{
      path: string;
      message: string;
    }>;
    expect(fieldErrors.find((e) => e.path === path)?.message).toMatch(message);
    expect([
      await h.count('SELECT count(*) n FROM purchase_orders'),
      (await h.xero.accountingApi.getPurchaseOrders(h.xeroTenantId)).body.purchaseOrders?.length,
    ]).toEqual(before);
  });
});
