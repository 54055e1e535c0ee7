import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../src/schema/scope.js';
import { ANCHOR_DATE } from '../../src/seed/catalog.js';
import { seedTenant } from '../../src/seed/seed-tenant.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let gateway: TestGateway;
let key: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  await seedTenant(gateway.database.dataSource, { today: ANCHOR_DATE, tenant: 'org-bad', scale: 10 });
  key = await gateway.createKey('org-bad', [Scope.READ]);
});
afterAll(() => gateway.stop());

const firstError = async (query: string, variables: Record<string, unknown> = {}) => {
  const result = await gateway.graphql(query, variables, key);
  expect(result.errors).toBeDefined();
  return result.errors![0];
};

describe('bad input is refused with an error naming the argument', () => {
  it('an unknown filter value', async () => {
    const error = await firstError('query($f: InvoiceFilter) { invoices(filter: $f) { nodes { id } } }', {
      f: { status: ['PAID', 'NOPE'] },
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('f.status[1]');
    expect(error.message).toContain('"NOPE" does not exist in "TransactionStatus" enum');
  });

  it('an unknown filter value written in the query, as BAD_USER_INPUT naming the argument', async () => {
    const error = await firstError('{ invoices(filter: { status: [PAID, NOPE] }) { nodes { id } } }');
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'filter.status' }],
    });
  });

  it('a cursor that is not one', async () => {
    const error = await firstError('{ invoices(after: "bm90LWEtY3Vyc29y") { nodes { id } } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'after' }] });
  });

  it('a cursor of another sort order', async () => {
    const page = await gateway.graphql<{ invoices: { pageInfo: { endCursor: string } } }>(
      '{ invoices(first: 2) { pageInfo { endCursor } } }',
      {},
      key,
    );
    const error = await firstError(
      'query($after: String) { invoices(after: $after, orderBy: { field: TOTAL_AMOUNT }) { nodes { id } } }',
      { after: page.data!.invoices.pageInfo.endCursor },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'after' }] });
    expect(error.message).toContain('another sort order');
  });

  it('a page larger than 500 rows', async () => {
    const error = await firstError('{ items(first: 501) { nodes { id } } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'first' }] });
    expect(error.message).toContain('0 to 500');
  });

  it('first: 100000, refused as BAD_USER_INPUT naming `first`', async () => {
    const error = await firstError('{ invoices(first: 100000) { nodes { id } } }');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'first' }] });
    expect(error.message).toContain('100000');
  });

  it('a query nested deeper than the limit', async () => {
    const error =
      await firstError(`{ organizations { nodes { invoices { nodes { organization { invoices { nodes {
      organization { invoices { nodes { organization { people { organization { id } } } } } } } } } } } } } }`);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 12, actual: 14 });
    expect(error.message).toContain('2 too many');
  });

  it('nested lists whose pages multiply past the complexity limit', async () => {
    const error = await firstError(
      '{ organizations(first: 200) { nodes { invoices(first: 100) { nodes { id lines { id } } } } } }',
    );
    expect(error.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('an id that is not a UUID in a filter', async () => {
    const error = await firstError('{ invoices(filter: { organizationId: ["42"] }) { nodes { id } } }');
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'filter.organizationId' }],
    });
  });

  it('both id and externalId, or neither', async () => {
    const both = await firstError(
      '{ invoice(id: "00000000-0000-4000-8000-000000000000", externalId: { provider: "xero", id: "x" }) { id } }',
    );
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'externalId' }] });
    const neither = await firstError('{ invoice { id } }');
    expect(neither.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'id' }] });
  });

  it('an unknown id is NOT_FOUND, whether or not it is a UUID', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const error = await firstError('query($id: ID) { item(id: $id) { id } }', { id });
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Item', id });
    }
  });

  it('a NUL character in text, written in the query or passed in a variable (Postgres refuses it)', async () => {
    const literal = await firstError('{ organizations(filter: { search: "a\\u0000b" }) { nodes { id } } }');
    expect(literal.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'filter.search' }],
    });
    const variable = await firstError(
      'query($id: ExternalIdInput) { organization(externalId: $id) { id } }',
      { id: { provider: 'crm', id: 'x\u0000' } },
    );
    expect(variable.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'externalId.id' }],
    });
  });

  it('a crafted cursor: text, or base64 of something other than a cursor', async () => {
    for (const after of ['garbage', Buffer.from('{"o": [1').toString('base64url'), 'e30']) {
      const error = await firstError('query($after: String) { invoices(after: $after) { nodes { id } } }', {
        after,
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'after' }] });
    }
  });

  it('a date that does not exist (2020-02-30), written in the query or passed in a variable', async () => {
    const literal = await firstError(
      '{ invoices(filter: { transactionDateFrom: "2020-02-30" }) { nodes { id } } }',
    );
    expect(literal.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'filter.transactionDateFrom' }],
    });
    const variable = await firstError(
      'query($d: Date) { invoices(filter: { transactionDateFrom: $d }) { nodes { id } } }',
      {
        d: '2020-02-30',
      },
    );
    expect(variable.extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.message).toContain('$d');
  });

  it('revokeApp with an id that is not a UUID', async () => {
    const admin = await gateway.createKey('org-bad', [Scope.ADMIN]);
    const result = await gateway.graphql('mutation { revokeApp(id: "not-a-uuid") { id } }', {}, admin);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'id' }],
    });
  });

  it('a read needs the read scope', async () => {
    const adminOnly = await gateway.createKey('org-bad', [Scope.ADMIN]);
    const result = await gateway.graphql('{ invoices { nodes { id } } }', {}, adminOnly);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'read' });
  });
});
