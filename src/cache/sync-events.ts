import type { EntityManager } from 'typeorm';
import { SyncAction, SyncEvent } from '../schema/sync-event.entity.js';
import { insertRows } from './rows.js';

/** Postgres channel announcing new events as `<tenantId>:<last seq>`; delivered only at commit. */
export const SYNC_EVENTS_CHANNEL = 'sync_events';

/** Who made a change: kept on every event so a change is never echoed back to where it came from. */
export interface WriteOrigin {
  /** "xero", "app", "seed", ... */
  source: string;
  /** The app whose mutation made the change, if one did. */
  appId?: string | null;
}

export interface PendingEvent {
  entityType: string;
  entityId: string;
  action: SyncAction;
  changedFields: string[];
}

export interface AppendedEvent extends PendingEvent {
  seq: string;
}

/**
 * Locks the tenant's event counter row for the rest of the transaction (creating it on first use).
 * Taken before any cache row is touched, so two writers of one tenant cannot deadlock and the order in
 * which they take `seq` numbers is the order in which they commit.
 */
export async function lockEventCounter(manager: EntityManager, tenantId: string): Promise<bigint> {
  const rows: Array<{ last_seq: string }> = await manager.query(
    `INSERT INTO tenant_event_counters (tenant_id, last_seq) VALUES ($1, 0)
     ON CONFLICT (tenant_id) DO UPDATE SET last_seq = tenant_event_counters.last_seq
     RETURNING last_seq`,
    [tenantId],
  );
  return BigInt(rows[0].last_seq);
}

/**
 * Appends events with the next gap-free `seq` numbers of the tenant (the counter must be locked by
 * `lockEventCounter` in this transaction) and NOTIFYs listeners, which Postgres delivers at commit.
 */
export async function appendEvents(
  manager: EntityManager,
  tenantId: string,
  lastSeq: bigint,
  events: PendingEvent[],
  origin: WriteOrigin,
): Promise<AppendedEvent[]> {
  if (events.length === 0) return [];
  const appended = events.map((event, index) => ({ ...event, seq: String(lastSeq + BigInt(index + 1)) }));
  const newLast = appended.at(-1)!.seq;
  await manager.query('UPDATE tenant_event_counters SET last_seq = $2 WHERE tenant_id = $1', [
    tenantId,
    newLast,
  ]);
  await insertRows(
    manager,
    SyncEvent,
    appended.map((event) => ({
      tenantId,
      seq: event.seq,
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      origin: origin.source,
      appId: origin.appId ?? null,
      changedFields: event.changedFields,
    })),
  );
  await manager.query('SELECT pg_notify($1, $2)', [SYNC_EVENTS_CHANNEL, `${tenantId}:${newLast}`]);
  return appended;
}
