import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger.js';
import { SyncRun, SyncState } from '../../schema/sync-state.entity.js';
import { XeroConnection, XeroConnectionStatus } from '../../schema/xero-connection.entity.js';
import { refreshWidgetAggregates } from '../../widgets/widget-aggregate-refresh.js';
import type { SyncStatusPublisher } from '../events/sync-status.js';
import type { XeroServices } from '../xero/xero-services.js';
import { type AfterPageHook, syncEntity } from './entity-sync.js';
import { ALL_SYNC_SPECS, type SyncArea, type SyncSpec } from './sync-specs.js';

export interface TenantSyncOptions {
  /** Only these entity keys (default: every entity the organisation shares). */
  entities?: string[];
  /** Re-read everything instead of what changed since the watermark. */
  full?: boolean;
  afterPage?: AfterPageHook;
}

export interface TenantSyncDeps {
  db: DataSource;
  logger: Logger;
  xero: XeroServices;
  status: SyncStatusPublisher;
}

/** The areas an organisation shares: payroll only for AU and US organisations that granted payroll access. */
export function areasFor(connection: Pick<XeroConnection, 'payrollAccess' | 'countryCode'>): Set<SyncArea> {
  const areas = new Set<SyncArea>(['accounting']);
  if (connection.payrollAccess && connection.countryCode === 'AU') areas.add('payroll-au');
  if (connection.payrollAccess && connection.countryCode === 'US') areas.add('payroll-us');
  return areas;
}

/** The sync specs that apply to the connection, in dependency order. */
export function specsFor(
  connection: XeroConnection,
  specs: readonly SyncSpec[] = ALL_SYNC_SPECS,
  only?: string[],
) {
  const areas = areasFor(connection);
  return specs.filter((spec) => areas.has(spec.area) && (!only || only.includes(spec.key)));
}

/**
 * Syncs one tenant, entity by entity, holding a session advisory lock for the whole run: one sync per
 * tenant at a time across every gateway process (a process that dies releases it with its connection).
 * Answers false when another process holds the tenant.
 */
export async function syncTenant(
  deps: TenantSyncDeps,
  tenantId: string,
  options: TenantSyncOptions = {},
): Promise<boolean> {
  const { db, logger, xero, status } = deps;
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = await runner.query(
      `SELECT pg_try_advisory_lock(hashtext('tenant-sync:' || $1)) AS locked`,
      [tenantId],
    );
    if (!locked) return false;
    try {
      const connection = await db.getRepository(XeroConnection).findOneBy({ tenantId });
      if (!connection || connection.status !== XeroConnectionStatus.ACTIVE) return true;
      const target = {
        connectionId: connection.id,
        xeroTenantId: connection.xeroTenantId,
        priority: 'backfill' as const,
      };
      for (const spec of specsFor(connection, ALL_SYNC_SPECS, options.entities)) {
        await runOne(deps, tenantId, spec, { api: xero.api, target }, options);
      }
      await db.manager.update(XeroConnection, { id: connection.id }, { lastSyncAt: new Date() });
      await refreshWidgetAggregates(db.manager, tenantId).catch((error) =>
        logger.warn(
          { err: error, tenantId },
          'widget sums not refreshed after the sync (the next read does it)',
        ),
      );
      status.publish(tenantId, { kind: 'SYNC_COMPLETED', message: 'Sync completed' });
      return true;
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(hashtext('tenant-sync:' || $1))`, [tenantId]);
    }
  } catch (error) {
    logger.error({ err: error, tenantId }, 'tenant sync failed');
    throw error;
  } finally {
    await runner.release();
  }
}

async function runOne(
  deps: TenantSyncDeps,
  tenantId: string,
  spec: SyncSpec,
  context: Parameters<typeof syncEntity>[4],
  options: TenantSyncOptions,
) {
  const { db, logger, status } = deps;
  let calls = 0;
  const countCall = () => {
    calls += 1;
  };
  const counted = { api: context.api, target: { ...context.target, onCall: countCall } };
  const run = await db.getRepository(SyncRun).save({ tenantId, entity: spec.key, mode: 'PENDING' });
  status.publish(tenantId, { kind: 'SYNC_STARTED', entity: spec.key, message: `Syncing ${spec.key}` });
  try {
    const result = await syncEntity(db, logger, tenantId, spec, counted, {
      forceFull: options.full,
      afterPage: options.afterPage,
    });
    await db.manager.update(
      SyncRun,
      { id: run.id },
      {
        mode: result.mode,
        finishedAt: new Date(),
        recordsFetched: result.fetched,
        recordsChanged: result.changed,
        apiCalls: calls,
      },
    );
    status.publish(tenantId, {
      kind: 'SYNC_PROGRESS',
      entity: spec.key,
      message: `${spec.key}: ${result.fetched} read, ${result.changed} changed`,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.manager.update(
      SyncRun,
      { id: run.id },
      { finishedAt: new Date(), error: message, apiCalls: calls },
    );
    await db.manager.update(
      SyncState,
      { tenantId, entity: spec.key },
      { state: 'FAILED', lastError: message },
    );
    status.publish(tenantId, { kind: 'SYNC_FAILED', entity: spec.key, message });
    throw error;
  }
}
