import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger.js';
import { Scope } from '../../schema/scope.js';
import { Tenant } from '../../schema/tenant.entity.js';
import { XeroConnection } from '../../schema/xero-connection.entity.js';
import { createApp } from '../../tenancy/tenancy.service.js';
import type { SyncServices } from '../sync-services.js';
import type { OAuthTokenResponse } from '../xero/xero-tokens.js';
import { ConnectFlowError, type OpenedAuthorization } from './xero-authorization.service.js';
import { ConnectionError, linkXeroConnection } from './xero-connection.service.js';
import {
  deleteXeroConnection,
  listXeroConnections,
  revokeXeroToken,
  type XeroTenantConnection,
} from './xero-identity.js';

/** What happened to one organisation of a consent. */
export interface LinkedOrganisation {
  organisation: string;
  tenant: string | null;
  outcome: 'LINKED' | 'RECONNECTED' | 'REFUSED';
  message?: string;
  countryCode?: string | null;
  baseCurrency?: string | null;
  payrollAccess?: boolean;
  /** An admin key for a tenant this consent created: shown once, stored only as a hash. */
  apiKey?: string;
}

export interface ConsentDeps {
  db: DataSource;
  logger: Logger;
  sync: SyncServices;
  redirectUri: string;
}

/**
 * Finishes a consent: exchanges the code (with the PKCE verifier) for tokens, reads which organisations
 * were authorised (`/connections` for this authentication event), and links them: the initiating tenant
 * gets its existing organisation or the first one; every other organisation goes to the tenant already
 * linked to it (tokens renewed) or to a new tenant named after it, with its own admin key. The first sync
 * of each linked tenant starts in the background.
 */
export async function completeConsent(
  deps: ConsentDeps,
  authorization: OpenedAuthorization,
  code: string,
): Promise<LinkedOrganisation[]> {
  const { db, sync } = deps;
  const tokens = await sync.xero.tokens
    .requestToken('authorization_code', undefined, {
      code,
      redirect_uri: deps.redirectUri,
      code_verifier: authorization.codeVerifier,
    })
    .catch(() => {
      throw new ConnectFlowError(
        'CODE_REFUSED',
        'Xero refused the authorisation code: it expired or was already used. Start again.',
      );
    });
  const organisations = (await listXeroConnections(sync.xero.settings, tokens.access_token)).filter(
    (connection) => connection.tenantType === 'ORGANISATION',
  );
  if (organisations.length === 0) {
    throw new ConnectFlowError('NO_ORGANISATION', 'No Xero organisation was chosen on the consent page.');
  }
  const tokenSets = await tokensPerOrganisation(sync, tokens, organisations.length);
  const initiating = await db.getRepository(XeroConnection).findOneBy({ tenantId: authorization.tenantId });
  const ordered = [...organisations].sort(
    (a, b) =>
      Number(b.tenantId === initiating?.xeroTenantId) - Number(a.tenantId === initiating?.xeroTenantId),
  );
  const results: LinkedOrganisation[] = [];
  for (const [index, organisation] of ordered.entries()) {
    const target = index === 0 ? authorization.tenantId : undefined;
    results.push(await linkOne(deps, organisation, tokenSets[index], target));
  }
  let anyHeld = false;
  for (const [index, result] of results.entries()) {
    if (result.outcome !== 'REFUSED') anyHeld = true;
    else if (await forgetRefused(deps, ordered[index], tokenSets[index])) anyHeld = true;
  }
  if (!anyHeld && tokens.refresh_token) {
    // Nothing was linked: give the grant back rather than leave a live refresh token with nobody holding it.
    await revokeXeroToken(sync.xero.settings, tokens.refresh_token).catch((error) =>
      deps.logger.warn({ err: error }, 'could not revoke an unused Xero grant'),
    );
  }
  return results;
}

/**
 * One consent yields one token set for all chosen organisations, but each tenant refreshes on its own
 * and Xero rotates refresh tokens: two rows sharing one would lock each other out after the grace period.
 * So each organisation gets its own chain, refreshed from the consent's refresh token (Xero accepts a
 * used refresh token again within its 30-minute grace period).
 */
async function tokensPerOrganisation(
  sync: SyncServices,
  tokens: OAuthTokenResponse,
  count: number,
): Promise<OAuthTokenResponse[]> {
  if (count === 1 || !tokens.refresh_token) return Array.from({ length: count }, () => tokens);
  const sets: OAuthTokenResponse[] = [];
  for (let index = 0; index < count; index += 1) {
    sets.push(await sync.xero.tokens.requestToken('refresh_token', tokens.refresh_token));
  }
  return sets;
}

async function linkOne(
  deps: ConsentDeps,
  organisation: XeroTenantConnection,
  tokens: OAuthTokenResponse,
  initiatingTenantId: string | undefined,
): Promise<LinkedOrganisation> {
  const { db, sync, logger } = deps;
  const target = initiatingTenantId
    ? { tenantId: initiatingTenantId, created: false }
    : await tenantForOrganisation(db, organisation);
  const tenant = await db.getRepository(Tenant).findOneByOrFail({ id: target.tenantId });
  const previous = await db.getRepository(XeroConnection).findOneBy({ tenantId: tenant.id });
  try {
    const linked = await linkXeroConnection(db, sync.xero, {
      tenantId: tenant.id,
      xeroTenantId: organisation.tenantId,
      xeroConnectionId: organisation.id,
      tokens,
    });
    const apiKey = target.created
      ? (
          await createApp(db, tenant.id, 'xero-admin', [
            Scope.ADMIN,
            Scope.READ,
            Scope.WRITE,
            Scope.SUBSCRIBE,
          ])
        ).apiKey
      : undefined;
    sync.scheduler
      .trigger(tenant.id)
      .catch((error) =>
        logger.warn({ err: error, tenantId: tenant.id }, 'first sync after connecting failed'),
      );
    logger.info(
      { tenantId: tenant.id, xeroTenantId: organisation.tenantId, payroll: linked.payrollAccess },
      'Xero organisation connected',
    );
    return {
      organisation: linked.organisationName,
      tenant: tenant.name,
      outcome: previous ? 'RECONNECTED' : 'LINKED',
      countryCode: linked.countryCode,
      baseCurrency: linked.baseCurrency,
      payrollAccess: linked.payrollAccess,
      apiKey,
    };
  } catch (error) {
    if (target.created) await db.getRepository(Tenant).delete({ id: tenant.id });
    if (!(error instanceof ConnectionError)) throw error;
    logger.warn({ tenantId: tenant.id, reason: error.code }, 'Xero organisation not connected');
    return {
      organisation: organisation.tenantName || organisation.tenantId,
      tenant: target.created ? null : tenant.name,
      outcome: 'REFUSED',
      message: error.message,
    };
  }
}

/** The tenant already linked to this organisation, or a new one named after it (`org-<slug>`, `-2`...). */
async function tenantForOrganisation(
  db: DataSource,
  organisation: XeroTenantConnection,
): Promise<{ tenantId: string; created: boolean }> {
  const linked = await db.getRepository(XeroConnection).findOne({
    where: { xeroTenantId: organisation.tenantId },
    order: { createdAt: 'ASC' },
  });
  if (linked) return { tenantId: linked.tenantId, created: false };
  const base = `org-${slug(organisation.tenantName || organisation.tenantId)}`
    .slice(0, 56)
    .replace(/-+$/, '');
  for (let suffix = 1; ; suffix += 1) {
    const name = suffix === 1 ? base : `${base}-${suffix}`;
    const inserted = await db
      .createQueryBuilder()
      .insert()
      .into(Tenant)
      .values({ name })
      .orIgnore()
      .returning(['id'])
      .execute();
    const row = (inserted.raw as Array<{ id: string }>)[0];
    if (row) return { tenantId: row.id, created: true };
  }
}

/** "Demo Company (AU)" -> "demo-company-au". */
export function slug(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents, so "Café" becomes "cafe"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned.length >= 2 ? cleaned : `xero-${cleaned || 'organisation'}`;
}

/** A refused organisation held by no tenant is disconnected from the app in Xero, so nothing dangles. */
async function forgetRefused(
  deps: ConsentDeps,
  organisation: XeroTenantConnection,
  tokens: OAuthTokenResponse,
): Promise<boolean> {
  const held = await deps.db.getRepository(XeroConnection).existsBy({ xeroTenantId: organisation.tenantId });
  if (held) return true;
  await deleteXeroConnection(deps.sync.xero.settings, tokens.access_token, organisation.id).catch((error) =>
    deps.logger.warn({ err: error }, 'could not remove a refused organisation from the Xero app'),
  );
  return false;
}
