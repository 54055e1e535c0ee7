import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../src/schema/scope.js';
import { BROAD_ACCOUNTING_SCOPES, GRANULAR_ACCOUNTING_SCOPES } from '../../src/sync/xero/xero-scopes.js';
import {
  callback,
  connectLink,
  connectXero,
  consent,
  linkToken,
  pressConnect,
  XERO_CONNECTIONS,
  type XeroConnectionView,
} from '../support/xero-connect.js';
import { startXeroHarness, type XeroHarness } from '../support/xero-harness.js';

describe('connecting Xero through the OAuth consent flow', () => {
  let h: XeroHarness;
  const db = () => h.gateway.gateway.services.db;
  const au = () => h.organisation('Demo Company (AU)').tenantId;
  const us = () => h.organisation('Demo Company (US)').tenantId;
  const uk = () => h.organisation('Demo Company (UK)').tenantId;
  const connectionsOf = async (key: string) =>
    (await h.gateway.graphql<{ xeroConnections: XeroConnectionView[] }>(XERO_CONNECTIONS, {}, key)).data
      ?.xeroConnections;
  const linkedCount = async () =>
    Number((await db().query('SELECT count(*) AS n FROM xero_connections'))[0].n);
  const tenantId = async (name: string) =>
    (await db().query('SELECT id FROM tenants WHERE name = $1', [name]))[0]?.id as string | undefined;

  beforeAll(async () => {
    // The file links Demo Company (AU) to several tenants, each first sync a few dozen calls (the payroll
    // one reads each employee by id): a per-minute allowance they fit in, so no test waits for Xero's
    // window to pass. Rate limits are sync-resilience.test.ts's business.
    h = await startXeroHarness({ limits: { perMinute: 600 } }, { XERO_CALLS_PER_WINDOW: '550' });
  });
  afterAll(() => h.stop());

  it('links the chosen organisation with payroll, reports it, and syncs it', async () => {
    const admin = await h.gateway.createKey('acme-au');
    const { result } = await connectXero(h.gateway, admin, { tenantIds: [au()], payroll: true });
    expect(result.status).toBe(200);
    expect(result.html).toContain('Demo Company (AU)');
    expect(result.html).toContain('data-outcome="LINKED"');

    const [connection] = (await connectionsOf(admin)) ?? [];
    expect(connection).toMatchObject({
      organisationName: 'Demo Company (AU)',
      countryCode: 'AU',
      baseCurrency: 'AUD',
      payrollAccess: true,
      status: 'ACTIVE',
    });
    expect(connection.scopes).toContain('payroll.employees');

    await h.gateway.gateway.services.sync!.scheduler.trigger((await tenantId('acme-au'))!);
    const data = await h.gateway.graphql<{
      invoices: { totalCount: number };
      employees: { totalCount: number };
    }>('{ invoices(first: 1) { totalCount } employees(first: 1) { totalCount } }', {}, admin);
    expect(data.data?.invoices.totalCount).toBeGreaterThan(0);
    expect(data.data?.employees.totalCount).toBeGreaterThan(0);
    const [after] = (await connectionsOf(admin)) ?? [];
    expect(after.lastSyncAt).not.toBeNull();
    expect(after.apiAllowance?.callsToday).toBeGreaterThan(0);
    expect(after.apiAllowance?.remainingToday).toBeLessThan(4_900);
  });

  it('asks Xero for payroll scopes only when "Allow Payroll Access" is ticked', async () => {
    const admin = await h.gateway.createKey('acme-scopes');
    const token = linkToken(await connectLink(h.gateway, admin));
    const page = await fetch(`${h.gateway.url}/connect/xero?link=${encodeURIComponent(token)}`);
    const html = await page.text();
    expect(html).toContain('Allow Payroll Access');
    expect(html).not.toMatch(/id="allow-payroll" checked/);
    const without = new URL((await pressConnect(h.gateway.url, token, false)).location!);
    expect(without.searchParams.get('scope')).not.toContain('payroll');
    expect(without.searchParams.get('code_challenge_method')).toBe('S256');
    expect(without.searchParams.get('state')).toMatch(/^[\w-]{40,}$/);
    const token2 = linkToken(await connectLink(h.gateway, admin, true));
    const withPayroll = new URL((await pressConnect(h.gateway.url, token2, true)).location!);
    expect(withPayroll.searchParams.get('scope')).toContain('payroll.employees');
  });

  it('asks Xero for the granular scopes by default: a Xero app created since 2 March 2026 may ask for no others', async () => {
    const admin = await h.gateway.createKey('acme-granular');
    const pressed = await pressConnect(h.gateway.url, linkToken(await connectLink(h.gateway, admin)), false);
    const scopes = new URL(pressed.location!).searchParams.get('scope')!.split(' ');
    expect(scopes).toEqual(GRANULAR_ACCOUNTING_SCOPES);
    expect(scopes).not.toContain('accounting.transactions');
    expect(scopes).not.toContain('accounting.reports.read');
    // The emulator's app is a new one: it consents to these, and the sync reads everything with them.
    const { result } = await connectXero(h.gateway, admin, { tenantIds: [us()], payroll: false });
    expect(result.html).toContain('data-outcome="LINKED"');
    const [connection] = (await connectionsOf(admin)) ?? [];
    expect(connection.scopes).toEqual(GRANULAR_ACCOUNTING_SCOPES);
    const id = (await tenantId('acme-granular'))!;
    await h.gateway.gateway.services.sync!.scheduler.trigger(id);
    const states = await db().query(
      `SELECT entity, last_error FROM sync_states WHERE tenant_id = $1 AND state = 'FAILED'`,
      [id],
    );
    expect(states).toEqual([]);
    const data = await h.gateway.graphql<{
      invoices: { totalCount: number };
      payments: { totalCount: number };
    }>('{ invoices(first: 1) { totalCount } payments(first: 1) { totalCount } }', {}, admin);
    expect(data.data?.invoices.totalCount).toBeGreaterThan(0);
    expect(data.data?.payments.totalCount).toBeGreaterThan(0);
  });

  it('serves a connect link once: a second Connect with it is refused', async () => {
    const admin = await h.gateway.createKey('acme-once');
    const token = linkToken(await connectLink(h.gateway, admin));
    expect((await pressConnect(h.gateway.url, token, false)).status).toBe(303);
    expect((await pressConnect(h.gateway.url, token, false)).status).toBe(409);
    expect((await fetch(`${h.gateway.url}/connect/xero?link=${encodeURIComponent(token)}`)).status).toBe(410);
    const forgedLink = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await pressConnect(h.gateway.url, forgedLink, false)).status).toBe(403);
  });

  it('refuses a forged state and links nothing', async () => {
    const admin = await h.gateway.createKey('acme-forged');
    const pressed = await pressConnect(h.gateway.url, linkToken(await connectLink(h.gateway, admin)), false);
    const consented = await consent(pressed.location!, { tenantIds: [au()], payroll: false });
    const forged = new URL(consented.location!);
    forged.searchParams.set('state', 'forged-state-value');
    const before = await linkedCount();
    const refused = await callback(forged.toString(), pressed.cookie);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('does not match a connection started here');
    expect(await linkedCount()).toBe(before);
    expect(await connectionsOf(admin)).toEqual([]);
  });

  it('refuses a replayed callback and a replayed code, and links nothing more', async () => {
    const admin = await h.gateway.createKey('acme-replay');
    const first = await connectXero(h.gateway, admin, { tenantIds: [us()], payroll: false });
    expect(first.result.status).toBe(200);
    const before = await linkedCount();

    const replay = await callback(first.callbackUrl, first.cookie);
    expect(replay.status).toBe(400);
    expect(replay.html).toContain('already used');

    // A fresh, valid state carrying the code already exchanged: Xero refuses the code.
    const pressed = await pressConnect(h.gateway.url, linkToken(await connectLink(h.gateway, admin)), false);
    const state = new URL(pressed.location!).searchParams.get('state')!;
    const reused = new URL(first.callbackUrl);
    reused.searchParams.set('state', state);
    const refused = await callback(reused.toString(), pressed.cookie);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Xero refused the authorisation code');
    expect(await linkedCount()).toBe(before);
  });

  it("refuses a callback for another tenant's connection and links neither tenant", async () => {
    const adminA = await h.gateway.createKey('acme-victim');
    const adminB = await h.gateway.createKey('acme-attacker');
    const pressedA = await pressConnect(
      h.gateway.url,
      linkToken(await connectLink(h.gateway, adminA)),
      false,
    );
    const pressedB = await pressConnect(
      h.gateway.url,
      linkToken(await connectLink(h.gateway, adminB)),
      false,
    );
    const consentedB = await consent(pressedB.location!, { tenantIds: [uk()], payroll: false });
    const refused = await callback(consentedB.location!, pressedA.cookie);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('another browser or for another tenant');
    expect(await connectionsOf(adminA)).toEqual([]);
    expect(await connectionsOf(adminB)).toEqual([]);
    // Without any cookie, too.
    const pressedC = await pressConnect(
      h.gateway.url,
      linkToken(await connectLink(h.gateway, adminB)),
      false,
    );
    const consentedC = await consent(pressedC.location!, { tenantIds: [uk()], payroll: false });
    expect((await callback(consentedC.location!)).status).toBe(400);
    expect(await connectionsOf(adminB)).toEqual([]);
  });

  it("spends nothing on a callback from another browser: the real user's callback still links", async () => {
    const admin = await h.gateway.createKey('acme-raced');
    const pressed = await pressConnect(h.gateway.url, linkToken(await connectLink(h.gateway, admin)), false);
    const consented = await consent(pressed.location!, { tenantIds: [au()], payroll: false });
    // Someone who saw the callback URL (a log, a shared screen) opens it first, without the cookie or
    // with another one.
    expect((await callback(consented.location!)).status).toBe(400);
    expect((await callback(consented.location!, 'xero_connect=someone-else')).status).toBe(400);
    const result = await callback(consented.location!, pressed.cookie);
    expect(result.status, result.html).toBe(200);
    expect(result.html).toContain('data-outcome="LINKED"');
    expect((await connectionsOf(admin))?.map((connection) => connection.organisationName)).toEqual([
      'Demo Company (AU)',
    ]);
  });

  it("shows Xero's answer when the admin cancels on Xero's page", async () => {
    const admin = await h.gateway.createKey('acme-cancel');
    const pressed = await pressConnect(h.gateway.url, linkToken(await connectLink(h.gateway, admin)), false);
    const denied = await consent(pressed.location!, { tenantIds: [au()], payroll: false, allow: false });
    const page = await callback(denied.location!, pressed.cookie);
    expect(page.status).toBe(400);
    expect(page.html).toContain('access_denied');
    expect(await connectionsOf(admin)).toEqual([]);
  });

  it('Xero refuses payroll for a GBP organisation with the message users know', async () => {
    const admin = await h.gateway.createKey('acme-gbp');
    const pressed = await pressConnect(
      h.gateway.url,
      linkToken(await connectLink(h.gateway, admin, true)),
      true,
    );
    const refused = await consent(pressed.location!, { tenantIds: [uk()], payroll: true });
    expect(refused.status).toBe(403);
    expect(refused.html).toMatch(/requested access to data that this organization doesn(&#39;|')t allow/);
    expect(await connectionsOf(admin)).toEqual([]);
  });

  it('gives each further organisation of one consent a tenant of its own, with its own admin key', async () => {
    const admin = await h.gateway.createKey('acme-multi');
    const { result } = await connectXero(h.gateway, admin, { tenantIds: [au(), uk()], payroll: false });
    expect(result.status).toBe(200);
    const key = /<code class="api-key">([^<]+)<\/code>/.exec(result.html)?.[1];
    expect(key).toMatch(/^cxg_/);
    const [own] = (await connectionsOf(admin)) ?? [];
    expect(own.organisationName).toBe('Demo Company (AU)');
    const [other] = (await connectionsOf(key!)) ?? [];
    expect(other).toMatchObject({
      organisationName: 'Demo Company (UK)',
      baseCurrency: 'GBP',
      status: 'ACTIVE',
    });
    expect(result.html).toContain('org-demo-company-uk');

    // Each tenant refreshes on its own token chain: forcing both to refresh keeps both working.
    const sync = h.gateway.gateway.services.sync!;
    await h.control('POST', '/__emulator/revoke', { expireAccessTokens: true });
    for (const name of ['acme-multi', 'org-demo-company-uk']) {
      expect(await sync.scheduler.trigger((await tenantId(name))!, { entities: ['accounts'] })).toBe(true);
    }
    expect((await connectionsOf(key!))?.[0].status).toBe('ACTIVE');
  });

  it('refuses relinking a tenant to another organisation until its cache is purged', async () => {
    const admin = await h.gateway.createKey('acme-relink', [Scope.ADMIN, Scope.READ]);
    await connectXero(h.gateway, admin, { tenantIds: [us()], payroll: false });
    await h.gateway.gateway.services.sync!.scheduler.trigger((await tenantId('acme-relink'))!);
    const disconnect = (purge: boolean) =>
      h.gateway.graphql<{ disconnectXero: { purged: boolean; purgedRecords: number } }>(
        'mutation($purge: Boolean!) { disconnectXero(purge: $purge) { purged purgedRecords connection { status } } }',
        { purge },
        admin,
      );
    expect((await disconnect(false)).data?.disconnectXero.purged).toBe(false);

    const refused = await connectXero(h.gateway, admin, { tenantIds: [uk()], payroll: false });
    expect(refused.result.html).toContain('data-outcome="REFUSED"');
    expect(refused.result.html).toContain('purge its cached data');
    expect((await connectionsOf(admin))?.[0]).toMatchObject({
      organisationName: 'Demo Company (US)',
      status: 'DISCONNECTED',
    });

    const purged = await disconnect(true);
    expect(purged.data?.disconnectXero.purgedRecords).toBeGreaterThan(0);
    const id = (await tenantId('acme-relink'))!;
    const left = await db().query(
      `SELECT (SELECT count(*) FROM invoices WHERE tenant_id = $1)::int AS invoices,
              (SELECT count(*) FROM id_map WHERE tenant_id = $1)::int AS ids,
              (SELECT count(*) FROM sync_states WHERE tenant_id = $1)::int AS states,
              (SELECT count(*) FROM sync_events WHERE tenant_id = $1 AND action = 'DELETED')::int AS deleted`,
      [id],
    );
    expect(left[0]).toMatchObject({ invoices: 0, ids: 0, states: 0 });
    expect(left[0].deleted).toBe(purged.data?.disconnectXero.purgedRecords);
    expect(await connectionsOf(admin)).toEqual([]);

    const relinked = await connectXero(h.gateway, admin, { tenantIds: [uk()], payroll: false });
    expect(relinked.result.html).toContain('data-outcome="LINKED"');
    expect((await connectionsOf(admin))?.[0].organisationName).toBe('Demo Company (UK)');
  });

  it('keeps the connection admin-only', async () => {
    const reader = await h.gateway.createKey('acme-reader', [Scope.READ]);
    const result = await h.gateway.graphql(XERO_CONNECTIONS, {}, reader);
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const link = await h.gateway.graphql('mutation { connectXeroUrl { url } }', {}, reader);
    expect(link.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('XERO_SCOPE_SET=broad: an app created before 2 March 2026', () => {
  let h: XeroHarness;
  beforeAll(async () => {
    h = await startXeroHarness({ clientCreatedOn: '2025-11-20' }, { XERO_SCOPE_SET: 'broad' });
  });
  afterAll(() => h.stop());

  it("asks for the broad scopes and links; the same request from a new Xero app gets Xero's invalid_scope", async () => {
    const admin = await h.gateway.createKey('acme-broad');
    const pressed = await pressConnect(h.gateway.url, linkToken(await connectLink(h.gateway, admin)), false);
    expect(new URL(pressed.location!).searchParams.get('scope')!.split(' ')).toEqual(BROAD_ACCOUNTING_SCOPES);
    const uk = h.organisation('Demo Company (UK)').tenantId;
    const linked = await callback(
      (await consent(pressed.location!, { tenantIds: [uk], payroll: false })).location!,
      pressed.cookie,
    );
    expect(linked.html).toContain('data-outcome="LINKED"');
    const connections = await h.gateway.graphql<{ xeroConnections: XeroConnectionView[] }>(
      XERO_CONNECTIONS,
      {},
      admin,
    );
    expect(connections.data?.xeroConnections[0].scopes).toEqual(BROAD_ACCOUNTING_SCOPES);

    await h.control('PUT', '/__emulator/config', { clientCreatedOn: '2026-03-02' });
    const admin2 = await h.gateway.createKey('acme-broad-new-app');
    const again = await pressConnect(h.gateway.url, linkToken(await connectLink(h.gateway, admin2)), false);
    const xero = await fetch(again.location!, { redirect: 'manual' });
    expect(xero.status).toBe(302);
    const refused = await callback(xero.headers.get('location')!, again.cookie);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('invalid_scope');
    expect(refused.html).toContain('accounting.transactions');
  });
});
