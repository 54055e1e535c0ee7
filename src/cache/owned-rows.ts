import type { EntityManager } from 'typeorm';
import { SyncAction } from '../schema/sync-event.entity.js';
import { type CacheEntityName, cacheEntityTypes } from './cache-entities.js';
import type { WriteOrigin } from './sync-events.js';
import { tombstone, type WriteResult } from './upsert.js';

/** Records of one entity that belong to a record of another, through a column (an employee's salaries). */
export interface OwnedRows {
  entity: CacheEntityName;
  /** The owner's Connec! id column, as the entity property: `employeeId`. */
  foreignKey: string;
}

/** One owner as Xero now holds it: the ids (Xero's) of its owned records that Xero still has. */
export interface OwnerInXero {
  ownerId: string;
  keepXeroIds: string[];
}

/**
 * Tombstones the owned records that Xero no longer holds under their owner (a pay template line removed),
 * with one DELETED event each, in the caller's transaction. Rows not in Xero yet (a pending write's) are
 * kept unless `pendingToo`: the landing of that write's own answer passes it, since its answer is final.
 */
export async function tombstoneRemovedOwned(
  tx: EntityManager,
  tenantId: string,
  owned: OwnedRows,
  owners: OwnerInXero[],
  origin: WriteOrigin,
  options: { pendingToo: boolean },
): Promise<WriteResult> {
  if (owners.length === 0) return { ids: [], events: [] };
  const metadata = tx.connection.getMetadata(cacheEntityTypes[owned.entity].entity);
  const column = metadata.findColumnWithPropertyName(owned.foreignKey)!.databaseName;
  const rows: Array<{ id: string }> = await tx.query(
    `SELECT r.id FROM "${metadata.tableName}" r
       JOIN jsonb_to_recordset($2::jsonb) AS o(owner uuid, keep text[]) ON r."${column}" = o.owner
      WHERE r.tenant_id = $1 AND r.deleted_at IS NULL
        AND CASE WHEN r.xero_id IS NULL THEN $3::boolean ELSE NOT (r.xero_id = ANY(o.keep)) END`,
    [
      tenantId,
      JSON.stringify(owners.map((owner) => ({ owner: owner.ownerId, keep: owner.keepXeroIds }))),
      options.pendingToo,
    ],
  );
  if (rows.length === 0) return { ids: [], events: [] };
  return tombstone(
    tx,
    tenantId,
    owned.entity,
    rows.map((row) => row.id),
    SyncAction.DELETED,
    origin,
  );
}
