import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { CacheEntityName } from '../../cache/cache-entities.js';
import type { ExternalIdRef } from '../../cache/id-map.js';
import { tombstoneRemovedOwned } from '../../cache/owned-rows.js';
import type { WriteOrigin } from '../../cache/sync-events.js';
import { upsertEntities } from '../../cache/upsert.js';
import { xeroRejected, xeroUnavailable } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { SyncStatus } from '../../schema/connec-entity.js';
import { type XeroConnection, XeroConnectionStatus } from '../../schema/xero-connection.entity.js';
import { findConnection } from '../connections/xero-connection.service.js';
import type { SyncStatusPublisher } from '../events/sync-status.js';
import { XeroApi, type XeroCallTarget } from '../xero/xero-api.js';
import { XeroApiError, XeroErrorKind } from '../xero/xero-error.js';
import type { XeroServices } from '../xero/xero-services.js';
import { type Companion, type OutboundDescriptor, outboundDescriptor } from './outbound-descriptor.js';
import { landXeroAnswer } from './outbound-landing.js';
import { OutboundOp, OutboundStatus } from './outbound-op.entity.js';
import { assertStillCurrent, type VersionBasis } from './version-check.js';

/** Timings of the outbound path; tests shorten them. */
export interface OutboundOptions {
  /** How often the worker looks for due ops. */
  pollIntervalMs: number;
  /** First retry delay; doubles per attempt up to `retryMaxMs` (with jitter). */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long a live process owns an op it is pushing; after that another may take it over. */
  leaseMs: number;
  /** How often a process says it is alive (see WorkerPresence). */
  heartbeatMs: number;
  /** A process silent for this long is presumed dead: the ops it held are taken over at once. */
  presumedDeadAfterMs: number;
  /** How long a mutation waits for Xero before answering PENDING (the worker carries on). */
  mutationDeadlineMs: number;
  /** Ops claimed per poll. */
  claimBatch: number;
}

export const DEFAULT_OUTBOUND_OPTIONS: OutboundOptions = {
  pollIntervalMs: 1000,
  retryBaseMs: 2000,
  retryMaxMs: 5 * 60_000,
  leaseMs: 2 * 60_000,
  heartbeatMs: 5000,
  presumedDeadAfterMs: 20_000,
  mutationDeadlineMs: 15_000,
  claimBatch: 10,
};

export interface OutboundDeps {
  db: DataSource;
  logger: Logger;
  xero: XeroServices;
  status: SyncStatusPublisher;
  options: OutboundOptions;
  /** This process's id in `outbound_workers`: the ops it claims carry it. */
  workerId: string;
}

/** A validated write, ready for Xero. */
export interface WriteRequest {
  tenantId: string;
  app: { id: string; provider: string };
  entity: CacheEntityName;
  operation: string;
  /** The record's Connec! id; issued before Xero is called for a create, so a pending row keeps it. */
  connecId: string;
  /** The Xero model to send. */
  request: Record<string, unknown>;
  /** What the cache shows while the write is pending (entity properties, children included). */
  pending: Record<string, unknown>;
  /** The app's id for the record (upserts). */
  appExternalId?: ExternalIdRef | null;
  /** Defaults to the op id; upserts derive one from the external id so concurrent repeats collapse. */
  idempotencyKey?: string;
  /** Other records the write changes, as the cache shows them while it is pending (a Contact's people). */
  companions?: PendingCompanion[];
  /** Kept with the op for the descriptor's `companions` (which Connec! ids Xero's answer stands for). */
  extra?: Record<string, unknown>;
  /** The version an update is based on (from `assertCurrentVersion`): checked again as the op is queued. */
  basedOn?: VersionBasis;
}

export interface PendingCompanion {
  entity: CacheEntityName;
  id: string;
  fields: Record<string, unknown>;
}

export interface WriteOutcome {
  recordId: string;
  syncStatus: SyncStatus;
  operationId: string | null;
}

export type Unavailable = { kind: 'unavailable'; message: string };
export type PushOutcome =
  | { kind: 'ok'; answer: unknown }
  | { kind: 'refused'; messages: string[] }
  | Unavailable;

export interface OpPayload {
  request: Record<string, unknown>;
  appExternalId?: ExternalIdRef | null;
  extra?: Record<string, unknown>;
  /** Ops created by one batch call share its key: a retry re-sends the whole chunk (see outbound-batch). */
  batch?: { key: string; index: number };
}

/**
 * The one outbound path for every entity: write-ahead op, push with an idempotency key, then either
 * land Xero's answer (SYNCED), refuse with Xero's messages (nothing kept), or keep the write PENDING
 * for the worker. Cache row, op state and event always change in one transaction.
 */
export class OutboundPipeline {
  /** Retries once in-line; the worker's backoff does the rest (the shared client would retry 4 times). */
  readonly api: XeroApi;
  /**
   * The ops this process is pushing or settling right now. An op claimed by this process but not in
   * here was left behind (its landing failed while Postgres was away): the worker takes it up again at
   * once instead of waiting out its lease.
   */
  readonly inFlight = new Set<string>();

  constructor(readonly deps: OutboundDeps) {
    const { xero, logger } = deps;
    this.api = new XeroApi({
      settings: xero.settings,
      tokens: xero.tokens,
      limiter: xero.limiter,
      logger,
      maxRetries: 1,
      timeoutMs: Math.max(1000, deps.options.mutationDeadlineMs),
    });
  }

  /** The tenant's Xero organisation, or XERO_UNAVAILABLE when it has none to write to. */
  async connectionFor(tenantId: string): Promise<XeroConnection> {
    const connection = await findConnection(this.deps.db, tenantId);
    if (!connection || connection.status === XeroConnectionStatus.DISCONNECTED) {
      throw xeroUnavailable('This tenant is not connected to a Xero organisation: nothing can be written.');
    }
    return connection;
  }

  target(connection: XeroConnection): XeroCallTarget {
    return { connectionId: connection.id, xeroTenantId: connection.xeroTenantId, priority: 'interactive' };
  }

  /** Runs a mutation's write: see the class comment. Throws XERO_REJECTED when Xero says no. */
  async submit(write: WriteRequest, known?: XeroConnection): Promise<WriteOutcome> {
    const { db, options } = this.deps;
    const connection = known ?? (await this.connectionFor(write.tenantId));
    const descriptor = requireDescriptor(write.entity);
    const origin = originOf(write.app);
    const { op, queued } = await db.transaction(async (tx) => {
      // Writes of one record queue one at a time, so a version check here cannot pass twice.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('outbound-record:' || $1 || ':' || $2))`, [
        write.tenantId,
        write.connecId,
      ]);
      // An older op of this record still waits: this one goes behind it, never around it.
      const queued = (await pendingOpsOf(tx, write)).length > 0;
      if (write.basedOn) await assertStillCurrent(tx, write.tenantId, write.basedOn, queued);
      const op = await insertOp(tx, write, {
        attempts: queued ? 0 : 1,
        nextAttemptAt: new Date(Date.now() + (queued ? 0 : options.leaseMs)),
        claimedBy: queued ? null : this.deps.workerId,
      });
      if (queued) await writePending(tx, write, origin);
      else this.inFlight.add(op.id); // before the commit: the worker never sees it claimed but idle
      return { op, queued };
    });
    if (queued) return this.pendingOutcome(write, op, 'queued behind an earlier write of this record');
    try {
      return await this.pushNow(write, op, connection, descriptor);
    } finally {
      this.inFlight.delete(op.id);
    }
  }

  /** The mutation's own push of its op, and what it answers. */
  private async pushNow(
    write: WriteRequest,
    op: OutboundOp,
    connection: XeroConnection,
    descriptor: OutboundDescriptor,
  ): Promise<WriteOutcome> {
    const { db, options } = this.deps;
    const origin = originOf(write.app);
    const xeroId = descriptor.creates.includes(write.operation) ? null : await currentXeroId(db, write);
    const outcome = await withDeadline(
      this.push(descriptor, connection, op, xeroId),
      options.mutationDeadlineMs,
    );
    if (outcome.kind === 'refused') {
      await db.getRepository(OutboundOp).delete({ id: op.id });
      throw xeroRejected(outcome.messages);
    }
    if (outcome.kind === 'unavailable') {
      await db
        .transaction(async (tx) => {
          await writePending(tx, write, origin);
          await tx.update(
            OutboundOp,
            { id: op.id },
            {
              nextAttemptAt: new Date(Date.now() + this.backoffMs(1)),
              claimedBy: null,
              lastError: outcome.message,
            },
          );
        })
        .catch((error) => {
          // The op is recorded already: the worker takes it after its lease, pending row or not.
          this.deps.logger.warn({ err: error, op: op.id }, 'could not record a pending write yet');
        });
      return this.pendingOutcome(write, op, outcome.message);
    }
    return this.settle(write, op, connection, outcome.answer);
  }

  /** Lands Xero's answer to a mutation's push: SYNCED, or PENDING when the cache cannot record it now. */
  async settle(
    write: WriteRequest,
    op: OutboundOp,
    connection: XeroConnection,
    answer: unknown,
  ): Promise<WriteOutcome> {
    try {
      const landed = await this.confirm(op, connection, answer);
      return { recordId: landed ?? write.connecId, syncStatus: SyncStatus.SYNCED, operationId: op.id };
    } catch (error) {
      // Xero took it but the cache could not record it (the database went away): the op is still
      // owed, and the worker lands it after its lease by pushing again with the same key, which Xero
      // answers from its idempotency record. The app is told the truth: accepted, not yet recorded.
      this.deps.logger.warn({ err: error, op: op.id }, 'Xero took a write the cache could not record yet');
      return this.pendingOutcome(write, op, 'Xero took it; the gateway records it as soon as it can');
    }
  }

  pendingOutcome(write: WriteRequest, op: OutboundOp, reason: string): WriteOutcome {
    this.deps.logger.info(
      { tenantId: write.tenantId, op: op.id, entity: write.entity, reason },
      'write pending',
    );
    this.deps.status.publish(write.tenantId, {
      kind: 'WRITE_PENDING',
      entity: write.entity,
      entityId: write.connecId,
      message: `Kept for Xero (operation ${op.id}): ${reason}`,
    });
    return { recordId: write.connecId, syncStatus: SyncStatus.PENDING, operationId: op.id };
  }

  /** One push of an op; every failure is classified, none thrown. */
  async push(
    descriptor: OutboundDescriptor,
    connection: XeroConnection,
    op: OutboundOp,
    xeroId: string | null,
  ): Promise<PushOutcome> {
    const payload = op.payload as unknown as OpPayload;
    if (!xeroId && !descriptor.creates.includes(op.operation)) {
      return { kind: 'refused', messages: [`This ${op.entityType} was never created in Xero.`] };
    }
    try {
      const answer = await descriptor.push(this.api, this.target(connection), {
        operation: op.operation,
        request: payload.request,
        xeroId,
        idempotencyKey: op.idempotencyKey,
      });
      if (!answer) return { kind: 'unavailable', message: 'Xero answered without the record' };
      return { kind: 'ok', answer };
    } catch (error) {
      return classifyFailure(error);
    }
  }

  /**
   * Lands Xero's answer for an op and marks it SYNCED, in one transaction; a no-op when another process
   * confirmed it first (both pushed with the same idempotency key, so both hold the same answer).
   */
  async confirm(op: OutboundOp, connection: XeroConnection, answer: unknown): Promise<string | null> {
    const descriptor = requireDescriptor(op.entityType);
    const payload = op.payload as unknown as OpPayload;
    const landed = await this.deps.db.transaction(async (tx) => {
      const locked = await tx
        .getRepository(OutboundOp)
        .createQueryBuilder('op')
        .setLock('pessimistic_write')
        .where('op.id = :id', { id: op.id })
        .getOne();
      if (!locked || locked.status !== OutboundStatus.PENDING) return null;
      const mapped = descriptor.map(answer);
      const result = await landXeroAnswer(tx, {
        tenantId: op.tenantId,
        xeroTenantId: connection.xeroTenantId,
        entity: op.entityType as CacheEntityName,
        connecId: op.connecId,
        mapped,
        origin: { source: op.originSource, appId: op.appId },
        appExternalId: payload.appExternalId,
        personId: payload.extra?.personId as string | undefined,
      });
      const companions = descriptor.companions?.(answer, payload.extra) ?? [];
      const landedCompanions = [];
      for (const companion of companions)
        landedCompanions.push(await landCompanion(tx, op, connection, companion));
      const owned = descriptor.ownedCompanions?.(answer);
      if (owned) {
        // Xero's answer lists all of them: the owner's records it no longer holds go (as tombstones).
        const keep = landedCompanions.filter((landed) => landed.entity === owned.entity);
        await tombstoneRemovedOwned(
          tx,
          op.tenantId,
          owned,
          [{ ownerId: result.ids[0], keepXeroIds: keep.flatMap((landed) => landed.xeroId ?? []) }],
          { source: op.originSource, appId: op.appId },
          { pendingToo: true },
        );
      }
      await tx.update(
        OutboundOp,
        { id: op.id },
        { status: OutboundStatus.SYNCED, xeroId: mapped.xeroId, claimedBy: null, lastError: null },
      );
      return result.ids[0];
    });
    if (landed) {
      this.deps.status.publish(op.tenantId, {
        kind: 'WRITE_SYNCED',
        entity: op.entityType,
        entityId: landed,
        message: `Xero confirmed operation ${op.id}.`,
      });
    }
    return landed;
  }

  /** The delay before try number `attempt + 1`: exponential with jitter, capped. */
  backoffMs(attempt: number): number {
    const { retryBaseMs, retryMaxMs } = this.deps.options;
    const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(delay * (0.75 + Math.random() / 2));
  }
}

/** A failed call: Xero's definite refusal (validation, not found), or worth retrying. */
export function classifyFailure(error: unknown): Exclude<PushOutcome, { kind: 'ok' }> {
  const failure =
    error instanceof XeroApiError ? error : new XeroApiError(XeroErrorKind.Unavailable, String(error), 0);
  if (failure.kind === XeroErrorKind.Validation || failure.kind === XeroErrorKind.NotFound) {
    return {
      kind: 'refused',
      messages: failure.validationMessages.length ? failure.validationMessages : [failure.message],
    };
  }
  return { kind: 'unavailable', message: failure.message };
}

export function originOf(app: { id: string; provider: string }): WriteOrigin {
  return { source: app.provider, appId: app.id };
}

export function requireDescriptor(entity: string): OutboundDescriptor {
  const descriptor = outboundDescriptor(entity);
  if (!descriptor) throw new Error(`No outbound descriptor for ${entity}`);
  return descriptor;
}

async function pendingOpsOf(tx: EntityManager, write: WriteRequest): Promise<unknown[]> {
  return tx.query(
    `SELECT 1 FROM outbound_ops WHERE tenant_id = $1 AND entity_type = $2 AND connec_id = $3
        AND status = 'PENDING' LIMIT 1`,
    [write.tenantId, write.entity, write.connecId],
  );
}

/** Writes the op of a write ahead of any call to Xero (invariant 5), in the caller's transaction. */
export async function insertOp(
  tx: EntityManager,
  write: WriteRequest,
  state: {
    attempts: number;
    nextAttemptAt: Date;
    /** The process pushing it right away (null: it waits for the worker). */
    claimedBy: string | null;
    batch?: OpPayload['batch'];
  },
): Promise<OutboundOp> {
  const id = randomUUID();
  const payload: OpPayload = {
    request: write.request,
    appExternalId: write.appExternalId ?? null,
    ...(write.extra ? { extra: write.extra } : {}),
    ...(state.batch ? { batch: state.batch } : {}),
  };
  const op = tx.getRepository(OutboundOp).create({
    id,
    tenantId: write.tenantId,
    appId: write.app.id,
    originSource: write.app.provider,
    entityType: write.entity,
    connecId: write.connecId,
    operation: write.operation,
    payload: payload as unknown as Record<string, unknown>,
    idempotencyKey: state.batch?.key ?? write.idempotencyKey ?? id,
    status: OutboundStatus.PENDING,
    attempts: state.attempts,
    nextAttemptAt: state.nextAttemptAt,
    claimedBy: state.claimedBy,
  });
  await tx
    .createQueryBuilder()
    .insert()
    .into(OutboundOp)
    .values(op as never)
    .updateEntity(false)
    .execute();
  return op;
}

/** Lands a record Xero's answer also changed; one Xero does not hold is written as the op asked. */
async function landCompanion(
  tx: EntityManager,
  op: OutboundOp,
  connection: XeroConnection,
  companion: Companion,
): Promise<{ entity: CacheEntityName; xeroId: string | null }> {
  const origin = { source: op.originSource, appId: op.appId };
  if (companion.mapped) {
    await landXeroAnswer(tx, {
      tenantId: op.tenantId,
      xeroTenantId: connection.xeroTenantId,
      entity: companion.entity,
      connecId: companion.connecId,
      mapped: companion.mapped,
      origin,
    });
    return { entity: companion.entity, xeroId: companion.mapped.xeroId };
  }
  // Nothing is owed to Xero for it (e.g. a sixth person, rule 2): the cache keeps the app's version.
  await upsertEntities(
    tx,
    op.tenantId,
    companion.entity,
    [{ id: companion.connecId, fields: { ...companion.fields, syncStatus: SyncStatus.SYNCED } }],
    origin,
  );
  return { entity: companion.entity, xeroId: null };
}

/** The PENDING cache row (created or updated with the input) and its event, in the caller's transaction. */
export async function writePending(
  tx: EntityManager,
  write: WriteRequest,
  origin: WriteOrigin,
): Promise<void> {
  await upsertEntities(
    tx,
    write.tenantId,
    write.entity,
    [
      {
        id: write.connecId,
        externalIds: write.appExternalId ? [write.appExternalId] : [],
        fields: { ...write.pending, syncStatus: SyncStatus.PENDING },
      },
    ],
    origin,
  );
  for (const companion of write.companions ?? []) {
    await upsertEntities(
      tx,
      write.tenantId,
      companion.entity,
      [{ id: companion.id, fields: { ...companion.fields, syncStatus: SyncStatus.PENDING } }],
      origin,
    );
  }
}

/** The record's Xero id as the cache has it now (a queued update learns it from its create). */
export async function currentXeroId(
  db: DataSource | EntityManager,
  write: { tenantId: string; entity: string; connecId: string },
): Promise<string | null> {
  const rows: Array<{ xero_id: string | null }> = await db.query(
    `SELECT external_id AS xero_id FROM id_map WHERE tenant_id = $1 AND entity = $2 AND connec_id = $3 AND provider = 'xero' LIMIT 1`,
    [write.tenantId, write.entity, write.connecId],
  );
  return rows[0]?.xero_id ?? null;
}

/** Xero's answer, or "unavailable" once the deadline passes (the push goes on; its key makes a retry safe). */
export async function withDeadline<T extends { kind: string }>(
  promise: Promise<T>,
  ms: number,
): Promise<T | Unavailable> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Unavailable>((resolve) => {
    timer = setTimeout(
      () => resolve({ kind: 'unavailable', message: `Xero did not answer within ${ms} ms` }),
      ms,
    );
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
