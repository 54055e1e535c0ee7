import { afterEach, describe, expect, it } from 'vitest';
import { syncEntity } from '../../src/sync/inbound/entity-sync.js';
import { SYNC_SPECS } from '../../src/sync/inbound/sync-specs.js';
import { signXeroPayload } from '../../src/sync/inbound/webhook-signature.js';
import { waitFor } from '../support/process.js';
import { ACCOUNTING_SCOPES, startXeroHarness, type XeroHarness } from '../support/xero-harness.js';

const AU = 'Demo Company (AU)';
const UK = 'Demo Company (UK)';
let harness: XeroHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const servicesOf = (h: XeroHarness) => h.gateway.gateway.services;
const count = async (h: XeroHarness, sql: string, params: unknown[]) =>
  Number((await servicesOf(h).db.query(sql, params))[0].n);

describe('inbound sync under faults and limits', () => {
  it('resumes a first sync killed after a page, ending with no duplicate and no missing row', async () => {
    harness = await startXeroHarness(
      { scale: 2500, limits: { windowMs: 1000 } },
      { XERO_RATE_WINDOW_MS: '1000' },
    );
    const h = harness;
    const tenantId = await h.link('org-resume', UK, ACCOUNTING_SCOPES);
    const { db, logger, sync } = servicesOf(h);
    const connection = (
      await db.query('SELECT id, xero_tenant_id FROM xero_connections WHERE tenant_id = $1', [tenantId])
    )[0];
    const context = {
      api: sync!.xero.api,
      target: {
        connectionId: connection.id,
        xeroTenantId: connection.xero_tenant_id,
        priority: 'backfill' as const,
      },
    };
    for (const key of ['TaxCode', 'Account', 'Item', 'Organization']) {
      await syncEntity(db, logger, tenantId, SYNC_SPECS.find((spec) => spec.key === key)!, context);
    }
    const invoices = SYNC_SPECS.find((spec) => spec.key === 'Invoice')!;
    const crash = new Error('killed after page 1');
    await expect(
      syncEntity(db, logger, tenantId, invoices, context, {
        afterPage: (_entity, page) => {
          if (page === 1) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await count(h, 'SELECT count(*) AS n FROM invoices WHERE tenant_id = $1', [tenantId])).toBe(1000);
    const state = (
      await db.query(`SELECT full_sync_page FROM sync_states WHERE tenant_id = $1 AND entity = 'Invoice'`, [
        tenantId,
      ])
    )[0];
    expect(state.full_sync_page).toBe(1);

    const resumed = await syncEntity(db, logger, tenantId, invoices, context);
    expect(resumed.pages).toBe(2); // pages 2 and 3, not page 1 again
    const inXero = (await h.control('GET', '/__emulator/state')) as {
      organisations: Array<{ name: string; counts: { invoices: number } }>;
    };
    const expected = inXero.organisations.find((org) => org.name === UK)!.counts.invoices;
    expect(await count(h, 'SELECT count(*) AS n FROM invoices WHERE tenant_id = $1', [tenantId])).toBe(
      expected,
    );
    expect(
      await count(h, 'SELECT count(DISTINCT xero_id) AS n FROM invoices WHERE tenant_id = $1', [tenantId]),
    ).toBe(expected);
    expect(
      await count(
        h,
        `SELECT count(*) AS n FROM sync_events WHERE tenant_id = $1 AND entity_type = 'Invoice'`,
        [tenantId],
      ),
    ).toBe(expected);
  });

  it('stays under a tight rate limit with zero 429s, and a 429 pauses only its own organisation', async () => {
    // Xero (the emulator) allows 10 calls a second here; the gateway paces itself at 9.
    harness = await startXeroHarness(
      { scale: 2000, limits: { perMinute: 10, windowMs: 1000 } },
      { XERO_RATE_WINDOW_MS: '1000', XERO_CALLS_PER_WINDOW: '9' },
    );
    const h = harness;
    const { db, sync } = servicesOf(h);
    const au = await h.link('org-limit-au', AU);
    const uk = await h.link('org-limit-uk', UK, ACCOUNTING_SCOPES);
    await sync!.scheduler.trigger(au);
    const paused = await db.query(
      'SELECT count(*) AS n FROM xero_rate_states WHERE paused_until IS NOT NULL',
    );
    expect(Number(paused[0].n)).toBe(0);
    const calls = (await h.control('GET', '/__emulator/calls')) as Record<string, number>;
    expect(Object.values(calls).reduce((a, b) => a + b, 0)).toBeGreaterThan(10); // more than one window's worth

    await h.control('POST', '/__emulator/faults', {
      kind: 'rate-limit',
      count: 1,
      problem: 'minute',
      retryAfterSeconds: 4,
      pathPattern: 'Organisation',
    });
    const auRun = sync!.scheduler.trigger(au, { full: true, entities: ['Company', 'Invoice'] });
    const auXero = h.organisation(AU).tenantId;
    await waitFor(async () => {
      const rows = await db.query(
        'SELECT paused_until FROM xero_rate_states WHERE xero_tenant_id = $1 AND paused_until > now()',
        [auXero],
      );
      return rows.length > 0 ? true : undefined;
    }, 10_000);
    await sync!.scheduler.trigger(uk, { entities: ['Company', 'Item'] });
    const stillPaused = await db.query(
      'SELECT paused_until > now() AS paused FROM xero_rate_states WHERE xero_tenant_id = $1',
      [auXero],
    );
    expect(stillPaused[0].paused).toBe(true); // the UK organisation synced while the AU one waited
    const ukXero = h.organisation(UK).tenantId;
    expect(
      await db.query(
        'SELECT paused_until FROM xero_rate_states WHERE xero_tenant_id = $1 AND paused_until IS NOT NULL',
        [ukXero],
      ),
    ).toEqual([]);
    await auRun;
  });

  it("cuts a sync's Xero call at XERO_TIMEOUT_MS, not at the write pipeline's longer limit", async () => {
    // The write pipeline in the same process waits up to its mutation deadline (15 s by default). Each
    // client keeps its own limit: setting one on axios's module-wide defaults let the last made win.
    harness = await startXeroHarness({}, { XERO_TIMEOUT_MS: '1500', XERO_MAX_RETRIES: '1' });
    const h = harness;
    const tenantId = await h.link('org-timeout', AU, ACCOUNTING_SCOPES);
    const { db, sync } = servicesOf(h);
    const [connection] = await db.query(
      'SELECT id, xero_tenant_id FROM xero_connections WHERE tenant_id = $1',
      [tenantId],
    );
    await h.control('POST', '/__emulator/faults', {
      kind: 'latency',
      latencyMs: 4000,
      count: 1,
      method: 'GET',
      pathPattern: '^/api\\.xro/2\\.0/Organisation',
    });
    let calls = 0;
    const target = {
      connectionId: connection.id,
      xeroTenantId: connection.xero_tenant_id,
      priority: 'interactive' as const,
      onCall: () => {
        calls += 1;
      },
    };
    const body = await sync!.xero.api.call(target, (client, xeroTenantId) =>
      client.accountingApi.getOrganisations(xeroTenantId),
    );
    expect(body.organisations?.[0]?.name).toBe(AU);
    expect(calls).toBe(2); // the held call was given up at 1.5 s and retried, not waited out for 4 s
  });

  it('brings a contact changed in Xero into the cache through its webhook', async () => {
    harness = await startXeroHarness({ webhookBatchDelayMs: 50 });
    const h = harness;
    const tenantId = await h.link('org-webhook', AU);
    await servicesOf(h).sync!.scheduler.trigger(tenantId);
    await h.control('PUT', '/__emulator/webhook', { url: `${h.gateway.url}/webhooks/xero` });
    const [contact] = await servicesOf(h).db.query(
      `SELECT xero_id FROM organizations WHERE tenant_id = $1 AND status = 'ACTIVE' LIMIT 1`,
      [tenantId],
    );
    await h.control('POST', `/__emulator/orgs/${h.organisation(AU).tenantId}/contacts/${contact.xero_id}`, {
      Name: 'Renamed In Xero Ltd',
    });
    const started = Date.now();
    await waitFor(async () => {
      const rows = await servicesOf(h).db.query(
        'SELECT name FROM organizations WHERE tenant_id = $1 AND xero_id = $2',
        [tenantId, contact.xero_id],
      );
      return rows[0]?.name === 'Renamed In Xero Ltd' ? true : undefined;
    }, 5000);
    const event = await servicesOf(h).db.query(
      `SELECT origin, changed_fields FROM sync_events WHERE tenant_id = $1 AND entity_type = 'Organization' ORDER BY seq DESC LIMIT 1`,
      [tenantId],
    );
    expect(event[0]).toEqual({ origin: 'xero', changed_fields: ['name'] });
    // Reported, not asserted as a bound: timing belongs in benchmarks.
    console.info(`webhook to cache: ${Date.now() - started} ms`);
  });

  it('refuses a forged webhook with 401 and answers a signed one with an empty 200', async () => {
    harness = await startXeroHarness();
    const h = harness;
    const body = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: 'x' });
    const post = (signature: string) =>
      fetch(`${h.gateway.url}/webhooks/xero`, {
        method: 'POST',
        headers: { 'x-xero-signature': signature },
        body,
      });
    const good = await post(signXeroPayload(body, h.emulator.webhookKey));
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('');
    expect((await post(signXeroPayload(body, 'not-the-key'))).status).toBe(401);
    expect((await post('')).status).toBe(401);
    const check = (await h.control('POST', '/__emulator/intent-to-receive', {
      url: `${h.gateway.url}/webhooks/xero`,
    })) as { passed: boolean };
    expect(check.passed).toBe(true);
  });

  it('refreshes an expired token once, keeps the rotated refresh token across a restart, and marks a revoked grant NEEDS_REAUTH', async () => {
    harness = await startXeroHarness({ refreshTokenGraceMs: 0 });
    const h = harness;
    const tenantId = await h.link('org-tokens', UK, ACCOUNTING_SCOPES);
    const { db, sync } = servicesOf(h);
    const tokensOf = async () => {
      const row = (
        await db.query('SELECT id, token_ciphertext FROM xero_connections WHERE tenant_id = $1', [tenantId])
      )[0];
      return sync!.xero.tokens.open({ id: row.id, tokenCiphertext: row.token_ciphertext });
    };
    const before = await tokensOf();
    await h.control('POST', '/__emulator/revoke', { expireAccessTokens: true });
    await h.control('DELETE', '/__emulator/calls');
    await sync!.scheduler.trigger(tenantId, { entities: ['Company'] });
    const calls = (await h.control('GET', '/__emulator/calls')) as Record<string, number>;
    expect(calls['GET /api.xro/2.0/Organisation']).toBe(2); // 401 with the expired token, then success
    const after = await tokensOf();
    expect(after.refreshToken).not.toBe(before.refreshToken); // rotated, and stored
    expect(after.accessToken).not.toBe(before.accessToken);
    const stored = (
      await db.query('SELECT token_ciphertext FROM xero_connections WHERE tenant_id = $1', [tenantId])
    )[0].token_ciphertext;
    expect(stored).not.toContain(after.refreshToken!);
    expect(stored).toMatch(/^v1\./);

    // A new gateway process on the same database and key: the rotated refresh token is what it finds.
    const env = { ENCRYPTION_KEY: h.gateway.config.ENCRYPTION_KEY!, DATABASE_URL: h.gateway.database.url };
    await h.gateway.gateway.stop();
    const { startGateway } = await import('../../src/gateway.js');
    const { loadConfig } = await import('../../src/config.js');
    const { createLogger } = await import('../../src/logger.js');
    const config = loadConfig({ ...env, PORT: '0', DEMO_MODE: 'false', LOG_LEVEL: 'silent' });
    const second = await startGateway(config, createLogger('silent'), {
      xeroSettings: h.settings,
      schedule: false,
    });
    try {
      await h.control('POST', '/__emulator/revoke', { expireAccessTokens: true });
      await second.services.sync!.scheduler.trigger(tenantId, { entities: ['Company'] });
      expect(
        (
          await second.services.db.query('SELECT status FROM xero_connections WHERE tenant_id = $1', [
            tenantId,
          ])
        )[0].status,
      ).toBe('ACTIVE');

      const notices = second.services.statusHub.subscribe(tenantId);
      await h.control('POST', '/__emulator/revoke', { all: true });
      await expect(
        second.services.sync!.scheduler.trigger(tenantId, { entities: ['Company'] }),
      ).rejects.toThrow();
      expect(
        (
          await second.services.db.query('SELECT status FROM xero_connections WHERE tenant_id = $1', [
            tenantId,
          ])
        )[0].status,
      ).toBe('NEEDS_REAUTH');
      const seen: string[] = [];
      for (;;) {
        const { value } = await notices.next();
        seen.push(value.kind);
        if (value.kind === 'CONNECTION_NEEDS_REAUTH') break;
      }
      expect(seen).toContain('CONNECTION_NEEDS_REAUTH');
      await notices.return?.();
    } finally {
      await second.stop();
    }
  });
});
