import type { DataSource, EntityManager } from 'typeorm';
import { XeroConnection, XeroConnectionStatus } from '../../schema/xero-connection.entity.js';
import { decryptSecret, encryptSecret } from './token-crypto.js';
import { XeroApiError, XeroErrorKind } from './xero-error.js';
import type { XeroSettings } from './xero-settings.js';

/** A token set as the gateway keeps it (encrypted) — never logged, never sent to clients. */
export interface StoredTokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  scope?: string;
}

/** What Xero's token endpoint answers. */
export interface OAuthTokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  scope?: string;
  token_type?: string;
  id_token?: string;
}

/** Refresh this long before expiry, so a call never starts with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

export function toStoredTokenSet(response: OAuthTokenResponse, now = Date.now()): StoredTokenSet {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: now + response.expires_in * 1000,
    scope: response.scope,
  };
}

/** Seals and opens token sets, refreshing them through Xero's identity server when they near expiry. */
export class XeroTokenStore {
  constructor(
    private readonly db: DataSource,
    private readonly key: Buffer,
    private readonly settings: XeroSettings,
    private readonly onNeedsReauth: (connection: XeroConnection, reason: string) => Promise<void> | void,
  ) {}

  /** The ciphertext for a connection row; the row id is bound in, so it cannot be moved to another row. */
  seal(connectionId: string, tokens: StoredTokenSet): string {
    return encryptSecret(JSON.stringify(tokens), this.key, connectionId);
  }

  open(connection: Pick<XeroConnection, 'id' | 'tokenCiphertext'>): StoredTokenSet {
    return JSON.parse(decryptSecret(connection.tokenCiphertext, this.key, connection.id)) as StoredTokenSet;
  }

  /** A valid access token for the connection; refreshes it first when it expires soon or `force` is set. */
  async accessToken(connectionId: string, force = false): Promise<string> {
    const connection = await this.db.getRepository(XeroConnection).findOneByOrFail({ id: connectionId });
    const current = this.open(connection);
    if (!force && current.expiresAt - Date.now() > REFRESH_MARGIN_MS) return current.accessToken;
    return this.refresh(connectionId, force ? current.accessToken : undefined);
  }

  /**
   * Refreshes under a row lock, so exactly one process uses the refresh token; the rotated refresh token
   * replaces the used one in the same transaction. Should the process die between Xero's answer and the
   * commit, the old refresh token is still accepted within Xero's grace period.
   */
  private async refresh(connectionId: string, staleAccessToken?: string): Promise<string> {
    let reauth: { connection: XeroConnection; reason: string } | undefined;
    const token = await this.db
      .transaction(async (manager) => {
        const connection = await manager
          .getRepository(XeroConnection)
          .createQueryBuilder('c')
          .setLock('pessimistic_write')
          .where('c.id = :connectionId', { connectionId })
          .getOneOrFail();
        const current = this.open(connection);
        const refreshedMeanwhile = staleAccessToken
          ? current.accessToken !== staleAccessToken
          : current.expiresAt - Date.now() > REFRESH_MARGIN_MS;
        if (refreshedMeanwhile) return current.accessToken;
        try {
          const response = await this.requestToken(connection.grantType, current.refreshToken);
          await this.store(manager, connection, toStoredTokenSet(response));
          return response.access_token;
        } catch (error) {
          if (error instanceof XeroApiError && error.kind === XeroErrorKind.Unauthorized) {
            reauth = { connection, reason: error.message };
          }
          throw error;
        }
      })
      .catch(async (error) => {
        // Recorded after the transaction rolled back, so the state change is not undone with it.
        if (reauth) {
          const { id } = reauth.connection;
          await this.db.manager.update(XeroConnection, { id }, { status: XeroConnectionStatus.NEEDS_REAUTH });
          await this.onNeedsReauth(reauth.connection, reauth.reason);
        }
        throw error;
      });
    return token;
  }

  private async store(manager: EntityManager, connection: XeroConnection, tokens: StoredTokenSet) {
    await manager.update(
      XeroConnection,
      { id: connection.id },
      { tokenCiphertext: this.seal(connection.id, tokens), accessTokenExpiresAt: new Date(tokens.expiresAt) },
    );
  }

  /** Calls the token endpoint: refresh_token (with rotation) or client_credentials (custom connections). */
  async requestToken(grantType: string, refreshToken?: string, extra: Record<string, string> = {}) {
    const form = new URLSearchParams({ grant_type: grantType, ...extra });
    if (grantType === 'refresh_token') {
      if (!refreshToken) throw new XeroApiError(XeroErrorKind.Unauthorized, 'No refresh token stored', 401);
      form.set('refresh_token', refreshToken);
    }
    const basic = Buffer.from(`${this.settings.clientId}:${this.settings.clientSecret}`).toString('base64');
    const response = await fetch(`${this.settings.identityUrl}/connect/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      signal: AbortSignal.timeout(30_000),
    }).catch((error: Error) => {
      throw new XeroApiError(XeroErrorKind.Unavailable, `Xero identity unreachable: ${error.message}`, 0);
    });
    const body = (await response.json().catch(() => ({}))) as OAuthTokenResponse & { error?: string };
    if (response.ok && body.access_token) return body;
    if (response.status >= 500) {
      throw new XeroApiError(
        XeroErrorKind.Unavailable,
        `Xero identity answered ${response.status}`,
        response.status,
      );
    }
    // invalid_grant (revoked, expired or reused refresh token), invalid_client...: a person must reconnect
    throw new XeroApiError(
      XeroErrorKind.Unauthorized,
      `Xero refused the token: ${body.error ?? response.status}`,
      401,
    );
  }
}
