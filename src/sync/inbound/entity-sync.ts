import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '../../logger.js';
import { SyncState } from '../../schema/sync-state.entity.js';
import { type AnyMapped, writeMappedPage } from './page-writer.js';
import type { FetchContext, SyncSpec } from './sync-specs.js';

export type SyncMode = 'FULL' | 'INCREMENTAL';

export interface EntitySyncResult {
  entity: string;
  mode: SyncMode;
  pages: number;
  fetched: number;
  changed: number;
}

/** Test hook: called after each page has committed (a test kills the sync after page k through it). */
export type AfterPageHook = (entity: string, page: number) => void | Promise<void>;

/**
 * Syncs one entity type: page -> map -> write (cache rows, events) -> checkpoint, the checkpoint in the
 * same transaction as the page's rows, so a crash resumes after the last committed page with neither gap
 * nor duplicate. A first sync pages through everything; later ones ask If-Modified-Since the watermark
 * (the newest UpdatedDateUTC cached), and entities without it are re-read whole and diffed.
 */
export async function syncEntity(
  db: DataSource,
  logger: Logger,
  tenantId: string,
  spec: SyncSpec,
  context: FetchContext,
  options: { forceFull?: boolean; afterPage?: AfterPageHook } = {},
): Promise<EntitySyncResult> {
  const state = await loadState(db, tenantId, spec.key);
  const full = options.forceFull || !state.fullSyncDone;
  const mode: SyncMode = full ? 'FULL' : 'INCREMENTAL';
  const since = !full && spec.incremental ? (state.watermark ?? undefined) : undefined;
  let page = full && spec.pageSize ? (state.fullSyncPage ?? 0) + 1 : 1;
  const result: EntitySyncResult = { entity: spec.key, mode, pages: 0, fetched: 0, changed: 0 };
  for (;;) {
    const fetched = await spec.fetch(context, page, since);
    const { items, listed } = Array.isArray(fetched) ? { items: fetched, listed: fetched.length } : fetched;
    const mapped = items.flatMap((item) => spec.map(item));
    const lastPage = !spec.pageSize || listed < spec.pageSize;
    await db.transaction(async (manager) => {
      const written = await writeMappedPage(manager, tenantId, context.target.xeroTenantId, mapped);
      result.changed += written.changed;
      if (spec.write) result.changed += await spec.write(manager, tenantId, items);
      if (written.skipped.length || written.unresolved.length) {
        logger.warn(
          { entity: spec.key, skipped: written.skipped, unresolved: written.unresolved.slice(0, 20) },
          'records written with gaps',
        );
      }
      await saveCheckpoint(manager, tenantId, spec.key, {
        watermark: newestUpdate(mapped, state.watermark),
        fullSyncPage: full && spec.pageSize && !lastPage ? page : null,
        ...(lastPage ? { fullSyncDone: true } : {}),
      });
    });
    state.watermark = newestUpdate(mapped, state.watermark);
    result.pages += 1;
    result.fetched += items.length;
    await options.afterPage?.(spec.key, page);
    if (lastPage) break;
    page += 1;
  }
  await finish(db, tenantId, spec.key);
  return result;
}

async function loadState(db: DataSource, tenantId: string, entity: string): Promise<SyncState> {
  const repository = db.getRepository(SyncState);
  await repository.createQueryBuilder().insert().values({ tenantId, entity }).orIgnore().execute();
  return repository.findOneByOrFail({ tenantId, entity });
}

async function saveCheckpoint(
  manager: EntityManager,
  tenantId: string,
  entity: string,
  values: Partial<SyncState>,
) {
  await manager.update(SyncState, { tenantId, entity }, { ...values, state: 'RUNNING', lastError: null });
}

async function finish(db: DataSource, tenantId: string, entity: string) {
  await db.query(
    `UPDATE sync_states s SET state = 'IDLE', last_success_at = now(), full_sync_page = NULL,
       records = (SELECT count(*) FROM id_map m WHERE m.tenant_id = s.tenant_id AND m.entity = s.entity AND m.provider = 'xero')
     WHERE tenant_id = $1 AND entity = $2`,
    [tenantId, entity],
  );
}

/** The newest UpdatedDateUTC among the records, or the previous watermark. */
function newestUpdate(records: AnyMapped[], previous: Date | null): Date | null {
  let newest = previous;
  for (const record of records) {
    if (record.remoteUpdatedAt && (!newest || record.remoteUpdatedAt > newest))
      newest = record.remoteUpdatedAt;
  }
  return newest;
}
