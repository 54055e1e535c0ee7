import type { CacheEntityName } from '../../cache/cache-entities.js';
import type { OwnedRows } from '../../cache/owned-rows.js';
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

/** Another record that Xero's answer also changes (a Contact's people, the invoice a payment pays). */
export interface Companion {
  entity: CacheEntityName;
  connecId: string;
  /** Xero's version of it (landed like the main record), or null when Xero does not hold it. */
  mapped: AnyMapped | null;
  /** Cache fields for a companion Xero does not hold (e.g. a sixth person, rule 2). */
  fields?: Record<string, unknown>;
}

/** One element of a batch answer: Xero's record, or its validation messages. */
export type BatchElement = { ok: true; answer: unknown } | { ok: false; messages: string[] };

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
  /** Records landed beside the main one, from Xero's answer and what the op stored (`extra`). */
  companions?(answer: unknown, extra: Record<string, unknown> | undefined): Companion[];
  /**
   * The companions the main record owns when Xero's answer holds all of them (an employee's salaries):
   * the owner's other records of that entity are tombstoned. Null when this answer does not list them.
   */
  ownedCompanions?(answer: unknown): OwnedRows | null;
  /**
   * Creates many records in one call with `summarizeErrors=false`: one element per request, in order.
   * Rejects (like `push`) when the call as a whole fails.
   */
  pushMany?(
    api: XeroApi,
    target: XeroCallTarget,
    requests: Array<Record<string, unknown>>,
    idempotencyKey: string,
  ): Promise<BatchElement[]>;
}

/** Splits a `summarizeErrors=false` answer into records and per-element refusals. */
export function batchElements(elements: unknown[] | undefined, expected: number): BatchElement[] {
  const list = (elements ?? []) as Array<{
    statusAttributeString?: string;
    hasErrors?: boolean;
    validationErrors?: Array<{ message?: string }>;
  }>;
  return Array.from({ length: expected }, (_, index): BatchElement => {
    const element = list[index];
    if (!element) return { ok: false, messages: ['Xero answered without this element.'] };
    const messages = (element.validationErrors ?? []).map((error) => error.message ?? 'refused');
    if (element.statusAttributeString === 'ERROR' || element.hasErrors || messages.length > 0) {
      return { ok: false, messages: messages.length ? messages : ['Xero refused this element.'] };
    }
    return { ok: true, answer: element };
  });
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
