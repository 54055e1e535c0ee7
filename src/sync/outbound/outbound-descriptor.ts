import type { CacheEntityName } from '../../cache/cache-entities.js';
import type { AnyMapped } from '../inbound/page-writer.js';
import type { XeroApi, XeroCallTarget } from '../xero/xero-api.js';

/** One push as the pipeline hands it to a descriptor: the stored op, with the record's current Xero id. */
export interface PushRequest {
  operation: string;
  /** The Xero model to send (xero-node's camelCase), as stored in the op. */
  request: Record<string, unknown>;
  /** The record's Xero id; null for a create (or an op queued behind a create that has not landed). */
  xeroId: string | null;
  idempotencyKey: string;
}

/**
 * How one entity type is written to Xero: which xero-node call each operation makes, and how Xero's
 * answer is mapped back (with the inbound mapper, so a later webhook echo hashes the same and appends
 * nothing). The pipeline, the worker and the landing are shared by every entity.
 */
export interface OutboundDescriptor {
  entity: CacheEntityName;
  /** Operations that create the record in Xero (the rest need its Xero id). */
  creates: readonly string[];
  /** Sends the op; resolves with Xero's record as xero-node returns it. */
  push(api: XeroApi, target: XeroCallTarget, push: PushRequest): Promise<unknown>;
  /** Xero's record -> the mapped Connec! record (the inbound mapper). */
  map(answer: unknown): AnyMapped;
  /** Reads the record's current version from Xero (conflict checks, restoring after a refusal). */
  fetch?(api: XeroApi, target: XeroCallTarget, xeroId: string): Promise<unknown | undefined>;
}

const registry = new Map<string, OutboundDescriptor>();

/** Makes a descriptor known to the worker, which finds it by the op's entity type. */
export function registerOutbound(descriptor: OutboundDescriptor): OutboundDescriptor {
  registry.set(descriptor.entity, descriptor);
  return descriptor;
}

export function outboundDescriptor(entity: string): OutboundDescriptor | undefined {
  return registry.get(entity);
}
