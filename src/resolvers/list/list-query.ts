import type { EntityManager } from 'typeorm';
import { badArgument } from '../../errors.js';
import type { ConnecEntity } from '../../schema/connec-entity.js';
import { SortDirection } from './connection.js';
import { type CursorPosition, decodeCursor, encodeCursor } from './cursor.js';
import type { ChildSpec, EntityDescriptor, ListSource, OrderInput, OrderSpec } from './entity-descriptor.js';
import { hasTombstones, hydrate, jsonRowSql, selectColumns } from './hydrate.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface ListArgs {
  first?: number | null;
  after?: string | null;
  filter?: Record<string, unknown> | null;
  orderBy?: OrderInput | null;
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
}

/** The pieces of a list statement: tenant, filters and cursor conditions, sort and page size. */
export interface ListPlan {
  table: string;
  columns: string;
  where: string[];
  params: unknown[];
  sortSql: string;
  orderSql: string;
  orderKey: string;
  limit: number;
}

/** Validates the arguments and turns them into SQL conditions; every list is filtered by tenant first. */
export function planList(
  manager: EntityManager,
  descriptor: ListSource,
  tenantId: string,
  args: ListArgs,
): ListPlan {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badArgument('first', `A page holds 0 to ${MAX_PAGE_SIZE} rows; ${first} were asked for.`);
  }
  const { field, direction } = resolveOrder(descriptor, args.orderBy);
  const order = descriptor.orderBy[field];
  const metadata = manager.connection.getMetadata(descriptor.entity);
  const params: unknown[] = [tenantId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = ['e.tenant_id = $1'];
  if (hasTombstones(metadata)) where.push('e.deleted_at IS NULL');
  where.push(...filterConditions(descriptor, args.filter, param));
  const orderKey = `${field}:${direction}`;
  if (args.after) where.push(keysetCondition(order, direction, decodeCursor(args.after, orderKey), param));
  return {
    table: metadata.tableName,
    columns: selectColumns(metadata, 'e'),
    where,
    params,
    sortSql: order.sql,
    orderSql: `${order.sql} ${direction}, e.id ${direction}`,
    orderKey,
    limit: first,
  };
}

/**
 * Rows after the cursor in `ORDER BY sort <dir>, e.id <dir>`. A NULL sort value sorts last ascending and
 * first descending (Postgres' default, which a plain index serves), so NULLs need their own branches.
 */
export function keysetCondition(
  order: OrderSpec,
  direction: SortDirection,
  position: CursorPosition,
  param: (value: unknown) => string,
): string {
  const ascending = direction === SortDirection.ASC;
  const op = ascending ? '>' : '<';
  const id = `${param(position.id)}::uuid`;
  if (position.value === null) {
    return ascending
      ? `(${order.sql} IS NULL AND e.id > ${id})`
      : `(${order.sql} IS NOT NULL OR e.id < ${id})`;
  }
  const after = `(${order.sql}, e.id) ${op} (${param(position.value)}::${order.cast}, ${id})`;
  return order.nullable && ascending ? `(${after} OR ${order.sql} IS NULL)` : after;
}

function resolveOrder(descriptor: ListSource, orderBy: OrderInput | null | undefined) {
  if (!orderBy) return descriptor.defaultOrder;
  return { field: orderBy.field, direction: orderBy.direction ?? SortDirection.ASC };
}

/** SQL conditions for the filter's given fields; `filter.x` names the field in errors. */
export function filterConditions(
  descriptor: ListSource,
  filter: Record<string, unknown> | null | undefined,
  param: (value: unknown) => string,
): string[] {
  if (!filter) return [];
  return Object.entries(filter).flatMap(([name, value]) => {
    if (value === undefined || value === null) return [];
    const spec = descriptor.filters[name];
    return spec ? [spec.sql(value, param, `filter.${name}`)] : [];
  });
}

/** One page of a list, with children embedded as JSON when asked for (one statement either way). */
export async function listEntities<T extends ConnecEntity>(
  manager: EntityManager,
  descriptor: EntityDescriptor<T>,
  tenantId: string,
  args: ListArgs,
  embed: ChildSpec[] = [],
): Promise<Page<T> & { children: Map<ChildSpec, Map<string, unknown[]>> }> {
  const plan = planList(manager, descriptor, tenantId, args);
  const embedded = embed.map((child, index) => `${childJsonSql(manager, child)} AS "__child_${index}"`);
  // The page is cut first and children embedded after, so their subqueries run for the page's rows only.
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT e.*${embedded.map((sql) => `, ${sql}`).join('')} FROM (
       SELECT ${plan.columns}, (${plan.sortSql})::text AS "__sort" FROM "${plan.table}" e
        WHERE ${plan.where.join(' AND ')} ORDER BY ${plan.orderSql} LIMIT ${plan.limit + 1}) e
      ORDER BY ${plan.orderSql}`,
    plan.params,
  );
  const page = toPage(manager, descriptor, plan, rows);
  const children = new Map<ChildSpec, Map<string, unknown[]>>();
  embed.forEach((child, index) => {
    const byParent = new Map<string, unknown[]>();
    for (const row of rows.slice(0, plan.limit)) {
      const list = (row[`__child_${index}`] as Array<Record<string, unknown>>) ?? [];
      byParent.set(
        row.id as string,
        list.map((item) => hydrate(manager, child.entity(), item)),
      );
    }
    children.set(child, byParent);
  });
  return { ...page, children };
}

function childJsonSql(manager: EntityManager, child: ChildSpec): string {
  const metadata = manager.connection.getMetadata(child.entity());
  return `(SELECT coalesce(json_agg(${jsonRowSql(metadata, 'c')} ORDER BY c.${child.orderBy}, c.id), '[]'::json)
             FROM "${metadata.tableName}" c WHERE c.tenant_id = e.tenant_id AND c.${child.foreignKey} = e.id)`;
}

/** Pages of the same list for many parents at once (organization.invoices), one statement in all. */
export async function listEntitiesByParent<T extends ConnecEntity>(
  manager: EntityManager,
  descriptor: EntityDescriptor<T>,
  tenantId: string,
  foreignKey: string,
  parentIds: readonly string[],
  args: ListArgs,
): Promise<Map<string, Page<T>>> {
  const plan = planList(manager, descriptor, tenantId, args);
  plan.where.push(`e.${foreignKey} = ANY($${plan.params.push(parentIds)}::uuid[])`);
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT * FROM (
       SELECT ${plan.columns}, (${plan.sortSql})::text AS "__sort",
              row_number() OVER (PARTITION BY e.${foreignKey} ORDER BY ${plan.orderSql}) AS "__rn"
         FROM "${plan.table}" e WHERE ${plan.where.join(' AND ')}) e
      WHERE e."__rn" <= ${plan.limit + 1} ORDER BY e.${foreignKey}, e."__rn"`,
    plan.params,
  );
  const grouped = new Map<string, Array<Record<string, unknown>>>(parentIds.map((id) => [id, []]));
  for (const row of rows) grouped.get(row[foreignKey] as string)?.push(row);
  return new Map([...grouped].map(([id, group]) => [id, toPage(manager, descriptor, plan, group)]));
}

function toPage<T extends ConnecEntity>(
  manager: EntityManager,
  descriptor: EntityDescriptor<T>,
  plan: ListPlan,
  rows: Array<Record<string, unknown>>,
): Page<T> {
  const pageRows = rows.slice(0, plan.limit);
  return {
    nodes: pageRows.map((row) => hydrate(manager, descriptor.entity, row)),
    cursors: pageRows.map((row) =>
      encodeCursor(plan.orderKey, { value: (row.__sort as string | null) ?? null, id: row.id as string }),
    ),
    hasNextPage: rows.length > plan.limit,
  };
}

/** How many rows match the filter (no cursor), optionally grouped by a parent column. */
export async function countEntities(
  manager: EntityManager,
  descriptor: ListSource,
  tenantId: string,
  filter: Record<string, unknown> | null | undefined,
  parent?: { foreignKey: string; ids: readonly string[] },
): Promise<Map<string, number>> {
  const plan = planList(manager, descriptor, tenantId, { filter });
  const group = parent ? `e.${parent.foreignKey}` : `'all'`;
  if (parent) plan.where.push(`e.${parent.foreignKey} = ANY($${plan.params.push(parent.ids)}::uuid[])`);
  const rows: Array<{ key: string; n: number }> = await manager.query(
    `SELECT ${group} AS key, count(*)::int AS n FROM "${plan.table}" e
      WHERE ${plan.where.join(' AND ')} GROUP BY 1`,
    plan.params,
  );
  return new Map(rows.map((row) => [row.key, row.n]));
}
