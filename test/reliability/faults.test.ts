import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Gateway, startGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';
import { ALL_SCOPES, Scope } from '../../src/schema/scope.js';
import { linkXeroConnection } from '../../src/sync/connections/xero-connection.service.js';
import { createApp, ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import {
  emulatorSettings,
  emulatorTokens,
  FAST_OUTBOUND,
  GATEWAY_ENV,
} from '../integration/writes-harness.js';
import {
  type ChildGateway,
  emulatorEnv,
  resilientSubscriber,
  startChildGateway,
} from '../support/gateway-children.js';
import { waitFor } from '../support/process.js';
import { recordFigures } from '../support/reliability-figures.js';
import { startRestartablePostgres } from '../support/restartable-postgres.js';

const AU = 'Demo Company (AU)';
const CREATE = `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { syncStatus record { id } } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}, 60_000);

type Outcome = 'accepted' | 'rejected' | 'unknown';

describe('faults: processes killed, Postgres restarted, Xero failing', () => {
  it('loses no accepted write, duplicates none, and every resuming subscriber sees every event once', async (context) => {
    let faults = 0;
    const postgres = await startRestartablePostgres();
    cleanups.push(() => postgres.destroy());
    const databaseUrl = await postgres.createMigratedDatabase('gateway');

    const emulator = await startXeroEmulator({
      today: REFERENCE_TODAY,
      seed: 'demo',
      port: 0,
      scale: 250,
      limits: { perMinute: 100_000, perDay: 1_000_000, concurrent: 50 },
    });
    cleanups.push(() => emulator.stop());
    const fault = async (spec: Record<string, unknown>) => {
      faults += 1;
      await fetch(`${emulator.url}/__emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(spec),
      });
    };
    const clearFaults = () => fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
    const env = {
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SYNC_INTERVAL_MS: '3600000',
      ...GATEWAY_ENV,
    };

    // An in-process gateway that lives through everything: it hosts a subscriber and must itself
    // reconnect its pool and its LISTEN connection when Postgres restarts.
    const survivor: Gateway = await startGateway(
      loadConfig({ ...env, PORT: '0', DEMO_MODE: 'false', LOG_LEVEL: 'silent' }),
      createLogger('silent'),
      { xeroSettings: emulatorSettings(emulator), schedule: false, outbound: FAST_OUTBOUND },
    );
    cleanups.push(() => survivor.stop());
    const db = survivor.services.db;
    const tenant = await ensureTenant(db, 'acme');
    const writerKey = (await createApp(db, tenant.id, 'shop', ALL_SCOPES)).apiKey;
    const listenerKey = (await createApp(db, tenant.id, 'crm', [Scope.READ, Scope.SUBSCRIBE])).apiKey;
    const xeroTenantId = emulator.organisations.find((org) => org.name === AU)!.tenantId;
    const tokens = await emulatorTokens(emulator, xeroTenantId);
    await linkXeroConnection(db, survivor.services.sync!.xero, { tenantId: tenant.id, xeroTenantId, tokens });

    const childEnv = { ...env, ...emulatorEnv(emulator), LOG_LEVEL: 'info' };
    let children: ChildGateway[] = [];
    const spawnChild = async (name: string) => {
      const child = await startChildGateway(name, childEnv);
      children.push(child);
      cleanups.push(() => child.kill());
      return child;
    };
    let current = await spawnChild('child-1');

    // Subscribers from the very first event: one on the survivor, one following whichever child is alive.
    const onSurvivor = resilientSubscriber(() => survivor.url, listenerKey);
    const onChildren = resilientSubscriber(() => current.url, listenerKey);
    cleanups.push(() => onSurvivor.stop());
    cleanups.push(() => onChildren.stop());

    // 1. kill -9 mid-sync: Xero is slow, the child syncs; it dies after a few entities committed.
    // 1.5 s a call leaves the remaining entity types ~10 s of syncing after the first organizations land,
    // so the kill lands mid-sync even on a loaded machine.
    await fault({ kind: 'latency', latencyMs: 1500, durationMs: 60_000 });
    void post(current.url, writerKey, 'mutation { triggerSync(full: true) }').catch(() => undefined);
    // Mid-sync: some entities committed and another entity's run open (between two entities, for a few
    // milliseconds, none is: so wait for one rather than look once).
    await waitFor(
      async () =>
        (await count(db, `SELECT count(*) n FROM organizations WHERE status = 'ACTIVE'`)) > 0 &&
        (await count(db, 'SELECT count(*) n FROM sync_runs WHERE finished_at IS NULL')) > 0
          ? true
          : undefined,
      60_000,
      () => 'the child never got mid-sync',
    );
    await current.kill();
    faults += 1;
    await clearFaults();
    current = await spawnChild('child-2');

    // 2. An app writes invoices while Xero fails in every way, and its gateway is killed mid-write.
    const [customer] = await db.query(
      `SELECT id FROM organizations WHERE tenant_id = $1 AND status = 'ACTIVE' LIMIT 1`,
      [tenant.id],
    );
    expect(customer).toBeDefined();
    const outcomes = new Map<string, Outcome>();
    let writing = true;
    let sequence = 0;
    const writer = async () => {
      const deadline = Date.now() + 90_000;
      while (writing && Date.now() < deadline) {
        sequence += 1;
        const reference = `rel-${sequence}`;
        outcomes.set(reference, 'unknown');
        outcomes.set(reference, await writeInvoice(current.url, writerKey, customer.id, reference));
        await sleep(50);
      }
    };
    const writers = [writer(), writer()];
    await sleep(1000);
    await fault({ kind: 'error', status: 503, count: 3, pathPattern: 'Invoices' });
    await sleep(800);
    await fault({ kind: 'rate-limit', count: 2, retryAfterSeconds: 1, pathPattern: 'Invoices' });
    await sleep(800);
    await fault({ kind: 'latency', latencyMs: 4000, count: 2, pathPattern: 'Invoices' }); // > XERO_TIMEOUT_MS
    await sleep(800);
    await fault({ kind: 'drop', count: 2, pathPattern: 'Invoices' });
    await sleep(1500);
    await current.kill(); // mid-write: requests in flight, ops maybe claimed
    faults += 1;
    current = await spawnChild('child-3');
    await sleep(1500);

    // 3. Postgres restarts under the survivor, the child, the writers and the subscribers.
    await postgres.stop();
    await sleep(1000);
    await postgres.start();
    faults += 1;
    await waitFor(
      async () => ((await ready(survivor.url)) && (await ready(current.url)) ? true : undefined),
      30_000,
      () => 'gateways did not reconnect to Postgres',
    );
    await sleep(2000); // writes after the restart, through reconnected pools
    writing = false;
    await Promise.all(writers);
    expect(current.child.exitCode).toBeNull(); // the child survived the restart

    // 4. Xero recovers: outbound retries finish, a sync catches the cache up.
    await clearFaults();
    await waitFor(
      async () =>
        (await count(db, `SELECT count(*) n FROM outbound_ops WHERE status = 'PENDING'`)) === 0
          ? true
          : undefined,
      // An op claimed by the killed process is taken over once its heartbeat is 20 s stale.
      90_000,
      () => 'outbound ops still pending',
    ).catch(async (error) => {
      const ops = await db.query(`SELECT * FROM outbound_ops WHERE status = 'PENDING'`);
      throw new Error(
        `${error.message}: ${JSON.stringify(ops).slice(0, 3000)}\n${current.output().slice(-3000)}`,
      );
    });
    await waitFor(async () => true, 1000);
    await survivor.services.sync!.scheduler.trigger(tenant.id);

    // The cache equals the emulator: counts per entity and a sample of invoices field by field.
    const state = (await (await fetch(`${emulator.url}/__emulator/state`)).json()) as {
      organisations: Array<{ name: string; counts: Record<string, number> }>;
    };
    const inXero = state.organisations.find((org) => org.name === AU)!.counts;
    const cached = {
      items: await count(db, 'SELECT count(*) n FROM items WHERE tenant_id = $1', [tenant.id]),
      invoices: await count(
        db,
        'SELECT count(*) n FROM invoices WHERE tenant_id = $1 AND xero_id IS NOT NULL',
        [tenant.id],
      ),
      creditNotes: await count(db, 'SELECT count(*) n FROM credit_notes WHERE tenant_id = $1', [tenant.id]),
      payments: await count(db, 'SELECT count(*) n FROM payments WHERE tenant_id = $1', [tenant.id]),
      employees: await count(db, 'SELECT count(*) n FROM employees WHERE tenant_id = $1', [tenant.id]),
    };
    expect(cached).toEqual({
      items: inXero.items,
      invoices: inXero.invoices,
      creditNotes: inXero.creditNotes,
      payments: inXero.payments,
      employees: inXero.employees,
    });
    const xero = await xeroInvoices(emulator.url, tokens.access_token, xeroTenantId);
    expect(
      await count(db, 'SELECT count(*) n FROM invoices WHERE tenant_id = $1 AND xero_id IS NULL', [
        tenant.id,
      ]),
    ).toBe(0);
    const sample = await db.query(
      `SELECT xero_id, status, reference, total_amount AS total FROM invoices
        WHERE tenant_id = $1 ORDER BY md5(xero_id::text) LIMIT 25`,
      [tenant.id],
    );
    for (const row of sample) {
      const remote = xero.get(row.xero_id);
      expect(remote, `invoice ${row.xero_id}`).toBeDefined();
      expect({ status: row.status, reference: row.reference ?? '', total: Number(row.total) }).toEqual({
        status: expect.any(String),
        reference: remote!.Reference ?? '',
        total: Number(remote!.Total),
      });
    }

    // Every accepted write is in Xero exactly once; the others at most once.
    const byReference = new Map<string, number>();
    for (const invoice of xero.values()) {
      if (invoice.Reference)
        byReference.set(invoice.Reference, (byReference.get(invoice.Reference) ?? 0) + 1);
    }
    const accepted = [...outcomes].filter(([, outcome]) => outcome === 'accepted').map(([ref]) => ref);
    const foundOnce = accepted.filter((ref) => byReference.get(ref) === 1);
    expect(accepted.length).toBeGreaterThan(5);
    expect(accepted.filter((ref) => byReference.get(ref) !== 1)).toEqual([]);
    expect([...outcomes.keys()].filter((ref) => (byReference.get(ref) ?? 0) > 1)).toEqual([]);
    expect(
      [...outcomes]
        .filter(([ref, outcome]) => outcome === 'rejected' && byReference.has(ref))
        .map(([ref]) => ref),
    ).toEqual([]);

    // Every subscriber that resumed from its cursor has every event, once, in order.
    const expected = (
      await db.query(
        'SELECT seq::text AS seq FROM sync_events WHERE tenant_id = $1 ORDER BY sync_events.seq',
        [tenant.id],
      )
    ).map((row: { seq: string }) => row.seq);
    for (const subscriber of [onSurvivor, onChildren]) {
      await waitFor(
        () => (subscriber.cursors.length >= expected.length ? true : undefined),
        30_000,
        () => `subscriber has ${subscriber.cursors.length} of ${expected.length} events`,
      );
      await subscriber.stop();
      expect(subscriber.cursors).toEqual(expected);
    }
    expect(onChildren.reconnects).toBeGreaterThanOrEqual(2); // it really lost two gateways
    children = [];

    console.info(
      `faults: ${faults} injected; writes ${accepted.length} accepted, ${foundOnce.length} in Xero once, ` +
        `${[...outcomes.values()].filter((o) => o !== 'accepted').length} refused or unanswered; ` +
        `events ${expected.length} x 2 subscribers (reconnects ${onSurvivor.reconnects}, ${onChildren.reconnects})`,
    );
    recordFigures(context, {
      faultsInjected: faults,
      writesAccepted: accepted.length,
      writesFoundInXero: foundOnce.length,
      eventsExpected: expected.length * 2,
      eventsReceived: onSurvivor.cursors.length + onChildren.cursors.length,
    });
  }, 330_000);
});

async function count(db: Gateway['services']['db'], sql: string, params: unknown[] = []): Promise<number> {
  const rows: Array<{ n: string }> = await db.query(sql, params);
  return Number(rows[0].n);
}

async function post(url: string, apiKey: string, query: string, variables?: unknown) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, any>; errors?: Array<Record<string, any>> },
  };
}

/**
 * accepted: the gateway answered with the write (SYNCED or PENDING); rejected: a definite refusal (the
 * input or Xero said no); unknown: no answer, or a failure that says nothing about the write's fate (an
 * internal error while Postgres restarts: the operation was already recorded and may still complete).
 */
const DEFINITE_REFUSALS = new Set([
  'BAD_USER_INPUT',
  'XERO_REJECTED',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
]);

async function writeInvoice(
  url: string,
  apiKey: string,
  customerId: string,
  reference: string,
): Promise<Outcome> {
  try {
    const { body } = await post(url, apiKey, CREATE, {
      input: {
        organizationId: customerId,
        reference,
        lines: [{ description: 'Widget', quantity: '2', unitPrice: '10.50' }],
      },
    });
    const status = body.data?.createInvoice?.syncStatus;
    if (!body.errors && (status === 'SYNCED' || status === 'PENDING')) return 'accepted';
    const code = body.errors?.[0]?.extensions?.code;
    return typeof code === 'string' && DEFINITE_REFUSALS.has(code) ? 'rejected' : 'unknown';
  } catch {
    return 'unknown';
  }
}

async function ready(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })).status === 200;
  } catch {
    return false;
  }
}

interface XeroInvoice {
  InvoiceID: string;
  Reference?: string;
  Total: number;
  Status: string;
}

/** Every invoice the emulator holds for the organisation, read page by page over its API. */
async function xeroInvoices(url: string, accessToken: string, xeroTenantId: string) {
  const invoices = new Map<string, XeroInvoice>();
  for (let page = 1; page <= 50; page += 1) {
    const response = await fetch(`${url}/api.xro/2.0/Invoices?page=${page}&pageSize=1000`, {
      headers: {
        authorization: `Bearer ${accessToken}`,
        'xero-tenant-id': xeroTenantId,
        accept: 'application/json',
      },
    });
    const body = (await response.json()) as { Invoices: XeroInvoice[] };
    for (const invoice of body.Invoices) invoices.set(invoice.InvoiceID, invoice);
    if (body.Invoices.length < 1000) break;
  }
  return invoices;
}
