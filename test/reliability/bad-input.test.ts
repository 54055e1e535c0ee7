import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../src/schema/scope.js';
import { signXeroPayload } from '../../src/sync/inbound/webhook-signature.js';
import { startTestGateway } from '../support/gateway.js';
import { recordFigures } from '../support/reliability-figures.js';
import { connectWs, wsQuery } from '../support/ws-client.js';
import { startXeroHarness, type XeroHarness } from '../support/xero-harness.js';

const LIMIT_BYTES = 65_536;
let h: XeroHarness;
let key: string;
let tenantId: string;
let customerId: string;

beforeAll(async () => {
  h = await startXeroHarness(
    { limits: { perMinute: 100_000, perDay: 1_000_000, concurrent: 50 } },
    { BODY_LIMIT_BYTES: String(LIMIT_BYTES), XERO_CALLS_PER_WINDOW: '100000', XERO_TIMEOUT_MS: '3000' },
  );
  tenantId = await h.link('org-fuzz', 'Demo Company (AU)');
  await h.gateway.gateway.services.sync!.scheduler.trigger(tenantId);
  key = await h.gateway.createKey('org-fuzz');
  customerId = (
    await h.gateway.gateway.services.db.query(
      `SELECT id FROM organizations WHERE tenant_id = $1 AND status = 'ACTIVE' LIMIT 1`,
      [tenantId],
    )
  )[0].id;
});
afterAll(() => h?.stop());

/** What a fuzz case may produce: an answer below 500, parseable, with no masked internal error. */
async function send(body: string, contentType = 'application/json') {
  const response = await fetch(`${h.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${key}`, 'apollo-require-preflight': '1' },
    body,
  });
  const text = await response.text();
  expect(response.status, text).toBeLessThan(500);
  const parsed = JSON.parse(text) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  const codes = (parsed.errors ?? []).map((error) => error.extensions?.code);
  expect(codes, `${body.slice(0, 300)} -> ${text.slice(0, 300)}`).not.toContain('INTERNAL_SERVER_ERROR');
  return { status: response.status, ...parsed };
}

/** The errors of a refused WebSocket operation (graphql-ws rejects the iterator with them). */
async function wsErrors(client: ReturnType<typeof connectWs>['client'], query: string): Promise<unknown> {
  return wsQuery(client, query).then(
    (result) => result.errors,
    (error: unknown) => error,
  );
}

async function writesSeen(): Promise<string> {
  const db = h.gateway.gateway.services.db;
  const [cache] = await db.query(
    `SELECT (SELECT count(*) FROM invoices WHERE tenant_id = $1) AS invoices,
            (SELECT count(*) FROM outbound_ops WHERE tenant_id = $1) AS ops,
            (SELECT coalesce(max(seq), 0) FROM sync_events WHERE tenant_id = $1) AS seq`,
    [tenantId],
  );
  const state = (await h.control('GET', '/__emulator/state')) as {
    organisations: Array<{ name: string; counts: { invoices: number; contacts: number; items: number } }>;
  };
  const xero = state.organisations.find((org) => org.name === 'Demo Company (AU)')!.counts;
  return JSON.stringify({ ...cache, xero });
}

async function alive() {
  expect((await fetch(`${h.gateway.url}/healthz`)).status).toBe(200);
}

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  ':',
  '$v',
  '!',
  '...',
  '@include(if: true)',
  '@skip(if: $v)',
  'query',
  'mutation',
  'subscription',
  'fragment F on Invoice',
  '...F',
  'on',
  'invoices',
  'items',
  'organizations',
  'nodes',
  'id',
  'first: 3',
  'first: -1',
  'first: 99999999999',
  'after: "x"',
  'filter: {}',
  'filter: { status: [PAID] }',
  'createInvoice',
  'deleteInvoice(id: "x")',
  'input: {}',
  '__typename',
  '__schema',
  'types',
  'name',
  '"s"',
  '"""block"""',
  '1e309',
  'null',
  'true',
  '[',
  ']',
  ',',
  '=',
  '#',
  '\u0000',
  '\\u0000',
  'invoice(id: "1")',
  'organization(externalId: { provider: "xero", id: "1" })',
  'widgets',
  'viewer',
  'syncStatus',
  'entityChanged',
];

const jsonish = fc.jsonValue({ maxDepth: 3 });
const decimalish = fc.oneof(
  fc.constantFrom('1', '0', '-1', '1e400', 'NaN', 'Infinity', '10.123456789', '', ' ', '1,5', '0x10'),
  fc.double().map(String),
  fc.integer(),
  jsonish,
);
const idish = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constant(null), jsonish);
const lineInput = fc.record(
  {
    description: fc.oneof(fc.string({ maxLength: 60 }), jsonish),
    quantity: decimalish,
    unitPrice: decimalish,
    discountPercent: decimalish,
    itemId: idish,
    accountId: idish,
    taxCodeId: idish,
    item: fc.record({ provider: fc.string({ maxLength: 10 }), id: fc.string({ maxLength: 10 }) }),
  },
  { requiredKeys: [] },
);
const invoiceInput = fc.record(
  {
    organizationId: fc.oneof(fc.constant('CUSTOMER'), idish),
    organization: fc.record({
      provider: fc.constantFrom('xero', 'crm', ''),
      id: fc.string({ maxLength: 40 }),
    }),
    reference: fc.oneof(fc.string({ maxLength: 300 }), jsonish),
    currency: fc.oneof(fc.constantFrom('AUD', 'XXX', '', 'aud'), jsonish),
    transactionDate: fc.oneof(fc.constantFrom('2024-02-30', '2024-01-01', 'yesterday', ''), jsonish),
    dueDate: fc.oneof(fc.constantFrom('1999-12-31', '2024-13-01'), jsonish),
    status: fc.oneof(fc.constantFrom('DRAFT', 'PAID', 'VOIDED', 'NOPE'), jsonish),
    type: fc.oneof(fc.constantFrom('CUSTOMER', 'SUPPLIER', 'X'), jsonish),
    taxCalculation: fc.oneof(fc.constantFrom('EXCLUSIVE', 'INCLUSIVE', 'NO_TAX', 'Z'), jsonish),
    lines: fc.oneof(fc.array(lineInput, { maxLength: 4 }), jsonish),
    expectedUpdatedAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      jsonish,
    ),
  },
  { requiredKeys: [] },
);
const MUTATIONS = [
  'mutation($input: InvoiceInput!) { createInvoice(input: $input) { syncStatus record { id } } }',
  'mutation($id: ID!, $input: InvoiceInput!) { updateInvoice(id: $id, input: $input) { syncStatus } }',
  'mutation($ext: ExternalIdInput!, $input: InvoiceInput!) { upsertInvoice(externalId: $ext, input: $input) { syncStatus } }',
  'mutation($id: ID!) { deleteInvoice(id: $id) { syncStatus } }',
  'mutation($id: ID!) { voidInvoice(id: $id) { syncStatus } }',
];

describe('bad input: fuzzed documents, variables, mutation inputs and webhooks', () => {
  it('answers random GraphQL documents without a 500, a crash or a write', async (context) => {
    const before = await writesSeen();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc
            .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 40 })
            .map((t) => t.join(' ')),
        ),
        jsonish,
        async (query, variables) => {
          runs += 1;
          await send(JSON.stringify({ query, variables }));
        },
      ),
      { numRuns: 250, interruptAfterTimeLimit: 25_000 },
    );
    await alive();
    expect(await writesSeen()).toBe(before);
    recordFigures(context, { fuzzCases: runs });
  });

  it('answers random variables for list and lookup queries without a 500', async (context) => {
    let runs = 0;
    const queries = [
      'query($first: Int, $after: String, $filter: InvoiceFilter, $orderBy: InvoiceOrder) { invoices(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { nodes { id } pageInfo { endCursor } } }',
      'query($id: ID, $externalId: ExternalIdInput) { invoice(id: $id, externalId: $externalId) { id } }',
      'query($first: Int, $filter: OrganizationFilter) { organizations(first: $first, filter: $filter) { nodes { id name } } }',
      'query($since: String) { syncStatus { tenantId } }',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...queries),
        fc.dictionary(
          fc.constantFrom('first', 'after', 'filter', 'orderBy', 'id', 'externalId', 'since'),
          jsonish,
        ),
        async (query, variables) => {
          runs += 1;
          await send(JSON.stringify({ query, variables }));
        },
      ),
      { numRuns: 250, interruptAfterTimeLimit: 20_000 },
    );
    await alive();
    recordFigures(context, { fuzzCases: runs });
  });

  it('never writes anything for a rejected mutation input', async (context) => {
    let runs = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MUTATIONS),
        invoiceInput,
        idish,
        fc.record({ provider: fc.string({ maxLength: 8 }), id: fc.string({ maxLength: 8 }) }),
        async (query, input, id, ext) => {
          runs += 1;
          const fixed = {
            ...input,
            organizationId: input.organizationId === 'CUSTOMER' ? customerId : input.organizationId,
          };
          const before = await writesSeen();
          const result = await send(JSON.stringify({ query, variables: { input: fixed, id, ext } }));
          if (result.errors) {
            refused += 1;
            expect(await writesSeen(), JSON.stringify(result.errors)).toBe(before);
          }
        },
      ),
      { numRuns: 200, interruptAfterTimeLimit: 30_000 },
    );
    expect(refused).toBeGreaterThan(0);
    await alive();
    recordFigures(context, { fuzzCases: runs });
  });

  it('refuses forged and malformed webhooks without a 500, and survives signed garbage', async (context) => {
    let runs = 0;
    const webhookKey = h.emulator.webhookKey;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
          jsonish.map((value) => Buffer.from(JSON.stringify(value))),
          fc
            .record({
              events: fc.array(
                fc.record(
                  {
                    resourceId: fc.string(),
                    eventCategory: fc.constantFrom('INVOICE', 'CONTACT', 'X'),
                    tenantId: fc.string(),
                    eventType: fc.string(),
                  },
                  { requiredKeys: [] },
                ),
                { maxLength: 5 },
              ),
            })
            .map((value) => Buffer.from(JSON.stringify(value))),
        ),
        fc.constantFrom('none', 'forged', 'signed'),
        async (body, signing) => {
          runs += 1;
          const signature =
            signing === 'signed'
              ? signXeroPayload(body, webhookKey)
              : signing === 'forged'
                ? signXeroPayload(body, `${webhookKey}x`)
                : undefined;
          const response = await fetch(`${h.gateway.url}/webhooks/xero`, {
            method: 'POST',
            headers: signature ? { 'x-xero-signature': signature } : {},
            body,
          });
          expect(response.status).toBeLessThan(500);
          if (signing !== 'signed') expect(response.status).toBe(401);
        },
      ),
      { numRuns: 200, interruptAfterTimeLimit: 15_000 },
    );
    await alive();
    recordFigures(context, { fuzzCases: runs });
  });

  it('answers oversized bodies with 413 on /graphql and on the webhook', async () => {
    const big = JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(LIMIT_BYTES * 2) });
    const graphql = await fetch(`${h.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: big,
    });
    expect(graphql.status).toBe(413);
    const webhook = await fetch(`${h.gateway.url}/webhooks/xero`, {
      method: 'POST',
      headers: { 'x-xero-signature': 'x' },
      body: big,
    });
    expect(webhook.status).toBe(413);
    await alive();
  });

  it('refuses deep and costly queries naming the limit, over HTTP and WebSocket', async () => {
    let deep = 'id';
    for (let i = 0; i < 6; i += 1) deep = `organization { invoices(first: 1) { nodes { id ${deep} } } }`;
    const tooDeep = await send(JSON.stringify({ query: `{ invoices(first: 1) { nodes { ${deep} } } }` }));
    expect(tooDeep.errors?.[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_DEEP', limit: h.gateway.config.MAX_QUERY_DEPTH },
      message: expect.stringContaining(`the limit is ${h.gateway.config.MAX_QUERY_DEPTH}`),
    });
    const costly = `{ invoices(first: 500) { nodes { id organization { invoices(first: 500) { nodes { id lines { description } } } } } } }`;
    const tooCostly = await send(JSON.stringify({ query: costly }));
    expect(tooCostly.errors?.[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: h.gateway.config.MAX_QUERY_COMPLEXITY },
      message: expect.stringContaining(`the limit is ${h.gateway.config.MAX_QUERY_COMPLEXITY}`),
    });
    const { client } = connectWs(h.gateway.url, key);
    try {
      expect(JSON.stringify(await wsErrors(client, costly))).toContain('QUERY_TOO_COMPLEX');
    } finally {
      await client.dispose();
    }
  });
});

describe('per-key rate limiting', () => {
  it('answers RATE_LIMITED (429, Retry-After) past the per-key budget, over HTTP and WebSocket, and only for that key', async () => {
    const gateway = await startTestGateway({ RATE_LIMIT_PER_KEY_PER_MINUTE: '20' });
    try {
      const noisy = await gateway.createKey('org-rate', [Scope.READ]);
      const quiet = await gateway.createKey('org-rate', [Scope.READ]);
      const answers = [];
      for (let i = 0; i < 25; i += 1) {
        const response = await fetch(`${gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${noisy}` },
          body: JSON.stringify({ query: '{ viewer { __typename } }' }),
        });
        answers.push({
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          body: (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> },
        });
      }
      expect(answers.slice(0, 20).every((answer) => answer.status === 200)).toBe(true);
      for (const answer of answers.slice(20)) {
        expect(answer.status).toBe(429);
        expect(answer.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      }
      expect((await gateway.graphql('{ viewer { __typename } }', {}, quiet)).status).toBe(200);
      const { client } = connectWs(gateway.url, noisy);
      try {
        expect(JSON.stringify(await wsErrors(client, '{ viewer { __typename } }'))).toContain('RATE_LIMITED');
      } finally {
        await client.dispose();
      }
    } finally {
      await gateway.stop();
    }
  });
});
