import type { EntityManager } from 'typeorm';
import { type CacheEntityName, cacheEntityTypes } from '../../cache/cache-entities.js';
import { fieldHashes } from '../../cache/content-hash.js';
import { conflict } from '../../errors.js';
import type { XeroConnection } from '../../schema/xero-connection.entity.js';
import type { OutboundDescriptor } from './outbound-descriptor.js';
import type { WriteCaller } from './write-caller.js';

/** The records an update can be based on a version of, as messages name them. */
const LABELS = {
  Account: 'account',
  CreditNote: 'credit note',
  Employee: 'employee',
  Invoice: 'invoice',
  Item: 'item',
  Organization: 'organization',
  Person: 'person',
  PurchaseOrder: 'purchase order',
  TaxCode: 'tax code',
  TimeSheet: 'timesheet',
} as const satisfies Partial<Record<CacheEntityName, string>>;
export type VersionedEntity = keyof typeof LABELS;

/**
 * The version an update was checked against. The pipeline checks it again in the transaction that
 * queues the write, under the record's lock (`assertStillCurrent`): two updates based on one version
 * cannot both pass, however close together they come.
 */
export interface VersionBasis {
  entity: VersionedEntity;
  id: string;
  expected: Date;
}

/** What the check reads of the cached record (every `ConnecEntity` row has these). */
export interface VersionedRecord {
  id: string;
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
 * instead, and `currentUpdatedAt` is null. When Xero cannot be asked the cache decides. Does nothing
 * without `expected`; callers skip it when forced and for upserts. Answers the basis the pipeline checks
 * again when it queues the write (put it on the WriteRequest as `basedOn`).
 */
export async function assertCurrentVersion(
  caller: WriteCaller,
  source: VersionSource,
  entity: VersionedEntity,
  existing: VersionedRecord,
  expected: Date | null | undefined,
  /** The tenant's connection when the caller holds it already (saves reading it again). */
  known?: XeroConnection,
): Promise<VersionBasis | undefined> {
  if (!expected) return undefined;
  const basis: VersionBasis = { entity, id: existing.id, expected };
  if (existing.updatedAt.getTime() > expected.getTime())
    throw changed(basis, existing.updatedAt, 'in the gateway');
  const xero = await xeroVersion(caller, source, existing.xeroId, known);
  if (!xero) return basis;
  if (xero.updatedAt) {
    if (!existing.remoteUpdatedAt || xero.updatedAt > existing.remoteUpdatedAt) {
      throw changed(basis, xero.updatedAt, 'in Xero');
    }
    return basis;
  }
  const landed = existing.fieldHashes ?? {};
  const differs = Object.entries(fieldHashes(xero.fields)).some(([key, hash]) => landed[key] !== hash);
  if (differs) throw changed(basis, null, 'in Xero');
  return basis;
}

/**
 * The gateway's half of `assertCurrentVersion` again, in the transaction that queues the write and under
 * its record's lock: the versioned record has not changed since, and no other write of the record is
 * still on its way to Xero (`otherPending`: its change is in no version the caller could have read, and
 * this write would silently overwrite it). Xero's half cannot be made atomic: Xero has no conditional
 * update.
 */
export async function assertStillCurrent(
  tx: EntityManager,
  tenantId: string,
  basis: VersionBasis,
  otherPending: boolean,
): Promise<void> {
  const table = tx.getRepository(cacheEntityTypes[basis.entity].entity).metadata.tableName;
  const [row]: Array<{ updated_at: Date }> = await tx.query(
    `SELECT updated_at FROM ${table} WHERE tenant_id = $1 AND id = $2`,
    [tenantId, basis.id],
  );
  if (row && new Date(row.updated_at).getTime() > basis.expected.getTime()) {
    throw changed(basis, new Date(row.updated_at), 'in the gateway');
  }
  if (otherPending) {
    throw conflict(
      `The ${LABELS[basis.entity]} has another change on its way to Xero, which its version of ${basis.expected.toISOString()} does not include: re-read it once that change lands, or pass force: true to overwrite.`,
      { expectedUpdatedAt: basis.expected.toISOString(), currentUpdatedAt: null },
    );
  }
}

function changed(basis: VersionBasis, current: Date | null, where: string) {
  const expected = basis.expected.toISOString();
  return conflict(
    `The ${LABELS[basis.entity]} changed ${where} since ${expected}${current ? ` (now ${current.toISOString()})` : ''}: re-read it, or pass force: true to overwrite.`,
    { expectedUpdatedAt: expected, currentUpdatedAt: current?.toISOString() ?? null },
  );
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
