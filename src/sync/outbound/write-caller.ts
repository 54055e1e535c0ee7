import { createHash } from 'node:crypto';
import type { CacheEntityName } from '../../cache/cache-entities.js';
import { cacheEntityTypes } from '../../cache/cache-entities.js';
import { canonicalJson } from '../../cache/content-hash.js';
import type { ExternalIdRef } from '../../cache/id-map.js';
import { badArgument, notFound } from '../../errors.js';
import { isUuid } from '../../resolvers/list/cursor.js';
import type { SyncStatus } from '../../schema/connec-entity.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import type { OutboundPipeline, WriteRequest } from './outbound-pipeline.js';

/** Who writes, and through what. */
export interface WriteCaller {
  pipeline: OutboundPipeline;
  tenantId: string;
  app: { id: string; provider: string };
}

/** What every mutation answers (the resolver loads the record). */
export interface WriteAnswer {
  recordId: string;
  syncStatus: SyncStatus;
  operationId: string | null;
  warnings: string[];
}

/** A validated write, ready for the pipeline (alone or in a batch), and what the gateway warns about. */
export interface PreparedWrite {
  write: WriteRequest;
  warnings: string[];
}

/** The app's id for a record created by an upsert, and the idempotency key two racing creates share. */
export interface CreateOptions {
  appExternalId?: ExternalIdRef;
  idempotencyKey?: string;
}

/** Loads a cached record of the tenant by Connec! id, or NOT_FOUND (tombstones included: callers decide). */
export async function loadRecord<T>(caller: WriteCaller, entity: CacheEntityName, id: string): Promise<T> {
  const found = isUuid(id)
    ? await caller.pipeline.deps.db
        .getRepository(cacheEntityTypes[entity].entity)
        .findOneBy({ tenantId: caller.tenantId, id } as never)
    : null;
  if (!found) throw notFound(entity, id);
  return found as T;
}

/**
 * Creates or updates the record the app knows by its own id. The same call twice gives one record in the
 * cache and one in Xero: the second finds the first through the id map, and two racing creates share an
 * idempotency key derived from the external id and the input, so Xero makes one.
 */
export async function upsertByExternalId<I>(
  caller: WriteCaller,
  entity: CacheEntityName,
  externalId: ExternalIdInput,
  input: I,
  write: {
    update(connecId: string): Promise<WriteAnswer>;
    create(options: CreateOptions): Promise<WriteAnswer>;
  },
): Promise<WriteAnswer> {
  if (externalId.provider === 'xero' || externalId.provider === 'connec') {
    throw badArgument(
      'externalId.provider',
      "Upserts use the app's own ids; Xero and Connec! ids are issued, not chosen.",
    );
  }
  const realm = externalId.realm ?? caller.app.id;
  const rows: Array<{ connec_id: string }> = await caller.pipeline.deps.db.query(
    `SELECT connec_id FROM id_map WHERE tenant_id = $1 AND entity = $2 AND provider = $3
        AND realm = $4 AND external_id = $5 LIMIT 1`,
    [caller.tenantId, entity, externalId.provider, realm, externalId.id],
  );
  if (rows[0]) return write.update(rows[0].connec_id);
  const appExternalId = { provider: externalId.provider, realm, id: externalId.id };
  const key = createHash('sha256')
    .update(canonicalJson([caller.tenantId, entity, appExternalId, input]))
    .digest('hex');
  return write.create({ appExternalId, idempotencyKey: `upsert-${key}` });
}
