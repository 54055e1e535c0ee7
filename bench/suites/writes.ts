/**
 * Writes: `createInvoice` through the gateway beside the same invoice created directly with xero-node,
 * against one emulator process. Latency: N sequential pairs, interleaved, so the gateway's added latency
 * is the difference at the same moment; throughput: `total` mutations with `concurrency` in flight, each
 * way. The gateway runs as its own process.
 */
import '../production-env.js';
import 'reflect-metadata';
import { XeroClient } from 'xero-node';
import { createDataSource } from '../../src/database/data-source.js';
import { ALL_SCOPES } from '../../src/schema/scope.js';
import { createApp, ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { spawnEmulator } from '../support/emulator.js';
import { type GatewayChild, spawnGateway } from '../support/gateway-child.js';
import type { BenchPostgres } from '../support/postgres.js';
import { MiB, quantile, type Row, row, sortedCopy } from '../support/stats.js';

export interface WritesOptions {
  postgres: BenchPostgres;
  sequential: number;
  total: number;
  concurrency: number;
  log?: (message: string) => void;
}

const SUITE = 'writes';
const BASELINE = 'direct xero-node call';
const MUTATION = `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { syncStatus record { id } } }`;

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** `total` calls of `work`, `concurrency` at a time; returns calls per second. */
async function throughput(total: number, concurrency: number, work: (n: number) => Promise<void>) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await work(next++);
    }),
  );
  return total / ((performance.now() - start) / 1000);
}

/** Runs the write benchmark and returns its rows. */
export async function run(options: WritesOptions): Promise<Row[]> {
  const log = options.log ?? (() => {});
  const databaseUrl = await options.postgres.database('bench_writes');
  const emulator = await spawnEmulator(0);
  const db = createDataSource({ url: databaseUrl });
  let gateway: GatewayChild | undefined;
  try {
    gateway = await spawnGateway(databaseUrl, { xero: emulator.settings });
    await db.initialize();
    const url = gateway.ready.url;
    const tenant = await ensureTenant(db, 'org-bench');
    const apiKey = (await createApp(db, tenant.id, 'bench-app', ALL_SCOPES)).apiKey;
    const xeroTenantId = emulator.info.organisations.find(
      (org) => org.name === 'Demo Company (AU)',
    )!.tenantId;
    const tokens = await emulator.tokens([xeroTenantId]);
    await gateway.call('link', { tenantId: tenant.id, xeroTenantId, tokens });
    await gateway.call('trigger', { tenantId: tenant.id });
    const [customer] = await db.query(
      `SELECT id, xero_id FROM organizations WHERE tenant_id = $1 AND status = 'ACTIVE' ORDER BY name LIMIT 1`,
      [tenant.id],
    );
    const [account] = await db.query(`SELECT id FROM accounts WHERE tenant_id = $1 AND code = '200'`, [
      tenant.id,
    ]);

    const viaGateway = async (n: number) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({
          query: MUTATION,
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
      const body = (await response.json()) as { data?: { createInvoice: { syncStatus: string } } };
      if (body.data?.createInvoice.syncStatus !== 'SYNCED')
        throw new Error(`write not synced: ${JSON.stringify(body)}`);
    };
    const xero = new XeroClient({
      clientId: emulator.info.clientId,
      clientSecret: emulator.info.clientSecret,
    });
    xero.accountingApi.basePath = `${emulator.info.url}/api.xro/2.0`;
    xero.setTokenSet({ access_token: tokens.access_token, token_type: 'Bearer' });
    const direct = async (n: number) => {
      await xero.accountingApi.createInvoices(
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
    for (let n = 0; n < 10; n++) {
      await viaGateway(-1 - n); // warm-up: JIT, pools, token cache
      await direct(-1 - n);
    }
    gateway.rss.reset();
    const gatewayMs: number[] = [];
    const directMs: number[] = [];
    for (let n = 0; n < options.sequential; n++) {
      gatewayMs.push(await timed(() => viaGateway(n)));
      directMs.push(await timed(() => direct(n)));
    }
    const gatewayRate = await throughput(options.total, options.concurrency, (n) => viaGateway(100_000 + n));
    const directRate = await throughput(options.total, options.concurrency, (n) => direct(100_000 + n));
    log(`writes: ${gatewayRate.toFixed(1)} vs ${directRate.toFixed(1)} mutations/s`);
    const g = sortedCopy(gatewayMs);
    const d = sortedCopy(directMs);
    const added = sortedCopy(gatewayMs.map((ms, i) => ms - directMs[i]));
    const sequential = `createInvoice, 1 line, ${options.sequential} sequential`;
    const base = { suite: SUITE, baselineName: BASELINE };
    return [
      row({
        ...base,
        scenario: sequential,
        metric: 'p50',
        unit: 'ms',
        gateway: quantile(g, 0.5),
        baseline: quantile(d, 0.5),
        better: 'lower',
      }),
      row({
        ...base,
        scenario: sequential,
        metric: 'p99',
        unit: 'ms',
        gateway: quantile(g, 0.99),
        baseline: quantile(d, 0.99),
        better: 'lower',
      }),
      row({
        ...base,
        scenario: sequential,
        metric: 'added latency p50 (gateway - direct)',
        unit: 'ms',
        gateway: quantile(added, 0.5),
        baseline: null,
        better: 'lower',
      }),
      row({
        ...base,
        scenario: `createInvoice, ${options.total} with ${options.concurrency} in flight`,
        metric: 'mutations/s',
        unit: 'mutations/s',
        gateway: gatewayRate,
        baseline: directRate,
        better: 'higher',
      }),
      row({
        ...base,
        scenario: 'all writes',
        metric: 'peak RSS',
        unit: 'MiB',
        gateway: gateway.rss.peak() / MiB,
        baseline: null,
        baselineName: '-',
        better: 'lower',
      }),
    ];
  } finally {
    if (db.isInitialized) await db.destroy();
    await gateway?.stop();
    await emulator.stop();
  }
}
