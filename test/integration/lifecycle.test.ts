import { chmod, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCredentials } from '../../src/demo/demo-credentials.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import {
  type GatewayProcess,
  livePostmasterPid,
  readJsonFile,
  spawnGateway,
  waitFor,
} from '../support/process.js';

const START_TIMEOUT_MS = 120_000;
/** Each test starts real processes (gateway, Postgres, the demo's Xero emulator) one or more times. */
const PROCESS_TEST_TIMEOUT_MS = 240_000;

async function viewer(credentials: DemoCredentials) {
  const response = await fetch(credentials.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${credentials.apiKey}` },
    body: JSON.stringify({ query: '{ viewer { tenant { name } app { provider scopes } } }' }),
  });
  return (await response.json()) as { data?: { viewer: { tenant: { name: string } } }; errors?: unknown[] };
}

async function query(url: string, apiKey: string, text: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: text }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** Gateways still running when a test ends (it failed): stopped so the next test gets the cluster. */
const running = new Set<GatewayProcess>();

async function startDemo(dataDir: string) {
  const credentialsFile = path.join(dataDir, 'demo-credentials.json');
  const before = readJsonFile<DemoCredentials>(credentialsFile)?.graphqlUrl;
  const gateway = spawnGateway({ DATA_DIR: dataDir, PORT: '0' });
  running.add(gateway);
  gateway.exited.then(() => running.delete(gateway));
  const credentials = await waitFor(
    () => {
      const found = readJsonFile<DemoCredentials>(credentialsFile);
      return found && found.graphqlUrl !== before ? found : undefined;
    },
    START_TIMEOUT_MS,
    () => gateway.output(),
  );
  return { gateway, credentials };
}

describe('the gateway process', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gateway-demo-'));
    await chmod(dataDir, 0o755);
  });
  afterEach(async () => {
    for (const gateway of running) {
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    }
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it(
    'starts a seeded demo with no configuration, keeps data across restarts, and stops cleanly on SIGTERM',
    async () => {
      const first = await startDemo(dataDir);
      expect((await viewer(first.credentials)).data?.viewer.tenant.name).toBe('org-demo');
      // The terminal banner shows the key (printed once start-up has returned, just after the file).
      await waitFor(
        () => (first.gateway.output().includes(first.credentials.apiKey) ? true : undefined),
        10_000,
        () => first.gateway.output(),
      );
      // The demo runs its own Xero: the emulator's details are in the credentials file, org-demo is linked to
      // "Demo Company (AU)", org-demo-us (with its own key) to "Demo Company (US)", and the first sync fills the cache.
      const demo = first.credentials as DemoCredentials & {
        xeroEmulator: { url: string; organisations: Array<{ name: string }> };
        usTenant: { tenant: string; apiKey: string };
      };
      expect(demo.xeroEmulator.organisations.map((org) => org.name)).toContain('Demo Company (US)');
      expect(demo.usTenant.tenant).toBe('org-demo-us');
      for (const apiKey of [demo.apiKey, demo.usTenant.apiKey]) {
        const synced = await waitFor(
          async () => {
            const answer = await query(
              demo.graphqlUrl,
              apiKey,
              '{ invoices { totalCount } employees { totalCount } }',
            );
            const counts = answer.data as
              | { invoices: { totalCount: number }; employees: { totalCount: number } }
              | undefined;
            return counts && counts.invoices.totalCount > 0 && counts.employees.totalCount > 0
              ? counts
              : undefined;
          },
          START_TIMEOUT_MS,
          () => first.gateway.output(),
        );
        expect(synced.invoices.totalCount).toBeGreaterThan(0);
      }
      first.gateway.child.kill('SIGTERM');
      expect(await first.gateway.exited, first.gateway.output()).toBe(0);
      expect(livePostmasterPid(path.join(dataDir, 'postgres'))).toBeUndefined();

      const second = await startDemo(dataDir);
      expect(second.credentials.apiKey).toBe(first.credentials.apiKey);
      expect((await viewer(second.credentials)).errors).toBeUndefined();
      second.gateway.child.kill('SIGTERM');
      expect(await second.gateway.exited).toBe(0);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'finishes a request in flight when SIGTERM arrives, exits 0 and leaves no Postgres running',
    async () => {
      const { gateway, credentials } = await startDemo(dataDir);
      const body = JSON.stringify({ query: '{ viewer { tenant { name } } }' });
      const url = new URL(credentials.graphqlUrl);
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(
          url,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              authorization: `Bearer ${credentials.apiKey}`,
            },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk) => {
              text += chunk;
            });
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
          },
        );
        request.on('error', reject);
        // Half the body now, the rest after SIGTERM: the request is in flight while the process shuts down.
        request.write(body.slice(0, 10));
        setTimeout(() => {
          gateway.child.kill('SIGTERM');
          setTimeout(() => request.end(body.slice(10)), 500);
        }, 300);
      });
      const response = await answer;
      expect(response.status, response.body + gateway.output()).toBe(200);
      expect(JSON.parse(response.body).data.viewer.tenant.name).toBe('org-demo');
      expect(await gateway.exited, gateway.output()).toBe(0);
      expect(livePostmasterPid(path.join(dataDir, 'postgres'))).toBeUndefined();
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});

describe('with DATABASE_URL', () => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gateway-external-'));
  });
  afterAll(async () => {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'uses that server, applies migrations there and starts no embedded Postgres',
    async () => {
      const gateway = spawnGateway({
        DATA_DIR: dataDir,
        PORT: '0',
        DATABASE_URL: database.url,
        DEMO_MODE: 'false',
      });
      await waitFor(
        () => (gateway.output().includes('gateway ready') ? true : undefined),
        START_TIMEOUT_MS,
        () => gateway.output(),
      );
      const tables = await database.dataSource.query(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('tenants', 'apps', 'api_keys')`,
      );
      expect(tables[0].n).toBe(3);
      expect(livePostmasterPid(path.join(dataDir, 'postgres'))).toBeUndefined();
      expect(gateway.output()).not.toContain('embedded PostgreSQL');
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited, gateway.output()).toBe(0);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
