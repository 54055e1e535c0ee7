import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';

export interface Database {
  dataSource: DataSource;
  /** True when this process started the Postgres server it uses. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts an embedded Postgres whose files live in `$DATA_DIR/postgres`,
 * then applies pending migrations.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: path.join(config.dataDir, 'postgres'),
        onLog: (line) => logger.debug({ component: 'postgres' }, line),
      });
  if (embedded) logger.info({ port: embedded.port, owned: embedded.owned }, 'embedded PostgreSQL ready');
  const dataSource = createDataSource({
    url: config.DATABASE_URL ?? embedded!.url,
    poolSize: config.DATABASE_POOL_SIZE,
    onError: (message, detail) => logger.warn(detail, message),
  });
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    embedded: embedded !== undefined,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
