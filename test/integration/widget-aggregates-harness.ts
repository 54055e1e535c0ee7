import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { expect } from 'vitest';
import type { CacheEntityName } from '../../src/cache/cache-entities.js';
import { type CacheRecord, upsertEntities, type WriteResult } from '../../src/cache/upsert.js';
import { ensureTenant } from '../../src/tenancy/tenancy.service.js';
import {
  type RefreshOutcome,
  rebuildAggregate,
  refreshAggregate,
} from '../../src/widgets/widget-aggregate-refresh.js';
import { WIDGET_AGGREGATES, type WidgetAggregate } from '../../src/widgets/widget-aggregates.js';

/** Accounts that documents post to (no rows needed but for the bank's in one test). */
export const A = { bank: randomUUID(), sales: randomUUID(), rent: randomUUID() };
export const ITEM = { widget: randomUUID(), gadget: randomUUID() };
export const origin = { source: 'xero' };

export interface TestTenant {
  tenantId: string;
  companyId: string;
  /** The control accounts (their rows exist: account_system_roles refers to them), and a second GST. */
  control: { ar: string; ap: string; gst: string; gst2: string };
}

export interface Line {
  itemId: string | null;
  accountId: string | null;
  quantity: string;
  netAmount: string;
  taxAmount: string;
}

export const line = (
  itemId: string | null,
  accountId: string | null,
  quantity: string,
  net: string,
  tax: string,
): Line => ({ itemId, accountId, quantity, netAmount: net, taxAmount: tax });

const cents = (value: string) => Math.round(Number(value) * 100);
const money = (value: number) => (value / 100).toFixed(2);

/** An invoice's or credit note's fields (authorised, AUD unless given), totals worked out from its lines. */
export function document(fields: Record<string, unknown>, lines: Line[]): Record<string, unknown> {
  const net = lines.reduce((sum, one) => sum + cents(one.netAmount), 0);
  const tax = lines.reduce((sum, one) => sum + cents(one.taxAmount), 0);
  return {
    currency: 'AUD',
    status: 'AUTHORISED',
    ...fields,
    netAmount: money(net),
    taxAmount: money(tax),
    totalAmount: money(net + tax),
    lines: lines.map((one) => ({ ...one, totalAmount: money(cents(one.netAmount) + cents(one.taxAmount)) })),
  };
}

/** Tenants, cache writes and the aggregates' tables, over one test database. */
export class AggregateHarness {
  constructor(readonly db: DataSource) {}

  /** A tenant with a base currency and control accounts. */
  async newTenant(name: string): Promise<TestTenant> {
    const { id: tenantId } = await ensureTenant(this.db, name);
    const [companyId] = (await this.write(tenantId, 'Company', [{ fields: { name, baseCurrency: 'AUD' } }]))
      .ids;
    const control = { ar: randomUUID(), ap: randomUUID(), gst: randomUUID(), gst2: randomUUID() };
    const accounts = Object.entries(control).map(([code, id]) => ({
      id,
      fields: { code, name: code, class: 'ASSET', type: 'CURRENT' },
    }));
    await this.write(tenantId, 'Account', accounts);
    await this.db.query(
      `INSERT INTO account_system_roles (tenant_id, system_account, account_id)
       VALUES ($1, 'DEBTORS', $2), ($1, 'CREDITORS', $3), ($1, 'GST', $4)`,
      [tenantId, control.ar, control.ap, control.gst],
    );
    return { tenantId, companyId, control };
  }

  /** Writes through the cache writer, as the sync does: rows and events in one transaction. */
  write(tenantId: string, type: CacheEntityName, records: CacheRecord[]): Promise<WriteResult> {
    return upsertEntities(this.db.manager, tenantId, type, records, origin);
  }

  /** Both tables of an aggregate, sorted, as text with trailing zeros trimmed ("330.00" = "330"). */
  async tables(tenantId: string, aggregate: WidgetAggregate, manager: EntityManager = this.db.manager) {
    const keys = Object.keys(aggregate.keys);
    const columns = [
      ...keys.map((k) => `${k}::text AS ${k}`),
      ...aggregate.values.map((v) => `trim_scale(${v}::numeric)::text AS ${v}`),
    ].join(', ');
    const read = (table: string, first: string[]) =>
      manager.query(
        `SELECT ${[...first, columns].join(', ')} FROM ${table} WHERE tenant_id = $1
          ORDER BY ${[...first, ...keys].join(', ')}`,
        [tenantId],
      );
    return { docs: await read(aggregate.docTable, ['doc_id']), daily: await read(aggregate.dailyTable, []) };
  }

  /** The aggregate rebuilt from nothing, in a transaction rolled back afterwards. */
  async fromScratch(tenantId: string, aggregate: WidgetAggregate) {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      expect((await rebuildAggregate(runner.manager, tenantId, aggregate)).mode).toBe('full');
      return await this.tables(tenantId, aggregate, runner.manager);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /** Refreshes both aggregates, checks each equals a rebuild row for row, and returns how they refreshed. */
  async refreshAndCompare(tenantId: string, label: string): Promise<RefreshOutcome['mode'][]> {
    const modes: RefreshOutcome['mode'][] = [];
    for (const aggregate of WIDGET_AGGREGATES) {
      modes.push((await refreshAggregate(this.db.manager, tenantId, aggregate)).mode);
      const kept = await this.tables(tenantId, aggregate);
      expect(kept, `${aggregate.name} after ${label}`).toEqual(await this.fromScratch(tenantId, aggregate));
    }
    return modes;
  }
}
