import type { Client } from 'graphql-ws';
import type { RunningXeroEmulator } from '../../src/xero-emulator/index.js';
import { type GatewayProcess, spawnGateway, waitFor } from './process.js';
import { connectWs } from './ws-client.js';

export interface ChildGateway extends GatewayProcess {
  url: string;
  name: string;
  /** kill -9: no shutdown, no cleanup, connections dropped mid-flight. */
  kill(): Promise<void>;
}

/** The environment a child gateway needs to talk to the emulator. */
export function emulatorEnv(emulator: RunningXeroEmulator): Record<string, string> {
  return {
    XERO_CLIENT_ID: emulator.clientId,
    XERO_CLIENT_SECRET: emulator.clientSecret,
    XERO_API_URL: emulator.url,
    XERO_IDENTITY_URL: emulator.url,
    XERO_LOGIN_URL: emulator.url,
    XERO_WEBHOOK_KEY: emulator.webhookKey,
  };
}

/**
 * Spawns a gateway process whose database sessions carry `application_name=<name>` (so a test can see
 * in pg_stat_activity which process holds a lock) and waits until it serves.
 */
export async function startChildGateway(name: string, env: Record<string, string>): Promise<ChildGateway> {
  const url = new URL(env.DATABASE_URL);
  url.searchParams.set('application_name', name);
  const child = spawnGateway({
    PORT: '0',
    DEMO_MODE: 'false',
    NODE_ENV: 'test',
    ...env,
    DATABASE_URL: url.toString(),
  });
  const graphqlUrl = await waitFor(
    () => /"graphqlUrl":"([^"]+)\/graphql"/.exec(child.output())?.[1],
    60_000,
    () => `${name} did not start: ${child.output()}`,
  );
  return {
    ...child,
    url: graphqlUrl,
    name,
    async kill() {
      child.child.kill('SIGKILL');
      await child.exited;
    },
  };
}

export const CHANGES = `subscription($since: String) {
  entityChanged(since: $since, includeOwnChanges: true) { cursor entityType entityId action }
}`;

export interface ResilientSubscriber {
  /** Cursors in the order received (duplicates included, so a test can see them). */
  cursors: string[];
  reconnects: number;
  errors: string[];
  stop(): Promise<void>;
}

/**
 * A client app listening to entityChanged: whenever its socket ends (gateway killed, database
 * restarted, told to resume) it reconnects to whichever gateway `url()` names and resumes from the last
 * cursor it saw. Bounded: it stops when told or after `maxMs`.
 */
export function resilientSubscriber(url: () => string, apiKey: string, maxMs = 240_000): ResilientSubscriber {
  const state: ResilientSubscriber = { cursors: [], reconnects: 0, errors: [], stop: async () => {} };
  let stopped = false;
  let client: Client | undefined;
  const deadline = Date.now() + maxMs;
  const loop = async () => {
    while (!stopped && Date.now() < deadline) {
      client = connectWs(url(), apiKey).client;
      try {
        const since = state.cursors.at(-1) ?? '0';
        for await (const result of client.iterate({ query: CHANGES, variables: { since } })) {
          if (result.errors) {
            state.errors.push(JSON.stringify(result.errors));
            break;
          }
          const change = (result.data as { entityChanged: { cursor: string } }).entityChanged;
          state.cursors.push(change.cursor);
        }
      } catch (error) {
        if (!stopped) state.errors.push(String((error as { reason?: string }).reason ?? error));
      } finally {
        await client.dispose();
      }
      if (stopped) break;
      state.reconnects += 1;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const running = loop();
  state.stop = async () => {
    stopped = true;
    await client?.dispose();
    await running;
  };
  return state;
}
