import type { CacheEntityName } from '../../cache/cache-entities.js';
import type { GatewayServices } from '../../context.js';
import { SyncStatus } from '../../schema/connec-entity.js';
import type { XeroConnection } from '../../schema/xero-connection.entity.js';
import { findConnection } from '../connections/xero-connection.service.js';
import { chunkOps, isPendingOp, pushChunk } from './outbound-batch.js';
import type { OutboundDescriptor } from './outbound-descriptor.js';
import { landXeroAnswer, markSyncStatus } from './outbound-landing.js';
import { OutboundOp, OutboundStatus } from './outbound-op.entity.js';
import {
  currentXeroId,
  DEFAULT_OUTBOUND_OPTIONS,
  type OpPayload,
  type OutboundOptions,
  OutboundPipeline,
  requireDescriptor,
} from './outbound-pipeline.js';
import './account.outbound.js';
import './credit-note.outbound.js';
import './employee.outbound.js';
import './invoice.outbound.js';
import './item.outbound.js';
import './organization.outbound.js';
import './pay-run.outbound.js';
import './payment.outbound.js';
import './payroll.outbound.js';
import './purchase-order.outbound.js';
import './tax-code.outbound.js';
import './timesheet.outbound.js';
import { heldByLiveWorker, WorkerPresence } from './worker-presence.js';

/**
 * Retries the writes Xero could not take yet, in every gateway process: due ops are claimed with
 * `FOR UPDATE SKIP LOCKED`, stamped with this process's id and leased (`next_attempt_at` moves past the
 * push), so two processes never push one op at once. An op held by a process that stopped beating is
 * due at once: a killed gateway delays its writes by `presumedDeadAfterMs`, not by the lease. Ops of one
 * record go in order: an op is not due while an older op of the same record is pending.
 */
export class OutboundWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    readonly pipeline: OutboundPipeline,
    private readonly presence: WorkerPresence,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.presence.start();
    this.schedule(0);
  }

  /** Stops polling, waits for the pushes in flight to finish, and leaves. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.presence.stop();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then((claimed) => this.schedule(claimed > 0 ? 0 : this.pipeline.deps.options.pollIntervalMs))
        .catch((error) => {
          this.pipeline.deps.logger.warn({ err: error }, 'outbound worker poll failed');
          this.schedule(this.pipeline.deps.options.pollIntervalMs);
        });
    }, delayMs);
  }

  /** Claims and pushes the due ops once; returns how many it claimed. */
  async runOnce(): Promise<number> {
    const ops = await this.claim();
    for (const op of ops) this.pipeline.inFlight.add(op.id);
    try {
      await Promise.all(ops.map((op) => this.attempt(op)));
    } finally {
      for (const op of ops) this.pipeline.inFlight.delete(op.id);
    }
    return ops.length;
  }

  private async claim(): Promise<OutboundOp[]> {
    const { db, options } = this.pipeline.deps;
    const [rows]: [Array<{ id: string }>, number] = await db.query(
      `UPDATE outbound_ops SET attempts = attempts + 1, updated_at = now(), claimed_by = $4,
              next_attempt_at = now() + ($1::int * interval '1 millisecond')
        WHERE id IN (
          SELECT o.id FROM outbound_ops o
           WHERE o.status = 'PENDING'
             AND (o.next_attempt_at <= now()
                  OR (o.claimed_by IS NOT NULL AND NOT ${heldByLiveWorker('$3')})
                  OR (o.claimed_by = $4 AND NOT (o.id = ANY($5::uuid[]))))
             AND NOT EXISTS (SELECT 1 FROM outbound_ops p
                              WHERE p.tenant_id = o.tenant_id AND p.entity_type = o.entity_type
                                AND p.connec_id = o.connec_id AND p.status = 'PENDING' AND p.seq < o.seq)
           ORDER BY o.next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [
        options.leaseMs,
        options.claimBatch,
        options.presumedDeadAfterMs,
        this.presence.id,
        [...this.pipeline.inFlight],
      ],
    );
    if (rows.length === 0) return [];
    return db.getRepository(OutboundOp).findBy(rows.map((row) => ({ id: row.id })));
  }

  /** One try of a claimed op: confirm, fail for good, or schedule the next try. */
  async attempt(op: OutboundOp): Promise<void> {
    const { db } = this.pipeline.deps;
    const connection = await findConnection(db, op.tenantId);
    if (!connection) return this.retryLater(op, 'The tenant has no Xero connection');
    const descriptor = requireDescriptor(op.entityType);
    if ((op.payload as unknown as OpPayload).batch && descriptor.pushMany) {
      return this.attemptChunk(op, connection, descriptor);
    }
    const xeroId = descriptor.creates.includes(op.operation)
      ? null
      : await currentXeroId(db, { ...op, entity: op.entityType });
    const outcome = await this.pipeline.push(descriptor, connection, op, xeroId);
    if (outcome.kind === 'ok') {
      await this.pipeline.confirm(op, connection, outcome.answer);
      return;
    }
    if (outcome.kind === 'unavailable') return this.retryLater(op, outcome.message);
    await this.fail(op, connection, outcome.messages.join('; '), xeroId);
  }

  /**
   * An op of a batch: the whole chunk goes again, unchanged and with its key, so Xero replays a chunk it
   * already took instead of creating it twice; every op of the chunk is settled from the one answer.
   */
  private async attemptChunk(
    op: OutboundOp,
    connection: XeroConnection,
    descriptor: OutboundDescriptor,
  ): Promise<void> {
    const ops = await chunkOps(this.pipeline, op);
    const requests = ops.map((o) => (o.payload as unknown as OpPayload).request);
    const outcome = await pushChunk(this.pipeline, descriptor, connection, requests, op.idempotencyKey);
    if (outcome.kind === 'unavailable') return this.retryLater(op, outcome.message);
    for (const [index, sibling] of ops.entries()) {
      if (!isPendingOp(sibling)) continue;
      const element = outcome.kind === 'ok' ? outcome.elements[index] : undefined;
      if (element?.ok) await this.pipeline.confirm(sibling, connection, element.answer);
      else {
        const messages = element ? element.messages : outcome.kind === 'refused' ? outcome.messages : [];
        await this.fail(sibling, connection, messages.join('; '), null);
      }
    }
  }

  /** Xero definitely refused the op: it is FAILED, and the cache shows Xero's version again, with events. */
  private async fail(
    op: OutboundOp,
    connection: XeroConnection,
    message: string,
    xeroId: string | null,
  ): Promise<void> {
    const { db, logger } = this.pipeline.deps;
    const descriptor = requireDescriptor(op.entityType);
    logger.warn({ tenantId: op.tenantId, op: op.id, entity: op.entityType, message }, 'Xero refused a write');
    const restored = xeroId && descriptor.fetch ? await this.fetchQuietly(op, connection, xeroId) : undefined;
    await db.transaction(async (tx) => {
      const locked = await tx
        .getRepository(OutboundOp)
        .createQueryBuilder('op')
        .setLock('pessimistic_write')
        .where('op.id = :id', { id: op.id })
        .getOne();
      if (locked?.status !== OutboundStatus.PENDING) return;
      await tx.update(
        OutboundOp,
        { id: op.id },
        { status: OutboundStatus.FAILED, claimedBy: null, lastError: message },
      );
      const origin = { source: op.originSource, appId: op.appId };
      const entity = op.entityType as CacheEntityName;
      if (restored) {
        // Xero's version is the truth again: the refused change is undone in the cache, marked FAILED.
        await landXeroAnswer(tx, {
          tenantId: op.tenantId,
          xeroTenantId: connection.xeroTenantId,
          entity,
          connecId: op.connecId,
          mapped: descriptor.map(restored),
          origin,
          syncStatus: SyncStatus.FAILED,
        });
      } else {
        await markSyncStatus(tx, op.tenantId, entity, op.connecId, SyncStatus.FAILED, origin, message);
      }
    });
    this.pipeline.deps.status.publish(op.tenantId, {
      kind: 'WRITE_FAILED',
      entity: op.entityType,
      entityId: op.connecId,
      message: `Xero refused operation ${op.id}: ${message}`,
    });
  }

  private async fetchQuietly(
    op: OutboundOp,
    connection: Parameters<OutboundPipeline['target']>[0],
    xeroId: string,
  ): Promise<unknown> {
    try {
      return await requireDescriptor(op.entityType).fetch?.(
        this.pipeline.api,
        this.pipeline.target(connection),
        xeroId,
      );
    } catch {
      return undefined;
    }
  }

  private async retryLater(op: OutboundOp, message: string): Promise<void> {
    const delay = this.pipeline.backoffMs(op.attempts);
    await this.pipeline.deps.db.query(
      `UPDATE outbound_ops SET next_attempt_at = now() + ($2::int * interval '1 millisecond'),
              claimed_by = NULL, last_error = $3, updated_at = now()
        WHERE id = $1 AND status = 'PENDING'`,
      [op.id, delay, message.slice(0, 2000)],
    );
  }
}

const pipelines = new WeakMap<object, OutboundPipeline>();

/** The process's outbound pipeline (absent without a Xero configuration). */
export function outboundOf(services: GatewayServices): OutboundPipeline | undefined {
  return services.sync ? pipelines.get(services.sync) : undefined;
}

/** Creates the outbound pipeline and starts its worker; called once by the gateway at start-up. */
export async function startOutbound(
  services: GatewayServices,
  options: Partial<OutboundOptions> = {},
): Promise<OutboundWorker | undefined> {
  const { sync, db } = services;
  if (!sync) return undefined;
  const logger = services.logger.child({ component: 'outbound' });
  const merged = { ...DEFAULT_OUTBOUND_OPTIONS, ...options };
  const presence = new WorkerPresence(db, logger, merged.heartbeatMs);
  const pipeline = new OutboundPipeline({
    db,
    logger,
    xero: sync.xero,
    status: sync.status,
    options: merged,
    workerId: presence.id,
  });
  pipelines.set(sync, pipeline);
  const worker = new OutboundWorker(pipeline, presence);
  await worker.start();
  return worker;
}
