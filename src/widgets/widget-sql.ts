import type { EntityManager } from 'typeorm';

/** The organisation's base currency, as a CTE `base(currency)` over the tenant in `$1`. */
export const BASE_CURRENCY_CTE = `base AS (
    SELECT (SELECT c.base_currency FROM company c WHERE c.tenant_id = $1 AND c.deleted_at IS NULL LIMIT 1) AS currency
  )`;

/** Statuses of invoices that count as issued: they post to the ledger and can be paid. */
export const ISSUED = `('AUTHORISED', 'PAID')`;

/** The organisation's base currency (null before the company is synced). */
export async function baseCurrencyOf(manager: EntityManager, tenantId: string): Promise<string | null> {
  const rows = await manager.query(`WITH ${BASE_CURRENCY_CTE} SELECT currency FROM base`, [tenantId]);
  return rows[0]?.currency ?? null;
}

/** Sorts currencies base first, then by code (nulls last). */
export function baseFirst(base: string | null): (a: string | null, b: string | null) => number {
  const rank = (c: string | null) => (c === base ? '0' : c === null ? '2' : `1${c}`);
  return (a, b) => rank(a).localeCompare(rank(b));
}
