/**
 * Read benchmark (not a test): seeds 10k invoices, then measures req/s and p50/p95 latency with 16
 * concurrent clients for three typical gateway queries, each against the same data read by hand-written
 * SQL behind a bare node:http handler, and prints the ratios.
 * Run: npx tsx bench/read-queries.ts [invoices=10000] [seconds=10]
 */
import './production-env.js';
import 'reflect-metadata';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { createDataSource } from '../src/database/data-source.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { runMigrations } from '../src/database/migrate.js';
import { startGateway } from '../src/gateway.js';
import { createLogger } from '../src/logger.js';
import { Scope } from '../src/schema/scope.js';
import { seedTenant } from '../src/seed/seed-tenant.js';
import { createApp, ensureTenant } from '../src/tenancy/tenancy.service.js';
import { startRawSqlServer } from './raw-sql-server.js';

const invoices = Number(process.argv[2] ?? 10_000);
const seconds = Number(process.argv[3] ?? 10);
const CONNECTIONS = 16;

const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-read-'));
await chmod(scratch, 0o755);
const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg') });
const seedSource = createDataSource({ url: postgres.url });
await seedSource.initialize();
await runMigrations(seedSource);
let started = performance.now();
await seedTenant(seedSource, { tenant: 'org-bench', scale: invoices });
console.log(
  `seeded ${invoices} invoices (and related data) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
await seedSource.query('ANALYZE');
const tenant = await ensureTenant(seedSource, 'org-bench');
const { apiKey } = await createApp(seedSource, tenant.id, 'bench', [Scope.READ]);
const [organization] = await seedSource.query(
  `SELECT organization_id AS id FROM invoices WHERE tenant_id = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  [tenant.id],
);
await seedSource.destroy();

const config = loadConfig({ DATABASE_URL: postgres.url, PORT: '0', DEMO_MODE: 'false', LOG_LEVEL: 'silent' });
const gateway = await startGateway(config, createLogger('silent'));
const raw = await startRawSqlServer(postgres.url, tenant.id, organization.id);

const QUERIES = {
  'invoice list page with relations': {
    graphql: `{ invoices(first: 50) { nodes { id transactionNumber transactionDate status amount { totalAmount }
      organization { id name } person { id firstName lastName }
      lines { quantity unitPrice item { code name } taxCode { name } } } pageInfo { hasNextPage endCursor } } }`,
    raw: '/invoices',
  },
  'one organization with its invoices': {
    graphql: `{ organization(id: "${organization.id}") { id name invoices(first: 20) { totalCount
      nodes { id transactionNumber status amount { totalAmount } } } } }`,
    raw: '/organization',
  },
  'filtered item search': {
    graphql: `{ items(first: 20, filter: { search: "pro", status: [ACTIVE] }) { nodes { id code name salePrice { netAmount } } } }`,
    raw: '/items',
  },
};

interface Measure {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
}

async function measure(options: autocannon.Options): Promise<Measure> {
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pools, plans
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...options, connections: CONNECTIONS, duration: seconds }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: result.requests.average, p50: at(0.5), p95: at(0.95), errors: result.errors + result.non2xx };
}

const rows: Array<Record<string, string | number>> = [];
for (const [name, query] of Object.entries(QUERIES)) {
  started = performance.now();
  const viaGateway = await measure({
    url: `${gateway.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: query.graphql }),
  });
  const viaSql = await measure({ url: `${raw.url}${query.raw}` });
  rows.push({
    query: name,
    'gateway req/s': Math.round(viaGateway.rps),
    'gateway p50 ms': viaGateway.p50.toFixed(1),
    'gateway p95 ms': viaGateway.p95.toFixed(1),
    'raw SQL req/s': Math.round(viaSql.rps),
    'raw p50 ms': viaSql.p50.toFixed(1),
    'raw p95 ms': viaSql.p95.toFixed(1),
    'req/s ratio (raw/gateway)': (viaSql.rps / viaGateway.rps).toFixed(2),
    'p95 ratio (gateway/raw)': (viaGateway.p95 / Math.max(viaSql.p95, 0.01)).toFixed(2),
    errors: viaGateway.errors + viaSql.errors,
  });
}
console.log(`\n${CONNECTIONS} concurrent clients, ${seconds} s per run, ${invoices} invoices:`);
console.table(rows);

await raw.stop();
await gateway.stop();
await postgres.stop();
await rm(scratch, { recursive: true, force: true });
