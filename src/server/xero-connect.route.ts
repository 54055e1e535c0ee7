import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerKey } from '../auth/api-key.js';
import { authenticate } from '../auth/authenticate.js';
import type { GatewayServices } from '../context.js';
import { Scope } from '../schema/scope.js';
import { Tenant } from '../schema/tenant.entity.js';
import { XeroConnection } from '../schema/xero-connection.entity.js';
import { connectKeys, issueConnectLink } from '../sync/connections/connect-link.js';
import {
  ConnectFlowError,
  linkWasUsed,
  openAuthorization,
  startAuthorization,
} from '../sync/connections/xero-authorization.service.js';
import { completeConsent } from '../sync/connections/xero-consent.service.js';
import type { SyncServices } from '../sync/sync-services.js';
import { BodyTooLargeError, readBody } from './http-io.js';
import { connectPage, refusedPage, resultPage } from './xero-connect.pages.js';

const COOKIE = 'xero_connect';
const FORM_LIMIT_BYTES = 16_384;

/** The callback URL registered with Xero: XERO_REDIRECT_URI, or `<public URL>/connect/xero/callback`. */
export function xeroRedirectUri(sync: SyncServices, publicUrl: string): string {
  return sync.xero.settings.redirectUri ?? `${publicUrl.replace(/\/+$/, '')}/connect/xero/callback`;
}

/**
 * `GET /connect/xero?link=…` (or with an admin key as `Authorization: Bearer`): the connect page.
 * `POST /connect/xero`: spends the link and sends the browser to Xero's consent page (state + PKCE).
 * `GET /connect/xero/callback`: checks the state, exchanges the code and links the organisations.
 */
export function createXeroConnectHandler(services: GatewayServices, publicUrl: () => string) {
  const { db, config, logger } = services;
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const sync = services.sync;
    if (!sync) return sendPage(response, 404, refusedPage('No Xero app is configured on this gateway.'));
    const keys = await connectKeys(config);
    const redirectUri = xeroRedirectUri(sync, publicUrl());
    if (url.pathname === '/connect/xero/callback' && request.method === 'GET') {
      return handleCallback(request, response, url);
    }
    if (url.pathname !== '/connect/xero') return sendPage(response, 404, refusedPage('Not found.'));
    if (request.method === 'GET') return showConnectPage(request, response, url);
    if (request.method !== 'POST') return sendPage(response, 405, refusedPage('Method not allowed.'));

    let form: URLSearchParams;
    try {
      form = new URLSearchParams((await readBody(request, FORM_LIMIT_BYTES)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendPage(response, 413, refusedPage('Form too large.'));
      throw error;
    }
    const link = keys.signer.verify(form.get('link'));
    if (!link) return sendPage(response, 403, refusedPage('This connect link is invalid or has expired.'));
    try {
      const payroll = form.get('payroll') === 'on';
      const started = await startAuthorization(
        db,
        keys.encryptionKey,
        sync.xero.settings,
        redirectUri,
        link,
        payroll,
      );
      const secure = redirectUri.startsWith('https:') ? '; Secure' : '';
      response.writeHead(303, {
        location: started.authorizeUrl,
        // Lax: the cookie comes back on Xero's top-level redirect to the callback, never on cross-site posts.
        'set-cookie': `${COOKIE}=${started.browserToken}; Path=/connect/xero; HttpOnly; SameSite=Lax; Max-Age=600${secure}`,
        'cache-control': 'no-store',
      });
      response.end();
    } catch (error) {
      if (error instanceof ConnectFlowError) return sendPage(response, 409, refusedPage(error.message));
      throw error;
    }
  };

  async function showConnectPage(request: IncomingMessage, response: ServerResponse, url: URL) {
    const keys = await connectKeys(config);
    let token = url.searchParams.get('link');
    const adminKey = bearerKey(request.headers.authorization);
    if (!token && adminKey) {
      const auth = await authenticate(db, adminKey).catch(() => undefined);
      if (!auth?.scopes.has(Scope.ADMIN)) {
        return sendPage(response, 403, refusedPage('An admin key (with the "admin" scope) is required.'));
      }
      token = (
        await issueConnectLink(config, publicUrl(), {
          tenantId: auth.tenant.id,
          payroll: false,
          purpose: 'CONNECT',
        })
      ).token;
    }
    const link = keys.signer.verify(token);
    if (!link) return sendPage(response, 403, refusedPage('This connect link is invalid or has expired.'));
    if (await linkWasUsed(db, link.id)) {
      return sendPage(response, 410, refusedPage('This connect link was already used. Ask for a new one.'));
    }
    const tenant = await db.getRepository(Tenant).findOneBy({ id: link.tenantId });
    if (!tenant) return sendPage(response, 404, refusedPage('The tenant of this link no longer exists.'));
    const connection = await db.getRepository(XeroConnection).findOneBy({ tenantId: tenant.id });
    sendPage(
      response,
      200,
      connectPage({
        tenantName: tenant.name,
        linkToken: token ?? '',
        payroll: link.payroll,
        reconnect: link.purpose === 'RECONNECT',
        organisationName: connection?.organisationName,
      }),
    );
  }

  async function handleCallback(request: IncomingMessage, response: ServerResponse, url: URL) {
    const sync = services.sync as SyncServices;
    const keys = await connectKeys(config);
    const clearCookie = `${COOKIE}=; Path=/connect/xero; HttpOnly; SameSite=Lax; Max-Age=0`;
    try {
      const opened = await openAuthorization(
        db,
        keys.encryptionKey,
        url.searchParams.get('state'),
        readCookie(request, COOKIE),
      );
      const xeroError = url.searchParams.get('error');
      if (xeroError) {
        const description = url.searchParams.get('error_description');
        throw new ConnectFlowError(
          'XERO_ERROR',
          `Xero answered: ${description ?? xeroError} (${xeroError}).`,
        );
      }
      const code = url.searchParams.get('code');
      if (!code)
        throw new ConnectFlowError('CODE_REFUSED', 'The answer from Xero carries no authorisation code.');
      const results = await completeConsent(
        { db, logger, sync, redirectUri: xeroRedirectUri(sync, publicUrl()) },
        opened,
        code,
      );
      const tenant = await db.getRepository(Tenant).findOneByOrFail({ id: opened.tenantId });
      sendPage(response, 200, resultPage(tenant.name, results), { 'set-cookie': clearCookie });
    } catch (error) {
      if (!(error instanceof ConnectFlowError)) throw error;
      logger.warn({ reason: error.reason }, 'Xero callback refused');
      sendPage(response, 400, refusedPage(error.message), { 'set-cookie': clearCookie });
    }
  }
}

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function sendPage(
  response: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    // The link token and the code travel in URLs: never leak them to another site in a Referer.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    ...headers,
  });
  response.end(html);
}
