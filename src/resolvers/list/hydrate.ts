import type { ClassType } from 'type-graphql';
import type { EntityManager, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * Turns rows of hand-written SQL into entity instances, converting values exactly as TypeORM would
 * (dates as "YYYY-MM-DD" strings, timestamps as Date, numeric as strings) - including rows embedded
 * as JSON, whose numeric columns the SQL sends as text so no digit is lost to a float.
 */
export function hydrate<T extends object>(
  manager: EntityManager,
  entity: ClassType<T>,
  row: Record<string, unknown>,
): T {
  const plan = hydrationPlan(manager, entity);
  const instance = new entity() as Record<string, unknown>;
  const driver = manager.connection.driver;
  for (const column of plan) {
    const value = row[column.databaseName];
    if (value === undefined) continue;
    instance[column.propertyName] = value === null ? null : driver.prepareHydratedValue(value, column);
  }
  return instance as T;
}

/** Hydration runs for every row of every page: the column list is worked out once per entity. */
const plans = new WeakMap<object, ColumnMetadata[]>();

function hydrationPlan(manager: EntityManager, entity: ClassType): ColumnMetadata[] {
  let plan = plans.get(entity);
  if (!plan) {
    plan = manager.connection.getMetadata(entity).columns.filter((column) => !column.isVirtual);
    plans.set(entity, plan);
  }
  return plan;
}

/** A `json_build_object(...)` (text JSON: far cheaper to build than jsonb) of every column of `alias`, numerics as text so they stay exact. */
export function jsonRowSql(metadata: EntityMetadata, alias: string): string {
  const pairs = metadata.columns.map((column) => {
    const numeric = column.type === 'numeric' || column.type === 'bigint';
    const cast = numeric ? (column.isArray ? '::text[]' : '::text') : '';
    return `'${column.databaseName}', ${alias}.${column.databaseName}${cast}`;
  });
  return `json_build_object(${pairs.join(', ')})`;
}

/** Bookkeeping columns reads never need: left out of SELECTs (field_hashes is the bulk of a row). */
const WRITE_ONLY_COLUMNS = new Set(['field_hashes', 'content_hash']);

/** The entity's readable columns, qualified by `alias`, for hand-written SELECTs. */
export function selectColumns(metadata: EntityMetadata, alias: string): string {
  const key = `${metadata.tableName}:${alias}`;
  let columns = selectLists.get(key);
  if (!columns) {
    columns = metadata.columns
      .filter((column) => !WRITE_ONLY_COLUMNS.has(column.databaseName))
      .map((column) => `${alias}.${column.databaseName}`)
      .join(', ');
    selectLists.set(key, columns);
  }
  return columns;
}

const selectLists = new Map<string, string>();

/** Whether rows of the entity can be tombstoned (hidden) rather than carrying a status. */
export function hasTombstones(metadata: EntityMetadata): boolean {
  return metadata.findColumnWithDatabaseName('deleted_at') !== undefined;
}
