import type { ClassType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../resolvers/list/cursor.js';
import type { CacheChild } from './cache-entities.js';

/** Bind parameters per statement stay well under Postgres' 65535. */
const MAX_PARAMETERS = 30_000;

export interface ExistingRow {
  id: string;
  xeroId: string | null;
  fieldHashes: Record<string, string>;
  deletedAt: Date | null;
  remoteUpdatedAt: Date | null;
}

/** The stored rows matching the records by Connec! id or Xero id, in one statement. */
export async function existingRows(
  manager: EntityManager,
  entity: ClassType,
  tenantId: string,
  records: Array<{ id?: string; externalIds?: Array<{ provider: string; id: string }> }>,
): Promise<{ find(id: string | undefined, xeroId: string | null): ExistingRow | undefined }> {
  const ids = records.flatMap((record) => (record.id ? [record.id] : []));
  const bad = ids.find((id) => !isUuid(id));
  if (bad) throw new Error(`"${bad}" is not a Connec! id (a UUID).`);
  const xeroIds = records.flatMap((record) =>
    (record.externalIds ?? []).filter((ref) => ref.provider === 'xero').map((ref) => ref.id),
  );
  const table = manager.connection.getMetadata(entity).tableName;
  const rows: Array<{
    id: string;
    xero_id: string | null;
    field_hashes: Record<string, string>;
    deleted_at: Date | null;
    remote_updated_at: Date | null;
  }> = await manager.query(
    `SELECT id, xero_id, field_hashes, deleted_at, remote_updated_at FROM "${table}"
        WHERE tenant_id = $1 AND (id = ANY($2::uuid[]) OR xero_id = ANY($3::text[]))`,
    [tenantId, ids, xeroIds],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byXeroId = new Map(rows.filter((row) => row.xero_id).map((row) => [row.xero_id!, row]));
  return {
    find(id, xeroId) {
      const row = (id ? byId.get(id) : undefined) ?? (xeroId ? byXeroId.get(xeroId) : undefined);
      return row
        ? {
            id: row.id,
            xeroId: row.xero_id,
            fieldHashes: row.field_hashes ?? {},
            deletedAt: row.deleted_at,
            remoteUpdatedAt: row.remote_updated_at,
          }
        : undefined;
    },
  };
}

/**
 * Multi-row INSERTs, chunked by the number of bind parameters. Built by hand rather than with TypeORM's
 * insert builder, whose per-parameter bookkeeping made a 100k-invoice seed take minutes; a property a
 * row leaves undefined gets the column's DEFAULT.
 */
export async function insertRows(
  manager: EntityManager,
  entity: ClassType,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter((column) =>
    rows.some((row) => row[column.propertyName] !== undefined),
  );
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  for (let start = 0; start < rows.length; start += chunk) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + chunk).map((row) => {
      const values = columns.map((column) => {
        const value = row[column.propertyName];
        if (value === undefined) return 'DEFAULT';
        const json = column.type === 'jsonb' && value !== null;
        params.push(json ? JSON.stringify(value) : value);
        return `$${params.length}`;
      });
      return `(${values.join(', ')})`;
    });
    await manager.query(`INSERT INTO "${metadata.tableName}" (${names}) VALUES ${tuples.join(', ')}`, params);
  }
}

export async function updateRow(
  manager: EntityManager,
  entity: ClassType,
  tenantId: string,
  id: string,
  values: Record<string, unknown>,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(entity)
    .set(values)
    .where('tenant_id = :tenantId AND id = :id', { tenantId, id })
    .updateEntity(false)
    .execute();
}

/**
 * Moves rows' `remote_updated_at` forward without touching `updated_at`: Xero stamped a new version whose
 * content the cache already holds (a write that changed nothing, a field the gateway does not map). The
 * gateway's version stays; the conflict check compares Xero's against this one.
 */
export async function advanceRemoteVersions(
  manager: EntityManager,
  entity: ClassType,
  tenantId: string,
  versions: Array<{ id: string; remoteUpdatedAt: Date }>,
): Promise<void> {
  if (versions.length === 0) return;
  const table = manager.connection.getMetadata(entity).tableName;
  await manager.query(
    `UPDATE "${table}" AS t SET remote_updated_at = v.at
       FROM unnest($2::uuid[], $3::timestamptz[]) AS v(id, at)
      WHERE t.tenant_id = $1 AND t.id = v.id AND (t.remote_updated_at IS NULL OR t.remote_updated_at < v.at)`,
    [tenantId, versions.map((v) => v.id), versions.map((v) => v.remoteUpdatedAt)],
  );
}

/** Children are replaced as a whole when their field changed: lines have no identity of their own in Xero. */
export async function replaceChildren(
  manager: EntityManager,
  children: Record<string, CacheChild>,
  tenantId: string,
  parents: Array<{ id: string; fields: Record<string, unknown> }>,
): Promise<void> {
  for (const [name, child] of Object.entries(children)) {
    const owners = parents.filter((parent) => parent.fields[name] !== undefined);
    if (owners.length === 0) continue;
    const metadata = manager.connection.getMetadata(child.entity);
    const parentColumn = metadata.findColumnWithPropertyName(child.parentKey)!.databaseName;
    await manager.query(
      `DELETE FROM "${metadata.tableName}" WHERE tenant_id = $1 AND ${parentColumn} = ANY($2::uuid[])`,
      [tenantId, owners.map((owner) => owner.id)],
    );
    const rows = owners.flatMap((owner) =>
      ((owner.fields[name] as Array<Record<string, unknown>> | null) ?? []).map((row, index) => ({
        ...(metadata.findColumnWithPropertyName('lineNumber') ? { lineNumber: index + 1 } : {}),
        ...row,
        tenantId,
        [child.parentKey]: owner.id,
      })),
    );
    await insertRows(manager, child.entity, rows);
  }
}
