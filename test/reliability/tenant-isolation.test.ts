import {
  buildClientSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR_DATE } from '../../src/seed/catalog.js';
import { seedTenant } from '../../src/seed/seed-tenant.js';
import { writeItems } from '../support/events.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { recordFigures } from '../support/reliability-figures.js';
import { connectWs } from '../support/ws-client.js';

let gateway: TestGateway;
let schema: GraphQLSchema;
let keyA: string;
let keyB: string;
let tenantA: string;
let tenantB: string;
/** B's record ids and external ids by entity (GraphQL type) name. */
const ofB = new Map<string, { ids: string[]; xeroIds: string[] }>();
/** Strings that must never appear in an answer to A: B's ids, B's tenant and app ids. */
const markers = new Set<string>();
const cursorsOfB = new Map<string, string>();

const db = () => gateway.gateway.services.db;

beforeAll(async () => {
  gateway = await startTestGateway();
  await seedTenant(db(), { today: ANCHOR_DATE, tenant: 'tenant-a', scale: 3 });
  await seedTenant(db(), { today: ANCHOR_DATE, tenant: 'tenant-b', scale: 3 });
  keyA = await gateway.createKey('tenant-a');
  keyB = await gateway.createKey('tenant-b');
  const tenants = await db().query(`SELECT id, name FROM tenants WHERE name IN ('tenant-a', 'tenant-b')`);
  tenantA = tenants.find((t: { name: string }) => t.name === 'tenant-a').id;
  tenantB = tenants.find((t: { name: string }) => t.name === 'tenant-b').id;
  markers.add(tenantB);
  for (const row of await db().query('SELECT id FROM apps WHERE tenant_id = $1', [tenantB]))
    markers.add(row.id);
  for (const meta of db().entityMetadatas) {
    if (!meta.columns.some((column) => column.databaseName === 'tenant_id')) continue;
    if (!meta.columns.some((column) => column.databaseName === 'id')) continue;
    const hasXero = meta.columns.some((column) => column.databaseName === 'xero_id');
    const rows: Array<{ id: string; xero_id?: string }> = await db().query(
      `SELECT id::text${hasXero ? ', xero_id::text' : ''} FROM "${meta.tableName}" WHERE tenant_id = $1 LIMIT 50`,
      [tenantB],
    );
    ofB.set(meta.name, {
      ids: rows.map((row) => String(row.id)),
      xeroIds: rows.flatMap((row) => (row.xero_id ? [row.xero_id] : [])),
    });
    for (const row of rows) if (String(row.id).length >= 8) markers.add(String(row.id));
  }
  const introspection = await gateway.graphql<IntrospectionQuery>(getIntrospectionQuery(), {}, keyA);
  schema = buildClientSchema(introspection.data!);
});
afterAll(() => gateway.stop());

/** Every row of B, hashed: compared before and after A's attempts. */
async function fingerprintOfB(): Promise<string> {
  const parts: string[] = [];
  for (const meta of db().entityMetadatas) {
    if (!meta.columns.some((column) => column.databaseName === 'tenant_id')) continue;
    const [row] = await db().query(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h FROM "${meta.tableName}" t WHERE tenant_id = $1`,
      [tenantB],
    );
    parts.push(`${meta.tableName}:${row.n}:${row.h}`);
  }
  return parts.join('\n');
}

function entityOf(typeName: string): string | undefined {
  const base = typeName.replace(/(Connection|Payload|Edge)$/, '');
  return ofB.has(base) ? base : undefined;
}

function idFor(argName: string, fallbackEntity: string | undefined): string {
  const fromName = argName.replace(/Ids?$/, '');
  const entity =
    entityOf(fromName.charAt(0).toUpperCase() + fromName.slice(1)) ?? fallbackEntity ?? 'Invoice';
  return ofB.get(entity)?.ids[0] ?? ofB.get('Invoice')!.ids[0];
}

/** A value for an argument aimed at B: B's ids, B's external ids, B's cursors, required scalars filled. */
function valueFor(
  name: string,
  type: GraphQLInputType,
  entity: string | undefined,
  fieldName: string,
): unknown {
  if (isNonNullType(type)) return valueFor(name, type.ofType, entity, fieldName);
  if (isListType(type)) return [valueFor(name, type.ofType, entity, fieldName)];
  const named = getNamedType(type);
  if (named.name === 'ID') return idFor(name, entity);
  if (named.name === 'ExternalIdInput') {
    return { provider: 'xero', id: ofB.get(entity ?? 'Invoice')?.xeroIds[0] ?? 'none' };
  }
  if (name === 'after' || name === 'before' || name === 'since') return cursorsOfB.get(fieldName) ?? '1';
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      const fieldNamed = getNamedType(field.type);
      if (isNonNullType(field.type) || fieldNamed.name === 'ID' || fieldNamed.name === 'ExternalIdInput') {
        value[field.name] = valueFor(field.name, field.type, entity, fieldName);
      }
    }
    return value;
  }
  if (named.name === 'Int' || named.name === 'Float') return name === 'first' ? 5 : 1;
  if (named.name === 'Boolean') return false;
  if (named.name === 'Decimal') return '1';
  if (named.name === 'Date') return '2024-01-01';
  if (named.name === 'DateTimeISO') return '2024-01-01T00:00:00.000Z';
  return 'x';
}

/** Leaf fields (and, two levels down, objects) without required arguments. */
function selection(type: GraphQLNamedType, depth: number): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type) || isInterfaceType(type)) {
    const members = isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type);
    if (depth <= 0) return '{ __typename }';
    return `{ __typename ${members.map((member) => `... on ${member.name} ${selection(member, depth - 1)}`).join(' ')} }`;
  }
  if (!isObjectType(type)) return '{ __typename }';
  const fields = Object.values(type.getFields()).filter((field) =>
    field.args.every((arg) => !isNonNullType(arg.type)),
  );
  const parts = fields.flatMap((field) => {
    const named = getNamedType(field.type);
    if (isLeafType(named)) return [field.name];
    if (depth <= 0) return [];
    return [`${field.name} ${selection(named, depth - 1)}`];
  });
  return `{ __typename ${parts.join(' ')} }`;
}

function operation(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>) {
  const entity = entityOf(getNamedType(field.type).name);
  const variables: Record<string, unknown> = {};
  const declared = field.args.map((arg: GraphQLArgument) => {
    variables[arg.name] = valueFor(arg.name, arg.type, entity, field.name);
    return `$${arg.name}: ${arg.type.toString()}`;
  });
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const query = `${kind}${declared.length ? `(${declared.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection(getNamedType(field.type), 2)} }`;
  return { query, variables };
}

/** B's markers in an answer, except those A itself sent (a NOT_FOUND naming the asked-for id reveals nothing). */
function leaks(text: string, sent = ''): string[] {
  return [...markers].filter((marker) => text.includes(marker) && !sent.includes(marker));
}

describe('tenant isolation over the whole schema (introspected)', () => {
  it('answers no query of tenant A with anything of tenant B, whatever ids, external ids, cursors and filters', async (context) => {
    const fields = Object.values(schema.getQueryType()!.getFields());
    for (const field of fields) {
      if (field.args.some((arg) => arg.name === 'after')) {
        const page = await gateway.graphql<Record<string, { pageInfo?: { endCursor?: string } }>>(
          `{ ${field.name}(first: 1) { pageInfo { endCursor } } }`,
          {},
          keyB,
        );
        const cursor = page.data?.[field.name]?.pageInfo?.endCursor;
        if (cursor) cursorsOfB.set(field.name, cursor);
      }
    }
    const before = await fingerprintOfB();
    const found: string[] = [];
    for (const field of fields) {
      const { query, variables } = operation('query', field);
      const result = await gateway.graphql(query, variables, keyA);
      expect(result.status, `${field.name}: ${JSON.stringify(result)}`).toBeLessThan(500);
      found.push(
        ...leaks(JSON.stringify(result), JSON.stringify(variables)).map(
          (marker) => `${field.name}: ${marker}`,
        ),
      );
    }
    expect(found).toEqual([]);
    expect(await fingerprintOfB()).toBe(before);
    recordFigures(context, { isolationProbes: fields.length, leaksFound: found.length });
  });

  it('lets no mutation of tenant A change, reference or reveal anything of tenant B', async (context) => {
    const fields = Object.values(schema.getMutationType()!.getFields());
    const before = await fingerprintOfB();
    const found: string[] = [];
    for (const field of fields) {
      const { query, variables } = operation('mutation', field);
      const result = await gateway.graphql(query, variables, keyA);
      expect(result.status, `${field.name}: ${JSON.stringify(result)}`).toBeLessThan(500);
      found.push(
        ...leaks(JSON.stringify(result), JSON.stringify(variables)).map(
          (marker) => `${field.name}: ${marker}`,
        ),
      );
    }
    expect(found).toEqual([]);
    expect(await fingerprintOfB()).toBe(before);
    // Nothing of A now points at B (a created record referencing B's organization, say).
    const pattern = [...markers].join('|');
    for (const meta of db().entityMetadatas) {
      if (!meta.columns.some((column) => column.databaseName === 'tenant_id')) continue;
      const [row] = await db().query(
        `SELECT count(*) AS n FROM "${meta.tableName}" t WHERE tenant_id = $1 AND t::text ~ $2`,
        [tenantA, pattern],
      );
      expect(Number(row.n), meta.tableName).toBe(0);
    }
    recordFigures(context, { isolationProbes: fields.length, leaksFound: found.length });
  });

  it('streams nothing of tenant B to any subscription of tenant A', async (context) => {
    const fields = Object.values(schema.getSubscriptionType()!.getFields());
    const { client } = connectWs(gateway.url, keyA);
    const received: string[] = [];
    const iterators = fields.map((field) => {
      const { query, variables } = operation('subscription', field);
      const iterator = client.iterate({ query, variables })[Symbol.asyncIterator]();
      void (async () => {
        try {
          for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
            received.push(`${field.name}: ${JSON.stringify(next.value)}`);
          }
        } catch (error) {
          received.push(`${field.name} error: ${JSON.stringify(error)}`);
        }
      })();
      return iterator;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idsB = await writeItems(db(), tenantB, 3);
    for (const id of idsB) markers.add(id);
    await gateway.graphql('mutation { triggerSync }', {}, keyB).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const iterator of iterators) await iterator.return?.();
    await client.dispose();
    const found = received.flatMap((message) =>
      leaks(message).map((marker) => `${message.slice(0, 60)}: ${marker}`),
    );
    expect(found).toEqual([]);
    recordFigures(context, { isolationProbes: fields.length, leaksFound: found.length });
  });
});
