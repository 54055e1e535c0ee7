import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting the gateway reads, from the environment, once. Names carry their unit. Settings marked
 * as secrets are never logged: `describeConfig` replaces them.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Public base URL used in links the gateway prints (defaults to http://HOST:PORT). */
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: demo mode when no real Xero app is configured (no XERO_CLIENT_ID). */
  DEMO_MODE: z.enum(['auto', 'true', 'false']).default('auto'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  WS_KEEPALIVE_MS: z.coerce.number().int().min(1000).default(12_000),
  /**
   * How stale a WebSocket's view of its key may get: each operation re-reads a key older than this, and
   * open sockets' keys are re-checked this often, so a revocation whose NOTIFY was lost still takes hold.
   */
  KEY_RECHECK_MS: z.coerce.number().int().min(100).max(5000).default(2000),
  /** Events a subscriber may fall behind by before its socket is closed with 4290 (resume from cursor). */
  SUBSCRIPTION_BUFFER_EVENTS: z.coerce.number().int().min(1).default(1000),
  /**
   * Operations one WebSocket may run at once. Each live subscription holds a buffer and, while it
   * replays from a cursor, the events it still owes: without a cap one socket could hold a gigabyte.
   */
  MAX_SUBSCRIPTIONS_PER_SOCKET: z.coerce.number().int().min(1).default(100),
  /**
   * Whether clients may introspect the schema (and see "Did you mean" suggestions in errors). Unset: on,
   * except in production outside demo mode, where the schema is not advertised to whoever asks.
   */
  GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).optional(),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).default(12),
  MAX_QUERY_COMPLEXITY: z.coerce.number().int().min(1).default(20_000),
  /** GraphQL operations (HTTP requests and WebSocket operations) per API key per minute, per process; 0 = off. */
  RATE_LIMIT_PER_KEY_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
  /** 32 bytes, base64: encrypts Xero tokens at rest. In demo mode one is generated into DATA_DIR. */
  ENCRYPTION_KEY: z.string().optional(),
  XERO_CLIENT_ID: z.string().optional(),
  XERO_CLIENT_SECRET: z.string().optional(),
  XERO_REDIRECT_URI: z.string().url().optional(),
  XERO_WEBHOOK_KEY: z.string().optional(),
  XERO_API_URL: z.string().url().default('https://api.xero.com'),
  XERO_IDENTITY_URL: z.string().url().default('https://identity.xero.com'),
  XERO_LOGIN_URL: z.string().url().default('https://login.xero.com/identity'),
  /**
   * Which accounting scopes the consent link asks for: `granular` (accounting.invoices, accounting.payments,
   * accounting.reports.trialbalance.read, ...), the only ones Xero allows apps created on or after
   * 2 March 2026, or `broad` (accounting.transactions, accounting.reports.read) for older apps, which may
   * use them until September 2027. https://developer.xero.com/faq/granular-scopes
   */
  XERO_SCOPE_SET: z.enum(['granular', 'broad']).default('granular'),
  SYNC_INTERVAL_MS: z.coerce.number().int().min(1000).default(300_000),
  /** Calls per Xero organisation per window; Xero allows 60 a minute, the margin absorbs clock skew. */
  XERO_CALLS_PER_WINDOW: z.coerce.number().int().min(1).default(55),
  XERO_RATE_WINDOW_MS: z.coerce.number().int().min(100).default(60_000),
  /** Calls per organisation per day; Xero allows 5,000 (1,000 on its Starter tier). */
  XERO_CALLS_PER_DAY: z.coerce.number().int().min(1).default(4_900),
  XERO_MAX_CONCURRENT_CALLS: z.coerce.number().int().min(1).max(5).default(5),
  XERO_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  XERO_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
});

const SECRET_KEYS = new Set(['DATABASE_URL', 'ENCRYPTION_KEY', 'XERO_CLIENT_SECRET', 'XERO_WEBHOOK_KEY']);

export type RawConfig = z.infer<typeof schema>;

export interface Config extends RawConfig {
  dataDir: string;
  demoMode: boolean;
  isDevelopment: boolean;
  /** GRAPHQL_INTROSPECTION resolved against NODE_ENV and demo mode. */
  introspection: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(pickKnown(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const raw = parsed.data;
  const demoMode = raw.DEMO_MODE === 'auto' ? !raw.XERO_CLIENT_ID : raw.DEMO_MODE === 'true';
  return {
    ...raw,
    dataDir: path.resolve(raw.DATA_DIR),
    demoMode,
    isDevelopment: raw.NODE_ENV === 'development',
    introspection:
      raw.GRAPHQL_INTROSPECTION === undefined
        ? demoMode || raw.NODE_ENV !== 'production'
        : raw.GRAPHQL_INTROSPECTION === 'true',
  };
}

/** The configuration with secrets replaced, safe to log. */
export function describeConfig(config: Config): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      SECRET_KEYS.has(key) && value !== undefined ? '[secret]' : value,
    ]),
  );
}

function pickKnown(env: NodeJS.ProcessEnv): Record<string, string> {
  const known = Object.keys(schema.shape);
  return Object.fromEntries(
    known.flatMap((key) => (env[key] !== undefined && env[key] !== '' ? [[key, env[key] as string]] : [])),
  );
}
