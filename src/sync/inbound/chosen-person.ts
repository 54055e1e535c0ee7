import type { EntityManager } from 'typeorm';
import { type CacheEntityName, cacheEntityTypes } from '../../cache/cache-entities.js';
import type { CacheRecord } from '../../cache/upsert.js';

/** The documents that name a person beside their organization. */
const WITH_PERSON: ReadonlySet<CacheEntityName> = new Set(['Invoice', 'CreditNote', 'PurchaseOrder']);

/**
 * Xero's invoices, credit notes and purchase orders name a Contact and no person: the person the mapper
 * reads from Xero is the Contact's primary person (from its embedded EmailAddress), or none. So the person
 * a document has in the cache, which an app chose (`createInvoice(personId: …)`), is kept when it is one of
 * the document's organization's people, instead of being replaced by the primary person when Xero's answer
 * lands or when the sync reads the document again. Changes `records` in place.
 */
export async function keepChosenPeople(
  manager: EntityManager,
  tenantId: string,
  entity: CacheEntityName,
  records: CacheRecord[],
  /** The person the write being landed asked for (one record): its row may not exist yet. */
  asked?: string | null,
): Promise<void> {
  if (!WITH_PERSON.has(entity)) return;
  const candidates = records.filter((record) => record.fields.organizationId);
  if (candidates.length === 0) return;
  const table = manager.connection.getMetadata(cacheEntityTypes[entity].entity).tableName;
  const xeroIdOf = (record: CacheRecord) => record.externalIds?.find((ref) => ref.provider === 'xero')?.id;
  const cached: Array<{ id: string; xero_id: string | null; person_id: string }> = asked
    ? []
    : await manager.query(
        `SELECT id, xero_id, person_id FROM "${table}"
          WHERE tenant_id = $1 AND person_id IS NOT NULL AND (id = ANY($2::uuid[]) OR xero_id = ANY($3::text[]))`,
        [
          tenantId,
          candidates.flatMap((record) => record.id ?? []),
          candidates.flatMap((record) => xeroIdOf(record) ?? []),
        ],
      );
  const chosen = new Map<CacheRecord, string>();
  for (const record of candidates) {
    const xeroId = xeroIdOf(record);
    const row = cached.find((r) => (record.id ? r.id === record.id : xeroId && r.xero_id === xeroId));
    const person = asked ?? row?.person_id;
    if (person) chosen.set(record, person);
  }
  if (chosen.size === 0) return;
  const people: Array<{ id: string; organization_id: string | null }> = await manager.query(
    'SELECT id, organization_id FROM people WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL',
    [tenantId, [...new Set(chosen.values())]],
  );
  for (const [record, person] of chosen) {
    const organization = people.find((row) => row.id === person)?.organization_id;
    if (organization && organization === record.fields.organizationId) record.fields.personId = person;
  }
}
