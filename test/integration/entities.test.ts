import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityDescriptors } from '../../src/resolvers/entity-descriptors.js';
import { Scope } from '../../src/schema/scope.js';
import { ANCHOR_DATE } from '../../src/seed/catalog.js';
import { seedTenant } from '../../src/seed/seed-tenant.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { entityCases, type Row } from './entity-cases.js';

interface Page {
  totalCount?: number;
  nodes: Row[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let gateway: TestGateway;
let keyA: string;
let keyB: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  const db = gateway.database.dataSource;
  await seedTenant(db, { today: ANCHOR_DATE, tenant: 'org-a', scale: 30 });
  await seedTenant(db, { today: ANCHOR_DATE, tenant: 'org-b', scale: 30 });
  keyA = await gateway.createKey('org-a', [Scope.READ]);
  keyB = await gateway.createKey('org-b', [Scope.READ]);
});
afterAll(() => gateway.stop());

async function list(
  plural: string,
  fields: string,
  args: Record<string, unknown>,
  key = keyA,
): Promise<Page> {
  const result = await gateway.graphql<Record<string, Page>>(
    `query($first: Int, $after: String, $filter: ${filterType(plural)}, $orderBy: ${orderType(plural)}) {
       ${plural}(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
         totalCount nodes { id ${fields} externalIds { provider realm id } } pageInfo { hasNextPage endCursor }
       }
     }`,
    args,
    key,
  );
  expect(result.errors).toBeUndefined();
  return result.data![plural];
}

const descriptorOf = (plural: string) => entityDescriptors.find((d) => d.plural === plural)!;
const filterType = (plural: string) => `${descriptorOf(plural).name}Filter`;
const orderType = (plural: string) => `${descriptorOf(plural).name}Order`;
const ids = (page: Page) => page.nodes.map((node) => node.id);

function compare(a: unknown, b: unknown): number {
  const [x, y] = [Number(a), Number(b)];
  if (a !== null && b !== null && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  const [s, t] = [String(a ?? ''), String(b ?? '')];
  return s < t ? -1 : s > t ? 1 : 0;
}

it('has a test case for every listable entity', () => {
  expect(Object.keys(entityCases).sort()).toEqual(entityDescriptors.map((d) => d.name).sort());
});

describe.each(entityDescriptors.map((descriptor) => [descriptor.name, descriptor] as const))(
  '%s',
  (name, descriptor) => {
    const testCase = entityCases[name];
    const { single, plural } = descriptor;

    it('lists every row of the tenant, and counts them', async () => {
      const table = gateway.database.dataSource.getMetadata(descriptor.entity).tableName;
      const [{ n }] = await gateway.database.dataSource.query(
        `SELECT count(*)::int AS n FROM "${table}" e JOIN tenants t ON t.id = e.tenant_id
        WHERE t.name = 'org-a' AND e.deleted_at IS NULL`,
      );
      const page = await list(plural, testCase.fields, { first: 500 });
      expect(n).toBeGreaterThan(0);
      expect(page.totalCount).toBe(n);
      expect(page.nodes).toHaveLength(n);
      expect(page.pageInfo.hasNextPage).toBe(false);
    });

    it('filters', async () => {
      const all = await list(plural, testCase.fields, { first: 500 });
      const sample = all.nodes[all.nodes.length >> 1];
      const filtered = await list(plural, testCase.fields, { first: 500, filter: testCase.filter(sample) });
      expect(ids(filtered)).toContain(sample.id);
      for (const row of filtered.nodes) expect(testCase.matches(row, sample)).toBe(true);
      const expected = all.nodes.filter((row) => testCase.matches(row, sample)).length;
      expect(filtered.totalCount).toBe(expected);
    });

    it('orders by every sort key, descending being the exact reverse of ascending', async () => {
      for (const field of Object.keys(descriptor.orderBy)) {
        const ascending = await list(plural, testCase.fields, {
          first: 500,
          orderBy: { field, direction: 'ASC' },
        });
        const descending = await list(plural, testCase.fields, {
          first: 500,
          orderBy: { field, direction: 'DESC' },
        });
        expect(ids(descending)).toEqual(ids(ascending).reverse());
      }
      const { field, key } = testCase.sort;
      const sorted = await list(plural, testCase.fields, { first: 500, orderBy: { field } });
      const values = sorted.nodes.map((node) => node[key]);
      expect([...values].sort(compare)).toEqual(values);
    });

    it('filters by updatedSince', async () => {
      const all = await list(plural, testCase.fields, { first: 500 });
      const past = await list(plural, testCase.fields, {
        first: 500,
        filter: { updatedSince: '2000-01-01T00:00:00Z' },
      });
      const future = await list(plural, testCase.fields, {
        first: 500,
        filter: { updatedSince: '2999-01-01T00:00:00Z' },
      });
      expect(ids(past)).toEqual(ids(all));
      expect(future.nodes).toEqual([]);
    });

    it('paginates with cursors through the whole list without gaps or repeats', async () => {
      const all = await list(plural, testCase.fields, { first: 500 });
      const seen: unknown[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 200; pages += 1) {
        const page: Page = await list(plural, testCase.fields, { first: 2, after });
        seen.push(...ids(page));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(ids(all));
    });

    it('paginates in every sort order, both directions, NULL sort values included', async () => {
      for (const field of Object.keys(descriptor.orderBy)) {
        for (const direction of ['ASC', 'DESC']) {
          const orderBy = { field, direction };
          const all = await list(plural, testCase.fields, { first: 500, orderBy });
          const seen: unknown[] = [];
          let after: string | null = null;
          for (let pages = 0; pages < 100; pages += 1) {
            const page: Page = await list(plural, testCase.fields, { first: 7, after, orderBy });
            seen.push(...ids(page));
            if (!page.pageInfo.hasNextPage) break;
            after = page.pageInfo.endCursor;
          }
          expect(seen, `${field} ${direction}`).toEqual(ids(all));
        }
      }
    });

    it('fetches one row by Connec! id and by Xero id', async () => {
      const [row] = (await list(plural, testCase.fields, { first: 1 })).nodes;
      const externalIds = row.externalIds as Array<{ provider: string; realm: string; id: string }>;
      expect(externalIds[0]).toEqual({ provider: 'connec', realm: 'org-a', id: row.id });
      const xero = externalIds.find((ref) => ref.provider === 'xero')!;
      const query = `query($id: ID, $externalId: ExternalIdInput) { ${single}(id: $id, externalId: $externalId) { id } }`;
      const byId = await gateway.graphql<Record<string, Row>>(query, { id: row.id }, keyA);
      expect(byId.data?.[single].id).toBe(row.id);
      const byXero = await gateway.graphql<Record<string, Row>>(
        query,
        { externalId: { provider: 'xero', id: xero.id } },
        keyA,
      );
      expect(byXero.data?.[single].id).toBe(row.id);
      const withRealm = await gateway.graphql<Record<string, Row>>(query, { externalId: xero }, keyA);
      expect(withRealm.data?.[single].id).toBe(row.id);
    });

    it("never shows tenant A's rows to tenant B, by id, external id or list", async () => {
      const rowsOfA = (await list(plural, testCase.fields, { first: 500 })).nodes;
      const [row] = rowsOfA;
      const xero = (row.externalIds as Array<{ provider: string; id: string }>).find(
        (ref) => ref.provider === 'xero',
      )!;
      const query = `query($id: ID, $externalId: ExternalIdInput) { ${single}(id: $id, externalId: $externalId) { id } }`;
      const byId = await gateway.graphql(query, { id: row.id }, keyB);
      expect(byId.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const byXero = await gateway.graphql(query, { externalId: { provider: 'xero', id: xero.id } }, keyB);
      expect(byXero.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const rowsOfB = await list(plural, testCase.fields, { first: 500 }, keyB);
      expect(rowsOfB.nodes.length).toBeGreaterThan(0);
      const idsOfA = new Set(rowsOfA.map((node) => node.id));
      expect(rowsOfB.nodes.filter((node) => idsOfA.has(node.id))).toEqual([]);
      const filteredByA = await list(
        plural,
        testCase.fields,
        { first: 500, filter: testCase.filter(row) },
        keyB,
      );
      expect(filteredByA.nodes.filter((node) => idsOfA.has(node.id))).toEqual([]);
    });
  },
);

describe('Company', () => {
  it("answers the tenant's own company, with its ids", async () => {
    const query = '{ company { id name countryCode externalIds { provider realm } } }';
    const a = await gateway.graphql<{ company: Row }>(query, {}, keyA);
    const b = await gateway.graphql<{ company: Row }>(query, {}, keyB);
    expect(a.data?.company.name).toBe('org-a Pty Ltd');
    expect(b.data?.company.name).toBe('org-b Pty Ltd');
    expect(a.data?.company.id).not.toBe(b.data?.company.id);
    expect(a.data?.company.externalIds).toEqual([
      { provider: 'connec', realm: 'org-a' },
      expect.objectContaining({ provider: 'xero' }),
    ]);
  });

  it('is null for a tenant that has not been synced yet', async () => {
    const key = await gateway.createKey('org-empty', [Scope.READ]);
    const result = await gateway.graphql<{ company: Row | null }>('{ company { id } }', {}, key);
    expect(result.errors).toBeUndefined();
    expect(result.data?.company).toBeNull();
  });
});
