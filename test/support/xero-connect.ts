import type { TestGateway } from './gateway.js';

/** One HTTP answer of the connect flow, read whole. */
export interface PageAnswer {
  status: number;
  html: string;
  location?: string;
  cookie?: string;
}

async function answer(response: Response): Promise<PageAnswer> {
  const setCookie = response.headers.get('set-cookie') ?? undefined;
  return {
    status: response.status,
    html: await response.text(),
    location: response.headers.get('location') ?? undefined,
    cookie: setCookie?.split(';')[0],
  };
}

/** Asks the gateway for a connect link (the `connectXeroUrl` mutation) with an admin key. */
export async function connectLink(gateway: TestGateway, adminKey: string, payroll = false): Promise<string> {
  const result = await gateway.graphql<{ connectXeroUrl: { url: string } }>(
    'mutation($payroll: Boolean!) { connectXeroUrl(payroll: $payroll) { url expiresAt } }',
    { payroll },
    adminKey,
  );
  if (!result.data) throw new Error(`connectXeroUrl failed: ${JSON.stringify(result.errors)}`);
  return result.data.connectXeroUrl.url;
}

/** The link token of a connect link URL. */
export const linkToken = (url: string) => new URL(url).searchParams.get('link') ?? '';

/** Presses Connect on the gateway's page: the gateway answers a redirect to Xero and sets its cookie. */
export async function pressConnect(gatewayUrl: string, token: string, payroll: boolean): Promise<PageAnswer> {
  const form = new URLSearchParams({ link: token });
  if (payroll) form.set('payroll', 'on');
  return answer(
    await fetch(`${gatewayUrl}/connect/xero`, { method: 'POST', body: form, redirect: 'manual' }),
  );
}

/**
 * Fills in the emulator's consent page as a Xero user would: chooses organisations, ticks (or not)
 * "Allow Payroll Access", and allows (or cancels). Answers the redirect to the gateway's callback, or
 * the consent page itself when Xero refuses.
 */
export async function consent(
  authorizeUrl: string,
  choice: { tenantIds: string[]; payroll: boolean; allow?: boolean },
): Promise<PageAnswer> {
  const page = await fetch(authorizeUrl);
  if (!page.ok) throw new Error(`consent page: ${page.status} ${await page.text()}`);
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  for (const tenantId of choice.tenantIds) form.append('tenant', tenantId);
  if (choice.payroll) form.set('payroll', 'on');
  form.set('action', choice.allow === false ? 'deny' : 'allow');
  return answer(
    await fetch(`${url.origin}/connect/authorize/consent`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    }),
  );
}

/** Follows Xero's redirect back to the gateway, with the browser's cookie (if any). */
export async function callback(callbackUrl: string, cookie?: string): Promise<PageAnswer> {
  return answer(await fetch(callbackUrl, { headers: cookie ? { cookie } : {}, redirect: 'manual' }));
}

/** The whole flow without a browser: link -> Connect -> consent -> callback. */
export async function connectXero(
  gateway: TestGateway,
  adminKey: string,
  choice: { tenantIds: string[]; payroll: boolean },
): Promise<{ callbackUrl: string; cookie: string; result: PageAnswer }> {
  const link = await connectLink(gateway, adminKey, choice.payroll);
  const pressed = await pressConnect(gateway.url, linkToken(link), choice.payroll);
  if (pressed.status !== 303 || !pressed.location || !pressed.cookie)
    throw new Error(`Connect: ${pressed.status} ${pressed.html}`);
  const consented = await consent(pressed.location, choice);
  if (!consented.location) throw new Error(`consent: ${consented.status} ${consented.html}`);
  const result = await callback(consented.location, pressed.cookie);
  return { callbackUrl: consented.location, cookie: pressed.cookie, result };
}

/** A GraphQL query for the tenant's connection, with everything an admin sees. */
export const XERO_CONNECTIONS = `{ xeroConnections {
  organisationName countryCode baseCurrency scopes payrollAccess status lastSyncAt
  apiAllowance { callsToday remainingToday }
} }`;

export interface XeroConnectionView {
  organisationName: string;
  countryCode: string | null;
  baseCurrency: string | null;
  scopes: string[];
  payrollAccess: boolean;
  status: string;
  lastSyncAt: string | null;
  apiAllowance: { callsToday: number; remainingToday: number } | null;
}
