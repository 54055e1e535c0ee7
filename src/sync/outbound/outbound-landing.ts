import type { EntityManager } from 'typeorm';
import { type CacheEntityName, cacheEntityTypes } from '../../cache/cache-entities.js';
import type { ExternalIdRef } from '../../cache/id-map.js';
import { appendEvents, lockEventCounter, type WriteOrigin } from '../../cache/sync-events.js';
import { type CacheRecord, upsertEntities, type WriteResult } from '../../cache/upsert.js';
import { SyncStatus } from '../../schema/connec-entity.js';
import { SyncAction } from '../../schema/sync-event.entity.js';
import { keepChosenPeople } from '../inbound/chosen-person.js';
import type { AnyMapped } from '../inbound/page-writer.js';
import { ReferenceResolver } from '../inbound/reference-resolver.js';

export interface Landing {
  tenantId: string;
  xeroTenantId: string;
  entity: CacheEntityName;
  connecId: string;
  mapped: AnyMapped;
  origin: WriteOrigin;
  /** The app's own id for the record (upserts), recorded in id_map beside Xero's. */
  appExternalId?: ExternalIdRef | null;
  syncStatus?: SyncStatus;
  /** The person the write asked for, on a document Xero holds with its Contact only. */
  personId?: string | null;
}

/**
 * Lands Xero's answer in the cache in the caller's transaction: the row keeps its Connec! id and takes
 * Xero's id, computed totals and lines, `syncStatus` SYNCED, the id map (pushed_at stamped) and one event
 * with the app as origin. The fields are exactly what the inbound mapper makes of the same record, so the
 * webhook echo of this push hashes equal and appends nothing.
 */
export async function landXeroAnswer(tx: EntityManager, landing: Landing): Promise<WriteResult> {
  const { tenantId, xeroTenantId, entity, connecId, mapped } = landing;
  await dropInboundTwin(tx, landing);
  const resolver = new ReferenceResolver(tx, tenantId);
  await resolver.load([
    mapped.references,
    ...Object.values(mapped.children).flatMap((list) => list.map((child) => child.references)),
  ]);
  const children = Object.fromEntries(
    Object.entries(mapped.children).map(([name, list]) => [
      name,
      list.map((child) => ({ ...(child.fields as object), ...resolver.resolve(child.references) })),
    ]),
  );
  const record: CacheRecord = {
    id: connecId,
    externalIds: [
      { provider: 'xero', realm: xeroTenantId, id: mapped.xeroId },
      ...(landing.appExternalId ? [landing.appExternalId] : []),
    ],
    remoteUpdatedAt: mapped.remoteUpdatedAt,
    fields: {
      ...(mapped.fields as object),
      ...resolver.resolve(mapped.references),
      ...children,
      syncStatus: landing.syncStatus ?? SyncStatus.SYNCED,
    },
  };
  // The person an app chose for a document stays (Xero's documents name only the Contact).
  await keepChosenPeople(tx, tenantId, entity, [record], landing.personId);
  const result = await upsertEntities(tx, tenantId, entity, [record], landing.origin);
  await tx.query(
    `UPDATE id_map SET pushed_at = now(), last_error = NULL, updated_at = now()
      WHERE tenant_id = $1 AND entity = $2 AND connec_id = $3 AND provider = 'xero'`,
    [tenantId, entity, result.ids[0]],
  );
  return result;
}

/**
 * If the inbound sync cached the record Xero just created before this answer landed (a webhook racing a
 * slow landing), that row is a duplicate of ours under another Connec! id: it goes, ours stays, with a
 * DELETED event for it (widget aggregates and subscribers saw it arrive, so they must see it go).
 */
async function dropInboundTwin(tx: EntityManager, { tenantId, entity, connecId, mapped }: Landing) {
  const table = tx.connection.getMetadata(cacheEntityTypes[entity].entity).tableName;
  // The counter first, as every cache writer takes it: the tenant's writers then cannot deadlock.
  const lastSeq = await lockEventCounter(tx, tenantId);
  const [twins]: [Array<{ id: string }>, number] = await tx.query(
    `DELETE FROM "${table}" WHERE tenant_id = $1 AND xero_id = $2 AND id <> $3
       AND EXISTS (SELECT 1 FROM "${table}" WHERE tenant_id = $1 AND id = $3) RETURNING id`,
    [tenantId, mapped.xeroId, connecId],
  );
  if (twins.length === 0) return;
  await tx.query('DELETE FROM id_map WHERE tenant_id = $1 AND connec_id = ANY($2::uuid[])', [
    tenantId,
    twins.map((twin) => twin.id),
  ]);
  const events = twins.map((twin) => ({
    entityType: entity,
    entityId: twin.id,
    action: SyncAction.DELETED,
    changedFields: [],
  }));
  // Origin "xero", as the twin's arrival had: everyone who saw it arrive sees it go.
  await appendEvents(tx, tenantId, lastSeq, events, { source: 'xero' });
}

/** Marks the record's sync status (PENDING rows that Xero refused become FAILED), with its event. */
export async function markSyncStatus(
  tx: EntityManager,
  tenantId: string,
  entity: CacheEntityName,
  connecId: string,
  status: SyncStatus,
  origin: WriteOrigin,
  lastError?: string,
): Promise<void> {
  const table = tx.connection.getMetadata(cacheEntityTypes[entity].entity).tableName;
  const exists: unknown[] = await tx.query(`SELECT 1 FROM "${table}" WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    connecId,
  ]);
  if (exists.length === 0) return;
  await upsertEntities(tx, tenantId, entity, [{ id: connecId, fields: { syncStatus: status } }], origin);
  if (lastError) {
    await tx.query(
      `UPDATE id_map SET last_error = $4, updated_at = now()
        WHERE tenant_id = $1 AND entity = $2 AND connec_id = $3 AND provider = 'xero'`,
      [tenantId, entity, connecId, lastError.slice(0, 2000)],
    );
  }
}
