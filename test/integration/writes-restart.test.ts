import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Gateway, startGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';
import { ALL_SCOPES } from '../../src/schema/scope.js';
import { linkXeroConnection } from '../../src/sync/connections/xero-connection.service.js';
import type { OutboundOptions } from '../../src/sync/outbound/outbound-pipeline.js';
import { createApp, ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { createTestDatabase } from '../support/database.js';
import { type GatewayProcess, spawnGateway, waitFor } from '../support/process.js';
import {
  emulatorSettings,
  emulatorTokens,
  FAST_OUTBOUND,
  GATEWAY_ENV,
  xeroClient,
} from './writes-harness.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

const CREATE_INVOICE = `mutation ($input: InvoiceInput!) {
  createInvoice(input: $input) { syncStatus operationId record { id } }
}`;

/** An emulator, a database linked to its AU organisation and synced once, and ways to run gateways on it. */
async function setUp() {
  const emulator = await startXeroEmulator({
    today: REFERENCE_TODAY,
    seed: 'demo',
    port: 0,
    limits: { perMinute: 100_000, concurrent: 50 },
  });
  cleanups.push(() => emulator.stop());
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const env = {
    DATABASE_URL: database.url,
    PORT: '0',
    DEMO_MODE: 'false',
    NODE_ENV: 'test',
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...GATEWAY_ENV,
  };
  const settings = emulatorSettings(emulator);
  const inProcess = async (outbound: Partial<OutboundOptions> = FAST_OUTBOUND): Promise<Gateway> => {
    const gateway = await startGateway(loadConfig({ ...env, LOG_LEVEL: 'silent' }), createLogger('silent'), {
      xeroSettings: settings,
      schedule: false,
      outbound,
    });
    cleanups.push(() => gateway.stop());
    return gateway;
  };
  /** A real gateway process with the default outbound timings (a lease of minutes). */
  const child = async (): Promise<GatewayProcess & { url: string }> => {
    const process = spawnGateway({
      ...env,
      LOG_LEVEL: 'info',
      XERO_CLIENT_ID: settings.clientId,
      XERO_CLIENT_SECRET: settings.clientSecret,
      XERO_API_URL: settings.apiUrl,
      XERO_IDENTITY_URL: settings.identityUrl,
      XERO_LOGIN_URL: settings.loginUrl,
      XERO_WEBHOOK_KEY: settings.webhookKey!,
      SYNC_INTERVAL_MS: '3600000',
    });
    cleanups.push(async () => process.child.kill('SIGKILL'));
    const url = await waitFor(
      () => /"graphqlUrl":"([^"]+)"/.exec(process.output())?.[1],
      60_000,
      () => process.output(),
    );
    return { ...process, url };
  };
  const faults = (spec?: object) =>
    fetch(`${emulator.url}/__emulator/faults`, {
      method: spec ? 'POST' : 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: spec ? JSON.stringify(spec) : undefined,
    });

  // Set-up through a first gateway: tenant, app key, Xero link, first sync.
  const setup = await inProcess();
  const db = setup.services.db;
  const tenant = await ensureTenant(db, 'acme');
  const apiKey = (await createApp(db, tenant.id, 'shop', ALL_SCOPES)).apiKey;
  const xeroTenantId = emulator.organisations.find((org) => org.name === 'Demo Company (AU)')!.tenantId;
  const tokens = await emulatorTokens(emulator, xeroTenantId);
  await linkXeroConnection(db, setup.services.sync!.xero, { tenantId: tenant.id, xeroTenantId, tokens });
  await setup.services.sync!.scheduler.trigger(tenant.id);
  const [customer] = await db.query(
    `SELECT id FROM organizations WHERE tenant_id = $1 AND status = 'ACTIVE' LIMIT 1`,
    [tenant.id],
  );
  await setup.stop();

  const createInvoice = async (url: string, reference: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        query: CREATE_INVOICE,
        variables: {
          input: {
            organizationId: customer.id,
            reference,
            lines: [{ description: 'Widget', quantity: '1', unitPrice: '10' }],
          },
        },
      }),
    });
    return (await response.json()) as {
      data?: { createInvoice: { syncStatus: string; operationId: string } };
      errors?: unknown;
    };
  };
  /** The invoice is in Xero exactly once, and SYNCED in the cache with Xero's id. */
  const expectExactlyOnce = async (gateway: Gateway, reference: string) => {
    const { body } = await xeroClient(emulator, tokens).accountingApi.getInvoices(
      xeroTenantId,
      undefined,
      `Reference=="${reference}"`,
    );
    expect(body.invoices).toHaveLength(1);
    const rows = await gateway.services.db.query(
      'SELECT sync_status, xero_id FROM invoices WHERE reference = $1',
      [reference],
    );
    expect(rows).toEqual([{ sync_status: 'SYNCED', xero_id: body.invoices![0].invoiceID }]);
  };
  const opsOf = (gateway: Gateway) =>
    gateway.services.db.query(
      'SELECT status, attempts, claimed_by FROM outbound_ops ORDER BY seq',
    ) as Promise<Array<{ status: string; attempts: number; claimed_by: string | null }>>;
  return { inProcess, child, faults, createInvoice, expectExactlyOnce, opsOf, database };
}

/** Xero holds the next invoice create for `ms`, then fails it: a push that is in flight for a while. */
const SLOW_THEN_FAILING = (ms: number) => [
  { kind: 'latency', latencyMs: ms, count: 1, method: 'PUT', pathPattern: '^/api\\.xro/2\\.0/Invoices' },
  { kind: 'error', status: 503, count: 1, method: 'PUT', pathPattern: '^/api\\.xro/2\\.0/Invoices' },
];

describe('writes survive the gateway process', () => {
  it('pushes a PENDING invoice exactly once after the gateway was killed and another started', async () => {
    const { inProcess, child, faults, createInvoice, expectExactlyOnce, opsOf } = await setUp();
    // A real gateway process, while Xero fails every call.
    await faults({ kind: 'error', status: 503 });
    const first = await child();
    const references = ['killed-1', 'killed-2'];
    for (const reference of references) {
      const body = await createInvoice(first.url, reference);
      expect(body.errors).toBeUndefined();
      expect(body.data?.createInvoice.syncStatus).toBe('PENDING');
    }
    first.child.kill('SIGKILL');
    await first.exited;

    // Xero recovers; a new gateway on the same database finishes the work.
    await faults();
    const second = await inProcess();
    await waitFor(
      async () => ((await opsOf(second)).every((op) => op.status === 'SYNCED') ? true : undefined),
      30_000,
      () => 'ops still pending',
    );
    for (const reference of references) await expectExactlyOnce(second, reference);
  }, 180_000);

  it('takes over a write held by a killed process within seconds, not after its lease of minutes', async () => {
    const { inProcess, child, faults, createInvoice, expectExactlyOnce, opsOf } = await setUp();
    for (const fault of SLOW_THEN_FAILING(60_000)) await faults(fault);
    const first = await child();
    // The mutation's own push is in flight (Xero holds it) when the process dies: the op stays claimed
    // by it, with the default lease of 2 minutes.
    const answer = createInvoice(first.url, 'held-by-the-dead').catch(() => undefined);
    const second = await inProcess({ ...FAST_OUTBOUND, presumedDeadAfterMs: 8000 });
    await waitFor(
      async () => ((await opsOf(second))[0]?.claimed_by ? true : undefined),
      30_000,
      () => 'the first process never claimed the op',
    );
    first.child.kill('SIGKILL');
    await first.exited;
    await answer;
    await faults();

    const killedAt = Date.now();
    await waitFor(
      async () => ((await opsOf(second))[0]?.status === 'SYNCED' ? true : undefined),
      30_000,
      () => 'the op was not taken over',
    );
    const tookOverMs = Date.now() - killedAt;
    console.log(`write held by a killed process landed ${tookOverMs} ms after the kill (lease: 120000 ms)`);
    expect(tookOverMs).toBeLessThan(60_000);
    expect((await opsOf(second))[0]).toMatchObject({ attempts: 2, claimed_by: null });
    await expectExactlyOnce(second, 'held-by-the-dead');
  }, 180_000);

  it('leaves a write held by a live process alone until that process settles it', async () => {
    const { inProcess, faults, createInvoice, expectExactlyOnce, opsOf } = await setUp();
    for (const fault of SLOW_THEN_FAILING(16_000)) await faults(fault);
    const holder = await inProcess({ ...FAST_OUTBOUND, heartbeatMs: 200, mutationDeadlineMs: 25_000 });
    // 8 s of silence (40 missed beats) makes a process dead. With 3 s, CI once saw the watcher take the op
    // over, which it does only when no beat reached Postgres for 3 s: a loaded machine can stall that long.
    const watcher = await inProcess({ ...FAST_OUTBOUND, heartbeatMs: 200, presumedDeadAfterMs: 8000 });
    const answer = createInvoice(`${holder.url}/graphql`, 'held-by-the-living');
    // For the 16 s Xero holds the push, the watcher polls every 100 ms and must not take the op over. It
    // looks after 12 s: past the 8 s at which a holder that beat only once, at its start, would have
    // lost the op, and before the hold ends even when a loaded machine fires the timer late.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    expect((await opsOf(watcher))[0]).toMatchObject({ status: 'PENDING', attempts: 1 });
    // Xero fails the held push; the holder's in-line retry lands it. The watcher never claimed it.
    const body = await answer;
    expect(body.data?.createInvoice.syncStatus).toBe('SYNCED');
    expect((await opsOf(watcher))[0]).toMatchObject({ status: 'SYNCED', attempts: 1 });
    await faults();
    await expectExactlyOnce(watcher, 'held-by-the-living');
  }, 180_000);
});
