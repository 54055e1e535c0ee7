import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWriteHarness, type WriteHarness, waitForOpsDone } from './writes-harness.js';

const RESULT = (fields: string) => `index syncStatus warnings operationId record { id ${fields} }
  error { code message fieldErrors { path message } xeroMessages }`;
const INVOICES = `mutation ($inputs: [InvoiceInput!]!) { createInvoices(inputs: $inputs) { ${RESULT('reference syncStatus')} } }`;
const ORGANIZATIONS = `mutation ($inputs: [OrganizationInput!]!) { createOrganizations(inputs: $inputs) { ${RESULT('name syncStatus')} } }`;
const ITEMS = `mutation ($inputs: [ItemInput!]!) { createItems(inputs: $inputs) { ${RESULT('code name syncStatus')} } }`;

interface Result {
  index: number;
  syncStatus: string | null;
  warnings: string[];
  operationId: string | null;
  record: { id: string; syncStatus: string } | null;
  error: {
    code: string;
    message: string;
    fieldErrors: Array<{ path: string; message: string }>;
    xeroMessages: string[];
  } | null;
}

let h: WriteHarness;
let customerId: string;
let sales: string;
beforeAll(async () => {
  h = await startWriteHarness();
  customerId = await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name");
  sales = await h.idOf('accounts', "code = '200'");
});
afterAll(async () => {
  await h?.stop();
});

async function calls(endpoint: string): Promise<number> {
  const all = (await (await fetch(`${h.emulator.url}/__emulator/calls`)).json()) as Record<string, number>;
  return all[endpoint] ?? 0;
}

const invoice = (n: number, extra: Record<string, unknown> = {}) => ({
  organizationId: customerId,
  reference: `batch-${n}`,
  lines: [{ description: 'Batch work', quantity: '1', unitPrice: '10', accountId: sales }],
  ...extra,
});

async function xeroInvoiceCount(prefix: string): Promise<number> {
  const { body } = await h.xero.accountingApi.getInvoices(
    h.xeroTenantId,
    undefined,
    `Reference.StartsWith("${prefix}")`,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    1,
    undefined,
    undefined,
    undefined,
    undefined,
    1000,
  );
  return body.invoices?.length ?? 0;
}

describe('batch writes', () => {
  it('creates 120 invoices in 3 calls of at most 50, answering each: bad ones refused alone', async () => {
    const before = await calls('PUT /api.xro/2.0/Invoices');
    const inputs = Array.from({ length: 120 }, (_, n) => invoice(n));
    inputs[5] = invoice(5, { organizationId: null }); // the gateway refuses: no customer (rule 12)
    inputs[60] = invoice(60, { lines: [{ description: 'x', quantity: '-1', unitPrice: '1' }] });
    inputs[80] = invoice(80, { transactionNumber: 'BATCH-DUP' }); // Xero takes the first...
    inputs[81] = invoice(81, { transactionNumber: 'BATCH-DUP' }); // ...and refuses the second
    const response = await h.graphql<{ createInvoices: Result[] }>(INVOICES, { inputs });
    expect(response.errors).toBeUndefined();
    const results = response.data!.createInvoices;
    expect(results.map((r) => r.index)).toEqual(inputs.map((_, n) => n));
    expect(await calls('PUT /api.xro/2.0/Invoices')).toBe(before + 3);
    expect(results[5].error).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'organizationId' }],
    });
    expect(results[60].error?.fieldErrors).toEqual([
      { path: 'lines.0.quantity', message: 'Must not be negative.' },
    ]);
    expect(results[81].error).toMatchObject({
      code: 'XERO_REJECTED',
      xeroMessages: ['Invoice # must be unique.'],
    });
    expect(results[81].record).toBeNull();
    const taken = results.filter((r) => !r.error);
    expect(taken).toHaveLength(117);
    expect(taken.every((r) => r.syncStatus === 'SYNCED' && r.record?.syncStatus === 'SYNCED')).toBe(true);
    expect(await xeroInvoiceCount('batch-')).toBe(117);
    expect(await h.count("SELECT count(*) n FROM invoices WHERE reference LIKE 'batch-%'")).toBe(117);
    expect(
      await h.count("SELECT count(*) n FROM invoices WHERE reference LIKE 'batch-%' AND xero_id IS NOT NULL"),
    ).toBe(117);
    expect(await h.count("SELECT count(*) n FROM outbound_ops WHERE status = 'PENDING'")).toBe(0);
    expect(
      await h.count(
        "SELECT count(*) n FROM sync_events e JOIN invoices i ON i.id = e.entity_id WHERE i.reference LIKE 'batch-%'",
      ),
    ).toBe(117);
  });

  it('keeps a batch PENDING while Xero is down, and the worker re-sends it: each invoice exactly once', async () => {
    await h.fault({ kind: 'error', status: 503 });
    const inputs = Array.from({ length: 60 }, (_, n) => invoice(n, { reference: `outage-batch-${n}` }));
    const response = await h.graphql<{ createInvoices: Result[] }>(INVOICES, { inputs });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createInvoices.every((r) => r.syncStatus === 'PENDING' && r.operationId)).toBe(
      true,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await h.clearFaults();
    await waitForOpsDone(h);
    expect(await xeroInvoiceCount('outage-batch-')).toBe(60);
    expect(
      await h.count(
        "SELECT count(*) n FROM invoices WHERE reference LIKE 'outage-batch-%' AND sync_status = 'SYNCED'",
      ),
    ).toBe(60);
  });

  it('re-sends a chunk whose answer was lost with the same key: Xero replays it, no duplicates', async () => {
    // Xero takes the chunk but answers after the gateway gave up waiting (the mutation deadline is 5 s).
    await h.fault({ kind: 'latency', latencyMs: 5500, count: 1, method: 'PUT' });
    const inputs = Array.from({ length: 10 }, (_, n) => invoice(n, { reference: `slow-batch-${n}` }));
    const response = await h.graphql<{ createInvoices: Result[] }>(INVOICES, { inputs });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createInvoices.every((r) => r.syncStatus === 'PENDING')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await waitForOpsDone(h);
    expect(await xeroInvoiceCount('slow-batch-')).toBe(10);
    expect(
      await h.count(
        "SELECT count(*) n FROM invoices WHERE reference LIKE 'slow-batch-%' AND sync_status = 'SYNCED'",
      ),
    ).toBe(10);
  }, 30_000);

  it('creates 120 organizations with a duplicate name and an invalid one, answered per item', async () => {
    const inputs: Array<Record<string, unknown>> = Array.from({ length: 120 }, (_, n) => ({
      name: `Batch Org ${n}`,
    }));
    inputs[10] = { name: '' };
    inputs[99] = { name: 'Batch Org 98' };
    const response = await h.graphql<{ createOrganizations: Result[] }>(ORGANIZATIONS, { inputs });
    expect(response.errors).toBeUndefined();
    const results = response.data!.createOrganizations;
    expect(results[10].error).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'name' }] });
    expect(results[99].error?.code).toBe('XERO_REJECTED');
    expect(results[99].error?.xeroMessages[0]).toMatch(/already assigned to another contact/);
    expect(results.filter((r) => r.syncStatus === 'SYNCED')).toHaveLength(118);
    expect(await h.count("SELECT count(*) n FROM organizations WHERE name LIKE 'Batch Org %'")).toBe(118);
  });

  it('creates 120 items answered per item, with their warnings', async () => {
    const before = await calls('PUT /api.xro/2.0/Items');
    const inputs: Array<Record<string, unknown>> = Array.from({ length: 120 }, (_, n) => ({
      code: `B-${n}`,
      salePrice: '1',
    }));
    inputs[3] = { code: 'B-3', name: 'N'.repeat(60) };
    inputs[7] = { code: 'B-7', salePrice: '-3' };
    inputs[90] = { code: 'B-89' };
    const response = await h.graphql<{ createItems: Result[] }>(ITEMS, { inputs });
    expect(response.errors).toBeUndefined();
    const results = response.data!.createItems;
    expect(await calls('PUT /api.xro/2.0/Items')).toBe(before + 3);
    expect(results[3].warnings[0]).toMatch(/cut to 50/);
    expect(results[7].error?.fieldErrors).toEqual([{ path: 'salePrice', message: 'Must not be negative.' }]);
    expect(results[90].error?.xeroMessages).toEqual(["Item code 'B-89' already exists."]);
    expect(results.filter((r) => r.syncStatus === 'SYNCED')).toHaveLength(118);
    const { body } = await h.xero.accountingApi.getItems(h.xeroTenantId, undefined, 'Code.StartsWith("B-")');
    expect(body.items).toHaveLength(118);
  });

  it('refuses more than 500 records at once, writing nothing', async () => {
    const before = await h.count('SELECT count(*) n FROM items');
    const inputs = Array.from({ length: 501 }, (_, n) => ({ code: `X-${n}` }));
    const response = await h.graphql(ITEMS, { inputs });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'inputs', message: expect.stringContaining('500') }],
    });
    expect(await h.count('SELECT count(*) n FROM items')).toBe(before);
  });
});
