/**
 * Sync: the first sync of an organisation with N extra invoices (with lines) from the emulator, in records
 * per second into the cache, beside a raw multi-row `INSERT ... ON CONFLICT` of the same rows; Xero calls
 * used beside the minimum; an incremental sync with nothing changed (one call per entity type). The
 * gateway and the emulator each run as their own process.
 */
import '../production-env.js';
import 'reflect-metadata';
import pg from 'pg';
import { createDataSource } from '../../src/database/data-source.js';
import { ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { spawnEmulator } from '../support/emulator.js';
import { type GatewayChild, spawnGateway } from '../support/gateway-child.js';
import type { BenchPostgres } from '../support/postgres.js';
import { rawUpsertSeconds } from '../support/raw-insert.js';
import { MiB, type Row, row } from '../support/stats.js';

export interface SyncOptions {
  postgres: BenchPostgres;
  /** Extra invoices per emulator organisation. */
  invoices: number;
  log?: (message: string) => void;
}

const SUITE = 'sync';
const PAGE_SIZE = 1000;

const sum = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

/** Runs the sync benchmark and returns its rows. */
export async function run(options: SyncOptions): Promise<Row[]> {
  const log = options.log ?? (() => {});
  const databaseUrl = await options.postgres.database('bench_sync');
  let started = performance.now();
  const emulator = await spawnEmulator(options.invoices);
  log(`sync: emulator seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const db = createDataSource({ url: databaseUrl });
  const client = new pg.Client({ connectionString: databaseUrl });
  let gateway: GatewayChild | undefined;
  try {
    gateway = await spawnGateway(databaseUrl, { xero: emulator.settings });
    await db.initialize();
    await client.connect();
    const organisation = emulator.info.organisations.find((org) => org.name === 'Demo Company (UK)')!;
    const tenant = await ensureTenant(db, 'org-bench');
    const tokens = await emulator.tokens([organisation.tenantId]);
    await gateway.call('link', { tenantId: tenant.id, xeroTenantId: organisation.tenantId, tokens });
    await emulator.resetCalls();
    gateway.rss.reset();
    started = performance.now();
    await gateway.call('trigger', { tenantId: tenant.id });
    const seconds = (performance.now() - started) / 1000;
    const peakRss = gateway.rss.peak();
    const firstCalls = await emulator.calls();
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM invoices WHERE tenant_id = $1) AS invoices,
              (SELECT count(*)::int FROM invoice_lines WHERE tenant_id = $1) AS lines`,
      [tenant.id],
    );
    log(`sync: first sync of ${counts.invoices} invoices in ${seconds.toFixed(1)} s`);

    await emulator.resetCalls();
    await gateway.call('trigger', { tenantId: tenant.id });
    const incrementalCalls = await emulator.calls();

    const rawSeconds =
      (await rawUpsertSeconds(client, 'invoices', tenant.id)) +
      (await rawUpsertSeconds(client, 'invoice_lines', tenant.id));
    const records = counts.invoices + counts.lines;
    const invoiceCalls = firstCalls['GET /api.xro/2.0/Invoices'] ?? 0;
    // Paging stops at the first short page: an exact multiple of the page size costs one empty page more.
    const minimumInvoiceCalls = Math.floor(counts.invoices / PAGE_SIZE) + 1;
    const entityTypes = Object.keys(firstCalls).filter((call) => call.startsWith('GET ')).length;
    const scenario = `first sync, ${counts.invoices.toLocaleString('en-US')} invoices + ${counts.lines.toLocaleString('en-US')} lines`;
    return [
      row({
        suite: SUITE,
        scenario,
        metric: 'invoice + line rows/s into the cache',
        unit: 'rows/s',
        gateway: records / seconds,
        baseline: records / rawSeconds,
        baselineName: 'multi-row INSERT ... ON CONFLICT via pg',
        better: 'higher',
        note: 'gateway: Xero paging over HTTP, mapping, all entity types',
      }),
      row({
        suite: SUITE,
        scenario,
        metric: 'Xero calls for invoices',
        unit: 'calls',
        gateway: invoiceCalls,
        baseline: minimumInvoiceCalls,
        baselineName: `minimum (${PAGE_SIZE} a page)`,
        better: 'lower',
      }),
      row({
        suite: SUITE,
        scenario,
        metric: 'Xero calls, all entity types',
        unit: 'calls',
        gateway: sum(firstCalls),
        baseline: null,
        baselineName: '-',
        better: 'lower',
      }),
      row({
        suite: SUITE,
        scenario,
        metric: 'peak RSS',
        unit: 'MiB',
        gateway: peakRss / MiB,
        baseline: null,
        baselineName: '-',
        better: 'lower',
      }),
      row({
        suite: SUITE,
        scenario: 'incremental sync, nothing changed',
        metric: 'Xero calls',
        unit: 'calls',
        gateway: sum(incrementalCalls),
        baseline: entityTypes,
        baselineName: 'one per entity type synced',
        better: 'lower',
      }),
    ];
  } finally {
    await client.end().catch(() => {});
    if (db.isInitialized) await db.destroy();
    await gateway?.stop();
    await emulator.stop();
  }
}
