import type { DataSource } from 'typeorm';
import { SyncState } from '../../schema/sync-state.entity.js';
import { XeroConnection } from '../../schema/xero-connection.entity.js';
import type { XeroRateLimiter } from '../xero/xero-rate-limiter.js';

export interface SyncStatusView {
  connection: XeroConnection | null;
  entities: SyncState[];
  apiCallsToday: number;
  remainingAllowance: number | null;
  pausedUntil: Date | null;
}

/** Connection, per-entity sync state and today's API usage of a tenant. */
export async function readSyncStatus(
  db: DataSource,
  limiter: XeroRateLimiter | undefined,
  tenantId: string,
): Promise<SyncStatusView> {
  const connection = await db.getRepository(XeroConnection).findOneBy({ tenantId });
  const entities = await db.getRepository(SyncState).find({ where: { tenantId }, order: { entity: 'ASC' } });
  const usage = connection && limiter ? await limiter.usage(connection.xeroTenantId) : undefined;
  return {
    connection,
    entities,
    apiCallsToday: usage?.callsToday ?? 0,
    remainingAllowance: usage
      ? Math.min(usage.remainingToday, usage.dayRemainingReported ?? Number.POSITIVE_INFINITY)
      : null,
    pausedUntil: usage?.pausedUntil ?? null,
  };
}
