import type { EntityManager } from 'typeorm';
import { Company } from '../schema/company.entity.js';
import { hydrate, selectColumns } from './list/hydrate.js';

/** The tenant's company (one per tenant), or null before the first sync. */
export async function findCompany(manager: EntityManager, tenantId: string): Promise<Company | null> {
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT ${selectColumns(manager.connection.getMetadata(Company), 'c')} FROM company c
      WHERE c.tenant_id = $1 AND c.deleted_at IS NULL LIMIT 1`,
    [tenantId],
  );
  return rows[0] ? hydrate(manager, Company, rows[0]) : null;
}
