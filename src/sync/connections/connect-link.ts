import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.js';
import type { XeroAuthorizationPurpose } from '../../schema/xero-authorization.entity.js';
import { resolveEncryptionKey } from '../xero/encryption-key.js';

/** How long a connect link from `connectXeroUrl` / `reconnectXero` can be opened. */
export const CONNECT_LINK_TTL_MS = 10 * 60_000;

/** What a signed connect link carries. */
export interface ConnectLink {
  /** Random id: a link starts at most one authorisation (recorded in xero_authorizations.link_id). */
  id: string;
  tenantId: string;
  /** Whether "Allow Payroll Access" starts ticked. */
  payroll: boolean;
  purpose: XeroAuthorizationPurpose;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Signs and verifies connect links with a key derived from ENCRYPTION_KEY (never the key itself). */
export class ConnectLinkSigner {
  private readonly key: Buffer;

  constructor(encryptionKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'xero-connect-link/v1', 32));
  }

  /** A new link token `<payload>.<mac>` (base64url), valid for CONNECT_LINK_TTL_MS. */
  issue(
    input: Pick<ConnectLink, 'tenantId' | 'payroll' | 'purpose'>,
    now = Date.now(),
  ): { token: string; link: ConnectLink } {
    const link: ConnectLink = {
      id: randomBytes(16).toString('base64url'),
      ...input,
      expiresAt: now + CONNECT_LINK_TTL_MS,
    };
    const payload = Buffer.from(JSON.stringify(link)).toString('base64url');
    return { token: `${payload}.${this.mac(payload)}`, link };
  }

  /** The link, when the token is signed by us and not expired; undefined otherwise. */
  verify(token: string | null | undefined, now = Date.now()): ConnectLink | undefined {
    const [payload, mac, extra] = (token ?? '').split('.');
    if (!payload || !mac || extra !== undefined) return undefined;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const link = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ConnectLink;
      return typeof link.expiresAt === 'number' && link.expiresAt > now ? link : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

export interface ConnectKeys {
  signer: ConnectLinkSigner;
  encryptionKey: Buffer;
}

const keysByConfig = new WeakMap<Config, Promise<ConnectKeys>>();

/** The link signer and the encryption key (which also seals PKCE verifiers), resolved once per config. */
export function connectKeys(config: Config): Promise<ConnectKeys> {
  let keys = keysByConfig.get(config);
  if (!keys) {
    keys = resolveEncryptionKey(config).then((encryptionKey) => ({
      signer: new ConnectLinkSigner(encryptionKey),
      encryptionKey,
    }));
    keysByConfig.set(config, keys);
  }
  return keys;
}

/** A new connect link for the tenant: the URL an admin opens in a browser, and when it expires. */
export async function issueConnectLink(
  config: Config,
  baseUrl: string,
  input: Pick<ConnectLink, 'tenantId' | 'payroll' | 'purpose'>,
): Promise<{ url: string; expiresAt: Date; token: string }> {
  const { signer } = await connectKeys(config);
  const { token, link } = signer.issue(input);
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/connect/xero`);
  url.searchParams.set('link', token);
  return { url: url.toString(), expiresAt: new Date(link.expiresAt), token };
}
