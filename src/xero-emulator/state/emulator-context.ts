import type { FaultInjector } from '../control/fault-injector.js';
import type { RateLimiter } from '../core/rate-limiter.js';
import type { RouteContext } from '../core/router.js';
import type { TokenStore } from '../identity/token-store.js';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import type { Clock } from './clock.js';
import type { OrgState } from './org-state.js';

export interface Limits {
  concurrent: number;
  perMinute: number;
  perDay: number;
  appPerMinute: number;
  windowMs: number;
}

export interface EmulatorConfig {
  url: string;
  clientId: string;
  clientSecret: string;
  /**
   * When the client app was created (`YYYY-MM-DD`): from 2026-03-02 Xero refuses it the broad scopes
   * (identity/scopes.ts). Default 2026-03-02, a new app.
   */
  clientCreatedOn: string;
  webhookKey: string;
  webhookUrl: string | undefined;
  webhookBatchDelayMs: number;
  webhookRetryBaseMs: number;
  refreshTokenGraceMs: number;
  accessTokenTtlMs: number;
  limits: Limits;
  providerName: string;
  seed: 'demo' | 'empty';
  scale: number;
  /** The day (`YYYY-MM-DD`) the demo seed places its documents for (see seed/seed-calendar.ts). */
  today: string;
}

export type EventCategory = 'CONTACT' | 'INVOICE' | 'CREDITNOTE';

export interface EmulatorContext {
  config: EmulatorConfig;
  orgs: Map<string, OrgState>;
  clock: Clock;
  tokens: TokenStore;
  limiter: RateLimiter;
  faults: FaultInjector;
  webhooks: WebhookDispatcher;
  calls: Map<string, number>;
  /** Persist soon (debounced) when a data file is configured. */
  markDirty(): void;
  emit(org: OrgState, category: EventCategory, resourceId: string, type: 'CREATE' | 'UPDATE'): void;
  reseed(seed: 'demo' | 'empty', scale: number, today: string): void;
}

/** What an authenticated Accounting or Payroll handler sees. */
export interface ApiContext extends RouteContext {
  emu: EmulatorContext;
  org: OrgState;
  clientId: string;
  scopes: Set<string>;
}
