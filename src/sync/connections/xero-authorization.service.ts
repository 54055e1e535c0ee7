import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { XeroAuthorization } from '../../schema/xero-authorization.entity.js';
import { decryptSecret, encryptSecret } from '../xero/token-crypto.js';
import { accountingScopes, PAYROLL_SCOPES } from '../xero/xero-scopes.js';
import type { XeroSettings } from '../xero/xero-settings.js';
import type { ConnectLink } from './connect-link.js';

/** How long Xero's consent may take between pressing Connect and the callback. */
const AUTHORIZATION_TTL_MS = 10 * 60_000;

/** Why a callback or a connect link was refused; the page says it, nothing is linked. */
export class ConnectFlowError extends Error {
  constructor(
    readonly reason:
      | 'LINK_INVALID'
      | 'LINK_USED'
      | 'STATE_UNKNOWN'
      | 'STATE_EXPIRED'
      | 'OTHER_BROWSER'
      | 'XERO_ERROR'
      | 'CODE_REFUSED'
      | 'NO_ORGANISATION',
    message: string,
  ) {
    super(message);
  }
}

export interface StartedAuthorization {
  /** Xero's consent page, with state and PKCE challenge. */
  authorizeUrl: string;
  /** Set as a cookie on the browser: the callback must come back to the same browser. */
  browserToken: string;
}

export interface OpenedAuthorization {
  tenantId: string;
  payroll: boolean;
  purpose: XeroAuthorization['purpose'];
  codeVerifier: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const random = () => randomBytes(32).toString('base64url');

/**
 * Spends a verified connect link (once) and records a pending authorisation: a random `state`, a PKCE
 * verifier (S256) and a browser binding. Answers the URL of Xero's consent page.
 */
export async function startAuthorization(
  db: DataSource,
  encryptionKey: Buffer,
  settings: XeroSettings,
  redirectUri: string,
  link: ConnectLink,
  payroll: boolean,
): Promise<StartedAuthorization> {
  const state = random();
  const codeVerifier = random();
  const browserToken = random();
  const stateHash = sha256(state);
  const inserted = await db
    .createQueryBuilder()
    .insert()
    .into(XeroAuthorization)
    .values({
      tenantId: link.tenantId,
      stateHash,
      linkId: link.id,
      browserHash: sha256(browserToken),
      codeVerifierCiphertext: encryptSecret(codeVerifier, encryptionKey, stateHash),
      payroll,
      purpose: link.purpose,
      expiresAt: new Date(Date.now() + AUTHORIZATION_TTL_MS),
    })
    .orIgnore()
    .execute();
  if ((inserted.raw as unknown[]).length === 0) {
    throw new ConnectFlowError('LINK_USED', 'This connect link was already used. Ask for a new one.');
  }
  await db.query(`DELETE FROM xero_authorizations WHERE expires_at < now() - interval '1 day'`);
  const authorize = new URL(`${settings.loginUrl}/connect/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri,
    scope: [...accountingScopes(settings.scopeSet), ...(payroll ? PAYROLL_SCOPES : [])].join(' '),
    state,
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return { authorizeUrl: authorize.toString(), browserToken };
}

/** Whether the link already started an authorisation (links are single use). */
export async function linkWasUsed(db: DataSource, linkId: string): Promise<boolean> {
  return db.getRepository(XeroAuthorization).existsBy({ linkId });
}

/**
 * Consumes the authorisation a callback's `state` names, exactly once (a replay finds it used), when the
 * callback reached the browser that started it, and checks it has not expired. A callback from another
 * browser (no cookie, or another one) consumes nothing: whoever got hold of the state cannot spend it
 * before the real user's callback arrives.
 */
export async function openAuthorization(
  db: DataSource,
  encryptionKey: Buffer,
  state: string | null,
  browserToken: string | undefined,
): Promise<OpenedAuthorization> {
  if (!state) throw new ConnectFlowError('STATE_UNKNOWN', 'The answer from Xero carries no state.');
  const stateHash = sha256(state);
  const [rows]: [XeroAuthorizationRow[], number] = await db.query(
    `UPDATE xero_authorizations SET used_at = now()
      WHERE state_hash = $1 AND used_at IS NULL AND browser_hash = $2
      RETURNING tenant_id, browser_hash, code_verifier_ciphertext, payroll, purpose, expires_at`,
    [stateHash, browserToken ? sha256(browserToken) : ''],
  );
  const row = rows[0];
  if (!row) {
    const pending = await db.query(
      'SELECT 1 FROM xero_authorizations WHERE state_hash = $1 AND used_at IS NULL',
      [stateHash],
    );
    if (pending.length > 0) {
      throw new ConnectFlowError(
        'OTHER_BROWSER',
        'This answer from Xero belongs to a connection started in another browser or for another tenant.',
      );
    }
    throw new ConnectFlowError(
      'STATE_UNKNOWN',
      'This answer from Xero does not match a connection started here, or it was already used.',
    );
  }
  if (new Date(row.expires_at).getTime() < Date.now()) {
    throw new ConnectFlowError('STATE_EXPIRED', 'This connection attempt expired. Start again.');
  }
  return {
    tenantId: row.tenant_id,
    payroll: row.payroll,
    purpose: row.purpose,
    codeVerifier: decryptSecret(row.code_verifier_ciphertext, encryptionKey, stateHash),
  };
}

interface XeroAuthorizationRow {
  tenant_id: string;
  browser_hash: string;
  code_verifier_ciphertext: string;
  payroll: boolean;
  purpose: XeroAuthorization['purpose'];
  expires_at: Date;
}
