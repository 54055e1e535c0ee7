import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Gateway, startGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';
import { ALL_SCOPES } from '../../src/schema/scope.js';
import { linkXeroConnection } from '../../src/sync/connections/xero-connection.service.js';
import { createApp, ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { startXeroEmulator } from '../../src/xero-emulator/index.js';
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

describe('writes survive the gateway process', () => {
  it('pushes a PENDING invoice exactly once after the gateway was killed and another started', async () => {
    const emulator = await startXeroEmulator({
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
    const inProcess = (): Promise<Gateway> =>
      startGateway(loadConfig({ ...env, LOG_LEVEL: 'silent' }), createLogger('silent'), {
        xeroSettings: settings,
        schedule: false,
        outbound: FAST_OUTBOUND,
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

    // A real gateway process, while Xero fails every call.
    await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'error', status: 503 }),
    });
    const child: GatewayProcess = spawnGateway({
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
    cleanups.push(async () => child.child.kill('SIGKILL'));
    const url = await waitFor(
      () => /"graphqlUrl":"([^"]+)"/.exec(child.output())?.[1],
      60_000,
      () => child.output(),
    );
    const references = ['killed-1', 'killed-2'];
    for (const reference of references) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({
          query: `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { syncStatus operationId record { id } } }`,
          variables: {
            input: {
              organizationId: customer.id,
              reference,
              lines: [{ description: 'Widget', quantity: '1', unitPrice: '10' }],
            },
          },
        }),
      });
      const body = (await response.json()) as {
        data?: { createInvoice: { syncStatus: string } };
        errors?: unknown;
      };
      expect(body.errors).toBeUndefined();
      expect(body.data?.createInvoice.syncStatus).toBe('PENDING');
    }
    child.child.kill('SIGKILL');
    await child.exited;

    // Xero recovers; a new gateway on the same database finishes the work.
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE' });
    const second = await inProcess();
    cleanups.push(() => second.stop());
    await waitFor(
      async () => {
        const rows = await second.services.db.query(
          `SELECT count(*)::int n FROM outbound_ops WHERE status = 'PENDING'`,
        );
        return rows[0].n === 0 ? true : undefined;
      },
      30_000,
      () => 'ops still pending',
    );
    const xero = xeroClient(emulator, tokens);
    for (const reference of references) {
      const { body } = await xero.accountingApi.getInvoices(
        xeroTenantId,
        undefined,
        `Reference=="${reference}"`,
      );
      expect(body.invoices).toHaveLength(1);
      const rows = await second.services.db.query(
        'SELECT sync_status, xero_id FROM invoices WHERE reference = $1',
        [reference],
      );
      expect(rows).toEqual([{ sync_status: 'SYNCED', xero_id: body.invoices![0].invoiceID }]);
    }
  }, 180_000);
});
