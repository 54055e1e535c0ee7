/**
 * Write benchmark: `npx tsx bench/writes.ts [--sequential N] [--total N] [--concurrency N]`.
 *
 * In one run, against one in-process Xero emulator: (1) N invoices created one at a time through the
 * gateway's `createInvoice` mutation and N created directly with xero-node, interleaved, so the gateway's
 * added latency is the difference of the two on the same machine at the same moment; (2) throughput:
 * `--total` mutations with `--concurrency` in flight. The emulator's rate limits are lifted so the
 * figures measure the gateway, not Xero's 60-a-minute cap (which real Xero would impose).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { XeroClient } from 'xero-node';
import { loadConfig } from '../src/config.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { startGateway } from '../src/gateway.js';
import { createLogger } from '../src/logger.js';
import { ALL_SCOPES } from '../src/schema/scope.js';
import { linkXeroConnection } from '../src/sync/connections/xero-connection.service.js';
import type { OAuthTokenResponse } from '../src/sync/xero/xero-tokens.js';
import { createApp, ensureTenant } from '../src/tenancy/tenancy.service.js';
import { startXeroEmulator } from '../src/xero-emulator/index.js';

const { values: args } = parseArgs({
  options: {
    sequential: { type: 'string', default: '100' },
    total: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '10' },
  },
});
const SEQUENTIAL = Number(args.sequential);
const TOTAL = Number(args.total);
const CONCURRENCY = Number(args.concurrency);

const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-writes-'));
await chmod(scratch, 0o755);
const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg') });
const emulator = await startXeroEmulator({
  seed: 'demo',
  port: 0,
  limits: { perMinute: 1_000_000, perDay: 10_000_000, appPerMinute: 10_000_000, concurrent: 100 },
});
const config = loadConfig({
  DATABASE_URL: postgres.url,
  PORT: '0',
  DEMO_MODE: 'false',
  LOG_LEVEL: 'silent',
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  XERO_CALLS_PER_WINDOW: '10000000',
  XERO_CALLS_PER_DAY: '100000000',
});
const settings = {
  clientId: emulator.clientId,
  clientSecret: emulator.clientSecret,
  apiUrl: emulator.url,
  identityUrl: emulator.url,
  loginUrl: emulator.url,
  webhookKey: emulator.webhookKey,
};
const gateway = await startGateway(config, createLogger('silent'), {
  xeroSettings: settings,
  schedule: false,
});

try {
  const db = gateway.services.db;
  const tenant = await ensureTenant(db, 'bench');
  const apiKey = (await createApp(db, tenant.id, 'bench-app', ALL_SCOPES)).apiKey;
  const xeroTenantId = emulator.organisations.find((org) => org.name === 'Demo Company (AU)')!.tenantId;
  const tokens = (await (
    await fetch(`${emulator.url}/__emulator/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantIds: [xeroTenantId],
        scopes: [
          'offline_access',
          'accounting.transactions',
          'accounting.contacts',
          'accounting.settings',
          'accounting.reports.read',
        ],
      }),
    })
  ).json()) as OAuthTokenResponse;
  await linkXeroConnection(db, gateway.services.sync!.xero, { tenantId: tenant.id, xeroTenantId, tokens });
  await gateway.services.sync!.scheduler.trigger(tenant.id);
  const [customer] = await db.query(
    `SELECT id, xero_id FROM organizations WHERE tenant_id = $1 AND status = 'ACTIVE' ORDER BY name LIMIT 1`,
    [tenant.id],
  );
  const [account] = await db.query(`SELECT id FROM accounts WHERE tenant_id = $1 AND code = '200'`, [
    tenant.id,
  ]);

  const mutation = `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { syncStatus record { id } } }`;
  const viaGateway = async (n: number) => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        query: mutation,
        variables: {
          input: {
            organizationId: customer.id,
            reference: `bench-gw-${n}`,
            status: 'AUTHORISED',
            lines: [{ description: 'Widget', quantity: '2', unitPrice: '10.50', accountId: account.id }],
          },
        },
      }),
    });
    const body = (await response.json()) as {
      data?: { createInvoice: { syncStatus: string } };
      errors?: unknown;
    };
    if (body.data?.createInvoice.syncStatus !== 'SYNCED')
      throw new Error(`write not synced: ${JSON.stringify(body)}`);
  };
  const client = new XeroClient({ clientId: emulator.clientId, clientSecret: emulator.clientSecret });
  client.accountingApi.basePath = `${emulator.url}/api.xro/2.0`;
  client.setTokenSet({ access_token: tokens.access_token, token_type: 'Bearer' });
  const direct = async (n: number) => {
    await client.accountingApi.createInvoices(
      xeroTenantId,
      {
        invoices: [
          {
            type: 'ACCREC' as never,
            status: 'AUTHORISED' as never,
            reference: `bench-direct-${n}`,
            contact: { contactID: customer.xero_id },
            lineItems: [{ description: 'Widget', quantity: 2, unitAmount: 10.5, accountCode: '200' }],
          },
        ],
      },
      true,
      4,
      `bench-direct-${n}`,
    );
  };

  const [connection] = await db.query('SELECT id FROM xero_connections WHERE tenant_id = $1', [tenant.id]);
  const target = { connectionId: connection.id, xeroTenantId, priority: 'interactive' as const };
  // The shared Xero client alone (rate limiter slot + token), to attribute the gateway's overhead.
  const viaXeroApi = async (n: number) => {
    await gateway.services.sync!.xero.api.call(target, (x, t) =>
      x.accountingApi.createInvoices(
        t,
        {
          invoices: [
            {
              type: 'ACCREC' as never,
              status: 'AUTHORISED' as never,
              reference: `bench-api-${n}`,
              contact: { contactID: customer.xero_id },
              lineItems: [{ description: 'Widget', quantity: 2, unitAmount: 10.5, accountCode: '200' }],
            },
          ],
        },
        true,
        4,
        `bench-api-${n}`,
      ),
    );
  };
  const timed = async (work: () => Promise<void>) => {
    const start = performance.now();
    await work();
    return performance.now() - start;
  };
  for (let n = 0; n < 10; n++) {
    await viaGateway(-1 - n); // warm-up: JIT, pools, token cache
    await direct(-1 - n);
  }
  const gatewayMs: number[] = [];
  const directMs: number[] = [];
  const apiMs: number[] = [];
  for (let n = 0; n < SEQUENTIAL; n++) {
    gatewayMs.push(await timed(() => viaGateway(n)));
    directMs.push(await timed(() => direct(n)));
    apiMs.push(await timed(() => viaXeroApi(n)));
  }

  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TOTAL) await viaGateway(100_000 + next++);
    }),
  );
  const seconds = (performance.now() - start) / 1000;

  const pct = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  };
  const row = (name: string, values: number[]) =>
    `${name.padEnd(22)} p50 ${pct(values, 50).toFixed(1).padStart(7)} ms   p95 ${pct(values, 95).toFixed(1).padStart(7)} ms   mean ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(1).padStart(7)} ms`;
  const added = gatewayMs.map((ms, i) => ms - directMs[i]);
  console.log(`\nWrites benchmark (createInvoice, 1 line, AUTHORISED), ${SEQUENTIAL} sequential pairs:`);
  console.log(row('direct xero-node', directMs));
  console.log(row('XeroApi (limiter+token)', apiMs));
  console.log(row('through the gateway', gatewayMs));
  console.log(row('added by the gateway', added));
  console.log(
    `\nThroughput: ${TOTAL} mutations, ${CONCURRENCY} in flight: ${(TOTAL / seconds).toFixed(1)} mutations/s (${seconds.toFixed(2)} s)`,
  );
  const [ops] = await db.query(`SELECT count(*)::int n FROM outbound_ops WHERE status = 'SYNCED'`);
  console.log(`outbound ops SYNCED: ${ops.n}`);
} finally {
  await gateway.stop();
  await emulator.stop();
  await postgres.stop();
  await rm(scratch, { recursive: true, force: true });
}
