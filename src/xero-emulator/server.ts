import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountingRouter } from './accounting/accounting-routes.js';
import { controlRouter } from './control/control.routes.js';
import { forbidden, NOT_FOUND_TEXT, sendXeroError, unauthorized, XeroHttpError } from './core/errors.js';
import { BodyTooLargeError, header, readBody, sendJson, sendText } from './core/http.js';
import type { Router } from './core/router.js';
import { registerConnections } from './identity/connections.routes.js';
import { identityRouter } from './identity/oauth.routes.js';
import { requiredScopes } from './identity/scopes.js';
import { payrollRouters, pickPayroll } from './payroll/payroll-routes.js';
import type { ApiContext, EmulatorContext } from './state/emulator-context.js';

const API_PREFIXES: Array<[string, 'accounting' | 'payroll']> = [
  ['/api.xro/2.0', 'accounting'],
  ['/payroll.xro/1.0', 'payroll'],
];

const UUID_SEGMENT = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;

/** Builds the request listener: control API, identity, then the authenticated, rate-limited APIs. */
export function createHandler(emu: EmulatorContext): (req: IncomingMessage, res: ServerResponse) => void {
  const control = controlRouter(emu);
  const identity = identityRouter(emu);
  registerConnections(identity, emu);
  const accounting = accountingRouter();
  const payroll = payrollRouters();

  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof XeroHttpError) return sendXeroError(res, err, {});
      if (err instanceof BodyTooLargeError) return sendText(res, 413, 'Request entity too large');
      console.error('[xero-emulator] unhandled error', err);
      sendJson(res, 500, {
        ErrorNumber: 500,
        Type: 'InternalServerError',
        Message: 'An unexpected error occurred',
      });
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', emu.config.url || 'http://localhost');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const path = url.pathname;
    if (path.startsWith('/__emulator')) return dispatch(control, { req, res, url, body, params: {} }, path);
    const api = API_PREFIXES.find(([prefix]) => path.toLowerCase().startsWith(`${prefix}/`));
    if (!api) return dispatch(identity, { req, res, url, body, params: {} }, path);

    const endpoint = `${method} ${path.replace(UUID_SEGMENT, '/{id}')}`;
    emu.calls.set(endpoint, (emu.calls.get(endpoint) ?? 0) + 1);
    const faults = emu.faults.take(method, path);
    if (faults.some((f) => f.kind === 'drop')) {
      req.socket.destroy();
      return;
    }
    const token = (header(req, 'authorization') ?? '').replace(/^Bearer\s+/i, '').trim();
    const check = emu.tokens.checkAccess(token, Date.now());
    if (!check.ok) throw unauthorized(check.detail);
    const tenantId = (header(req, 'xero-tenant-id') ?? '').trim().toLowerCase();
    const org = emu.orgs.get(tenantId);
    if (
      !org ||
      !check.grant.tenantIds.includes(tenantId) ||
      !emu.tokens.isConnected(check.grant.clientId, tenantId)
    ) {
      throw forbidden('AuthenticationUnsuccessful');
    }
    const scopes = new Set(check.grant.scopes);
    const subPath = path.slice(api[0].length);
    const needed = requiredScopes(api[1], subPath, method);
    if (needed && !needed.some((s) => scopes.has(s))) throw unauthorized('AuthorizationUnsuccessful');
    if (api[1] === 'payroll' && !org.payrollRegion)
      throw forbidden('The organisation does not have payroll for this region');

    const slot = emu.limiter.acquire(tenantId, check.grant.clientId);
    if (!slot.ok)
      throw new XeroHttpError(
        429,
        { Title: 'Too Many Requests', Status: 429, Detail: `Rate limit exceeded: ${slot.problem}` },
        slot.headers,
      );
    try {
      for (const [k, v] of Object.entries(slot.headers)) res.setHeader(k, v);
      const delay = faults.reduce((ms, f) => ms + (f.kind === 'latency' ? (f.latencyMs ?? 1000) : 0), 0);
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const injected429 = faults.find((f) => f.kind === 'rate-limit');
      if (injected429) {
        const problem = injected429.problem ?? 'minute';
        throw new XeroHttpError(
          429,
          { Title: 'Too Many Requests', Status: 429, Detail: `Rate limit exceeded: ${problem}` },
          {
            'X-Rate-Limit-Problem': problem,
            ...(problem === 'concurrent'
              ? {}
              : { 'Retry-After': String(injected429.retryAfterSeconds ?? 1) }),
          },
        );
      }
      const injectedError = faults.find((f) => f.kind === 'error');
      if (injectedError) {
        const status = injectedError.status ?? 503;
        throw new XeroHttpError(
          status,
          status === 503
            ? 'The Xero API is temporarily unavailable'
            : { Title: 'Internal Server Error', Status: status, Detail: 'Injected failure' },
        );
      }
      const router: Router<ApiContext> =
        api[1] === 'accounting' ? accounting : pickPayroll(payroll, org.payrollRegion);
      const ctx: ApiContext = {
        req,
        res,
        url,
        body,
        params: {},
        emu,
        org,
        clientId: check.grant.clientId,
        scopes,
      };
      await dispatch(router, ctx, subPath);
    } catch (err) {
      if (err instanceof XeroHttpError) sendXeroError(res, err, slot.headers);
      else throw err;
    } finally {
      slot.release();
    }
  }
}

async function dispatch<
  C extends { req: IncomingMessage; res: ServerResponse; params: Record<string, string> },
>(
  router: Router<C & import('./core/router.js').RouteContext>,
  ctx: C & import('./core/router.js').RouteContext,
  path: string,
): Promise<void> {
  const match = router.match(ctx.req.method ?? 'GET', path);
  if (!match || match === 'method') {
    sendText(
      ctx.res,
      match === 'method' ? 405 : 404,
      match === 'method' ? 'Method not allowed' : NOT_FOUND_TEXT,
    );
    return;
  }
  ctx.params = match.params;
  await match.handler(ctx);
}
