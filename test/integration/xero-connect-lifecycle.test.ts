import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatusMessage } from '../../src/sync/events/sync-status.js';
import {
  callback,
  connectXero,
  consent,
  linkToken,
  pressConnect,
  XERO_CONNECTIONS,
  type XeroConnectionView,
} from '../support/xero-connect.js';
import { startXeroHarness, type XeroHarness } from '../support/xero-harness.js';

type Calls = Record<string, number>;
const apiCalls = (calls: Calls) => Object.values(calls).reduce((sum, n) => sum + n, 0);

describe('a connection after consent: revoked, reconnected, disconnected', () => {
  let h: XeroHarness;
  const services = () => h.gateway.gateway.services;
  const connectionsOf = async (key: string) =>
    (await h.gateway.graphql<{ xeroConnections: XeroConnectionView[] }>(XERO_CONNECTIONS, {}, key)).data
      ?.xeroConnections ?? [];
  const tenantId = async (name: string) =>
    (await services().db.query('SELECT id FROM tenants WHERE name = $1', [name]))[0].id as string;
  /** Collects the tenant's status notices until `kind` arrives (or times out). */
  const noticeOf = (tenant: string, kind: SyncStatusMessage['kind']) => {
    const stream = services().statusHub.subscribe(tenant);
    return (async () => {
      const timeout = setTimeout(() => void stream.return?.(), 10_000);
      try {
        for await (const message of stream) if (message.kind === kind) return message;
        return undefined;
      } finally {
        clearTimeout(timeout);
        await stream.return?.();
      }
    })();
  };

  beforeAll(async () => {
    h = await startXeroHarness();
  });
  afterAll(() => h.stop());

  it('turns a token revoked in Xero into NEEDS_REAUTH with a notice, and a reconnect restores syncing', async () => {
    const admin = await h.gateway.createKey('life-reauth');
    const au = h.organisation('Demo Company (AU)').tenantId;
    await connectXero(h.gateway, admin, { tenantIds: [au], payroll: true });
    const id = await tenantId('life-reauth');
    await services().sync!.scheduler.trigger(id);

    await h.control('POST', '/__emulator/revoke', { all: true });
    const notice = noticeOf(id, 'CONNECTION_NEEDS_REAUTH');
    await expect(services().sync!.scheduler.trigger(id)).rejects.toThrow();
    expect((await notice)?.message).toContain('invalid_grant');
    expect((await connectionsOf(admin))[0].status).toBe('NEEDS_REAUTH');

    const reconnect = await h.gateway.graphql<{ reconnectXero: { url: string } }>(
      'mutation { reconnectXero { url expiresAt } }',
      {},
      admin,
    );
    const url = reconnect.data!.reconnectXero.url;
    const page = await (await fetch(url)).text();
    expect(page).toContain('Reconnect Xero');
    expect(page).toContain('Demo Company (AU)');
    expect(page).toMatch(/id="allow-payroll" checked/);
    const pressed = await pressConnect(h.gateway.url, linkToken(url), true);
    const consented = await consent(pressed.location!, { tenantIds: [au], payroll: true });
    const result = await callback(consented.location!, pressed.cookie);
    expect(result.html).toContain('data-outcome="RECONNECTED"');

    const [connection] = await connectionsOf(admin);
    expect(connection).toMatchObject({
      status: 'ACTIVE',
      payrollAccess: true,
      organisationName: 'Demo Company (AU)',
    });
    await h.control('DELETE', '/__emulator/calls');
    expect(await services().sync!.scheduler.trigger(id, { full: true })).toBe(true);
    expect(apiCalls((await h.control('GET', '/__emulator/calls')) as Calls)).toBeGreaterThan(0);
  });

  it('refuses a reconnect link while the connection is active', async () => {
    const admin = await h.gateway.createKey('life-active');
    await connectXero(h.gateway, admin, {
      tenantIds: [h.organisation('Demo Company (US)').tenantId],
      payroll: false,
    });
    const result = await h.gateway.graphql('mutation { reconnectXero { url } }', {}, admin);
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
    await services().sync!.scheduler.trigger(await tenantId('life-active')); // let its first sync finish
  });

  it('disconnects: revokes access in Xero, announces it, keeps the cache, and stops syncing', async () => {
    const admin = await h.gateway.createKey('life-disconnect');
    const uk = h.organisation('Demo Company (UK)').tenantId;
    await connectXero(h.gateway, admin, { tenantIds: [uk], payroll: false });
    const id = await tenantId('life-disconnect');
    await services().sync!.scheduler.trigger(id);
    const connection = (
      await services().db.query('SELECT id FROM xero_connections WHERE tenant_id = $1', [id])
    )[0];
    const tokens = services().sync!.xero.tokens.open(
      (
        await services().db.query(
          'SELECT id, token_ciphertext AS "tokenCiphertext" FROM xero_connections WHERE id = $1',
          [connection.id],
        )
      )[0],
    );

    const notice = noticeOf(id, 'CONNECTION_DISCONNECTED');
    const result = await h.gateway.graphql<{
      disconnectXero: { purged: boolean; connection: { status: string } };
    }>('mutation { disconnectXero { purged connection { status organisationName } } }', {}, admin);
    expect(result.data?.disconnectXero).toMatchObject({
      purged: false,
      connection: { status: 'DISCONNECTED' },
    });
    expect((await notice)?.message).toContain('Demo Company (UK)');

    // Xero no longer honours the old grant: the token is revoked and the app's connection removed.
    const reachable = await fetch(`${h.emulator.url}/connections`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(reachable.status).toBe(401);

    const cached = await h.gateway.graphql<{ invoices: { totalCount: number } }>(
      '{ invoices(first: 1) { totalCount } }',
      {},
      admin,
    );
    expect(cached.data?.invoices.totalCount).toBeGreaterThan(0);

    await h.control('DELETE', '/__emulator/calls');
    expect(await services().sync!.scheduler.trigger(id)).toBe(true);
    expect(apiCalls((await h.control('GET', '/__emulator/calls')) as Calls)).toBe(0);
    expect((await connectionsOf(admin))[0].status).toBe('DISCONNECTED');
  });
});
