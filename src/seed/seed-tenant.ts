import type { DataSource } from 'typeorm';
import type { CacheEntityName } from '../cache/cache-entities.js';
import { type CacheRecord, upsertEntities } from '../cache/upsert.js';
import { ensureTenant } from '../tenancy/tenancy.service.js';
import { employeesAndSalaries, payrollActivity, payrollSetup } from './payroll.js';
import { creditNotes, purchaseOrders } from './purchases.js';
import { referenceData } from './reference.js';
import { invoicesAndPayments, items, organizations, people } from './sales.js';
import { World } from './world.js';

export interface SeedOptions {
  tenant: string;
  /** Number of invoices; every other collection is sized from it. */
  scale: number;
  /** Changes the data set; the same tenant, scale, seed and `today` always give the same data. */
  seed?: string;
  /**
   * The day (`YYYY-MM-DD`) the data is placed for: two years of documents up to it, pay runs and
   * timesheets ending in its week (see `World.anchor`). Default: today in UTC.
   */
  today?: string;
  /** Records per cache write (one transaction each). */
  batchSize?: number;
  onProgress?: (entityType: string, written: number) => void;
}

export type SeedCounts = Partial<Record<CacheEntityName, number>>;

/**
 * Fills a tenant's cache with realistic related data through the real cache write path (so ids, id_map
 * rows and sync events are all there), deterministically. Running it twice changes nothing.
 */
export async function seedTenant(dataSource: DataSource, options: SeedOptions): Promise<SeedCounts> {
  const tenant = await ensureTenant(dataSource, options.tenant);
  const world = new World(
    options.tenant,
    options.scale,
    options.seed ?? 'demo',
    options.today ?? new Date().toISOString().slice(0, 10),
  );
  const scale = Math.max(1, Math.floor(options.scale));
  const counts: SeedCounts = {};
  const write = async (entityType: CacheEntityName, records: CacheRecord[]) => {
    const batch = options.batchSize ?? 1000;
    for (let start = 0; start < records.length; start += batch) {
      await upsertEntities(dataSource.manager, tenant.id, entityType, records.slice(start, start + batch), {
        source: 'seed',
      });
      options.onProgress?.(entityType, Math.min(start + batch, records.length));
    }
    counts[entityType] = records.length;
  };
  const reference = referenceData(world);
  await write('Company', reference.company);
  await write('TaxCode', reference.taxCodes);
  await write('Account', reference.accounts);
  await write('Organization', organizations(world, Math.max(3, Math.ceil(scale / 10))));
  await write('Person', people(world));
  const taxCodeIds = reference.taxCodes.map((code) => code.id);
  await write(
    'Item',
    items(world, Math.max(5, Math.min(2000, Math.ceil(scale / 20))), reference.ledger, taxCodeIds),
  );
  const sales = invoicesAndPayments(world, scale, reference.ledger, taxCodeIds);
  await write('Invoice', sales.invoices);
  await write('Payment', sales.payments);
  await write(
    'CreditNote',
    creditNotes(world, Math.max(2, Math.ceil(scale / 20)), reference.ledger, taxCodeIds),
  );
  await write(
    'PurchaseOrder',
    purchaseOrders(world, Math.max(2, Math.ceil(scale / 10)), reference.ledger, taxCodeIds),
  );
  const setup = payrollSetup(world);
  await write('PaySchedule', setup.paySchedules);
  await write('PayItem', setup.payItems);
  await write('WorkLocation', setup.workLocations);
  const staff = employeesAndSalaries(world, Math.max(3, Math.min(500, Math.ceil(scale / 200))));
  await write('Employee', staff.employees);
  await write('EmployeeSalary', staff.salaries);
  const activity = payrollActivity(world, Math.max(2, Math.min(12, Math.ceil(scale / 100))));
  await write('PayRun', activity.payRuns);
  await write('TimeSheet', activity.timeSheets);
  await write('LeaveApplication', activity.leaveApplications);
  return counts;
}
