import { XeroClient } from 'xero-node';
import type { Logger } from '../../logger.js';
import { parseXeroError, XeroApiError, XeroErrorKind } from './xero-error.js';
import { type CallPriority, type Lease, sleep, type XeroRateLimiter } from './xero-rate-limiter.js';
import type { XeroSettings } from './xero-settings.js';
import type { XeroTokenStore } from './xero-tokens.js';

/** Which organisation a call is for and how urgent it is. */
export interface XeroCallTarget {
  connectionId: string;
  xeroTenantId: string;
  priority: CallPriority;
  /** Observes each HTTP request made for this target, retries included (sync runs count their calls). */
  onCall?: () => void;
}

/** What xero-node's methods resolve with. */
interface XeroNodeResult<T> {
  response: { headers?: Record<string, unknown>; status?: number };
  body: T;
}

export interface XeroApiOptions {
  settings: XeroSettings;
  tokens: XeroTokenStore;
  limiter: XeroRateLimiter;
  logger: Logger;
  maxRetries: number;
  timeoutMs: number;
  /** Observes every HTTP call made (for sync-run counters). */
  onCall?: (target: XeroCallTarget) => void;
}

const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 15_000;

/**
 * The only door to Xero: every call takes a rate-limit slot, carries a fresh access token, is retried
 * with backoff and jitter on 5xx, timeouts and network errors (never on 4xx), and waits out a 429's
 * Retry-After (pausing that organisation for every process). xero-node itself does none of this.
 */
export class XeroApi {
  constructor(private readonly options: XeroApiOptions) {}

  /** Runs one xero-node operation for the target organisation. */
  async call<T>(
    target: XeroCallTarget,
    operation: (client: XeroClient, xeroTenantId: string) => Promise<XeroNodeResult<T>>,
  ): Promise<T> {
    const result = await this.withPolicy(target, async (accessToken) => {
      const client = this.clientFor(accessToken);
      try {
        const answer = await operation(client, target.xeroTenantId);
        return { value: answer.body, headers: answer.response?.headers ?? {} };
      } catch (rejection) {
        throw withHeaders(parseXeroError(rejection), rejection);
      }
    });
    return result;
  }

  /** A JSON call to an endpoint xero-node lacks (legacy US payroll, `/connections`), with the same policy. */
  async fetchJson<T>(target: XeroCallTarget, path: string, init: RequestInit = {}): Promise<T> {
    return this.withPolicy(target, async (accessToken) => {
      const response = await fetch(`${this.options.settings.apiUrl}${path}`, {
        ...init,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          authorization: `Bearer ${accessToken}`,
          'xero-tenant-id': target.xeroTenantId,
          ...(init.headers as Record<string, string>),
        },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      }).catch((error: Error) => {
        throw new XeroApiError(XeroErrorKind.Unavailable, `Xero unreachable: ${error.message}`, 0);
      });
      const headers = Object.fromEntries(response.headers.entries());
      const text = await response.text();
      const body = text ? safeJson(text) : undefined;
      if (!response.ok) {
        const error = parseXeroError({ response: { statusCode: response.status, body, headers } });
        throw Object.assign(error, { headers });
      }
      return { value: body as T, headers };
    });
  }

  private clientFor(accessToken: string): XeroClient {
    const { settings } = this.options;
    const client = new XeroClient({ clientId: settings.clientId, clientSecret: settings.clientSecret });
    client.accountingApi.basePath = `${settings.apiUrl}/api.xro/2.0`;
    client.payrollAUApi.basePath = `${settings.apiUrl}/payroll.xro/1.0`;
    client.setTokenSet({ access_token: accessToken, token_type: 'Bearer' });
    // xero-node sends through axios with no timeout at all, and a hung Xero must not hang a sync forever.
    // The limit goes on each request (every API method passes its options through this hook), not on
    // axios's module-wide defaults: the sync's and the outbound pipeline's clients wait for different times.
    const timeoutMs = this.options.timeoutMs;
    const timeout = {
      applyToRequest(request: { timeout?: number }) {
        request.timeout = timeoutMs;
      },
    };
    client.accountingApi.setDefaultAuthentication(timeout);
    client.payrollAUApi.setDefaultAuthentication(timeout);
    return client;
  }

  private async withPolicy<T>(
    target: XeroCallTarget,
    attempt: (accessToken: string) => Promise<{ value: T; headers: Record<string, unknown> }>,
  ): Promise<T> {
    const { limiter, tokens, logger, maxRetries } = this.options;
    let failures = 0;
    let forcedRefresh = false;
    for (;;) {
      const accessToken = await tokens.accessToken(target.connectionId, false);
      const lease: Lease = await limiter.acquire(target.xeroTenantId, target.priority);
      this.options.onCall?.(target);
      target.onCall?.();
      try {
        const { value, headers } = await attempt(accessToken);
        await limiter.release(lease, headers);
        return value;
      } catch (caught) {
        const error = caught instanceof XeroApiError ? caught : parseXeroError(caught);
        await limiter.release(lease, (error as { headers?: Record<string, unknown> }).headers ?? {});
        if (error.kind === XeroErrorKind.RateLimited && error.rateLimitProblem !== 'day') {
          const seconds = error.retryAfterSeconds ?? 1;
          await limiter.pause(target.xeroTenantId, seconds, error.rateLimitProblem ?? 'rate limited');
          logger.warn(
            { xeroTenantId: target.xeroTenantId, seconds, problem: error.rateLimitProblem },
            'Xero 429: organisation paused',
          );
          if (++failures > maxRetries + 2) throw error;
          continue; // the limiter waits out the pause
        }
        if (error.kind === XeroErrorKind.Unauthorized && !forcedRefresh) {
          forcedRefresh = true; // the token may have been revoked or expired early: refresh once, then give up
          await tokens.accessToken(target.connectionId, true);
          continue;
        }
        if (error.kind !== XeroErrorKind.Unavailable || failures >= maxRetries) throw error;
        failures += 1;
        const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** failures) * (0.5 + Math.random() / 2);
        logger.warn(
          {
            xeroTenantId: target.xeroTenantId,
            attempt: failures,
            delayMs: Math.round(delay),
            status: error.statusCode,
          },
          'Xero call failed; retrying',
        );
        await sleep(delay);
      }
    }
  }
}

function withHeaders(error: XeroApiError, rejection: unknown): XeroApiError {
  try {
    const raw = typeof rejection === 'string' ? JSON.parse(rejection) : rejection;
    return Object.assign(error, { headers: raw?.response?.headers ?? {} });
  } catch {
    return error;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
