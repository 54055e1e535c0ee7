import { fieldHashes } from '../../cache/content-hash.js';
import { conflict } from '../../errors.js';
import type { XeroConnection } from '../../schema/xero-connection.entity.js';
import type { OutboundDescriptor } from './outbound-descriptor.js';
import type { WriteCaller } from './write-caller.js';

/** What the check reads of the cached record (every `ConnecEntity` row has these). */
export interface VersionedRecord {
  /** When the record last changed in the gateway: the version clients read and send back. */
  updatedAt: Date;
  /** The id to read Xero's current version with; null when the record never reached Xero. */
  xeroId: string | null;
  /** Xero's UpdatedDateUTC of the version the cache holds. */
  remoteUpdatedAt: Date | null;
  /** The hash of each field as last landed: compared with Xero's when Xero keeps no time (tax rates). */
  fieldHashes?: Record<string, string>;
}

/**
 * How Xero's current version is read: the entity's `OutboundDescriptor` fits as it is. Without a `fetch`
 * only the gateway's version is checked.
 */
export type VersionSource = Pick<OutboundDescriptor, 'fetch' | 'map'>;

/**
 * Refuses an update based on an older version than the current one with CONFLICT (extensions
 * `expectedUpdatedAt` and `currentUpdatedAt`): older than the gateway's (`existing.updatedAt`), or than
 * Xero's (a change made in Xero that the sync has not brought in yet, read through `source.fetch`). When
 * Xero keeps no time for the record (tax rates), its content is compared with what the cache last landed
 * instead, and `currentUpdatedAt` is null. When Xero cannot be asked the cache decides. Does nothing without `expected`; callers skip it when forced
 * and for upserts. `label` names the record in the message ("invoice", "employee").
 */
export async function assertCurrentVersion(
  caller: WriteCaller,
  source: VersionSource,
  label: string,
  existing: VersionedRecord,
  expected: Date | null | undefined,
  /** The tenant's connection when the caller holds it already (saves reading it again). */
  known?: XeroConnection,
): Promise<void> {
  if (!expected) return;
  const refuse = (current: Date | null, where: string) =>
    conflict(
      `The ${label} changed ${where} since ${expected.toISOString()}${current ? ` (now ${current.toISOString()})` : ''}: re-read it, or pass force: true to overwrite.`,
      { expectedUpdatedAt: expected.toISOString(), currentUpdatedAt: current?.toISOString() ?? null },
    );
  if (existing.updatedAt.getTime() > expected.getTime()) throw refuse(existing.updatedAt, 'in the gateway');
  const xero = await xeroVersion(caller, source, existing.xeroId, known);
  if (!xero) return;
  if (xero.updatedAt) {
    if (!existing.remoteUpdatedAt || xero.updatedAt > existing.remoteUpdatedAt) {
      throw refuse(xero.updatedAt, 'in Xero');
    }
    return;
  }
  const landed = existing.fieldHashes ?? {};
  const differs = Object.entries(fieldHashes(xero.fields)).some(([key, hash]) => landed[key] !== hash);
  if (differs) throw refuse(null, 'in Xero');
}

/** Xero's record now (its UpdatedDateUTC and mapped fields), or null when Xero does not hold it or cannot be asked. */
async function xeroVersion(
  caller: WriteCaller,
  source: VersionSource,
  xeroId: string | null,
  known: XeroConnection | undefined,
): Promise<{ updatedAt: Date | null; fields: Record<string, unknown> } | null> {
  if (!xeroId || !source.fetch) return null;
  const { pipeline } = caller;
  const connection = known ?? (await pipeline.connectionFor(caller.tenantId));
  let answer: unknown;
  try {
    answer = await source.fetch(pipeline.api, pipeline.target(connection), xeroId);
  } catch {
    return null;
  }
  if (!answer) return null;
  const mapped = source.map(answer);
  return { updatedAt: mapped.remoteUpdatedAt ?? null, fields: mapped.fields as Record<string, unknown> };
}
