import DataLoader from 'dataloader';
import { Arg, type ClassType, Ctx, FieldResolver, Int, Root } from 'type-graphql';
import { type GatewayContext, requestScoped } from '../../context.js';
import type { ConnecEntity } from '../../schema/connec-entity.js';
import type { ChildSpec, EntityDescriptor, OrderInput } from './entity-descriptor.js';
import type { ReturnTypeFunc } from './filter-spec.js';
import { countEntities, type ListArgs, listEntitiesByParent, type Page } from './list-query.js';
import { byIdLoader, childrenLoader } from './loaders.js';

/** A field a reader follows from one record to others; each is one batched statement per request. */
export type RelationSpec =
  | { kind: 'belongsTo'; type: () => ClassType; key: string; description: string }
  | { kind: 'children'; child: ChildSpec; description: string }
  | { kind: 'manyByIds'; type: () => ClassType; key: string; description: string }
  | { kind: 'connection'; descriptor: () => EntityDescriptor; foreignKey: string; description: string };

/** The record whose Connec! id is in `key` (e.g. invoice.organizationId). */
export const belongsTo = (type: () => ClassType, key: string, description: string): RelationSpec => ({
  kind: 'belongsTo',
  type,
  key,
  description,
});

/** Rows whose foreign key points at this record (lines, an organization's people). */
export const hasMany = (child: ChildSpec, description: string): RelationSpec => ({
  kind: 'children',
  child,
  description,
});

/** The records whose ids are in the array `key` (employee.workLocationIds). */
export const manyByIds = (type: () => ClassType, key: string, description: string): RelationSpec => ({
  kind: 'manyByIds',
  type,
  key,
  description,
});

/** A paginated list of another entity filtered by a foreign key (organization.invoices). */
export function connectionOf<T extends ConnecEntity>(
  descriptor: () => EntityDescriptor<T>,
  foreignKey: string,
  description: string,
): RelationSpec {
  // Variance only: the relation reads rows through the descriptor, it never writes T.
  return {
    kind: 'connection',
    descriptor: descriptor as unknown as () => EntityDescriptor,
    foreignKey,
    description,
  };
}

type ParentRow = Record<string, unknown> & { id: string };

/**
 * Adds one `@FieldResolver` per relation to a resolver class. The decorators are applied by hand
 * because the methods are generated from the relation table.
 */
export function addRelations(resolverClass: ClassType, relations: Record<string, RelationSpec>): void {
  const prototype = resolverClass.prototype as Record<string, unknown>;
  for (const [name, spec] of Object.entries(relations)) {
    const resolve = (root: ParentRow, context: GatewayContext, ...rest: unknown[]) =>
      resolveRelation(spec, root, context, rest);
    Object.defineProperty(prototype, name, { value: resolve, writable: true, configurable: true });
    Root()(prototype, name, 0);
    Ctx()(prototype, name, 1);
    if (spec.kind === 'connection') addConnectionArgs(prototype, name, spec.descriptor);
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    FieldResolver(returnType(spec), { nullable: spec.kind === 'belongsTo', description: spec.description })(
      prototype,
      name,
      descriptor,
    );
  }
}

function addConnectionArgs(prototype: object, name: string, descriptor: () => EntityDescriptor): void {
  Arg('first', () => Int, { nullable: true, description: 'Page size, 0 to 500; 50 when omitted.' })(
    prototype,
    name,
    2,
  );
  Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' })(
    prototype,
    name,
    3,
  );
  Arg('filter', () => descriptor().filterInput, { nullable: true, description: 'Conditions.' })(
    prototype,
    name,
    4,
  );
  Arg('orderBy', () => descriptor().orderInput, { nullable: true, description: 'Sort order.' })(
    prototype,
    name,
    5,
  );
}

function returnType(spec: RelationSpec): ReturnTypeFunc {
  switch (spec.kind) {
    case 'belongsTo':
      return () => spec.type();
    case 'children':
      return () => [spec.child.entity()];
    case 'manyByIds':
      return () => [spec.type()];
    case 'connection':
      return () => spec.descriptor().connection;
  }
}

function resolveRelation(spec: RelationSpec, root: ParentRow, context: GatewayContext, args: unknown[]) {
  switch (spec.kind) {
    case 'belongsTo': {
      const id = root[spec.key] as string | null;
      return id ? byIdLoader(context, spec.type()).load(id) : null;
    }
    case 'children':
      return childrenLoader(context, spec.child).load(root.id);
    case 'manyByIds': {
      const ids = (root[spec.key] as string[] | null) ?? [];
      return byIdLoader(context, spec.type())
        .loadMany(ids)
        .then((rows) => rows.filter((row) => row !== null && !(row instanceof Error)));
    }
    case 'connection': {
      const [first, after, filter, orderBy] = args as [number, string, Record<string, unknown>, OrderInput];
      return nestedConnection(context, spec.descriptor(), spec.foreignKey, root.id, {
        first,
        after,
        filter,
        orderBy,
      });
    }
  }
}

/** One page per parent; parents asking with the same arguments share one statement. */
async function nestedConnection(
  context: GatewayContext,
  descriptor: EntityDescriptor,
  foreignKey: string,
  parentId: string,
  args: ListArgs,
) {
  const tenantId = context.auth.tenant.id;
  const key = `${descriptor.name}.${foreignKey}:${JSON.stringify(args)}`;
  const pages = requestScoped(context, `page:${key}`, () => {
    return new DataLoader<string, Page<ConnecEntity>>(async (ids) => {
      const byParent = await listEntitiesByParent(
        context.db.manager,
        descriptor,
        tenantId,
        foreignKey,
        ids,
        args,
      );
      return ids.map((id) => byParent.get(id)!);
    });
  });
  const counts = requestScoped(context, `count:${key}`, () => {
    return new DataLoader<string, number>(async (ids) => {
      const byParent = await countEntities(context.db.manager, descriptor, tenantId, args.filter, {
        foreignKey,
        ids,
      });
      return ids.map((id) => byParent.get(id) ?? 0);
    });
  });
  const page = await pages.load(parentId);
  return new descriptor.connection({ ...page, count: () => counts.load(parentId) });
}
