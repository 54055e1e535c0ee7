import { CloseCode } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../src/schema/scope.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { connectWs, wsQuery } from '../support/ws-client.js';

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
