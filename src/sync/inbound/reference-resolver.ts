import type { EntityManager } from 'typeorm';
import { type CacheEntityName, cacheEntityTypes } from '../../cache/cache-entities.js';
import type { RecordRef, References } from '../mappers/mapped-record.js';

type Lookup = Map<string, string>;

/**
 * Turns the mappers' references (Xero GUIDs, TaxTypes, item and account codes) into Connec! ids, with
 * one query per referenced entity type for a whole page. A reference to a record not cached (yet)
 * becomes null and is reported, never an error: the next sync fills it in.
 */
export class ReferenceResolver {
  private readonly byXeroId = new Map<string, Lookup>();
  private readonly byCode = new Map<string, Lookup>();
  readonly unresolved: string[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly tenantId: string,
  ) {}

  /** Loads every id the given reference sets mention. */
  async load(referenceSets: References[]): Promise<void> {
    const wantedIds = new Map<string, Set<string>>();
    const wantedCodes = new Map<string, Set<string>>();
    for (const refs of referenceSets) {
      for (const value of Object.values(refs)) {
        for (const ref of asList(value)) {
          const target = 'code' in ref ? wantedCodes : wantedIds;
          const set = target.get(ref.entity) ?? new Set<string>();
          set.add('code' in ref ? ref.code : ref.xeroId);
          target.set(ref.entity, set);
        }
      }
    }
    // One after the other: they share the transaction's single connection.
    for (const [entity, keys] of wantedIds) await this.fetch(entity, 'xero_id', keys, this.byXeroId);
    for (const [entity, keys] of wantedCodes) await this.fetch(entity, 'code', keys, this.byCode);
  }

  private async fetch(entity: string, column: string, keys: Set<string>, into: Map<string, Lookup>) {
    const lookup = into.get(entity) ?? new Map<string, string>();
    into.set(entity, lookup);
    const missing = [...keys].filter((key) => !lookup.has(key));
    if (missing.length === 0) return;
    const table = this.manager.connection.getMetadata(
      cacheEntityTypes[entity as CacheEntityName].entity,
    ).tableName;
    const rows: Array<{ id: string; key: string }> = await this.manager.query(
      `SELECT id, ${column} AS key FROM "${table}" WHERE tenant_id = $1 AND ${column} = ANY($2::text[])`,
      [this.tenantId, missing],
    );
    for (const row of rows) lookup.set(row.key, row.id);
  }

  /** The reference columns with Connec! ids (null where the target is not cached). */
  resolve(refs: References): Record<string, string | string[] | null> {
    const resolved: Record<string, string | string[] | null> = {};
    for (const [column, value] of Object.entries(refs)) {
      if (Array.isArray(value)) {
        resolved[column] = value.flatMap((ref) => this.idOf(ref) ?? []);
      } else {
        resolved[column] = value ? this.idOf(value) : null;
      }
    }
    return resolved;
  }

  private idOf(ref: RecordRef): string | null {
    const id =
      'code' in ref
        ? this.byCode.get(ref.entity)?.get(ref.code)
        : this.byXeroId.get(ref.entity)?.get(ref.xeroId);
    if (!id) this.unresolved.push(`${ref.entity} ${'code' in ref ? `code ${ref.code}` : ref.xeroId}`);
    return id ?? null;
  }
}

function asList(value: RecordRef | RecordRef[] | null | undefined): RecordRef[] {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}
