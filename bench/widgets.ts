/**
 * Widget benchmark (not a test): seeds a tenant with N invoices (default 100k) and related data through
 * the cache writer, then times each widget's SQL (the function its resolver calls) over a year of data:
 * - first: the first request (cold; with incrementally maintained aggregates it builds them),
 * - p50 / p95 / max of R sequential requests after it,
 * - with C > 0: p50 / p95 and req/s of C concurrent clients making K requests each,
 * - after a change: one request right after an invoice's date moved (its events must be applied).
 * Run: npx tsx bench/widgets.ts [invoices=100000] [runs=20] [clients=0] [requestsPerClient=3]
 * BENCH_WIDGETS=salesGrowth,accountBalances,... keeps only the widgets whose label starts with one of these.
 * Seeding 100k invoices takes minutes: with BENCH_PG_DIR the embedded Postgres keeps its data there
 * (kept afterwards), and a later run seeds only when tenant org-bench has fewer invoices.
 */
import './production-env.js';
import 'reflect-metadata';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { upsertEntities } from '../src/cache/upsert.js';
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
const clients = Number(process.argv[4] ?? 0);
const perClient = Number(process.argv[5] ?? 3);
const only = process.env.BENCH_WIDGETS?.split(',').filter(Boolean);

const kept = process.env.BENCH_PG_DIR;
const scratch = kept ?? (await mkdtemp(path.join(os.tmpdir(), 'bench-widgets-')));
await chmod(scratch, 0o755);
const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg') });
const db = createDataSource({ url: postgres.url, poolSize: Math.max(20, clients + 4) });
await db.initialize();

const ms = (value: number) => value.toFixed(1);
const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** `clients` loops of `perClient` requests each, all at once: latencies and completed requests per second. */
async function concurrently(work: () => Promise<unknown>) {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i += 1) times.push(await timed(work));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { p50: at(times, 0.5), p95: at(times, 0.95), rps: times.length / seconds };
}

try {
  await runMigrations(db);
  const started = performance.now();
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
  // Cold start: widgets with incrementally maintained sums rebuild them on their first request.
  await db.query(`DO $$ BEGIN
    IF to_regclass('widget_aggregate_state') IS NOT NULL THEN DELETE FROM widget_aggregate_state; END IF;
  END $$`);
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
  // An issued sales invoice dated this year: moving it a day changes the ledger and the sales figures.
  const [changed] = await db.query(
    `SELECT id, transaction_date::text AS date FROM invoices
      WHERE tenant_id = $1 AND type = 'CUSTOMER' AND status = 'AUTHORISED' AND transaction_date >= $2::date
      ORDER BY transaction_date LIMIT 1`,
    [tenant.id, `${span.last.slice(0, 4)}-01-01`],
  );
  let moved = 0;
  const moveInvoice = () => {
    moved += 1;
    const date = new Date(`${changed.date}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + (moved % 2));
    const fields = { transactionDate: date.toISOString().slice(0, 10) };
    return upsertEntities(db.manager, tenant.id, 'Invoice', [{ id: changed.id, fields }], {
      source: 'bench',
    });
  };
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
  const together = clients > 0 ? [`${clients}x p50`, `${clients}x p95`, `${clients}x req/s`] : [];
  const head = ['first ms', 'p50 ms', 'p95 ms', 'max ms', ...together, 'changed ms'];
  console.log(`\n${'widget'.padEnd(40)} ${head.map((h) => h.padStart(11)).join(' ')}`);
  for (const [label, widget, args] of CASES) {
    if (only && !only.some((name) => label.startsWith(name))) continue;
    const request = () => runWidget(db.manager, tenant.id, widget, args);
    const first = await timed(request);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(await timed(request));
    times.sort((a, b) => a - b);
    const cells = [first, at(times, 0.5), at(times, 0.95), at(times, 1)];
    if (clients > 0) {
      const load = await concurrently(request);
      cells.push(load.p50, load.p95, load.rps);
    }
    await moveInvoice();
    cells.push(await timed(request));
    console.log(`${label.padEnd(40)} ${cells.map((cell) => ms(cell).padStart(11)).join(' ')}`);
  }
} finally {
  await db.destroy();
  await postgres.stop();
  if (!kept) await rm(scratch, { recursive: true, force: true });
}
