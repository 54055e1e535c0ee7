/**
 * Reads: req/s and p50/p99 at 16 clients for typical queries and every widget, each beside the same
 * result read by hand-written SQL through `pg` behind a bare node:http handler; SQL statements per
 * request; the gateway's peak RSS beside the baseline server's. Both servers run as their own processes;
 * the load generator (autocannon) runs in a worker thread of the runner.
 */
import '../production-env.js';
import 'reflect-metadata';
import { createDataSource } from '../../src/database/data-source.js';
import { Scope } from '../../src/schema/scope.js';
import { seedTenant } from '../../src/seed/seed-tenant.js';
import { createApp, ensureTenant } from '../../src/tenancy/tenancy.service.js';
import type { WidgetArgs } from '../../src/widgets/widget-args.input.js';
import { WidgetPeriod } from '../../src/widgets/widget-period.js';
import { WIDGET_FIELD, WidgetName } from '../../src/widgets/widget-registry.js';
import type { RawWidget } from '../raw-sql-server.js';
import { spawnChild } from '../support/child.js';
import { spawnGateway } from '../support/gateway-child.js';
import { startLoadRunner } from '../support/load.js';
import type { BenchPostgres } from '../support/postgres.js';
import { selectAll, widgetType } from '../support/selection.js';
import { MiB, type Row, row } from '../support/stats.js';

export interface ReadsOptions {
  postgres: BenchPostgres;
  /** Invoices in the seeded tenant; one round per scale. */
  scales: number[];
  seconds: number;
  warmupSeconds: number;
  connections?: number;
  log?: (message: string) => void;
}

interface Fixture {
  tenantId: string;
  apiKey: string;
  organizationId: string;
  widgets: RawWidget[];
}

interface ReadQuery {
  name: string;
  graphql: string;
  raw: string;
}

const SUITE = 'reads';
const BASELINE = 'pg + node:http';
// Above autocannon's 10 s default: a request it abandons keeps its query running in Postgres, which
// then slows the next measurement (the heaviest widgets at 100k invoices take seconds under 16 clients).
const TIMEOUT_SECONDS = 120;

/** Seeds a tenant of `scale` invoices and gathers what the queries need. */
async function prepare(databaseUrl: string, scale: number): Promise<Fixture> {
  const db = createDataSource({ url: databaseUrl });
  await db.initialize();
  try {
    await seedTenant(db, { tenant: 'org-bench', scale, batchSize: 2000 });
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
    const { apiKey } = await createApp(db, tenant.id, 'bench', [Scope.READ]);
    const [organization] = await db.query(
      `SELECT organization_id AS id FROM invoices WHERE tenant_id = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      [tenant.id],
    );
    const [span] = await db.query(
      'SELECT max(transaction_date)::text AS last FROM invoices WHERE tenant_id = $1',
      [tenant.id],
    );
    const accountIds: string[] = (
      await db.query(
        `SELECT id FROM accounts WHERE tenant_id = $1 AND code IN ('090', '610', '800', '820')`,
        [tenant.id],
      )
    ).map((found: { id: string }) => found.id);
    return {
      tenantId: tenant.id,
      apiKey,
      organizationId: organization.id,
      widgets: widgetCases(span.last, accountIds),
    };
  } finally {
    await db.destroy();
  }
}

/** Every widget over the last year of the data (as a dashboard shows it). */
function widgetCases(last: string, accountIds: string[]): RawWidget[] {
  const year = { from: `${last.slice(0, 4)}-01-01`, to: last };
  const args: Record<WidgetName, WidgetArgs> = {
    INVOICE_LIST: { ...year },
    INVOICE_SUMMARY: { ...year },
    SALES_GROWTH: { ...year, period: WidgetPeriod.MONTH },
    ACCOUNT_BALANCES: { ...year, accountIds, period: WidgetPeriod.MONTH },
    ACCOUNTS_COMPARISON: { accountIds, date: year.to },
    BALANCE_SHEET: { ...year },
    EMPLOYEES_LIST: { period: WidgetPeriod.MONTH },
    TIMESHEETS: { ...year, period: WidgetPeriod.WEEK },
  };
  return Object.values(WidgetName).map((name) => ({ name, field: WIDGET_FIELD[name], args: args[name] }));
}

function graphqlArgs(args: WidgetArgs): string {
  const parts = Object.entries(args).map(([key, value]) => {
    if (key === 'period') return `${key}: ${value}`;
    return `${key}: ${JSON.stringify(value)}`;
  });
  return parts.length ? `(${parts.join(', ')})` : '';
}

function queries(fixture: Fixture): ReadQuery[] {
  return [
    {
      name: 'invoice list page with relations',
      graphql: `{ invoices(first: 50) { nodes { id transactionNumber transactionDate status amount { totalAmount }
        organization { id name } person { id firstName lastName }
        lines { quantity unitPrice item { code name } taxCode { name } } } pageInfo { hasNextPage endCursor } } }`,
      raw: '/invoices',
    },
    {
      name: 'one organization with its invoices',
      graphql: `{ organization(id: "${fixture.organizationId}") { id name invoices(first: 20) { totalCount
        nodes { id transactionNumber status amount { totalAmount } } } } }`,
      raw: '/organization',
    },
    {
      name: 'item search',
      graphql: `{ items(first: 20, filter: { search: "pro", status: [ACTIVE] }) { nodes { id code name salePrice { netAmount } } } }`,
      raw: '/items',
    },
    ...fixture.widgets.map((widget) => ({
      name: `widget ${widget.field}`,
      graphql: `{ widgets { baseCurrency ${widget.field}${graphqlArgs(widget.args)} ${selectAll(widgetType(widget.field))} } }`,
      raw: `/widget/${widget.name}`,
    })),
  ];
}

/** One request each way: both must succeed; returns the SQL statements each issued. */
async function check(gatewayUrl: string, rawUrl: string, apiKey: string, query: ReadQuery) {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: query.graphql }),
  });
  const body = (await response.json()) as { errors?: unknown; extensions?: { sqlStatements?: number } };
  if (!response.ok || body.errors) throw new Error(`${query.name}: ${JSON.stringify(body).slice(0, 500)}`);
  const raw = await fetch(`${rawUrl}${query.raw}`);
  const rawBody = (await raw.json()) as { data?: { sqlStatements?: number } };
  if (!raw.ok) throw new Error(`${query.name} (raw): ${raw.status}`);
  return { gateway: body.extensions?.sqlStatements ?? Number.NaN, raw: rawBody.data?.sqlStatements ?? 1 };
}

/** Runs the read benchmark at each scale and returns its rows. */
export async function run(options: ReadsOptions): Promise<Row[]> {
  const log = options.log ?? (() => {});
  const connections = options.connections ?? 16;
  const rows: Row[] = [];
  for (const scale of options.scales) {
    const label = `${scale / 1000}k invoices`;
    const databaseUrl = await options.postgres.database(`bench_reads_${scale}`);
    let started = performance.now();
    const fixture = await prepare(databaseUrl, scale);
    log(`reads: seeded ${scale} invoices in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const gateway = await spawnGateway(databaseUrl);
    const raw = await spawnChild<{ url: string }>('bench/support/raw-sql-process.ts', {
      BENCH_RAW: JSON.stringify({ databaseUrl, ...fixture }),
    });
    const load = startLoadRunner();
    try {
      gateway.rss.reset();
      raw.rss.reset();
      for (const query of queries(fixture)) {
        started = performance.now();
        const statements = await check(gateway.ready.url, raw.ready.url, fixture.apiKey, query);
        const viaGateway = await load.measure(
          {
            url: `${gateway.ready.url}/graphql`,
            timeout: TIMEOUT_SECONDS,
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${fixture.apiKey}` },
            body: JSON.stringify({ query: query.graphql }),
          },
          connections,
          options.seconds,
          options.warmupSeconds,
        );
        const viaSql = await load.measure(
          { url: `${raw.ready.url}${query.raw}`, timeout: TIMEOUT_SECONDS },
          connections,
          options.seconds,
          options.warmupSeconds,
        );
        const scenario = `${query.name} (${label})`;
        const failures = viaGateway.failures + viaSql.failures;
        const note = failures ? `${failures} failed requests` : undefined;
        const base = { suite: SUITE, scenario, baselineName: BASELINE, note };
        rows.push(
          row({
            ...base,
            metric: 'req/s',
            unit: 'req/s',
            gateway: viaGateway.rps,
            baseline: viaSql.rps,
            better: 'higher',
          }),
          row({
            ...base,
            metric: 'p50',
            unit: 'ms',
            gateway: viaGateway.p50,
            baseline: viaSql.p50,
            better: 'lower',
          }),
          row({
            ...base,
            metric: 'p99',
            unit: 'ms',
            gateway: viaGateway.p99,
            baseline: viaSql.p99,
            better: 'lower',
          }),
          row({
            ...base,
            metric: 'SQL statements / request',
            unit: 'statements',
            gateway: statements.gateway,
            baseline: statements.raw,
            better: 'lower',
          }),
        );
        log(
          `reads: ${scenario}: ${viaGateway.rps.toFixed(0)} vs ${viaSql.rps.toFixed(0)} req/s ` +
            `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
      rows.push(
        row({
          suite: SUITE,
          scenario: `all reads (${label})`,
          metric: 'peak RSS',
          unit: 'MiB',
          gateway: gateway.rss.peak() / MiB,
          baseline: raw.rss.peak() / MiB,
          baselineName: 'baseline server process',
          better: 'lower',
        }),
      );
    } finally {
      await Promise.all([gateway.stop(), raw.stop(), load.stop()]);
    }
  }
  return rows;
}
