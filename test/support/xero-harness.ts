import { linkXeroConnection } from '../../src/sync/connections/xero-connection.service.js';
import { ACCOUNTING_SCOPES, PAYROLL_SCOPES } from '../../src/sync/xero/xero-scopes.js';
import type { XeroSettings } from '../../src/sync/xero/xero-settings.js';
import type { OAuthTokenResponse } from '../../src/sync/xero/xero-tokens.js';
import { ensureTenant } from '../../src/tenancy/tenancy.service.js';
import type { XeroEmulatorOptions } from '../../src/xero-emulator/index.js';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { startTestGateway, type TestGateway } from './gateway.js';

export { ACCOUNTING_SCOPES, PAYROLL_SCOPES, REFERENCE_TODAY };

export interface XeroHarness {
  emulator: RunningXeroEmulator;
  gateway: TestGateway;
  settings: XeroSettings;
  /** The emulator organisation with this name. */
  organisation(name: string): { tenantId: string; name: string; countryCode: string; baseCurrency: string };
  /** Creates a tenant and links it to an emulator organisation; returns the tenant id. */
  link(tenantName: string, organisationName: string, scopes?: string[]): Promise<string>;
  /** Calls the emulator's control API. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * A real emulator over HTTP and a real gateway pointed at it (background schedule off: tests trigger syncs).
 * The emulator's demo seed is placed for REFERENCE_TODAY (its literal dates) unless `emulatorOptions.today`
 * says otherwise, so no test depends on the day it runs.
 */
export async function startXeroHarness(
  emulatorOptions: XeroEmulatorOptions = {},
  env: Record<string, string> = {},
): Promise<XeroHarness> {
  const emulator = await startXeroEmulator({
    port: 0,
    seed: 'demo',
    today: REFERENCE_TODAY,
    ...emulatorOptions,
  });
  const settings: XeroSettings = {
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiUrl: emulator.url,
    identityUrl: emulator.url,
    loginUrl: emulator.url,
    webhookKey: emulator.webhookKey,
  };
  const gateway = await startTestGateway(env, { xeroSettings: settings });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const organisation = (name: string) => {
    const found = emulator.organisations.find((org) => org.name === name);
    if (!found) throw new Error(`No emulator organisation "${name}"`);
    return found;
  };
  return {
    emulator,
    gateway,
    settings,
    organisation,
    control,
    async link(tenantName, organisationName, scopes = [...ACCOUNTING_SCOPES, ...PAYROLL_SCOPES]) {
      const db = gateway.gateway.services.db;
      const tenant = await ensureTenant(db, tenantName);
      const tokens = (await control('POST', '/__emulator/tokens', {
        tenantIds: [organisation(organisationName).tenantId],
        scopes,
      })) as OAuthTokenResponse;
      await linkXeroConnection(db, gateway.gateway.services.sync!.xero, {
        tenantId: tenant.id,
        xeroTenantId: organisation(organisationName).tenantId,
        tokens,
      });
      return tenant.id;
    },
    async stop() {
      await gateway.stop();
      await emulator.stop();
    },
  };
}
