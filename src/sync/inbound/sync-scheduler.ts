import { XeroConnection, XeroConnectionStatus } from '../../schema/xero-connection.entity.js';
import { syncTenant, type TenantSyncDeps, type TenantSyncOptions } from './tenant-sync.js';

/** Tenants synced at once by one process: Xero's limits are per organisation, so tenants run side by side. */
const PARALLEL_TENANTS = 4;

/**
 * Runs every ACTIVE connection's incremental sync each interval (with jitter, so processes and tenants
 * spread out), and on demand. Any number of processes may run a scheduler: the per-tenant advisory
 * lock in syncTenant lets one of them sync a tenant at a time.
 */
export class SyncScheduler {
  private timer?: NodeJS.Timeout;
  private readonly running = new Map<string, Promise<boolean>>();
  private stopped = false;

  constructor(
    private readonly deps: TenantSyncDeps,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled(this.running.values());
  }

  /** Syncs a tenant now (or joins the sync this process is already running for it). */
  trigger(tenantId: string, options: TenantSyncOptions = {}): Promise<boolean> {
    const current = this.running.get(tenantId);
    if (current) return current;
    const run = syncTenant(this.deps, tenantId, options).finally(() => this.running.delete(tenantId));
    this.running.set(tenantId, run);
    return run;
  }

  /** One pass over every active connection. */
  async runOnce(): Promise<void> {
    const connections = await this.deps.db
      .getRepository(XeroConnection)
      .findBy({ status: XeroConnectionStatus.ACTIVE });
    const queue = connections.map((connection) => connection.tenantId);
    const worker = async () => {
      for (let tenantId = queue.shift(); tenantId && !this.stopped; tenantId = queue.shift()) {
        await this.trigger(tenantId).catch((error) =>
          this.deps.logger.warn({ err: error, tenantId }, 'scheduled sync failed; retrying next interval'),
        );
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_TENANTS }, worker));
  }

  private schedule(): void {
    if (this.stopped) return;
    const jitter = (Math.random() - 0.5) * 0.2 * this.intervalMs;
    this.timer = setTimeout(() => {
      this.runOnce()
        .catch((error) => this.deps.logger.error({ err: error }, 'sync pass failed'))
        .finally(() => this.schedule());
    }, this.intervalMs + jitter);
    this.timer.unref();
  }
}
