import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { mintTokens, rawApi, xeroClientFor } from './support/emulator-client.js';

let emu: RunningXeroEmulator;
const REDIRECT = 'http://localhost:5555/callback';

const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) p.append(k, x);
  return p.toString();
};

async function token(body: Record<string, string>, basic = true) {
  const res = await fetch(`${emu.url}/connect/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(basic
        ? { authorization: `Basic ${Buffer.from(`${emu.clientId}:${emu.clientSecret}`).toString('base64')}` }
        : {}),
    },
    body: form(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** Drives the consent page like a user: choose organisations, maybe tick payroll, press Allow. */
async function consent(tenantIds: string[], payroll: boolean, extra: Record<string, string> = {}) {
  const q = {
    response_type: 'code',
    client_id: emu.clientId,
    redirect_uri: REDIRECT,
    scope: 'openid offline_access accounting.invoices',
    state: 's1',
    ...extra,
  };
  const page = await fetch(`${emu.url}/connect/authorize?${new URLSearchParams(q)}`);
  const html = await page.text();
  expect(html).toContain('Allow Payroll Access');
  for (const o of emu.organisations) expect(html).toContain(o.name);
  return fetch(`${emu.url}/connect/authorize/consent`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form({ ...q, tenant: tenantIds, action: 'allow', ...(payroll ? { payroll: 'on' } : {}) }),
  });
}

beforeAll(async () => {
  emu = await startXeroEmulator({ today: REFERENCE_TODAY, refreshTokenGraceMs: 200 });
});
afterAll(() => emu.stop());

describe('Identity', () => {
  it('runs the authorization code flow with PKCE and payroll scopes, then lists connections', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const au = emu.organisations[0].tenantId;
    const res = await consent([au], true, { code_challenge: challenge, code_challenge_method: 'S256' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('s1');
    const code = location.searchParams.get('code')!;
    const wrong = await token(
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: 'wrong',
        client_id: emu.clientId,
      },
      false,
    );
    expect(wrong.body.error).toBe('invalid_grant');
    const res2 = await consent([au], true, { code_challenge: challenge, code_challenge_method: 'S256' });
    const code2 = new URL(res2.headers.get('location')!).searchParams.get('code')!;
    const ok = await token(
      {
        grant_type: 'authorization_code',
        code: code2,
        redirect_uri: REDIRECT,
        code_verifier: verifier,
        client_id: emu.clientId,
      },
      false,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 1800 });
    expect(ok.body.scope).toContain('payroll.employees');
    expect(ok.body.id_token.split('.')).toHaveLength(3);
    const conns = await fetch(`${emu.url}/connections`, {
      headers: { authorization: `Bearer ${ok.body.access_token}` },
    });
    const list = (await conns.json()) as Array<Record<string, string>>;
    expect(list).toEqual([
      expect.objectContaining({ tenantId: au, tenantType: 'ORGANISATION', tenantName: 'Demo Company (AU)' }),
    ]);
    const payroll = rawApi(emu, ok.body.access_token, au);
    expect((await payroll.get('/payroll.xro/1.0/Employees')).status).toBe(200);
    // Disconnecting the organisation closes the API to that tenant.
    const del = await fetch(`${emu.url}/connections/${list[0].id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ok.body.access_token}` },
    });
    expect(del.status).toBe(204);
    expect((await payroll.get('/api.xro/2.0/Organisation')).status).toBe(403);
  });

  it("refuses payroll for an organisation whose currency is neither AUD nor USD with Xero's message", async () => {
    const uk = emu.organisations.find((o) => o.baseCurrency === 'GBP')!.tenantId;
    const res = await consent([uk], true);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(
      'The app has requested access to data that this organization doesn&#39;t allow',
    );
    expect((await consent([uk], false)).status).toBe(302);
  });

  it('refuses the broad scopes to an app created on or after 2 March 2026 with invalid_scope, and accepts the granular ones', async () => {
    const authorize = (scope: string) =>
      fetch(
        `${emu.url}/connect/authorize?${new URLSearchParams({
          response_type: 'code',
          client_id: emu.clientId,
          redirect_uri: REDIRECT,
          scope,
          state: 's2',
        })}`,
        { redirect: 'manual' },
      );
    for (const broad of [
      'accounting.transactions',
      'accounting.reports.read',
      'accounting.transactions.read',
    ]) {
      const res = await authorize(`offline_access accounting.contacts ${broad}`);
      expect(res.status).toBe(302);
      const back = new URL(res.headers.get('location')!);
      expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
      expect(back.searchParams.get('error')).toBe('invalid_scope');
      expect(back.searchParams.get('error_description')).toContain(broad);
      expect(back.searchParams.get('state')).toBe('s2');
      expect(back.searchParams.get('code')).toBeNull();
    }
    const cc = await token({ grant_type: 'client_credentials', scope: 'accounting.transactions' });
    expect(cc).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_scope' }) });

    const granular =
      'offline_access accounting.invoices accounting.payments accounting.contacts accounting.settings accounting.reports.trialbalance.read';
    expect((await authorize(granular)).status).toBe(200);
    const au = emu.organisations[0].tenantId;
    const res = await consent([au], false, { scope: granular });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    const ok = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(ok.status).toBe(200);
    expect(ok.body.scope.split(' ')).toEqual(granular.split(' '));
    const api = rawApi(emu, ok.body.access_token, au);
    for (const path of [
      'Invoices',
      'CreditNotes',
      'PurchaseOrders',
      'Items',
      'Payments',
      'Contacts',
      'Accounts',
    ])
      expect((await api.get(`/api.xro/2.0/${path}`)).status, path).toBe(200);
    expect((await api.get('/api.xro/2.0/Reports/TrialBalance')).status).toBe(200);
    // accounting.reports.trialbalance.read opens that report only.
    expect((await api.get('/api.xro/2.0/Reports/BalanceSheet')).status).toBe(401);
  });

  it('lets an app created before 2 March 2026 ask for the broad scopes, and the granular ones', async () => {
    const setCreated = (clientCreatedOn: string) =>
      fetch(`${emu.url}/__emulator/config`, { method: 'PUT', body: JSON.stringify({ clientCreatedOn }) });
    expect((await setCreated('2026-03-01')).status).toBe(200);
    try {
      const au = emu.organisations[0].tenantId;
      for (const scope of [
        'offline_access accounting.transactions accounting.reports.read',
        'offline_access accounting.invoices accounting.reports.read',
      ]) {
        const res = await consent([au], false, { scope });
        expect(res.status).toBe(302);
        const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
        const ok = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
        expect(ok.status).toBe(200);
        const api = rawApi(emu, ok.body.access_token, au);
        expect((await api.get('/api.xro/2.0/Invoices')).status).toBe(200);
        expect((await api.get('/api.xro/2.0/Reports/BalanceSheet')).status).toBe(200);
      }
      expect(
        (await token({ grant_type: 'client_credentials', scope: 'accounting.transactions' })).status,
      ).toBe(200);
    } finally {
      await setCreated('2026-03-02');
    }
  });

  it('rotates refresh tokens: an old one stops working after the grace period', async () => {
    const first = await mintTokens(emu);
    const second = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    // Within the grace period a retry with the old token still works (a lost response is recoverable).
    expect((await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token! })).status).toBe(
      200,
    );
    await new Promise((r) => setTimeout(r, 300));
    const stale = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(stale.status).toBe(400);
    expect(stale.body).toEqual({ error: 'invalid_grant' });
    expect(
      (await token({ grant_type: 'refresh_token', refresh_token: second.body.refresh_token })).status,
    ).toBe(200);
  });

  it('refreshes through xero-node with an openid-client Issuer pointed at the emulator', async () => {
    const xero = await xeroClientFor(emu);
    const before = xero.readTokenSet();
    const after = await xero.refreshToken();
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).not.toBe(before.refresh_token);
    const org = await xero.accountingApi.getOrganisations(emu.organisations[0].tenantId);
    expect(org.body.organisations![0].name).toBe('Demo Company (AU)');
  });

  it('issues client_credentials tokens for a custom connection, without a refresh token', async () => {
    const res = await token({
      grant_type: 'client_credentials',
      scope: 'accounting.invoices accounting.settings',
    });
    expect(res.status).toBe(200);
    expect(res.body.refresh_token).toBeUndefined();
    expect(
      (
        await rawApi(emu, res.body.access_token, emu.organisations[0].tenantId).get(
          '/api.xro/2.0/Organisation',
        )
      ).status,
    ).toBe(200);
    expect((await token({ grant_type: 'client_credentials' }, false)).body.error).toBe('invalid_client');
  });

  it('revokes a refresh token and with it the grant', async () => {
    const t = await mintTokens(emu);
    const res = await fetch(`${emu.url}/connect/revocation`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${emu.clientId}:${emu.clientSecret}`).toString('base64')}`,
      },
      body: form({ token: t.refresh_token! }),
    });
    expect(res.status).toBe(200);
    const api = await rawApi(emu, t.access_token, emu.organisations[0].tenantId).get(
      '/api.xro/2.0/Organisation',
    );
    expect(api.status).toBe(401);
    expect(api.body).toMatchObject({ Type: null, Title: 'Unauthorized', Status: 401 });
    expect((await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token! })).body.error).toBe(
      'invalid_grant',
    );
  });

  it("answers an expired access token with Xero's TokenExpired detail", async () => {
    const t = await mintTokens(emu);
    await fetch(`${emu.url}/__emulator/revoke`, {
      method: 'POST',
      body: JSON.stringify({ expireAccessTokens: true }),
    });
    const res = await rawApi(emu, t.access_token, emu.organisations[0].tenantId).get(
      '/api.xro/2.0/Organisation',
    );
    expect(res.status).toBe(401);
    expect(res.body.Detail).toMatch(/^TokenExpired: /);
  });
});
