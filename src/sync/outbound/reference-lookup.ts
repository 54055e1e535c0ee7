import { type EntityManager, In } from 'typeorm';
import { type CacheEntityName, cacheEntityTypes } from '../../cache/cache-entities.js';
import type { FieldError } from '../../errors.js';
import { isUuid } from '../../resolvers/list/cursor.js';
import type { ConnecEntity } from '../../schema/connec-entity.js';

/** A reference as inputs carry it: a Connec! id, or an id in another system. */
export interface RefInput {
  /** Where the reference sits in the input, for the field error: `lines.2.itemId`. */
  path: string;
  entity: CacheEntityName;
  id?: string | null;
  external?: { provider: string; realm?: string | null; id: string } | null;
}

/** The cached rows the references point to, by path; a missing or unknown one is a field error. */
export interface LookedUp {
  rows: Map<string, ConnecEntity & Record<string, unknown>>;
  errors: FieldError[];
}

type Row = ConnecEntity & Record<string, unknown>;

/**
 * Resolves every reference of an input against the tenant's cache with one query per entity type and
 * kind of id (a 1,000-line invoice costs a handful of queries, not thousands). Tombstoned and deleted
 * records are not valid targets.
 */
export async function lookupReferences(
  manager: EntityManager,
  tenantId: string,
  refs: RefInput[],
): Promise<LookedUp> {
  const errors: FieldError[] = [];
  const wanted = refs.filter((ref) => ref.id || ref.external);
  for (const ref of wanted) {
    if (ref.id && !isUuid(ref.id))
      errors.push({ path: ref.path, message: `"${ref.id}" is not a Connec! id.` });
  }
  const valid = wanted.filter((ref) => !ref.id || isUuid(ref.id));
  const found = new Map<string, Row>();
  const byEntity = new Map<CacheEntityName, RefInput[]>();
  for (const ref of valid) byEntity.set(ref.entity, [...(byEntity.get(ref.entity) ?? []), ref]);
  for (const [entity, list] of byEntity) {
    const rows = await fetchRows(manager, tenantId, entity, list);
    for (const ref of list) {
      const row = rows.find((candidate) => matches(candidate, ref));
      if (row) found.set(ref.path, row);
      else errors.push({ path: ref.path, message: `No ${entity} ${describe(ref)} in this tenant.` });
    }
  }
  return { rows: found, errors };
}

function describe(ref: RefInput): string {
  if (ref.id) return `with id ${ref.id}`;
  const external = ref.external!;
  return `with ${external.provider} id "${external.id}"`;
}

type Candidate = Row & { __external?: Array<{ provider: string; realm: string; id: string }> };

function matches(row: Candidate, ref: RefInput): boolean {
  if (ref.id) return row.id === ref.id;
  const external = ref.external!;
  if (external.provider === 'connec') return row.id === external.id;
  if (external.provider === 'xero') return row.xeroId === external.id;
  return (row.__external ?? []).some(
    (entry) =>
      entry.provider === external.provider &&
      entry.id === external.id &&
      (!external.realm || entry.realm === external.realm),
  );
}

async function fetchRows(
  manager: EntityManager,
  tenantId: string,
  entity: CacheEntityName,
  refs: RefInput[],
): Promise<Candidate[]> {
  const type = cacheEntityTypes[entity].entity;
  const connecIds = new Set<string>();
  const xeroIds = new Set<string>();
  const others = refs.flatMap((ref) => {
    if (ref.id) connecIds.add(ref.id);
    else if (ref.external?.provider === 'connec' && isUuid(ref.external.id)) connecIds.add(ref.external.id);
    else if (ref.external?.provider === 'xero') xeroIds.add(ref.external.id);
    else if (ref.external && ref.external.provider !== 'connec') return [ref.external];
    return [];
  });
  const mapped: Array<{ connec_id: string; provider: string; realm: string; external_id: string }> =
    others.length === 0
      ? []
      : await manager.query(
          `SELECT connec_id, provider, realm, external_id FROM id_map
            WHERE tenant_id = $1 AND entity = $2 AND (provider, external_id) IN
              (SELECT * FROM unnest($3::text[], $4::text[]))`,
          [tenantId, entity, others.map((ref) => ref.provider), others.map((ref) => ref.id)],
        );
  for (const entry of mapped) connecIds.add(entry.connec_id);
  const where = [
    ...(connecIds.size > 0 ? [{ tenantId, id: In([...connecIds]) }] : []),
    ...(xeroIds.size > 0 ? [{ tenantId, xeroId: In([...xeroIds]) }] : []),
  ];
  if (where.length === 0) return [];
  const rows = (await manager.getRepository(type).find({ where: where as never })) as unknown as Candidate[];
  return rows
    .filter((row) => !row.deletedAt && row.status !== 'DELETED')
    .map((row) =>
      Object.assign(row, {
        __external: mapped
          .filter((entry) => entry.connec_id === row.id)
          .map((entry) => ({ provider: entry.provider, realm: entry.realm, id: entry.external_id })),
      }),
    );
}
