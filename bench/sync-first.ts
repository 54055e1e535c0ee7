/**
 * First sync of a large organisation: records per second into the cache, the gateway's peak memory, and
 * Xero calls used against the minimum (pages needed at 1,000 a page). The emulator runs as its own
 * process (as Xero would be), so the RSS measured is the gateway's alone.
 *
 *   npx tsx bench/sync-first.ts [--invoices 100000]
 */
import './production-env.js';
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { startGateway } from '../src/gateway.js';
import { createLogger } from '../src/logger.js';
import { linkXeroConnection } from '../src/sync/connections/xero-connection.service.js';
import { ACCOUNTING_SCOPES } from '../src/sync/xero/xero-scopes.js';
import { ensureTenant } from '../src/tenancy/tenancy.service.js';

const { values } = parseArgs({ options: { invoices: { type: 'string', default: '100000' } } });
const invoices = Number(values.invoices);
const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-sync-'));
await chmod(dir, 0o755);
const readyFile = path.join(dir, 'emulator.json');
const emulatorProcess = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'src/xero-emulator/main.ts',
    '--port',
    '0',
    '--scale',
    String(invoices),
    '--ready-file',
    readyFile,
  ],
  { stdio: 'inherit' },
);
let emulator:
  | {
      url: string;
      clientId: string;
      clientSecret: string;
      webhookKey: string;
      organisations: Array<{ tenantId: string; name: string }>;
    }
  | undefined;
while (!emulator) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  emulator = await readFile(readyFile, 'utf8').then(JSON.parse, () => undefined);
}
// Xero's real limit (60 a minute) would make this a two-minute wait measuring the limit, not the gateway.
await fetch(`${emulator.url}/__emulator/config`, {
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ limits: { perMinute: 100_000, appPerMinute: 100_000, perDay: 100_000 } }),
});
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg') });
const config = loadConfig({
  DATABASE_URL: postgres.url,
  PORT: '0',
  DEMO_MODE: 'false',
  LOG_LEVEL: 'warn',
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  XERO_CALLS_PER_WINDOW: '100000',
  XERO_CALLS_PER_DAY: '100000',
});
const settings = {
  clientId: emulator.clientId,
  clientSecret: emulator.clientSecret,
  apiUrl: emulator.url,
  identityUrl: emulator.url,
  loginUrl: emulator.url,
  webhookKey: emulator.webhookKey,
};
const gateway = await startGateway(config, createLogger('warn'), { xeroSettings: settings, schedule: false });
const db = gateway.services.db;
const organisation = emulator.organisations.find((org) => org.name === 'Demo Company (UK)')!;
const tenant = await ensureTenant(db, 'org-bench');
const tokens = await (
  await fetch(`${emulator.url}/__emulator/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      tenantIds: [organisation.tenantId],
      scopes: ACCOUNTING_SCOPES,
    }),
  })
).json();
await linkXeroConnection(db, gateway.services.sync!.xero, {
  tenantId: tenant.id,
  xeroTenantId: organisation.tenantId,
  tokens,
});
await fetch(`${emulator.url}/__emulator/calls`, { method: 'DELETE' });

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const started = performance.now();
await gateway.services.sync!.scheduler.trigger(tenant.id);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

const [{ n: cachedInvoices }] = await db.query(
  'SELECT count(*)::int AS n FROM invoices WHERE tenant_id = $1',
  [tenant.id],
);
const [{ n: cachedLines }] = await db.query(
  'SELECT count(*)::int AS n FROM invoice_lines WHERE tenant_id = $1',
  [tenant.id],
);
const [{ n: events }] = await db.query('SELECT count(*)::int AS n FROM sync_events WHERE tenant_id = $1', [
  tenant.id,
]);
const calls = (await (await fetch(`${emulator.url}/__emulator/calls`)).json()) as Record<string, number>;
const invoiceCalls = calls['GET /api.xro/2.0/Invoices'] ?? 0;
const totalCalls = Object.values(calls).reduce((a, b) => a + b, 0);
const minimumInvoiceCalls = Math.ceil(cachedInvoices / 1000) + (cachedInvoices % 1000 === 0 ? 1 : 0);
console.log(
  JSON.stringify(
    {
      invoices: cachedInvoices,
      invoiceLines: cachedLines,
      events,
      seconds: Number(seconds.toFixed(1)),
      invoicesPerSecond: Math.round(cachedInvoices / seconds),
      rowsPerSecond: Math.round((cachedInvoices + cachedLines) / seconds),
      peakRssMiB: Math.round(peakRss / 1024 / 1024),
      invoiceCalls,
      minimumInvoiceCalls,
      totalXeroCalls: totalCalls,
    },
    null,
    2,
  ),
);
await gateway.stop();
await postgres.stop();
emulatorProcess.kill('SIGTERM');
await rm(dir, { recursive: true, force: true });
process.exit(0);
