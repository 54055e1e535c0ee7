import { Issuer } from 'openid-client';
import { XeroClient } from 'xero-node';
import type { RunningXeroEmulator } from '../../../src/xero-emulator/index.js';

export interface TokenSetJson {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

export async function mintTokens(
  emu: RunningXeroEmulator,
  body: Record<string, unknown> = {},
): Promise<TokenSetJson> {
  const res = await fetch(`${emu.url}/__emulator/tokens`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`mint failed ${res.status}`);
  return (await res.json()) as TokenSetJson;
}

/** The real xero-node client, pointed at the emulator. */
export async function xeroClientFor(emu: RunningXeroEmulator, tokens?: TokenSetJson): Promise<XeroClient> {
  const xero = new XeroClient({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    redirectUris: ['http://localhost:5555/callback'],
    scopes: [
      'openid',
      'offline_access',
      'accounting.transactions',
      'accounting.contacts',
      'accounting.settings',
      'payroll.employees',
    ],
  });
  xero.accountingApi.basePath = `${emu.url}/api.xro/2.0`;
  xero.payrollAUApi.basePath = `${emu.url}/payroll.xro/1.0`;
  const issuer = new Issuer({ issuer: emu.url, token_endpoint: `${emu.url}/connect/token` });
  xero.openIdClient = new issuer.Client({ client_id: emu.clientId, client_secret: emu.clientSecret });
  xero.setTokenSet((tokens ?? (await mintTokens(emu))) as never);
  return xero;
}

/** xero-node rejects with a JSON string: parse it to reach status, headers and body. */
export async function xeroError(
  p: Promise<unknown>,
): Promise<{ response: { statusCode: number; body: unknown; headers: Record<string, string> } }> {
  try {
    await p;
  } catch (err) {
    return JSON.parse(err as string);
  }
  throw new Error('expected the call to fail');
}

// biome-ignore lint/suspicious/noExplicitAny: rule tests read arbitrary Xero JSON
export type Json = any;

export interface Api {
  get(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Json; headers: Headers }>;
  send(
    method: string,
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Json; headers: Headers }>;
}

/** A bare fetch client for rule tests: full control over paths, headers and bodies. */
export function rawApi(emu: RunningXeroEmulator, accessToken: string, tenantId: string): Api {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        'xero-tenant-id': tenantId,
        accept: 'application/json',
        'content-type': 'application/json',
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // plain-text answers (404) stay strings
    }
    return { status: res.status, body: parsed as Json, headers: res.headers };
  };
  return { get: (p, h) => call('GET', p, undefined, h), send: (m, p, b, h) => call(m, p, b, h) };
}
