import type { EntityManager } from 'typeorm';
import type { CacheEntityName } from '../../cache/cache-entities.js';
import type { WriteOrigin } from '../../cache/sync-events.js';
import { type CacheRecord, upsertEntities } from '../../cache/upsert.js';
import type { ChildLists, MappedRecord } from '../mappers/mapped-record.js';
import { keepChosenPeople } from './chosen-person.js';
import { ReferenceResolver } from './reference-resolver.js';

export type AnyMapped = MappedRecord<unknown, ChildLists>;

export interface PageWriteResult {
  written: number;
  changed: number;
  skipped: string[];
  unresolved: string[];
}

/**
 * Writes one page of mapped records into the cache in the caller's transaction: grouped by entity type in
 * the order they first appear (an organization before its people, an employee before its salaries), each
 * group's references resolved after the groups before it are written.
 */
export async function writeMappedPage(
  manager: EntityManager,
  tenantId: string,
  xeroTenantId: string,
  records: AnyMapped[],
  origin: WriteOrigin = { source: 'xero' },
): Promise<PageWriteResult> {
  const result: PageWriteResult = { written: 0, changed: 0, skipped: [], unresolved: [] };
  const groups = new Map<string, AnyMapped[]>();
  for (const record of records) {
    if (record.missing.length > 0) {
      result.skipped.push(`${record.entity} ${record.xeroId}: missing ${record.missing.join(', ')}`);
      continue;
    }
    const group = groups.get(record.entity) ?? [];
    group.push(record);
    groups.set(record.entity, group);
  }
  for (const [entity, group] of groups) {
    const resolver = new ReferenceResolver(manager, tenantId);
    await resolver.load(group.flatMap((record) => [record.references, ...childReferences(record)]));
    const cacheRecords = group.map((record) => toCacheRecord(record, resolver, xeroTenantId));
    await keepChosenPeople(manager, tenantId, entity as CacheEntityName, cacheRecords);
    const { events } = await upsertEntities(
      manager,
      tenantId,
      entity as CacheEntityName,
      cacheRecords,
      origin,
    );
    result.written += group.length;
    result.changed += events.length;
    result.unresolved.push(...resolver.unresolved);
  }
  return result;
}

function childReferences(record: AnyMapped) {
  return Object.values(record.children).flatMap((children) => children.map((child) => child.references));
}

function toCacheRecord(record: AnyMapped, resolver: ReferenceResolver, xeroTenantId: string): CacheRecord {
  const children = Object.fromEntries(
    Object.entries(record.children).map(([name, list]) => [
      name,
      list.map((child) => ({ ...(child.fields as object), ...resolver.resolve(child.references) })),
    ]),
  );
  return {
    externalIds: [{ provider: 'xero', realm: xeroTenantId, id: record.xeroId }],
    remoteUpdatedAt: record.remoteUpdatedAt,
    fields: { ...(record.fields as object), ...resolver.resolve(record.references), ...children },
  };
}
