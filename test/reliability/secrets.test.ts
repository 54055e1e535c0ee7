import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '../../src/auth/api-key.js';
import { ALL_SCOPES } from '../../src/schema/scope.js';
import { linkXeroConnection } from '../../src/sync/connections/xero-connection.service.js';
import { signXeroPayload } from '../../src/sync/inbound/webhook-signature.js';
import { createApp, ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { emulatorSettings, emulatorTokens, GATEWAY_ENV } from '../integration/writes-harness.js';
import { startTestGateway } from '../support/gateway.js';
import { emulatorEnv, startChildGateway } from '../support/gateway-children.js';
import { waitFor } from '../support/process.js';
import { recordFigures } from '../support/reliability-figures.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

describe('secrets stay secret', () => {
  it('keeps tokens encrypted and keys hashed at rest, and no secret in any log line of a full run', async (context) => {
    const emulator = await startXeroEmulator({
      today: REFERENCE_TODAY,
      seed: 'demo',
      port: 0,
      webhookBatchDelayMs: 50,
    });
    cleanups.push(() => emulator.stop());
    // Set-up in process (tenant, keys, link), then a real gateway process whose every log line is kept.
    const setup = await startTestGateway(GATEWAY_ENV, { xeroSettings: emulatorSettings(emulator) });
    cleanups.push(() => setup.gateway.stop());
    const db = setup.gateway.services.db;
    const tenant = await ensureTenant(db, 'acme');
    const { apiKey } = await createApp(db, tenant.id, 'shop', ALL_SCOPES);
    const xeroTenantId = emulator.organisations.find((org) => org.name === 'Demo Company (AU)')!.tenantId;
    const tokens = await emulatorTokens(emulator, xeroTenantId);
    await linkXeroConnection(db, setup.gateway.services.sync!.xero, {
      tenantId: tenant.id,
      xeroTenantId,
      tokens,
    });
    await setup.gateway.stop();

    const child = await startChildGateway('secrets', {
      ...GATEWAY_ENV,
      ...emulatorEnv(emulator),
      DATABASE_URL: setup.database.url,
      ENCRYPTION_KEY: setup.config.ENCRYPTION_KEY!,
      LOG_LEVEL: 'trace',
      SYNC_INTERVAL_MS: '3600000',
    });
    cleanups.push(() => child.kill());
    const call = async (query: string, variables?: unknown) =>
      (await fetch(`${child.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ query, variables }),
      }).then((response) => response.json())) as { data?: any; errors?: unknown };
    // A sync (with a token refresh), a write, a webhook, a bad key, a failing request.
    await fetch(`${emulator.url}/__emulator/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ expireAccessTokens: true }),
    });
    expect((await call('mutation { triggerSync }')).errors).toBeUndefined();
    const customer = (await call('{ organizations(first: 1) { nodes { id } } }')).data.organizations.nodes[0]
      .id;
    const written = await call(
      'mutation ($input: InvoiceInput!) { createInvoice(input: $input) { syncStatus } }',
      {
        input: {
          organizationId: customer,
          reference: 'secret-run',
          lines: [{ description: 'x', quantity: '1', unitPrice: '5' }],
        },
      },
    );
    expect(written.errors).toBeUndefined();
    await fetch(`${emulator.url}/__emulator/webhook`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${child.url}/webhooks/xero` }),
    });
    await call('mutation ($input: InvoiceInput!) { createInvoice(input: $input) { syncStatus } }', {
      input: {
        organizationId: customer,
        reference: 'secret-run-2',
        lines: [{ description: 'y', quantity: '1', unitPrice: '6' }],
      },
    });
    const body = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: 'x' });
    const forged = await fetch(`${child.url}/webhooks/xero`, {
      method: 'POST',
      headers: { 'x-xero-signature': signXeroPayload(body, 'guessed') },
      body,
    });
    expect(forged.status).toBe(401);
    await fetch(`${child.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}x` },
      body: '{"query":"{ __typename }"}',
    });
    await waitFor(
      () => (/webhook/i.test(child.output()) ? true : undefined),
      10_000,
      () => 'no webhook logged',
    );

    // At rest: the connection row holds no token, the keys table no key.
    const connection = await setup.database.dataSource.query(
      'SELECT * FROM xero_connections WHERE tenant_id = $1',
      [tenant.id],
    );
    const current = await setup.gateway.services.sync!.xero.tokens.open({
      id: connection[0].id,
      tokenCiphertext: connection[0].token_ciphertext,
    });
    const rowText = JSON.stringify(connection);
    for (const token of [
      tokens.access_token,
      tokens.refresh_token,
      current.accessToken,
      current.refreshToken,
    ]) {
      expect(token && rowText.includes(token)).toBeFalsy();
    }
    expect(connection[0].token_ciphertext).toMatch(/^v1\./);
    const keys = JSON.stringify(await setup.database.dataSource.query('SELECT * FROM api_keys'));
    expect(keys).not.toContain(apiKey);
    expect(keys).toContain(hashApiKey(apiKey));

    await child.kill();
    const logs = child.output();
    expect(logs.split('\n').length).toBeGreaterThan(5);
    const secrets = {
      apiKey,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token!,
      rotatedAccessToken: current.accessToken,
      rotatedRefreshToken: current.refreshToken!,
      clientSecret: emulator.clientSecret,
      webhookKey: emulator.webhookKey,
      encryptionKey: setup.config.ENCRYPTION_KEY!,
      databasePassword: new URL(setup.database.url).password,
    };
    const found = Object.entries(secrets).filter(
      ([, value]) => value && value.length >= 8 && logs.includes(value),
    );
    expect(found.map(([name]) => name)).toEqual([]);
    recordFigures(context, { secretsFoundInLogs: found.length, leaksFound: found.length });
    cleanups.push(() => setup.database.drop());
  }, 120_000);

  it('compares webhook signatures in constant time and refuses forged ones', () => {
    // Code-level: the comparison is crypto.timingSafeEqual over equal-length buffers, never === on strings.
    const source = readFileSync(
      path.resolve(import.meta.dirname, '../../src/sync/inbound/webhook-signature.ts'),
      'utf8',
    );
    expect(source).toMatch(/timingSafeEqual\(/);
    expect(source).not.toMatch(/signature\s*===|===\s*signature|expected\s*===/);
    const key = randomBytes(16).toString('base64');
    expect(signXeroPayload('{}', key)).not.toBe(signXeroPayload('{}', `${key}x`));
  });
});
