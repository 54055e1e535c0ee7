/**
 * Widget benchmark (not a test): seeds a tenant with N invoices (default 100k) and related data through
 * the cache writer, then times each widget's SQL (the function its resolver calls) over a year of data:
 * p50 / p95 / max over R runs after one warm-up.
 * Run: npx tsx bench/widgets.ts [invoices=100000] [runs=20]
 * Seeding 100k invoices takes minutes: with BENCH_PG_DIR the embedded Postgres keeps its data there
 * (kept afterwards), and a later run seeds only when tenant org-bench has fewer invoices.
 */
import './production-env.js';
import 'reflect-metadata';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../src/database/data-source.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { seedTenant } from '../src/seed/seed-tenant.js';
import { ensureTenant } from '../src/tenancy/tenancy.service.js';
import type { WidgetArgs } from '../src/widgets/widget-args.input.js';
import { WidgetPeriod } from '../src/widgets/widget-period.js';
import { runWidget, WidgetName } from '../src/widgets/widget-registry.js';

const invoices = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 20);

const kept = process.env.BENCH_PG_DIR;
const scratch = kept ?? (await mkdtemp(path.join(os.tmpdir(), 'bench-widgets-')));
await chmod(scratch, 0o755);
const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg') });
const db = createDataSource({ url: postgres.url });
await db.initialize();
try {
  await runMigrations(db);
  let started = performance.now();
  const [{ n: existing }] = await db.query(
    `SELECT count(*)::int AS n FROM invoices i JOIN tenants t ON t.id = i.tenant_id WHERE t.name = 'org-bench'`,
  );
  if (existing < invoices) {
    await seedTenant(db, { tenant: 'org-bench', scale: invoices, batchSize: 2000 });
    console.log(
      `seeded ${invoices} invoices (and related data) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const tenant = await ensureTenant(db, 'org-bench');
  // The seed has no Xero SystemAccounts: mark receivables, payables and GST by their usual codes.
  await db.query(
    `INSERT INTO account_system_roles (tenant_id, system_account, account_id)
     SELECT $1, v.role, a.id FROM (VALUES ('DEBTORS', '610'), ('CREDITORS', '800'), ('GST', '820')) v(role, code)
       JOIN accounts a ON a.tenant_id = $1 AND a.code = v.code
     ON CONFLICT DO NOTHING`,
    [tenant.id],
  );
  await db.query('ANALYZE');
  const [span] = await db.query(
    `SELECT min(transaction_date)::text AS first, max(transaction_date)::text AS last, count(*)::int AS n,
            (SELECT count(*)::int FROM invoice_lines WHERE tenant_id = $1) AS lines
       FROM invoices WHERE tenant_id = $1`,
    [tenant.id],
  );
  console.log(`invoices ${span.n} (${span.lines} lines) dated ${span.first} .. ${span.last}`);
  const accountIds = (
    await db.query(`SELECT id FROM accounts WHERE tenant_id = $1 AND code IN ('090', '610', '800', '820')`, [
      tenant.id,
    ])
  ).map((row: { id: string }) => row.id);
  const year = { from: `${span.last.slice(0, 4)}-01-01`, to: span.last };
  const CASES: Array<[string, WidgetName, WidgetArgs]> = [
    ['invoiceList (customers, top 10)', WidgetName.INVOICE_LIST, { ...year }],
    ['invoiceSummary', WidgetName.INVOICE_SUMMARY, { ...year }],
    ['salesGrowth (top 5, monthly)', WidgetName.SALES_GROWTH, { ...year, period: WidgetPeriod.MONTH }],
    [
      'accountBalances (4 accounts, monthly)',
      WidgetName.ACCOUNT_BALANCES,
      { ...year, accountIds, period: WidgetPeriod.MONTH },
    ],
    [
      'accountBalances (4 accounts, weekly)',
      WidgetName.ACCOUNT_BALANCES,
      { ...year, accountIds, period: WidgetPeriod.WEEK },
    ],
    ['accountsComparison (4 accounts)', WidgetName.ACCOUNTS_COMPARISON, { accountIds, date: year.to }],
    ['balanceSheet', WidgetName.BALANCE_SHEET, { ...year }],
    ['employeesList (monthly)', WidgetName.EMPLOYEES_LIST, { period: WidgetPeriod.MONTH }],
    ['timesheets (weekly)', WidgetName.TIMESHEETS, { ...year, period: WidgetPeriod.WEEK }],
  ];
  console.log(
    `\n${'widget'.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
  );
  for (const [label, widget, args] of CASES) {
    await runWidget(db.manager, tenant.id, widget, args);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      started = performance.now();
      await runWidget(db.manager, tenant.id, widget, args);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
    console.log(`${label.padEnd(40)} ${at(0.5).padStart(8)} ${at(0.95).padStart(8)} ${at(1).padStart(8)}`);
  }
} finally {
  await db.destroy();
  await postgres.stop();
  if (!kept) await rm(scratch, { recursive: true, force: true });
}
