import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { XeroConnection } from '../../schema/xero-connection.entity.js';
import type { BatchElement, OutboundDescriptor } from './outbound-descriptor.js';
import { OutboundOp, OutboundStatus } from './outbound-op.entity.js';
import {
  classifyFailure,
  insertOp,
  type OpPayload,
  type OutboundPipeline,
  originOf,
  requireDescriptor,
  type Unavailable,
  type WriteOutcome,
  type WriteRequest,
  withDeadline,
  writePending,
} from './outbound-pipeline.js';

/** Xero's advice: no more than 50 elements a call, so one bad element costs little and calls stay short. */
export const BATCH_CHUNK = 50;
/** The most records one batch mutation takes. */
export const MAX_BATCH = 500;

/** One write of a batch: taken (SYNCED or PENDING), or refused by Xero with its messages. */
export type BatchWriteOutcome =
  | { kind: 'ok'; outcome: WriteOutcome }
  | { kind: 'refused'; messages: string[] };

type ChunkOutcome =
  | { kind: 'ok'; elements: BatchElement[] }
  | { kind: 'refused'; messages: string[] }
  | Unavailable;

/**
 * Creates many records of one entity type, `BATCH_CHUNK` per Xero call with `summarizeErrors=false`, each
 * answered on its own. Every op is written ahead; a chunk Xero cannot take now stays PENDING and the
 * worker re-sends the same chunk with the same idempotency key, so a lost answer never duplicates.
 */
export async function submitBatch(
  pipeline: OutboundPipeline,
  writes: WriteRequest[],
  connection: XeroConnection,
): Promise<BatchWriteOutcome[]> {
  const results: BatchWriteOutcome[] = [];
  for (let start = 0; start < writes.length; start += BATCH_CHUNK) {
    results.push(...(await submitChunk(pipeline, connection, writes.slice(start, start + BATCH_CHUNK))));
  }
  return results;
}

async function submitChunk(
  pipeline: OutboundPipeline,
  connection: XeroConnection,
  writes: WriteRequest[],
): Promise<BatchWriteOutcome[]> {
  if (writes.length === 0) return [];
  const { db, options } = pipeline.deps;
  const descriptor = requireDescriptor(writes[0].entity);
  const key = `batch-${randomUUID()}`;
  const ops = await db.transaction(async (tx) => {
    const created: OutboundOp[] = [];
    for (const [index, write] of writes.entries()) {
      created.push(
        await insertOp(tx, write, {
          attempts: 1,
          nextAttemptAt: new Date(Date.now() + options.leaseMs),
          claimedBy: pipeline.deps.workerId,
          batch: { key, index },
        }),
      );
    }
    for (const op of created) pipeline.inFlight.add(op.id);
    return created;
  });
  try {
    return await pushChunkNow(pipeline, connection, descriptor, writes, ops, key);
  } finally {
    for (const op of ops) pipeline.inFlight.delete(op.id);
  }
}

/** The batch mutation's own push of a chunk, and the answer for each of its writes. */
async function pushChunkNow(
  pipeline: OutboundPipeline,
  connection: XeroConnection,
  descriptor: OutboundDescriptor,
  writes: WriteRequest[],
  ops: OutboundOp[],
  key: string,
): Promise<BatchWriteOutcome[]> {
  const { db, options } = pipeline.deps;
  const requests = writes.map((write) => write.request);
  const outcome = await withDeadline(
    pushChunk(pipeline, descriptor, connection, requests, key),
    options.mutationDeadlineMs,
  );
  if (outcome.kind === 'unavailable') {
    await db.transaction(async (tx) => {
      for (const write of writes) await writePending(tx, write, originOf(write.app));
      await tx.update(
        OutboundOp,
        { id: In(ops.map((op) => op.id)) },
        {
          nextAttemptAt: new Date(Date.now() + pipeline.backoffMs(1)),
          claimedBy: null,
          lastError: outcome.message,
        },
      );
    });
    return writes.map((write, index) => ({
      kind: 'ok',
      outcome: pipeline.pendingOutcome(write, ops[index], outcome.message),
    }));
  }
  if (outcome.kind === 'refused') {
    await db.getRepository(OutboundOp).delete({ id: In(ops.map((op) => op.id)) });
    return writes.map(() => ({ kind: 'refused', messages: outcome.messages }));
  }
  const results: BatchWriteOutcome[] = [];
  for (const [index, element] of outcome.elements.entries()) {
    const op = ops[index];
    if (!element.ok) {
      await db.getRepository(OutboundOp).delete({ id: op.id });
      results.push({ kind: 'refused', messages: element.messages });
      continue;
    }
    results.push({
      kind: 'ok',
      outcome: await pipeline.settle(writes[index], op, connection, element.answer),
    });
  }
  return results;
}

/** One call for a chunk; every failure classified, none thrown. */
export async function pushChunk(
  pipeline: OutboundPipeline,
  descriptor: OutboundDescriptor,
  connection: XeroConnection,
  requests: Array<Record<string, unknown>>,
  key: string,
): Promise<ChunkOutcome> {
  if (!descriptor.pushMany) throw new Error(`${descriptor.entity} has no batch push`);
  try {
    const elements = await descriptor.pushMany(pipeline.api, pipeline.target(connection), requests, key);
    return { kind: 'ok', elements };
  } catch (error) {
    return classifyFailure(error);
  }
}

/** The ops of a batch chunk, in the order they were sent (all of them: the chunk is re-sent unchanged). */
export async function chunkOps(pipeline: OutboundPipeline, op: OutboundOp): Promise<OutboundOp[]> {
  const batch = (op.payload as unknown as OpPayload).batch!;
  const ops = await pipeline.deps.db
    .getRepository(OutboundOp)
    .createQueryBuilder('op')
    .where('op.tenant_id = :tenant AND op.idempotency_key = :key', { tenant: op.tenantId, key: batch.key })
    .getMany();
  const index = (o: OutboundOp) => (o.payload as unknown as OpPayload).batch?.index ?? 0;
  return ops.sort((a, b) => index(a) - index(b));
}

export function isPendingOp(op: OutboundOp): boolean {
  return op.status === OutboundStatus.PENDING;
}
