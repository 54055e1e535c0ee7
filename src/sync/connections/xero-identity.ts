import { XeroApiError, XeroErrorKind } from '../xero/xero-error.js';
import type { XeroSettings } from '../xero/xero-settings.js';

/** One entry of Xero's `GET /connections`: an organisation (or practice) the app is connected to. */
export interface XeroTenantConnection {
  id: string;
  authEventId?: string;
  tenantId: string;
  tenantType: string;
  tenantName: string | null;
}

const TIMEOUT_MS = 30_000;

/**
 * The organisations a token reaches. Filtered to the token's own authentication event when it names
 * one, as Xero advises, so a consent lists only what was chosen in it, not older connections.
 * https://developer.xero.com/documentation/guides/oauth2/auth-flow/#5-check-the-tenants-youre-authorized-to-access
 */
export async function listXeroConnections(
  settings: XeroSettings,
  accessToken: string,
): Promise<XeroTenantConnection[]> {
  const authEventId = authenticationEventId(accessToken);
  const url = new URL(`${settings.apiUrl}/connections`);
  if (authEventId) url.searchParams.set('authEventId', authEventId);
  const response = await identityFetch(url.toString(), {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
  if (!response.ok) {
    throw new XeroApiError(XeroErrorKind.Unauthorized, `Xero /connections answered ${response.status}`, 401);
  }
  const list = (await response.json()) as XeroTenantConnection[];
  return authEventId ? list.filter((entry) => !entry.authEventId || entry.authEventId === authEventId) : list;
}

/** Removes the app's connection to one organisation (`DELETE /connections/{id}`). */
export async function deleteXeroConnection(
  settings: XeroSettings,
  accessToken: string,
  connectionId: string,
): Promise<void> {
  const response = await identityFetch(`${settings.apiUrl}/connections/${encodeURIComponent(connectionId)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok && response.status !== 404) {
    throw new XeroApiError(
      XeroErrorKind.Unauthorized,
      `Xero DELETE /connections answered ${response.status}`,
      401,
    );
  }
}

/** Revokes a refresh token (and with it the whole grant) at `${identityUrl}/connect/revocation`. */
export async function revokeXeroToken(settings: XeroSettings, token: string): Promise<void> {
  const basic = Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString('base64');
  const response = await identityFetch(`${settings.identityUrl}/connect/revocation`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }),
  });
  if (!response.ok) {
    throw new XeroApiError(XeroErrorKind.Unauthorized, `Xero revocation answered ${response.status}`, 401);
  }
}

/** The `authentication_event_id` claim of a Xero access token (a JWT), if it has one. */
export function authenticationEventId(accessToken: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload.authentication_event_id === 'string' ? payload.authentication_event_id : undefined;
  } catch {
    return undefined;
  }
}

async function identityFetch(url: string, init: RequestInit): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) }).catch((error: Error) => {
    throw new XeroApiError(XeroErrorKind.Unavailable, `Xero unreachable: ${error.message}`, 0);
  });
}
