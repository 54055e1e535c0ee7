import type { EntityManager } from 'typeorm';
import type { WriteOrigin } from './sync-events.js';

/** An id of a record in another system. */
export interface ExternalIdRef {
  provider: string;
  realm: string;
  id: string;
}

/**
 * Records each external id of the written records in id_map (one statement). When the write comes from
 * that provider, `pulled_at` is stamped: the sync engine compares it with `pushed_at` to avoid echoes.
 */
export async function upsertIdMap(
  manager: EntityManager,
  tenantId: string,
  entityType: string,
  connecIds: string[],
  records: Array<{ externalIds?: ExternalIdRef[] }>,
  origin: WriteOrigin,
): Promise<void> {
  const refs = records.flatMap((record, index) =>
    (record.externalIds ?? [])
      .filter((ref) => ref.provider !== 'connec')
      .map((ref) => ({ ...ref, connecId: connecIds[index] })),
  );
  if (refs.length === 0) return;
  await manager.query(
    `INSERT INTO id_map (tenant_id, entity, connec_id, provider, realm, external_id, pulled_at)
     SELECT $1, $2, u.connec_id, u.provider, u.realm, u.external_id,
            CASE WHEN u.provider = $7 THEN now() END
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) AS u(connec_id, provider, realm, external_id)
     ON CONFLICT (tenant_id, entity, connec_id, provider, realm) DO UPDATE
        SET external_id = EXCLUDED.external_id,
            pulled_at = coalesce(EXCLUDED.pulled_at, id_map.pulled_at),
            updated_at = now()
      WHERE id_map.external_id IS DISTINCT FROM EXCLUDED.external_id OR EXCLUDED.pulled_at IS NOT NULL`,
    [
      tenantId,
      entityType,
      refs.map((ref) => ref.connecId),
      refs.map((ref) => ref.provider),
      refs.map((ref) => ref.realm),
      refs.map((ref) => ref.id),
      origin.source,
    ],
  );
}
