import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWriteHarness, type WriteHarness } from './writes-harness.js';

const ITEM_FIELDS = `record { id code name status syncStatus isInventoried quantityOnHand
  salePrice { netAmount } purchasePrice { netAmount } saleTaxCodeId purchaseTaxCodeId saleAccountId }
  syncStatus warnings operationId`;
const CREATE = `mutation ($input: ItemInput!) { createItem(input: $input) { ${ITEM_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: ItemInput!) { updateItem(id: $id, input: $input) { ${ITEM_FIELDS} } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: ItemInput!) {
  upsertItem(externalId: $externalId, input: $input) { ${ITEM_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteItem(id: $id) { ${ITEM_FIELDS} } }`;

interface ItemPayload {
  record: {
    id: string;
    code: string;
    name: string;
    status: string;
    syncStatus: string;
    isInventoried: boolean;
    quantityOnHand: string | null;
    salePrice: { netAmount: string } | null;
    purchasePrice: { netAmount: string } | null;
    saleTaxCodeId: string | null;
  };
  syncStatus: string;
  warnings: string[];
}

let h: WriteHarness;
let gst: string;
let gstFree: string;
let sales: string;
beforeAll(async () => {
  h = await startWriteHarness();
  gst = await h.idOf('tax_codes', "xero_id = 'OUTPUT'");
  gstFree = await h.idOf('tax_codes', "xero_id = 'EXEMPTOUTPUT'");
  sales = await h.idOf('accounts', "code = '200'");
});
afterAll(async () => {
  await h?.stop();
});

const db = () => h.gateway.gateway.services.db;
async function xeroItem(code: string) {
  const { body } = await h.xero.accountingApi.getItems(h.xeroTenantId, undefined, `Code=="${code}"`);
  return body.items?.[0];
}
async function snapshot() {
  return {
    items: await h.count('SELECT count(*) n FROM items'),
    events: await h.count('SELECT count(*) n FROM sync_events'),
    ops: await h.count('SELECT count(*) n FROM outbound_ops'),
    xero: (await h.xero.accountingApi.getItems(h.xeroTenantId)).body.items?.length,
  };
}

describe('item writes', () => {
  it('creates an item without a purchase price (rule 6): Xero and the cache agree, one event', async () => {
    const response = await h.graphql<{ createItem: ItemPayload }>(CREATE, {
      input: {
        code: 'SVC-1',
        name: 'Service one',
        salePrice: '99.5',
        saleAccountId: sales,
        saleTaxCodeIds: [gst],
      },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createItem;
    expect(payload.syncStatus).toBe('SYNCED');
    expect(payload.record.purchasePrice).toBeNull();
    expect(payload.record.salePrice?.netAmount).toBe('99.5');
    const inXero = await xeroItem('SVC-1');
    expect(inXero?.salesDetails).toMatchObject({ unitPrice: 99.5, accountCode: '200', taxType: 'OUTPUT' });
    expect(inXero?.purchaseDetails?.unitPrice).toBeUndefined();
    const [row] = await db().query('SELECT xero_id, sync_status FROM items WHERE id = $1', [
      payload.record.id,
    ]);
    expect(row).toEqual({ xero_id: inXero?.itemID, sync_status: 'SYNCED' });
    expect(
      await h.count('SELECT count(*) n FROM sync_events WHERE entity_id = $1', [payload.record.id]),
    ).toBe(1);
  });

  it('sends only the first of several tax codes and names the others in a warning (rule 7)', async () => {
    const response = await h.graphql<{ createItem: ItemPayload }>(CREATE, {
      input: { code: 'MULTI-TAX', salePrice: '10', saleTaxCodeIds: [gst, gstFree] },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createItem;
    expect(payload.warnings).toEqual([
      expect.stringMatching(/"GST on Income" was sent; "GST Free Income" was not/),
    ]);
    expect(payload.record.saleTaxCodeId).toBe(gst);
    expect((await xeroItem('MULTI-TAX'))?.salesDetails?.taxType).toBe('OUTPUT');
  });

  it('sends a name over 50 characters cut to 50, with a warning (rule 8)', async () => {
    const name = 'A very long product name that goes well past fifty characters';
    const response = await h.graphql<{ createItem: ItemPayload }>(CREATE, {
      input: { code: 'LONG-NAME', name },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createItem;
    expect(payload.record.name).toBe(name.slice(0, 50));
    expect(payload.warnings[0]).toMatch(/cut to 50/);
    expect((await xeroItem('LONG-NAME'))?.name).toBe(name.slice(0, 50));
  });

  it('refuses quantityOnHand with a warning; a tracked item stays tracked by Xero (rule 14)', async () => {
    const id = await h.idOf('items', "code = 'WIDGET'");
    const before = await xeroItem('WIDGET');
    const response = await h.graphql<{ updateItem: ItemPayload }>(UPDATE, {
      id,
      input: { quantityOnHand: '999', purchasePrice: '21' },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.updateItem;
    expect(payload.warnings).toEqual([expect.stringMatching(/quantityOnHand was refused.*read-only/)]);
    expect(payload.record.isInventoried).toBe(true);
    expect(payload.record.quantityOnHand).toBe(String(before?.quantityOnHand));
    const after = await xeroItem('WIDGET');
    expect(after?.isTrackedAsInventory).toBe(true);
    expect(after?.quantityOnHand).toBe(before?.quantityOnHand);
    expect(after?.purchaseDetails).toMatchObject({ unitPrice: 21, cOGSAccountCode: '310' });
    expect(after?.salesDetails).toEqual(before?.salesDetails);
  });

  it('deletes an item in Xero and keeps it as DELETED', async () => {
    const created = await h.graphql<{ createItem: ItemPayload }>(CREATE, { input: { code: 'GONE-1' } });
    const id = created.data!.createItem.record.id;
    const response = await h.graphql<{ deleteItem: ItemPayload }>(DELETE, { id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.deleteItem.record.status).toBe('DELETED');
    expect(await xeroItem('GONE-1')).toBeUndefined();
    const actions = await db().query('SELECT action FROM sync_events WHERE entity_id = $1 ORDER BY seq', [
      id,
    ]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATED', 'DELETED']);
  });

  it('upserts by the app’s own id: the same call twice makes one item in the cache and in Xero', async () => {
    const variables = {
      externalId: { provider: 'shop', id: 'SKU-5' },
      input: { code: 'SKU-5', salePrice: '5' },
    };
    const first = await h.graphql<{ upsertItem: ItemPayload }>(UPSERT, variables);
    const second = await h.graphql<{ upsertItem: ItemPayload }>(UPSERT, variables);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.upsertItem.record.id).toBe(first.data!.upsertItem.record.id);
    expect(await h.count("SELECT count(*) n FROM items WHERE code = 'SKU-5'")).toBe(1);
    expect(
      (await h.xero.accountingApi.getItems(h.xeroTenantId, undefined, 'Code=="SKU-5"')).body.items,
    ).toHaveLength(1);
    expect(
      await h.count('SELECT count(*) n FROM sync_events WHERE entity_id = $1', [
        first.data!.upsertItem.record.id,
      ]),
    ).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a missing code', { name: 'No code' }, 'code', /needs a code/],
    ['an overlong code', { code: 'C'.repeat(31) }, 'code', /30/],
    ['a negative price', { code: 'NEG', salePrice: '-1' }, 'salePrice', /negative/],
    ['a code already used', { code: 'DEV-HR' }, 'code', /Another item/],
    [
      'an unknown tax code',
      { code: 'UNK', saleTaxCodeIds: ['00000000-0000-4000-8000-000000000000'] },
      'saleTaxCodeIds.0',
      /No TaxCode/,
    ],
    [
      'an unknown account',
      { code: 'UNK2', saleAccount: { provider: 'crm', id: 'nope' } },
      'saleAccount',
      /No Account/,
    ],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_label, input, path, message) => {
    const before = await snapshot();
    const response = await h.graphql(CREATE, { input });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fieldErrors = response.errors?.[0].extensions?.fieldErrors as Array<{
      path: string;
      message: string;
    }>;
    expect(fieldErrors.find((e) => e.path === path)?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});
