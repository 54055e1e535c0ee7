import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { XeroConnection, XeroConnectionStatus } from '../../schema/xero-connection.entity.js';
import type { XeroServices } from '../xero/xero-services.js';
import { type OAuthTokenResponse, toStoredTokenSet } from '../xero/xero-tokens.js';

/** Payroll is shared only for organisations in these currencies (Xero's payroll regions). */
const PAYROLL_CURRENCIES = new Set(['AUD', 'USD']);
/** The words users saw when payroll was linked for another region (help page, rule 16). */
export const PAYROLL_REGION_REFUSAL =
  "The app has requested access to data that this organization doesn't allow: payroll is only shared for Australian (AUD) and US (USD) organisations.";

export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly code: 'ALREADY_LINKED' | 'PAYROLL_REGION' | 'XERO',
  ) {
    super(message);
  }
}

export interface LinkInput {
  tenantId: string;
  xeroTenantId: string;
  xeroConnectionId?: string;
  tokens: OAuthTokenResponse;
  /** `client_credentials` for a custom connection; otherwise tokens are refreshed with the refresh token. */
  grantType?: 'refresh_token' | 'client_credentials';
}

/** Whether the granted scopes include Xero payroll (AU `payroll.*`; the legacy US surface uses the same). */
export function hasPayrollScope(scopes: string[]): boolean {
  return scopes.some((scope) => scope.startsWith('payroll.'));
}

/**
 * Links a tenant to a Xero organisation: stores the tokens encrypted, then reads the organisation's
 * name, country and currency from Xero. One tenant has one organisation; relinking the same one
 * replaces its tokens (a reconnect), linking a different one is refused while the tenant has one.
 */
export async function linkXeroConnection(
  db: DataSource,
  xero: XeroServices,
  input: LinkInput,
): Promise<XeroConnection> {
  const repository = db.getRepository(XeroConnection);
  const existing = await repository.findOneBy({ tenantId: input.tenantId });
  // A disconnected tenant still caches the old organisation's records: mixing two organisations' data in
  // one tenant would corrupt it, so only a purge (which deletes the connection row) frees the tenant.
  if (existing && existing.xeroTenantId !== input.xeroTenantId) {
    throw new ConnectionError(
      `This tenant is linked to "${existing.organisationName}". Disconnect it and purge its cached data before linking another organisation.`,
      'ALREADY_LINKED',
    );
  }
  const id = existing?.id ?? randomUUID();
  const stored = toStoredTokenSet(input.tokens);
  const scopes = (input.tokens.scope ?? '').split(/\s+/).filter(Boolean);
  await repository.save({
    id,
    tenantId: input.tenantId,
    xeroTenantId: input.xeroTenantId,
    xeroConnectionId: input.xeroConnectionId ?? null,
    organisationName: existing?.organisationName ?? input.xeroTenantId,
    scopes,
    payrollAccess: false,
    status: XeroConnectionStatus.ACTIVE,
    grantType: input.grantType ?? 'refresh_token',
    tokenCiphertext: xero.tokens.seal(id, stored),
    accessTokenExpiresAt: new Date(stored.expiresAt),
  });
  const organisation = await readOrganisation(xero, id, input.xeroTenantId);
  const payrollRequested = hasPayrollScope(scopes);
  if (payrollRequested && !PAYROLL_CURRENCIES.has(organisation.baseCurrency ?? '')) {
    if (!existing) await repository.delete({ id });
    throw new ConnectionError(PAYROLL_REGION_REFUSAL, 'PAYROLL_REGION');
  }
  await repository.update(
    { id },
    {
      ...organisation,
      payrollAccess: payrollRequested && ['AU', 'US'].includes(organisation.countryCode ?? ''),
    },
  );
  return repository.findOneByOrFail({ id });
}

async function readOrganisation(xero: XeroServices, connectionId: string, xeroTenantId: string) {
  const body = await xero.api.call(
    { connectionId, xeroTenantId, priority: 'interactive' },
    (client, tenant) => client.accountingApi.getOrganisations(tenant),
  );
  const organisation = body.organisations?.[0];
  return {
    organisationName: organisation?.name ?? xeroTenantId,
    countryCode: organisation?.countryCode ? String(organisation.countryCode) : null,
    baseCurrency: organisation?.baseCurrency ? String(organisation.baseCurrency) : null,
  };
}

export async function findConnection(db: DataSource, tenantId: string): Promise<XeroConnection | null> {
  return db.getRepository(XeroConnection).findOneBy({ tenantId });
}
