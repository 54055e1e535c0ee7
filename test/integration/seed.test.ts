import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHOR_DATE } from '../../src/seed/catalog.js';
import { seedTenant } from '../../src/seed/seed-tenant.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('the data generator', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('fills every entity of a tenant through the cache write path, and a second run changes nothing', async () => {
    const counts = await seedTenant(database.dataSource, {
      today: ANCHOR_DATE,
      tenant: 'org-seed',
      scale: 40,
    });
    expect(counts.Invoice).toBe(40);
    for (const count of Object.values(counts)) expect(count).toBeGreaterThan(0);
    const [{ n: events }] = await database.dataSource.query('SELECT count(*)::int AS n FROM sync_events');
    const [{ n: lines }] = await database.dataSource.query('SELECT count(*)::int AS n FROM invoice_lines');
    expect(lines).toBeGreaterThanOrEqual(40);
    await seedTenant(database.dataSource, { today: ANCHOR_DATE, tenant: 'org-seed', scale: 40 });
    const [{ n: after }] = await database.dataSource.query('SELECT count(*)::int AS n FROM sync_events');
    expect(after).toBe(events);
  });

  it('places its dates for the `today` it is given: documents up to it, the last pay run ending in its week', async () => {
    const span = async (tenant: string) => {
      const [row] = await database.dataSource.query(
        `SELECT (SELECT max(i.transaction_date)::text FROM invoices i WHERE i.tenant_id = t.id) AS invoiced,
                (SELECT min(i.transaction_date)::text FROM invoices i WHERE i.tenant_id = t.id) AS first,
                (SELECT max(p.period_end)::text FROM pay_runs p WHERE p.tenant_id = t.id) AS paid
           FROM tenants t WHERE t.name = $1`,
        [tenant],
      );
      return row as { invoiced: string; first: string; paid: string };
    };
    const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
    for (const today of ['2027-12-03', '2028-02-29']) {
      await seedTenant(database.dataSource, { today, tenant: `org-${today}`, scale: 40 });
      const { invoiced, first, paid } = await span(`org-${today}`);
      expect(invoiced <= today && days(first, today) < 730 + 7, `${today}: ${first}..${invoiced}`).toBe(true);
      expect(days(paid, today), `${today}: last pay run ends ${paid}`).toBeGreaterThanOrEqual(0);
      expect(days(paid, today)).toBeLessThan(7);
      expect(new Date(paid).getUTCDay()).toBe(new Date(ANCHOR_DATE).getUTCDay());
    }
  });

  it('generates the same data for the same tenant, scale and seed', async () => {
    const fingerprint = async (tenant: string) => {
      const rows = await database.dataSource.query(
        `SELECT i.transaction_number, i.total_amount, o.name FROM invoices i
           JOIN tenants t ON t.id = i.tenant_id JOIN organizations o ON o.id = i.organization_id
          WHERE t.name = $1 ORDER BY i.transaction_number`,
        [tenant],
      );
      return rows;
    };
    await seedTenant(database.dataSource, { today: ANCHOR_DATE, tenant: 'org-twin', scale: 40 });
    const first = await fingerprint('org-seed');
    expect(first).toHaveLength(40);
    // Another tenant name gives other data (the tenant is part of the seed), the same name the same data.
    expect(await fingerprint('org-twin')).not.toEqual(first);
    await seedTenant(database.dataSource, { today: ANCHOR_DATE, tenant: 'org-seed', scale: 40 });
    expect(await fingerprint('org-seed')).toEqual(first);
  });
});
