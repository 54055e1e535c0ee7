import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWriteHarness, type WriteHarness, waitForOpsDone } from './writes-harness.js';

const FIELDS = `record { id name taxType status effectiveRate syncStatus components { name rate isCompound } }
  syncStatus warnings operationId`;
const CREATE = `mutation ($input: TaxCodeInput!) { createTaxCode(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: TaxCodeInput!, $force: Boolean) {
  updateTaxCode(id: $id, input: $input, force: $force) { ${FIELDS} } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: TaxCodeInput!) {
  upsertTaxCode(externalId: $externalId, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteTaxCode(id: $id) { ${FIELDS} } }`;

interface Payload {
  record: {
    id: string;
    name: string;
    taxType: string;
    status: string;
    effectiveRate: string;
    syncStatus: string;
    components: Array<{ name: string; rate: string; isCompound: boolean }>;
  };
  syncStatus: string;
  operationId: string | null;
}

let h: WriteHarness;
beforeAll(async () => {
  h = await startWriteHarness();
});
afterAll(async () => {
  await h?.stop();
});

const db = () => h.gateway.gateway.services.db;
const stateTax = (rate = '2.25', isCompound = false) => ({ name: 'State Tax', rate, isCompound });
const input = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  reportTaxType: 'OUTPUT',
  components: [stateTax()],
  ...extra,
});

async function create(name: string, extra: Record<string, unknown> = {}): Promise<Payload> {
  const response = await h.graphql<{ createTaxCode: Payload }>(CREATE, { input: input(name, extra) });
  expect(response.errors).toBeUndefined();
  return response.data!.createTaxCode;
}

async function xeroRate(taxType: string) {
  const { body } = await h.xero.accountingApi.getTaxRateByTaxType(h.xeroTenantId, taxType);
  return body.taxRates?.[0];
}

async function xeroRatesNamed(name: string) {
  const { body } = await h.xero.accountingApi.getTaxRates(h.xeroTenantId, `Name=="${name}"`);
  return body.taxRates ?? [];
}

const eventsOf = async (id: string) =>
  db().query('SELECT action, origin FROM sync_events WHERE entity_id = $1 ORDER BY seq', [id]);

describe('tax code writes', () => {
  it('creates a tax rate in Xero: SYNCED with the TaxType Xero issued, one event from the app, no echo', async () => {
    const payload = await create('CA State Tax');
    expect(payload.syncStatus).toBe('SYNCED');
    expect(payload.record).toMatchObject({
      name: 'CA State Tax',
      status: 'ACTIVE',
      effectiveRate: '2.25',
      syncStatus: 'SYNCED',
      components: [stateTax()],
    });
    expect(payload.record.taxType).toMatch(/^TAX\d{3}$/);
    const [row] = await db().query('SELECT xero_id, sync_status FROM tax_codes WHERE id = $1', [
      payload.record.id,
    ]);
    expect(row).toEqual({ xero_id: payload.record.taxType, sync_status: 'SYNCED' });
    const inXero = await xeroRate(payload.record.taxType);
    expect(inXero).toMatchObject({
      name: 'CA State Tax',
      effectiveRate: 2.25,
      taxComponents: [{ name: 'State Tax', rate: 2.25, isCompound: false }],
    });
    expect(String(inXero?.reportTaxType)).toBe('OUTPUT');
    expect(await eventsOf(payload.record.id)).toEqual([{ action: 'CREATED', origin: 'crm' }]);
    // TaxRates are re-read whole on every sync: reading our own rate back appends nothing.
    const before = await h.count('SELECT count(*) n FROM sync_events');
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    expect(await h.count('SELECT count(*) n FROM sync_events')).toBe(before);
  });

  it('updates the name and components in Xero, compounding the effective rate as Xero does', async () => {
    const created = await create('Provincial Tax');
    const response = await h.graphql<{ updateTaxCode: Payload }>(UPDATE, {
      id: created.record.id,
      input: {
        name: 'GST + PST',
        components: [
          { name: 'GST', rate: '5', isCompound: false },
          { name: 'PST', rate: '7', isCompound: true },
        ],
      },
      force: true,
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.updateTaxCode;
    expect(payload.record).toMatchObject({
      id: created.record.id,
      name: 'GST + PST',
      taxType: created.record.taxType,
      effectiveRate: '12.35',
      syncStatus: 'SYNCED',
    });
    const inXero = await xeroRate(created.record.taxType);
    expect(inXero).toMatchObject({ name: 'GST + PST', effectiveRate: 12.35 });
    expect(inXero?.taxComponents?.map((c) => [c.name, c.rate, c.isCompound])).toEqual([
      ['GST', 5, false],
      ['PST', 7, true],
    ]);
    expect((await eventsOf(created.record.id)).map((e: { action: string }) => e.action)).toEqual([
      'CREATED',
      'UPDATED',
    ]);
  });

  it('upserts by the app’s own id: the same call twice makes one tax code in the cache and in Xero', async () => {
    const variables = { externalId: { provider: 'erp', id: 'TAX-NY' }, input: input('NY State Tax') };
    const first = await h.graphql<{ upsertTaxCode: Payload }>(UPSERT, variables);
    const second = await h.graphql<{ upsertTaxCode: Payload }>(UPSERT, variables);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.upsertTaxCode.record.id).toBe(first.data!.upsertTaxCode.record.id);
    expect(await h.count("SELECT count(*) n FROM tax_codes WHERE name = 'NY State Tax'")).toBe(1);
    expect(await xeroRatesNamed('NY State Tax')).toHaveLength(1);
  });

  it('deletes an unused tax rate in Xero and keeps it as DELETED; a second delete is refused', async () => {
    const created = await create('Soon Deleted');
    const response = await h.graphql<{ deleteTaxCode: Payload }>(DELETE, { id: created.record.id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.deleteTaxCode.record).toMatchObject({ status: 'DELETED', syncStatus: 'SYNCED' });
    expect(String((await xeroRate(created.record.taxType))?.status)).toBe('DELETED');
    const again = await h.graphql(DELETE, { id: created.record.id });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].message).toMatch(/DELETED/);
  });

  it('keeps a deleted tax rate that an invoice used as ARCHIVED, as Xero answers', async () => {
    const created = await create('Used Then Deleted');
    const [contact] = await db().query(
      "SELECT xero_id FROM organizations WHERE tenant_id = $1 AND status = 'ACTIVE' LIMIT 1",
      [h.tenantId],
    );
    await h.xero.accountingApi.createInvoices(h.xeroTenantId, {
      invoices: [
        {
          type: 'ACCREC' as never,
          contact: { contactID: contact.xero_id },
          lineItems: [
            {
              description: 'x',
              quantity: 1,
              unitAmount: 10,
              accountCode: '200',
              taxType: created.record.taxType,
            },
          ],
        },
      ],
    });
    const response = await h.graphql<{ deleteTaxCode: Payload }>(DELETE, { id: created.record.id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.deleteTaxCode.record.status).toBe('ARCHIVED');
    expect(String((await xeroRate(created.record.taxType))?.status)).toBe('ARCHIVED');
  });
});

describe('tax code writes refused before Xero', () => {
  /** Everything a refused write must leave alone: the cache, its log, the outbox and what Xero holds. */
  const state = async () => [
    await db().query(
      'SELECT id, name, status, components, updated_at FROM tax_codes WHERE tenant_id = $1 ORDER BY id',
      [h.tenantId],
    ),
    await h.count('SELECT count(*) n FROM sync_events'),
    await h.count('SELECT count(*) n FROM outbound_ops'),
    JSON.stringify((await h.xero.accountingApi.getTaxRates(h.xeroTenantId)).body.taxRates),
  ];

  function fieldErrors(response: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) {
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    return response.errors?.[0].extensions?.fieldErrors as Array<{ path: string; message: string }>;
  }

  it("refuses to change or delete Xero's system tax rate and changes nothing", async () => {
    const gst = await h.idOf('tax_codes', "xero_id = 'OUTPUT'");
    const before = await state();
    for (const [query, variables] of [
      [UPDATE, { id: gst, input: { name: 'My GST' } }],
      [DELETE, { id: gst }],
    ] as const) {
      const errors = fieldErrors(await h.graphql(query, variables));
      expect(errors).toEqual([{ path: 'id', message: expect.stringMatching(/system tax rates/) }]);
    }
    expect(await state()).toEqual(before);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a missing name', { name: undefined }, 'name', /needs a name/],
    ['a blank name', { name: '   ' }, 'name', /needs a name/],
    ['an overlong name', { name: 'x'.repeat(51) }, 'name', /at most 50/],
    ['a rate over 100', { components: [stateTax('150')] }, 'components.0.rate', /from 0 to 100/],
    ['a negative rate', { components: [stateTax('-1')] }, 'components.0.rate', /from 0 to 100/],
    ['a rate with 5 decimals', { components: [stateTax('1.23456')] }, 'components.0.rate', /4 decimals/],
    ['missing components', { components: undefined }, 'components', /at least one component/],
    ['an empty component list', { components: [] }, 'components', /at least one component/],
    [
      'a component without a name',
      { components: [{ rate: '1', isCompound: false }] },
      'components.0.name',
      /name/,
    ],
    [
      'a component without its compound flag',
      { components: [{ name: 'A', rate: '1' }] },
      'components.0.isCompound',
      /compound/,
    ],
    ['a duplicate name (any case)', { name: 'gst on income' }, 'name', /unique/],
    [
      'an unknown report tax type',
      { reportTaxType: 'SALESTAX' },
      'reportTaxType',
      /report tax type Xero knows/,
    ],
    [
      'no report tax type in an AU organisation',
      { reportTaxType: undefined },
      'reportTaxType',
      /requires a report tax type/,
    ],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field, and changes nothing',
    async (_label, change, path, message) => {
      const before = await state();
      const errors = fieldErrors(await h.graphql(CREATE, { input: input('Refused Tax', change) }));
      expect(errors.find((e) => e.path === path)?.message).toMatch(message);
      expect(await state()).toEqual(before);
    },
  );
});

describe('tax code writes while Xero is down', () => {
  it('keeps the create PENDING while Xero fails every call, and it reaches Xero exactly once after', async () => {
    await h.fault({ kind: 'error', status: 503 });
    const response = await h.graphql<{ createTaxCode: Payload }>(CREATE, { input: input('Outage Tax') });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createTaxCode;
    expect(payload.syncStatus).toBe('PENDING');
    expect(payload.operationId).toEqual(expect.any(String));
    expect(payload.record).toMatchObject({ syncStatus: 'PENDING', taxType: '', effectiveRate: '2.25' });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the worker keeps failing meanwhile
    await h.clearFaults();
    await waitForOpsDone(h);
    const inXero = await xeroRatesNamed('Outage Tax');
    expect(inXero).toHaveLength(1);
    const [row] = await db().query('SELECT sync_status, xero_id, tax_type FROM tax_codes WHERE id = $1', [
      payload.record.id,
    ]);
    expect(row).toEqual({ sync_status: 'SYNCED', xero_id: inXero[0].taxType, tax_type: inXero[0].taxType });
    expect((await eventsOf(payload.record.id)).map((e: { action: string }) => e.action)).toEqual([
      'CREATED',
      'UPDATED',
    ]);
  });
});
