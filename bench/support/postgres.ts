import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../../src/database/data-source.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';

export interface BenchPostgres {
  url: string;
  /** Creates a fresh, migrated database in the cluster and returns its URL. */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** One scratch embedded Postgres cluster for a whole benchmark run; each suite gets its own database. */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-pg-'));
  await chmod(scratch, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg') });
  return {
    url: postgres.url,
    async database(name) {
      const admin = new pg.Client({ connectionString: postgres.url });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(postgres.url);
      url.pathname = `/${name}`;
      const source = createDataSource({ url: url.toString() });
      await source.initialize();
      try {
        await runMigrations(source);
      } finally {
        await source.destroy();
      }
      return url.toString();
    },
    async stop() {
      await postgres.stop();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
