import { randomBytes } from 'node:crypto';
import type { Config } from '../../src/config.js';
import { loadConfig } from '../../src/config.js';
import { type Gateway, type StartOptions, startGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';
import { ALL_SCOPES, type Scope } from '../../src/schema/scope.js';
import { createApp, ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

export interface TestGateway {
  gateway: Gateway;
  database: TestDatabase;
  url: string;
  config: Config;
  /** Creates a tenant (if needed) and an app in it with the given scopes; returns its API key. */
  createKey(tenant: string, scopes?: readonly Scope[], provider?: string): Promise<string>;
  /** POSTs a GraphQL request to the running gateway over real HTTP. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    apiKey?: string,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** A real gateway on port 0 over a fresh database of its own. */
export async function startTestGateway(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestGateway> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    DEMO_MODE: 'false',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SHUTDOWN_TIMEOUT_MS: '2000',
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...env,
  });
  const gateway = await startGateway(config, createLogger(config.LOG_LEVEL), { schedule: false, ...options });
  const db = gateway.services.db;
  return {
    gateway,
    database,
    url: gateway.url,
    config,
    async createKey(tenantName, scopes = ALL_SCOPES, provider = 'test-app') {
      const tenant = await ensureTenant(db, tenantName);
      return (await createApp(db, tenant.id, provider, scopes)).apiKey;
    },
    async graphql(query, variables, apiKey) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async stop() {
      await gateway.stop();
      await database.drop();
    },
  };
}
