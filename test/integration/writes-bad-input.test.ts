import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/process.js';
import { INVOICE_FIELDS, startWriteHarness, type WriteHarness } from './writes-harness.js';

let h: WriteHarness;
let customerId: string;

beforeAll(async () => {
  h = await startWriteHarness();
  customerId = await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name");
});

afterAll(async () => {
  await h?.stop();
});

const CREATE = `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { ${INVOICE_FIELDS} } }`;

/** Everything a refused write must leave alone: cache rows, events, outbound ops, and Xero's writes. */
async function snapshot() {
  const calls = (await (await fetch(`${h.emulator.url}/__emulator/calls`)).json()) as Record<string, number>;
  const writes = Object.entries(calls)
    .filter(([endpoint]) => /^(PUT|POST) \/api/.test(endpoint))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    invoices: await h.count('SELECT count(*) n FROM invoices'),
    lines: await h.count('SELECT count(*) n FROM invoice_lines'),
    events: await h.count('SELECT count(*) n FROM sync_events'),
    ops: await h.count('SELECT count(*) n FROM outbound_ops'),
    xeroWrites: writes,
  };
}

const line = { description: 'Widget', quantity: '1', unitPrice: '10' };

describe('bad input is refused with a clear error and changes nothing', () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a missing customer', { lines: [line] }, 'organizationId', /customer/],
    ['missing lines', { organizationId: 'CUSTOMER' }, 'lines', /at least one line/],
    [
      'an overlong reference',
      { organizationId: 'CUSTOMER', reference: 'x'.repeat(300), lines: [line] },
      'reference',
      /255/,
    ],
    [
      'an overlong line description',
      { organizationId: 'CUSTOMER', lines: [{ ...line, description: 'd'.repeat(4001) }] },
      'lines.0.description',
      /4000/,
    ],
    [
      'a negative quantity',
      { organizationId: 'CUSTOMER', lines: [{ ...line, quantity: '-2' }] },
      'lines.0.quantity',
      /negative/,
    ],
    [
      'an unknown item',
      { organizationId: 'CUSTOMER', lines: [{ ...line, itemId: randomUUID() }] },
      'lines.0.itemId',
      /No Item/,
    ],
    ['a malformed id', { organizationId: 'not-a-uuid', lines: [line] }, 'organizationId', /not a Connec! id/],
    [
      'an unknown external id',
      { organization: { provider: 'crm', id: 'nobody' }, lines: [line] },
      'organization',
      /No Organization with crm id "nobody"/,
    ],
    [
      'a due date before the date',
      { organizationId: 'CUSTOMER', transactionDate: '2026-05-02', dueDate: '2026-05-01', lines: [line] },
      'dueDate',
      /on or after/,
    ],
    [
      'a 5,000-line invoice',
      { organizationId: 'CUSTOMER', lines: Array.from({ length: 5000 }, () => line) },
      'lines',
      /at most 1000 lines \(got 5000\)/,
    ],
  ])('%s', async (_name, input, path, message) => {
    const before = await snapshot();
    const variables = {
      input: { ...input, ...(input.organizationId === 'CUSTOMER' ? { organizationId: customerId } : {}) },
    };
    const response = await h.graphql(CREATE, variables);
    expect(response.data?.createInvoice ?? null).toBeNull();
    const error = response.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const fieldErrors = error?.extensions?.fieldErrors as Array<{ path: string; message: string }>;
    expect(fieldErrors).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await snapshot()).toEqual(before);
  });

  it.each<[string, string, Record<string, unknown>]>([
    [
      'a quantity that is not a number',
      CREATE,
      { input: { organizationId: 'x', lines: [{ ...line, quantity: 'lots' }] } },
    ],
    ['an unknown status', CREATE, { input: { organizationId: 'x', status: 'SETTLED', lines: [line] } }],
    [
      'a date that is not a date',
      CREATE,
      { input: { organizationId: 'x', transactionDate: '31/12/2026', lines: [line] } },
    ],
    ['a missing input', 'mutation { createInvoice { syncStatus } }', {}],
  ])('refuses %s before any resolver runs', async (_name, query, variables) => {
    const before = await snapshot();
    const response = await h.graphql(query, variables);
    expect(response.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(response.errors?.[0].message).toBeTruthy();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a write without the write scope', async () => {
    const readOnly = await h.gateway.createKey('acme', ['read' as never]);
    const response = await h.gateway.graphql(
      CREATE,
      { input: { organizationId: customerId, lines: [line] } },
      readOnly,
    );
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the webhook echo of our own push', () => {
  it('appends no second event', async () => {
    await fetch(`${h.emulator.url}/__emulator/webhook`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${h.gateway.url}/webhooks/xero` }),
    });
    const response = await h.graphql<{ createInvoice: { record: { id: string } } }>(CREATE, {
      input: {
        organizationId: customerId,
        reference: 'echo-1',
        status: 'AUTHORISED',
        lines: [{ ...line, accountId: await h.idOf('accounts', "code = '200'") }],
      },
    });
    expect(response.errors).toBeUndefined();
    const id = response.data!.createInvoice.record.id;
    const [row] = await h.gateway.gateway.services.db.query('SELECT xero_id FROM invoices WHERE id = $1', [
      id,
    ]);
    await fetch(`${h.emulator.url}/__emulator/webhook/flush`, { method: 'POST' });
    // The gateway fetched the invoice back after the webhook (that is the echo).
    await waitFor(
      async () => {
        const calls = (await (await fetch(`${h.emulator.url}/__emulator/calls`)).json()) as Record<
          string,
          number
        >;
        return (calls['GET /api.xro/2.0/Invoices/{id}'] ?? 0) > 0 ? true : undefined;
      },
      10_000,
      () => 'no webhook fetch',
    );
    await h.gateway.gateway.services.sync!.webhooks.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await h.gateway.gateway.services.sync!.webhooks.drain();
    const events = await h.gateway.gateway.services.db.query(
      'SELECT action, origin FROM sync_events WHERE entity_id = $1 ORDER BY seq',
      [id],
    );
    expect(events).toEqual([{ action: 'CREATED', origin: 'crm' }]);
    expect(row.xero_id).toBeTruthy();
  });
});
