import { createHash, timingSafeEqual } from 'node:crypto';
import { header, parseForm, parseFormMulti, redirect, sendJson, sendText } from '../core/http.js';
import { randomToken } from '../core/ids.js';
import { Router } from '../core/router.js';
import type { EmulatorContext } from '../state/emulator-context.js';
import { consentPage } from './consent-page.js';
import { signingKey } from './jwt.js';
import { refusedScopes } from './scopes.js';

export const PAYROLL_SCOPES = [
  'payroll.employees',
  'payroll.payruns',
  'payroll.payslip',
  'payroll.timesheets',
  'payroll.settings',
];
export const PAYROLL_REFUSED = "The app has requested access to data that this organization doesn't allow";

interface PendingCode {
  clientId: string;
  redirectUri: string;
  tenantIds: string[];
  scopes: string[];
  challenge?: string;
  nonce?: string;
  expiresAt: number;
}

const oauthError = (error: string, description?: string) => ({
  error,
  ...(description ? { error_description: description } : {}),
});

/**
 * Where Xero sends the browser when the app asked for scopes it may not have (RFC 6749 4.1.2.1): an app
 * created on or after 2 March 2026 asking for accounting.transactions or accounting.reports.read.
 * https://developer.xero.com/faq/granular-scopes
 */
function invalidScope(redirectUri: string, state: string | undefined, refused: string[]): string {
  const target = new URL(redirectUri);
  target.searchParams.set('error', 'invalid_scope');
  target.searchParams.set('error_description', `Invalid scope for client: ${refused.join(' ')}`);
  if (state !== undefined) target.searchParams.set('state', state);
  return target.toString();
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Client authentication: HTTP Basic or form fields; PKCE public clients send only client_id. */
function clientOf(emu: EmulatorContext, auth: string | undefined, form: Record<string, string>) {
  let id = form.client_id;
  let secret = form.client_secret;
  if (auth?.startsWith('Basic ')) {
    const [u, p] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
    id = decodeURIComponent(u ?? '');
    secret = decodeURIComponent(p ?? '');
  }
  if (id !== emu.config.clientId) return undefined;
  return { id, authenticated: secret !== undefined && safeEqual(secret, emu.config.clientSecret) };
}

export function identityRouter(emu: EmulatorContext): Router {
  const codes = new Map<string, PendingCode>();
  const r = new Router();
  const orgs = () => [...emu.orgs.values()];

  r.add('GET', '/.well-known/openid-configuration', ({ res }) => {
    const base = emu.config.url;
    sendJson(res, 200, {
      issuer: base,
      authorization_endpoint: `${base}/connect/authorize`,
      token_endpoint: `${base}/connect/token`,
      revocation_endpoint: `${base}/connect/revocation`,
      jwks_uri: `${base}/.well-known/openid-configuration/jwks`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      code_challenge_methods_supported: ['S256', 'plain'],
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
  });
  r.add('GET', '/.well-known/openid-configuration/jwks', ({ res }) =>
    sendJson(res, 200, { keys: [signingKey().jwk] }),
  );

  r.add('GET', '/connect/authorize', ({ res, url }) => {
    const q = Object.fromEntries(url.searchParams);
    if (q.client_id !== emu.config.clientId)
      return sendText(res, 400, 'unauthorized_client: Invalid client_id');
    if (q.response_type !== 'code' || !q.redirect_uri)
      return sendText(res, 400, 'invalid_request: response_type=code and redirect_uri are required');
    const scopes = (q.scope ?? '').split(/\s+/).filter(Boolean);
    const refused = refusedScopes(scopes, emu.config.clientCreatedOn);
    if (refused.length > 0) return redirect(res, invalidScope(q.redirect_uri, q.state, refused));
    sendText(res, 200, consentPage(orgs(), { ...q }, scopes), 'text/html; charset=utf-8');
  });

  r.add('POST', '/connect/authorize/consent', ({ res, body }) => {
    const form = parseFormMulti(body);
    const q: Record<string, string> = {};
    for (const k of [
      'client_id',
      'redirect_uri',
      'scope',
      'state',
      'code_challenge',
      'code_challenge_method',
      'nonce',
      'response_type',
    ]) {
      const v = form.get(k);
      if (v !== null) q[k] = v;
    }
    const target = new URL(q.redirect_uri);
    if (q.state !== undefined) target.searchParams.set('state', q.state);
    if (form.get('action') !== 'allow') {
      target.searchParams.set('error', 'access_denied');
      return redirect(res, target.toString());
    }
    const refusedScope = refusedScopes((q.scope ?? '').split(/\s+/), emu.config.clientCreatedOn);
    if (refusedScope.length > 0) return redirect(res, invalidScope(q.redirect_uri, q.state, refusedScope));
    const tenantIds = form.getAll('tenant');
    const base = (q.scope ?? '').split(/\s+/).filter((s) => s && !s.startsWith('payroll.'));
    const payroll = form.get('payroll') === 'on';
    const chosen = orgs().filter((o) => tenantIds.includes(o.tenantId));
    const refused = payroll
      ? chosen.find((o) => o.baseCurrency !== 'AUD' && o.baseCurrency !== 'USD')
      : undefined;
    if (refused || chosen.length === 0) {
      const msg = refused ? PAYROLL_REFUSED : 'Choose at least one organisation.';
      return sendText(res, 403, consentPage(orgs(), q, base, msg), 'text/html; charset=utf-8');
    }
    const code = randomToken(24);
    codes.set(code, {
      clientId: q.client_id,
      redirectUri: q.redirect_uri,
      tenantIds: chosen.map((o) => o.tenantId),
      scopes: payroll ? [...base, ...PAYROLL_SCOPES] : base,
      challenge: q.code_challenge,
      nonce: q.nonce,
      expiresAt: Date.now() + 5 * 60_000,
    });
    target.searchParams.set('code', code);
    target.searchParams.set('scope', (payroll ? [...base, ...PAYROLL_SCOPES] : base).join(' '));
    redirect(res, target.toString());
  });

  r.add('POST', '/connect/token', ({ req, res, body }) => {
    const form = parseForm(body);
    const client = clientOf(emu, header(req, 'authorization'), form);
    if (!client) return sendJson(res, 400, oauthError('invalid_client'));
    const now = Date.now();
    if (form.grant_type === 'authorization_code') {
      const pending = codes.get(form.code ?? '');
      codes.delete(form.code ?? '');
      if (
        !pending ||
        pending.expiresAt < now ||
        pending.clientId !== client.id ||
        pending.redirectUri !== form.redirect_uri
      ) {
        return sendJson(res, 400, oauthError('invalid_grant'));
      }
      if (pending.challenge) {
        const verifier = form.code_verifier ?? '';
        if (
          createHash('sha256').update(verifier).digest('base64url') !== pending.challenge &&
          verifier !== pending.challenge
        ) {
          return sendJson(res, 400, oauthError('invalid_grant', 'code_verifier does not match'));
        }
      } else if (!client.authenticated) return sendJson(res, 400, oauthError('invalid_client'));
      const grant = emu.tokens.createGrant(client.id, pending.tenantIds, pending.scopes, now);
      emu.markDirty();
      return sendJson(res, 200, emu.tokens.issue(grant, now, { idToken: { nonce: pending.nonce } }));
    }
    if (form.grant_type === 'refresh_token') {
      const set = emu.tokens.refreshGrant(form.refresh_token ?? '', client.id, now);
      emu.markDirty();
      return set ? sendJson(res, 200, set) : sendJson(res, 400, oauthError('invalid_grant'));
    }
    if (form.grant_type === 'client_credentials') {
      if (!client.authenticated) return sendJson(res, 400, oauthError('invalid_client'));
      // A custom connection is bound to one organisation: the first seeded one.
      const org = orgs()[0];
      if (!org) return sendJson(res, 400, oauthError('invalid_grant', 'No organisation is connected'));
      const requested = (form.scope ?? form.scopes ?? '').split(/[\s,]+/).filter(Boolean);
      const refused = refusedScopes(requested, emu.config.clientCreatedOn);
      if (refused.length > 0)
        return sendJson(
          res,
          400,
          oauthError('invalid_scope', `Invalid scope for client: ${refused.join(' ')}`),
        );
      const grant = emu.tokens.createGrant(client.id, [org.tenantId], requested, now);
      emu.markDirty();
      return sendJson(res, 200, emu.tokens.issue(grant, now, { withRefresh: false }));
    }
    sendJson(res, 400, oauthError('unsupported_grant_type'));
  });

  r.add('POST', '/connect/revocation', ({ req, res, body }) => {
    const form = parseForm(body);
    if (!clientOf(emu, header(req, 'authorization'), form))
      return sendJson(res, 400, oauthError('invalid_client'));
    emu.tokens.revokeByToken(form.token ?? '');
    emu.markDirty();
    sendText(res, 200, '');
  });
  return r;
}
