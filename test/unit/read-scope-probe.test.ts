import {
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheEntityTypes } from '../../src/cache/cache-entities.js';
import { buildGatewaySchema } from '../../src/resolvers/build-schema.js';
import { Scope } from '../../src/schema/scope.js';

/** What type-graphql recorded of `@Authorized` on a field (or the resolver class around it). */
interface FieldMeta {
  schemaName: string;
  roles?: string[];
}
interface TypeMeta {
  name: string;
  target: { prototype?: unknown };
  fields?: FieldMeta[];
}
interface Storage {
  queries: FieldMeta[];
  mutations: FieldMeta[];
  subscriptions: FieldMeta[];
  objectTypes: TypeMeta[];
  interfaceTypes: TypeMeta[];
}

/**
 * The scopes `@Authorized` demands on a field, looked up in type-graphql's metadata (filled by building
 * the schema); fields declared on a base class are found through the prototype chain.
 */
function scopesOf(storage: Storage, typeName: string, fieldName: string): string[] {
  const roots: Record<string, FieldMeta[]> = {
    Query: storage.queries,
    Mutation: storage.mutations,
    Subscription: storage.subscriptions,
  };
  if (roots[typeName]) return roots[typeName].find((field) => field.schemaName === fieldName)?.roles ?? [];
  const types = [...storage.objectTypes, ...storage.interfaceTypes];
  for (const type of types.filter((candidate) => candidate.name === typeName)) {
    let target: unknown = type.target;
    while ((target as { prototype?: unknown })?.prototype) {
      const field = types
        .find((candidate) => candidate.target === target)
        ?.fields?.find((candidate) => candidate.schemaName === fieldName);
      if (field) return field.roles ?? [];
      target = Object.getPrototypeOf(target);
    }
  }
  throw new Error(`no metadata for ${typeName}.${fieldName}`);
}

/**
 * Every output type a query, mutation or subscription reaches without passing a field that demands READ,
 * with the first path found to it.
 */
function reachableWithoutRead(schema: GraphQLSchema): Map<string, string> {
  const storage = getMetadataStorage() as unknown as Storage;
  const reached = new Map<string, string>();
  const queue: Array<[GraphQLNamedType, string]> = [];
  const walk = (type: GraphQLNamedType, path: string) => {
    if (isUnionType(type))
      for (const member of type.getTypes()) queue.push([member, `${path}|${member.name}`]);
    if (!isObjectType(type) && !isInterfaceType(type)) return;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('__')) continue;
      if (scopesOf(storage, type.name, field.name).includes(Scope.READ)) continue;
      queue.push([getNamedType(field.type), `${path}.${field.name}`]);
    }
  };
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (root) walk(root, root.name);
  }
  while (queue.length > 0) {
    const [type, path] = queue.shift()!;
    if (reached.has(type.name)) continue;
    reached.set(type.name, path);
    walk(type, path);
  }
  return reached;
}

describe('the read scope guards every path to data', () => {
  let schema: GraphQLSchema;
  let reached: Map<string, string>;
  beforeAll(async () => {
    schema = await buildGatewaySchema();
    reached = reachableWithoutRead(schema);
  });

  it('reaches no record, connection, edge or widget from any root without a field that demands READ', () => {
    const entityTypes = new Set<string>(['ConnecEntity', 'Widgets', ...Object.keys(cacheEntityTypes)]);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type)) continue;
      const fields = type.getFields();
      // Connections and edges by their shape, widgets by their name, so new ones count without a list.
      if ('edges' in fields || 'node' in fields || type.name.endsWith('Widget')) entityTypes.add(type.name);
    }
    const leaks = [...reached].filter(([name]) => entityTypes.has(name)).map(([, path]) => path);
    expect(leaks).toEqual([]);
  });

  it('reaches without READ only the object types listed here (a new one must be added on purpose)', () => {
    const objects = [...reached.keys()].filter((name) => {
      const type = schema.getType(name);
      return type && (isObjectType(type) || isUnionType(type) || isInterfaceType(type));
    });
    const roots = new Set(['Query', 'Mutation', 'Subscription']);
    // Write payloads and batch results hold a record behind READ, and their own fields are not data.
    expect(objects.filter((name) => !roots.has(name) && !/(Payload|BatchResult)$/.test(name)).sort()).toEqual(
      [
        // Admin (apps, keys, Xero connections), who is calling, and the metadata of events and writes.
        'App',
        'BatchItemError',
        'EntityChangeEvent',
        'SyncStatusNotice',
        'Tenant',
        'Viewer',
        'WriteFieldError',
        'XeroApiAllowance',
        'XeroConnectLink',
        'XeroConnection',
      ],
    );
  });
});
