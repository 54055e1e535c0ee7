import type { DataSource } from 'typeorm';
import type { AuthContext } from './auth/auth-context.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import type { EventHub } from './sync/events/event-hub.js';
import type { SyncStatusHub } from './sync/events/sync-status.js';
import type { SyncServices } from './sync/sync-services.js';

/** What the process creates once and every request shares. Tests build their own. */
export interface GatewayServices {
  config: Config;
  db: DataSource;
  logger: Logger;
  /** Streams the event log to subscribers. */
  events: EventHub;
  /** Streams sync progress, connection state and write transitions to subscribers. */
  statusHub: SyncStatusHub;
  /** The sync engine; absent when no Xero (real or emulated) is configured. */
  sync?: SyncServices;
  /** The gateway's public base URL, known once the server listens (links in connect pages and mutations). */
  publicUrl?: string;
}

/** What each resolver receives: the shared services, who is calling, and per-request helpers. */
export interface GatewayContext extends GatewayServices {
  auth: AuthContext;
  requestId: string;
  /** Per-request memo for DataLoaders and other request-scoped helpers, keyed by a stable name. */
  requestCache: Map<string, unknown>;
  /** Over graphql-ws only: closes the caller's socket (a subscriber that fell too far behind). */
  closeSocket?: (code: number, reason: string) => void;
}

/** Builds the per-request context. */
export function createContext(
  services: GatewayServices,
  auth: AuthContext,
  requestId: string,
): GatewayContext {
  const logger = services.logger.child({ requestId, tenant: auth.tenant.name, app: auth.app.id });
  return { ...services, logger, auth, requestId, requestCache: new Map() };
}

/**
 * The context one subscription event executes with: the subscription's, with its own request cache, so
 * each event reads the records as they are when it is delivered (its own committed state or newer).
 */
export function eventContext(context: GatewayContext): GatewayContext {
  return { ...context, requestCache: new Map() };
}

/** Memoises a request-scoped helper (a DataLoader, typically) under `key`. */
export function requestScoped<T>(context: GatewayContext, key: string, create: () => T): T {
  let value = context.requestCache.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    context.requestCache.set(key, value);
  }
  return value;
}
