import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Logger } from '../../logger.js';

/** A gateway process that may hold outbound ops, and when it last said it was alive. */
@Entity({ name: 'outbound_workers' })
export class OutboundWorkerRow {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'timestamptz', name: 'heartbeat_at', default: () => 'now()' })
  heartbeatAt!: Date;
}

/**
 * This process's heartbeat. An op claimed by a process whose heartbeat went stale is taken over at once
 * instead of after its lease: a killed gateway delays its writes by seconds, not minutes. A heartbeat
 * row, not a session advisory lock, so it also holds behind a transaction-pooling proxy.
 */
export class WorkerPresence {
  readonly id = randomUUID();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly logger: Logger,
    private readonly heartbeatMs: number,
  ) {}

  async start(): Promise<void> {
    // Rows of processes killed long ago: nobody reads them any more.
    await this.db.query(`DELETE FROM outbound_workers WHERE heartbeat_at < now() - interval '1 day'`);
    await this.beat();
    this.timer = setInterval(() => {
      this.beat().catch((error) => this.logger.warn({ err: error }, 'outbound heartbeat failed'));
    }, this.heartbeatMs);
    this.timer.unref();
  }

  /** Leaves: ops this process still holds become takeable by the others at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.db.query('DELETE FROM outbound_workers WHERE id = $1', [this.id]).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.db.query(
      `INSERT INTO outbound_workers (id, heartbeat_at) VALUES ($1, now())
         ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`,
      [this.id],
    );
  }
}

/**
 * SQL: the op aliased `o` is held by a live process (one that beat within the milliseconds in bind
 * parameter `deadAfter`). Stale rows stay: harmless, and a paused process that wakes finds its row.
 */
export const heldByLiveWorker = (deadAfter: string) =>
  `EXISTS (SELECT 1 FROM outbound_workers w WHERE w.id = o.claimed_by
      AND w.heartbeat_at > now() - (${deadAfter}::int * interval '1 millisecond'))`;
