import { randomToken } from '../core/ids.js';
import { signHs256, signRs256 } from './jwt.js';

export interface Grant {
  id: string;
  clientId: string;
  tenantIds: string[];
  scopes: string[];
  userId: string;
  createdAt: number;
  revoked: boolean;
}

interface AccessToken {
  grantId: string;
  expiresAt: number;
}

interface RefreshToken {
  grantId: string;
  createdAt: number;
  usedAt?: number;
  revoked?: boolean;
}

export interface Connection {
  id: string;
  clientId: string;
  tenantId: string;
  authEventId: string;
  createdAt: number;
  updatedAt: number;
}

export interface TokenSet {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: 'Bearer';
  scope: string;
  id_token?: string;
}

export type AccessCheck = { ok: true; grant: Grant } | { ok: false; detail: string };

const REFRESH_LIFETIME_MS = 60 * 86_400_000;

/** Grants, access and refresh tokens, and app connections per organisation. */
export class TokenStore {
  grants = new Map<string, Grant>();
  access = new Map<string, AccessToken>();
  refresh = new Map<string, RefreshToken>();
  connections = new Map<string, Connection>();

  constructor(
    private readonly cfg: {
      accessTokenTtlMs: number;
      refreshTokenGraceMs: number;
      signingSecret: string;
      issuer: () => string;
    },
  ) {}

  createGrant(clientId: string, tenantIds: string[], scopes: string[], now: number): Grant {
    const grant: Grant = {
      id: crypto.randomUUID(),
      clientId,
      tenantIds,
      scopes,
      userId: crypto.randomUUID(),
      createdAt: now,
      revoked: false,
    };
    this.grants.set(grant.id, grant);
    for (const tenantId of tenantIds) this.connect(clientId, tenantId, grant.id, now);
    return grant;
  }

  private connect(clientId: string, tenantId: string, authEventId: string, now: number): void {
    const existing = [...this.connections.values()].find(
      (c) => c.clientId === clientId && c.tenantId === tenantId,
    );
    if (existing) {
      existing.authEventId = authEventId;
      existing.updatedAt = now;
      return;
    }
    const id = crypto.randomUUID();
    this.connections.set(id, { id, clientId, tenantId, authEventId, createdAt: now, updatedAt: now });
  }

  issue(
    grant: Grant,
    now: number,
    opts: { idToken?: { nonce?: string }; withRefresh?: boolean } = {},
  ): TokenSet {
    const exp = now + this.cfg.accessTokenTtlMs;
    const access = signHs256(
      {
        nbf: Math.floor(now / 1000),
        exp: Math.floor(exp / 1000),
        iss: this.cfg.issuer(),
        aud: `${this.cfg.issuer()}/resources`,
        client_id: grant.clientId,
        sub: grant.userId,
        xero_userid: grant.userId,
        authentication_event_id: grant.id,
        jti: randomToken(12),
        scope: grant.scopes,
      },
      this.cfg.signingSecret,
    );
    this.access.set(access, { grantId: grant.id, expiresAt: exp });
    const set: TokenSet = {
      access_token: access,
      expires_in: Math.round(this.cfg.accessTokenTtlMs / 1000),
      token_type: 'Bearer',
      scope: grant.scopes.join(' '),
    };
    if (opts.withRefresh ?? grant.scopes.includes('offline_access')) {
      const rt = randomToken(32);
      this.refresh.set(rt, { grantId: grant.id, createdAt: now });
      set.refresh_token = rt;
    }
    if (opts.idToken && grant.scopes.includes('openid')) {
      set.id_token = signRs256({
        iss: this.cfg.issuer(),
        aud: grant.clientId,
        sub: grant.userId,
        iat: Math.floor(now / 1000),
        exp: Math.floor(exp / 1000),
        auth_time: Math.floor(grant.createdAt / 1000),
        xero_userid: grant.userId,
        global_session_id: grant.id,
        email: 'demo.user@example.com',
        given_name: 'Demo',
        family_name: 'User',
        ...(opts.idToken.nonce ? { nonce: opts.idToken.nonce } : {}),
      });
    }
    return set;
  }

  /** Rotation: each refresh token works once; a used one keeps working for the grace period only. */
  refreshGrant(token: string, clientId: string, now: number): TokenSet | undefined {
    const rt = this.refresh.get(token);
    if (!rt || rt.revoked) return undefined;
    const grant = this.grants.get(rt.grantId);
    if (!grant || grant.revoked || grant.clientId !== clientId) return undefined;
    if (now - rt.createdAt > REFRESH_LIFETIME_MS) return undefined;
    if (rt.usedAt !== undefined && now - rt.usedAt > this.cfg.refreshTokenGraceMs) return undefined;
    rt.usedAt ??= now;
    return this.issue(grant, now, { withRefresh: true });
  }

  checkAccess(token: string, now: number): AccessCheck {
    const at = this.access.get(token);
    if (!at) return { ok: false, detail: 'AuthenticationUnsuccessful' };
    if (now >= at.expiresAt) {
      return { ok: false, detail: `TokenExpired: token expired at ${new Date(at.expiresAt).toUTCString()}` };
    }
    const grant = this.grants.get(at.grantId);
    if (!grant || grant.revoked) return { ok: false, detail: 'AuthenticationUnsuccessful' };
    return { ok: true, grant };
  }

  /** A tenant is reachable while the app stays connected to it. */
  isConnected(clientId: string, tenantId: string): boolean {
    for (const c of this.connections.values())
      if (c.clientId === clientId && c.tenantId === tenantId.toLowerCase()) return true;
    return false;
  }

  revokeByToken(token: string): boolean {
    const grantId = this.refresh.get(token)?.grantId ?? this.access.get(token)?.grantId;
    const grant = grantId ? this.grants.get(grantId) : undefined;
    if (!grant) return false;
    this.revokeGrant(grant);
    return true;
  }

  revokeGrant(grant: Grant): void {
    grant.revoked = true;
    for (const [id, c] of this.connections) if (c.authEventId === grant.id) this.connections.delete(id);
  }

  revokeAll(): void {
    for (const g of this.grants.values()) this.revokeGrant(g);
  }

  expireAccessTokens(): void {
    for (const at of this.access.values()) at.expiresAt = 0;
  }

  toJSON(): unknown {
    return {
      grants: [...this.grants.values()],
      access: [...this.access.entries()],
      refresh: [...this.refresh.entries()],
      connections: [...this.connections.values()],
    };
  }

  load(data: {
    grants: Grant[];
    access: [string, AccessToken][];
    refresh: [string, RefreshToken][];
    connections: Connection[];
  }): void {
    this.grants = new Map(data.grants.map((g) => [g.id, g]));
    this.access = new Map(data.access);
    this.refresh = new Map(data.refresh);
    this.connections = new Map(data.connections.map((c) => [c.id, c]));
  }
}
