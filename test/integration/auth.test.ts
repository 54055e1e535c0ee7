import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../src/schema/scope.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

describe('authentication and scopes', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.stop());

  it('answers viewer with the tenant and app of the key', async () => {
    const key = await gateway.createKey('org-fbcy', [Scope.READ], 'vtiger');
    const result = await gateway.graphql<{
      viewer: { tenant: { name: string }; app: { provider: string; scopes: string[] } };
    }>('{ viewer { tenant { id name } app { id provider scopes } } }', {}, key);
    expect(result.errors).toBeUndefined();
    expect(result.data?.viewer.tenant.name).toBe('org-fbcy');
    expect(result.data?.viewer.app).toMatchObject({ provider: 'vtiger', scopes: ['READ'] });
  });

  it('refuses a request without a key with UNAUTHENTICATED', async () => {
    const result = await gateway.graphql('{ viewer { tenant { id } } }');
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown key with UNAUTHENTICATED', async () => {
    const result = await gateway.graphql('{ viewer { tenant { id } } }', {}, 'cxg_not-a-real-key');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an admin-only operation to a read-only key with FORBIDDEN naming the scope', async () => {
    const key = await gateway.createKey('org-fbcy', [Scope.READ]);
    const result = await gateway.graphql('{ apps { id } }', {}, key);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'admin' });
    expect(result.data).toBeNull();
  });

  it('lets an admin key create an app whose key works once and is stored only as a hash', async () => {
    const admin = await gateway.createKey('org-keys', [Scope.ADMIN]);
    const created = await gateway.graphql<{ createApp: { apiKey: string; app: { id: string } } }>(
      'mutation { createApp(provider: "shopify", scopes: [READ]) { apiKey app { id provider } } }',
      {},
      admin,
    );
    const apiKey = created.data!.createApp.apiKey;
    const viewer = await gateway.graphql<{ viewer: { app: { provider: string } } }>(
      '{ viewer { app { provider } } }',
      {},
      apiKey,
    );
    expect(viewer.data?.viewer.app.provider).toBe('shopify');
    const stored = await gateway.database.dataSource.query('SELECT key_hash FROM api_keys');
    expect(JSON.stringify(stored)).not.toContain(apiKey);
  });

  it('stops a revoked key at once', async () => {
    const admin = await gateway.createKey('org-revoke', [Scope.ADMIN]);
    const victim = await gateway.createKey('org-revoke', [Scope.READ], 'crm');
    const viewer = await gateway.graphql<{ viewer: { app: { id: string } } }>(
      '{ viewer { app { id } } }',
      {},
      victim,
    );
    const appId = viewer.data!.viewer.app.id;
    await gateway.graphql('mutation($id: ID!) { revokeApp(id: $id) { id revokedAt } }', { id: appId }, admin);
    const after = await gateway.graphql('{ viewer { app { id } } }', {}, victim);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("cannot revoke another tenant's app", async () => {
    const adminA = await gateway.createKey('org-a', [Scope.ADMIN]);
    const keyB = await gateway.createKey('org-b', [Scope.READ]);
    const viewerB = await gateway.graphql<{ viewer: { app: { id: string } } }>(
      '{ viewer { app { id } } }',
      {},
      keyB,
    );
    const result = await gateway.graphql(
      'mutation($id: ID!) { revokeApp(id: $id) { id } }',
      { id: viewerB.data!.viewer.app.id },
      adminA,
    );
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const stillWorks = await gateway.graphql('{ viewer { app { id } } }', {}, keyB);
    expect(stillWorks.errors).toBeUndefined();
  });
});
