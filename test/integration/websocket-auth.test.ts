import { CloseCode } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';
import { Scope } from '../../src/schema/scope.js';
import { revokeApp } from '../../src/tenancy/tenancy.service.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { waitFor } from '../support/process.js';
import { type ClosedEvent, connectWs, wsQuery } from '../support/ws-client.js';

describe('graphql-ws on /graphql', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.stop());

  it('refuses a connection_init without a key with close code 4401', async () => {
    const { client, closed } = connectWs(gateway.url, undefined);
    expect((await closed).code).toBe(CloseCode.Unauthorized);
    await client.dispose();
  });

  it('authenticates with the key in the connection_init payload and answers as that tenant', async () => {
    const key = await gateway.createKey('org-ws', [Scope.READ, Scope.SUBSCRIBE]);
    const { client } = connectWs(gateway.url, key);
    const result = await wsQuery(client, '{ viewer { tenant { name } } }');
    expect(result.data).toEqual({ viewer: { tenant: { name: 'org-ws' } } });
    await client.dispose();
  });

  it('closes the open sockets of a revoked app with 4401', async () => {
    const admin = await gateway.createKey('org-ws-revoke', [Scope.ADMIN]);
    const victim = await gateway.createKey('org-ws-revoke', [Scope.READ, Scope.SUBSCRIBE], 'shop');
    const { client, closed } = connectWs(gateway.url, victim);
    const me = await wsQuery(client, '{ viewer { app { id } } }');
    const appId = (me.data as { viewer: { app: { id: string } } }).viewer.app.id;
    await gateway.graphql('mutation($id: ID!) { revokeApp(id: $id) { id } }', { id: appId }, admin);
    const event = await closed;
    expect(event.code).toBe(CloseCode.Unauthorized);
    expect(event.reason).toContain('revoked');
    await client.dispose();
  });

  it('closes the socket of a key revoked without any notice within KEY_RECHECK_MS, answering no operation past it', async () => {
    const victim = await gateway.createKey('org-ws-silent', [Scope.READ, Scope.SUBSCRIBE], 'shop');
    const { client, closed } = connectWs(gateway.url, victim);
    const me = await wsQuery(client, '{ viewer { app { id } } }');
    const appId = (me.data as { viewer: { app: { id: string } } }).viewer.app.id;
    // As a revocation whose NOTIFY no process heard: only the key's state in Postgres changes.
    await gateway.database.dataSource.query('UPDATE apps SET revoked_at = now() WHERE id = $1', [appId]);
    const revokedAt = Date.now();
    const bound = gateway.config.KEY_RECHECK_MS;
    let closedWith: ClosedEvent | undefined;
    closed.then((event) => {
      closedWith = event;
    });
    // Operations keep coming until the socket closes; none may be answered once the bound has passed.
    await waitFor(
      async () => {
        if (closedWith) return true;
        const answer = await wsQuery(client, '{ viewer { app { id } } }').catch(() => undefined);
        if (answer?.data && Date.now() - revokedAt > bound) {
          throw new Error('the revoked key still answered after KEY_RECHECK_MS');
        }
        return undefined;
      },
      bound + 1000,
      () => 'the socket of the revoked key stayed open',
    );
    expect(closedWith?.code).toBe(CloseCode.Unauthorized);
    await client.dispose();
  });
});

describe('graphql-ws shutdown', () => {
  it('closes open sockets with 1001 (going away) when the gateway shuts down', async () => {
    const gateway = await startTestGateway();
    const key = await gateway.createKey('org-ws-shutdown', [Scope.READ, Scope.SUBSCRIBE]);
    const { client, closed } = connectWs(gateway.url, key);
    await wsQuery(client, '{ viewer { tenant { name } } }');
    await gateway.stop();
    expect((await closed).code).toBe(1001);
    await client.dispose();
  });
});

describe('a revocation whose NOTIFY is lost', () => {
  it('still stops the key within 5 s on the open sockets of every gateway on the database', async () => {
    const first = await startTestGateway();
    const second = await startGateway(
      loadConfig({ ...first.config, DATABASE_URL: first.database.url, PORT: '0' } as never),
      createLogger('silent'),
      { schedule: false },
    );
    try {
      const db = first.gateway.services.db;
      const victim = await first.createKey('org-ws-lost', [Scope.READ, Scope.WRITE, Scope.SUBSCRIBE], 'shop');
      const sockets = [first.url, second.url].map((url) => {
        const socket = connectWs(url, victim);
        let closedWith: ClosedEvent | undefined;
        socket.closed.then((event) => {
          closedWith = event;
        });
        return { ...socket, closedWith: () => closedWith };
      });
      const subscriptions = sockets.map(({ client }) => {
        const events = client.iterate({ query: 'subscription { entityChanged { cursor } } ' });
        const ended = (async () => {
          for await (const _ of events);
        })().catch(() => undefined);
        return ended;
      });
      const me = await wsQuery(sockets[0].client, '{ viewer { tenant { id } app { id } } }');
      const { tenant, app } = (me.data as { viewer: { tenant: { id: string }; app: { id: string } } }).viewer;
      await wsQuery(sockets[1].client, '{ viewer { app { id } } }');

      // Both processes lose their LISTEN connection; the revocation commits before either listens again.
      const terminated: unknown[] = await db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'`,
      );
      expect(terminated.length).toBe(2);
      const revokedAt = Date.now();
      await revokeApp(db, tenant.id, app.id);

      // Until its socket closes, queries and mutations keep being sent: none may succeed past the bound.
      const BOUND_MS = 5_000;
      for (const socket of sockets) {
        await waitFor(
          async () => {
            if (socket.closedWith()) return true;
            const read = await wsQuery(socket.client, '{ invoices { edges { node { id } } } }').catch(
              () => null,
            );
            const write = await wsQuery(
              socket.client,
              'mutation { createOrganization(input: { name: "Revoked Pty" }) { syncStatus } }',
            ).catch(() => null);
            // No Xero is configured here: XERO_UNAVAILABLE means the mutation got past the key.
            const wrote = write?.data || write?.errors?.[0]?.extensions?.code === 'XERO_UNAVAILABLE';
            if ((read?.data || wrote) && Date.now() - revokedAt > BOUND_MS) {
              throw new Error('the revoked key still worked after the bound');
            }
            return undefined;
          },
          BOUND_MS + 500,
          () => 'the socket of the revoked key stayed open',
        );
        expect(socket.closedWith()?.code).toBe(CloseCode.Unauthorized);
      }
      await Promise.all(subscriptions);
      expect(Date.now() - revokedAt).toBeLessThan(BOUND_MS + 500);
      for (const socket of sockets) await socket.client.dispose();
    } finally {
      await second.stop();
      await first.stop();
    }
  }, 60_000);
});
