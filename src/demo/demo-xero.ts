import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';
import { ALL_SCOPES } from '../schema/scope.js';
import { findConnection, linkXeroConnection } from '../sync/connections/xero-connection.service.js';
import type { SyncServices } from '../sync/sync-services.js';
import { ACCOUNTING_SCOPES, PAYROLL_SCOPES } from '../sync/xero/xero-scopes.js';
import type { OAuthTokenResponse } from '../sync/xero/xero-tokens.js';
import { createApp, ensureTenant } from '../tenancy/tenancy.service.js';
import type { EmulatorInfo } from './emulator-process.js';

/** The demo grants itself payroll too (the consent page's "Allow Payroll Access"). */
const DEMO_SCOPES = [...ACCOUNTING_SCOPES, ...PAYROLL_SCOPES];

export interface DemoTenant {
  tenant: string;
  organisation: string;
  apiKey?: string;
}

/**
 * Links the demo tenants to the emulator's organisations the first time (org-demo -> "Demo Company (AU)",
 * org-demo-us -> "Demo Company (US)"), through the emulator's token endpoint for scripts, and points the
 * emulator's webhooks at the gateway.
 */
export async function linkDemoTenants(
  db: DataSource,
  sync: SyncServices,
  emulator: EmulatorInfo,
  gatewayUrl: string,
  logger: Logger,
): Promise<DemoTenant[]> {
  await fetch(`${emulator.url}/__emulator/webhook`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${gatewayUrl}/webhooks/xero` }),
  });
  const links: Array<[string, string]> = [
    ['org-demo', 'Demo Company (AU)'],
    ['org-demo-us', 'Demo Company (US)'],
  ];
  const linked: DemoTenant[] = [];
  for (const [tenantName, organisationName] of links) {
    const organisation = emulator.organisations.find((org) => org.name === organisationName);
    if (!organisation) continue;
    const tenant = await ensureTenant(db, tenantName);
    const result: DemoTenant = { tenant: tenantName, organisation: organisationName };
    if (!(await findConnection(db, tenant.id))) {
      const tokens = await emulatorTokens(emulator, organisation.tenantId);
      await linkXeroConnection(db, sync.xero, {
        tenantId: tenant.id,
        xeroTenantId: organisation.tenantId,
        tokens,
      });
      if (tenantName !== 'org-demo')
        result.apiKey = (await createApp(db, tenant.id, 'dashboard', ALL_SCOPES)).apiKey;
      logger.info(
        { tenant: tenantName, organisation: organisationName },
        'demo tenant linked to the Xero emulator',
      );
    }
    linked.push(result);
  }
  return linked;
}

async function emulatorTokens(emulator: EmulatorInfo, xeroTenantId: string): Promise<OAuthTokenResponse> {
  const response = await fetch(`${emulator.url}/__emulator/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantIds: [xeroTenantId], scopes: DEMO_SCOPES }),
  });
  if (!response.ok) throw new Error(`The Xero emulator refused demo tokens: ${response.status}`);
  return (await response.json()) as OAuthTokenResponse;
}
