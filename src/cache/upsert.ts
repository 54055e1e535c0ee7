import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SyncAction } from '../schema/sync-event.entity.js';
import { type CacheEntityName, cacheEntityTypes } from './cache-entities.js';
import { contentHash, fieldHashes } from './content-hash.js';
import { type ExternalIdRef, upsertIdMap } from './id-map.js';
import {
  advanceRemoteVersions,
  type ExistingRow,
  existingRows,
  insertRows,
  replaceChildren,
  updateRow,
} from './rows.js';
import {
  type AppendedEvent,
  appendEvents,
  lockEventCounter,
  type PendingEvent,
  type WriteOrigin,
} from './sync-events.js';

/** One record to write: its fields (entity properties, children arrays included) and its ids elsewhere. */
export interface CacheRecord {
  /** The Connec! id; when absent the record is matched by its Xero id, or created with a new id. */
  id?: string;
  /** Ids in other systems; a `xero` entry also fills the row's xero_id. */
  externalIds?: ExternalIdRef[];
  /**
   * When Xero last changed the record (bookkeeping: not part of the content hash). Moved forward even when
   * the content is unchanged, so the conflict check compares Xero's version with the one seen last.
   */
  remoteUpdatedAt?: Date | null;
  /** Entity properties to set. Omitted properties keep their value (partial updates). */
  fields: Record<string, unknown>;
}

export interface WriteResult {
  /** The Connec! ids of the records, in the order given. */
  ids: string[];
  events: AppendedEvent[];
}

const TOMBSTONE_STATUSES: Partial<Record<SyncAction, string>> = {
  [SyncAction.ARCHIVED]: 'ARCHIVED',
  [SyncAction.VOIDED]: 'VOIDED',
  [SyncAction.DELETED]: 'DELETED',
};

/**
 * Creates or updates records of one entity type for a tenant, with their children, id_map rows and one
 * sync event per record that changed - all in the caller's transaction (or a new one). A record whose
 * fields hash the same as what is stored appends no event.
 */
export async function upsertEntities(
  manager: EntityManager,
  tenantId: string,
  entityType: CacheEntityName,
  records: CacheRecord[],
  origin: WriteOrigin,
): Promise<WriteResult> {
  return inTransaction(manager, async (tx) => {
    const lastSeq = await lockEventCounter(tx, tenantId);
    const type = cacheEntityTypes[entityType];
    const existing = await existingRows(tx, type.entity, tenantId, records);
    const events: PendingEvent[] = [];
    const inserts: Array<Record<string, unknown>> = [];
    const changedChildren: Array<{ id: string; fields: Record<string, unknown> }> = [];
    const ids: string[] = [];
    const remoteOnly: Array<{ id: string; remoteUpdatedAt: Date }> = [];
    for (const record of records) {
      const xeroId = record.externalIds?.find((ref) => ref.provider === 'xero')?.id ?? null;
      const old = existing.find(record.id, xeroId);
      const write = planWrite(record, old, xeroId, type.children);
      ids.push(write.id);
      if (!write.row) {
        const remote = record.remoteUpdatedAt;
        if (remote && (!old?.remoteUpdatedAt || remote > old.remoteUpdatedAt))
          remoteOnly.push({ id: write.id, remoteUpdatedAt: remote });
        continue;
      }
      if (old) await updateRow(tx, type.entity, tenantId, write.id, write.row);
      else inserts.push({ ...write.row, id: write.id, tenantId });
      if (write.childrenChanged) changedChildren.push({ id: write.id, fields: record.fields });
      const action = actionFor(old, record.fields, write.changed);
      events.push({ entityType, entityId: write.id, action, changedFields: write.changed });
    }
    await insertRows(tx, type.entity, inserts);
    await advanceRemoteVersions(tx, type.entity, tenantId, remoteOnly);
    await replaceChildren(tx, type.children, tenantId, changedChildren);
    await upsertIdMap(tx, tenantId, entityType, ids, records, origin);
    return { ids, events: await appendEvents(tx, tenantId, lastSeq, events, origin) };
  });
}

interface PlannedWrite {
  id: string;
  /** The column values to write, or undefined when nothing changed. */
  row?: Record<string, unknown>;
  changed: string[];
  childrenChanged: boolean;
}

/** Compares the record's field hashes with the stored ones and prepares the row to write, if any. */
function planWrite(
  record: CacheRecord,
  old: ExistingRow | undefined,
  xeroId: string | null,
  children: Record<string, unknown>,
): PlannedWrite {
  const id = old?.id ?? record.id ?? randomUUID();
  const hashes = fieldHashes(record.fields);
  const changed = Object.keys(hashes)
    .filter((key) => old?.fieldHashes[key] !== hashes[key])
    .sort();
  if (old && changed.length === 0 && !old.deletedAt) return { id, changed, childrenChanged: false };
  const merged = { ...(old?.fieldHashes ?? {}), ...hashes };
  const row = {
    ...withoutChildren(record.fields, children),
    fieldHashes: merged,
    contentHash: contentHash(merged),
    deletedAt: null,
    ...(xeroId ? { xeroId } : {}),
    ...(record.remoteUpdatedAt !== undefined ? { remoteUpdatedAt: record.remoteUpdatedAt } : {}),
  };
  const childrenChanged = Object.keys(children).some((name) => changed.includes(name));
  return { id, row, changed, childrenChanged };
}

function withoutChildren(fields: Record<string, unknown>, children: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !(key in children)));
}

function actionFor(old: unknown, fields: Record<string, unknown>, changed: string[]): SyncAction {
  if (!old) return SyncAction.CREATED;
  if (changed.includes('status')) {
    const tombstone = Object.entries(TOMBSTONE_STATUSES).find(([, status]) => status === fields.status);
    if (tombstone) return tombstone[0] as SyncAction;
  }
  return SyncAction.UPDATED;
}

/**
 * Marks records as archived, voided or deleted. Entities with a status keep the row with that status;
 * the others are hidden from reads (deleted_at). Each record that changed appends one event.
 */
export async function tombstone(
  manager: EntityManager,
  tenantId: string,
  entityType: CacheEntityName,
  ids: string[],
  action: SyncAction.ARCHIVED | SyncAction.VOIDED | SyncAction.DELETED,
  origin: WriteOrigin,
): Promise<WriteResult> {
  return inTransaction(manager, async (tx) => {
    const lastSeq = await lockEventCounter(tx, tenantId);
    const metadata = tx.connection.getMetadata(cacheEntityTypes[entityType].entity);
    const hasStatus = metadata.findColumnWithDatabaseName('status') !== undefined;
    const status = TOMBSTONE_STATUSES[action]!;
    // Statusless records forget their field hashes, so writing them again brings them back with an event.
    const [rows]: [Array<{ id: string }>, number] = hasStatus
      ? await tx.query(
          `UPDATE "${metadata.tableName}" SET status = $3, updated_at = now(),
             field_hashes = field_hashes || jsonb_build_object('status', 'tombstone:' || $3::text)
           WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status <> $3 RETURNING id`,
          [tenantId, ids, status],
        )
      : await tx.query(
          `UPDATE "${metadata.tableName}" SET deleted_at = now(), updated_at = now(), field_hashes = '{}'
           WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL RETURNING id`,
          [tenantId, ids],
        );
    const events = rows.map((row) => ({
      entityType,
      entityId: row.id,
      action,
      changedFields: hasStatus ? ['status'] : [],
    }));
    return {
      ids: rows.map((row) => row.id),
      events: await appendEvents(tx, tenantId, lastSeq, events, origin),
    };
  });
}

/** Runs `work` in the manager's transaction, or in a new one when the caller did not open one. */
async function inTransaction<T>(manager: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  if (manager.queryRunner?.isTransactionActive) return work(manager);
  return manager.transaction(work);
}
