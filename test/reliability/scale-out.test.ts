import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_SCOPES, Scope } from '../../src/schema/scope.js';
import { linkXeroConnection } from '../../src/sync/connections/xero-connection.service.js';
import { createApp, ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { emulatorSettings, emulatorTokens, GATEWAY_ENV } from '../integration/writes-harness.js';
import { startTestGateway } from '../support/gateway.js';
import {
  type ChildGateway,
  emulatorEnv,
  resilientSubscriber,
  startChildGateway,
} from '../support/gateway-children.js';
import { waitFor } from '../support/process.js';
import { recordFigures } from '../support/reliability-figures.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}, 60_000);

describe('scale-out: three gateway processes on one database', () => {
  it("keeps syncing on a survivor when the syncing process is killed, never syncs a tenant twice at once, and leaves survivors' subscriptions untouched", async (context) => {
    const emulator = await startXeroEmulator({
      today: REFERENCE_TODAY,
      seed: 'demo',
      port: 0,
      scale: 300,
      limits: { perMinute: 100_000, perDay: 1_000_000, concurrent: 50 },
    });
    cleanups.push(() => emulator.stop());
    const setup = await startTestGateway(
      { ...GATEWAY_ENV, ENCRYPTION_KEY: randomBytes(32).toString('base64') },
      { xeroSettings: emulatorSettings(emulator) },
    );
    cleanups.push(() => setup.stop());
    const db = setup.gateway.services.db;
    const tenant = await ensureTenant(db, 'acme');
    const listenerKey = (await createApp(db, tenant.id, 'crm', [Scope.READ, Scope.SUBSCRIBE])).apiKey;
    await createApp(db, tenant.id, 'shop', ALL_SCOPES);
    const xeroTenantId = emulator.organisations.find((org) => org.name === 'Demo Company (AU)')!.tenantId;
    const tokens = await emulatorTokens(emulator, xeroTenantId);
    await linkXeroConnection(db, setup.gateway.services.sync!.xero, {
      tenantId: tenant.id,
      xeroTenantId,
      tokens,
    });
    await setup.gateway.stop(); // the database stays; only the three processes below work on it
    // Slow Xero, so a sync is still running when its process dies.
    await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'latency', latencyMs: 120, durationMs: 25_000 }),
    });

    const env = {
      ...GATEWAY_ENV,
      ...emulatorEnv(emulator),
      DATABASE_URL: setup.database.url,
      ENCRYPTION_KEY: setup.config.ENCRYPTION_KEY!,
      LOG_LEVEL: 'info',
      SYNC_INTERVAL_MS: '1000', // every process's scheduler tries the tenant every second
    };
    const children: ChildGateway[] = await Promise.all(
      ['gw-1', 'gw-2', 'gw-3'].map((name) => startChildGateway(name, env)),
    );
    for (const child of children) cleanups.push(() => child.kill());
    const subscribers = new Map(
      children.map((child) => [child.name, resilientSubscriber(() => child.url, listenerKey, 120_000)]),
    );
    for (const subscriber of subscribers.values()) cleanups.push(() => subscriber.stop());

    const holder = await waitFor(
      async () => {
        const rows = await setup.database.dataSource.query(
          `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'gw-%'`,
        );
        const invoicesStarted = await setup.database.dataSource.query(
          `SELECT 1 FROM sync_runs WHERE tenant_id = $1 AND entity = 'Invoice'`,
          [tenant.id],
        );
        return rows.length === 1 && invoicesStarted.length > 0
          ? (rows[0].application_name as string)
          : undefined;
      },
      40_000,
      () => 'no process took the tenant',
    );
    const victim = children.find((child) => child.name === holder)!;
    await victim.kill();
    const killedAt = new Date();
    await subscribers.get(victim.name)!.stop();
    const survivors = children.filter((child) => child !== victim);

    // Another process takes the tenant over and finishes a full pass.
    await waitFor(
      async () => {
        const rows = await setup.database.dataSource.query(
          'SELECT last_sync_at FROM xero_connections WHERE tenant_id = $1 AND last_sync_at > $2',
          [tenant.id, killedAt],
        );
        return rows.length > 0 ? true : undefined;
      },
      60_000,
      () => 'no survivor completed a sync',
    );
    const runs: Array<{ started_at: Date; finished_at: Date | null; error: string | null }> =
      await setup.database.dataSource.query(
        'SELECT started_at, finished_at, error FROM sync_runs WHERE tenant_id = $1 ORDER BY started_at',
        [tenant.id],
      );
    expect(
      runs.filter((run) => run.started_at > killedAt && run.finished_at && !run.error).length,
    ).toBeGreaterThan(0);
    // One sync of a tenant at a time: no two runs overlap (the killed run ends when its process did).
    const spans = runs.map((run) => [run.started_at.getTime(), (run.finished_at ?? killedAt).getTime()]);
    const overlaps = spans.filter((span, i) =>
      spans.some((other, j) => j !== i && other[0] < span[1] && span[0] < other[1]),
    );
    expect(overlaps).toEqual([]);

    // Subscribers on the survivors: every event, once, in order, without ever reconnecting.
    const expected = (
      await setup.database.dataSource.query(
        'SELECT seq::text AS seq FROM sync_events WHERE tenant_id = $1 ORDER BY sync_events.seq',
        [tenant.id],
      )
    ).map((row: { seq: string }) => row.seq);
    let received = 0;
    for (const survivor of survivors) {
      const subscriber = subscribers.get(survivor.name)!;
      await waitFor(
        () => (subscriber.cursors.length >= expected.length ? true : undefined),
        30_000,
        () => `${survivor.name}: ${subscriber.cursors.length} of ${expected.length}`,
      );
      await subscriber.stop();
      expect(
        subscriber.cursors.slice(0, expected.length).join(','),
        `${survivor.name}: ${subscriber.cursors.length} received, reconnects ${subscriber.reconnects}, errors ${subscriber.errors.slice(0, 3)}`,
      ).toBe(expected.join(','));
      expect(new Set(subscriber.cursors).size).toBe(subscriber.cursors.length);
      expect(subscriber.reconnects).toBe(0);
      received += expected.length;
    }
    for (const survivor of survivors) expect(survivor.child.exitCode).toBeNull();
    console.info(
      `scale-out: ${holder} killed mid-sync; ${runs.length} sync runs, 0 overlapping; ${expected.length} events x 2 survivors`,
    );
    recordFigures(context, {
      faultsInjected: 2,
      eventsExpected: expected.length * 2,
      eventsReceived: received,
    });
  }, 180_000);
});
