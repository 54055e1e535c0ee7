import type { DataSource } from 'typeorm';

// Any constant works: it only has to be the same in every gateway process sharing the database.
const MIGRATION_LOCK_ID = 7_305_112_001;

/**
 * Applies pending migrations while holding an advisory lock, so several gateway processes starting
 * together against one database do not race to apply the same migration.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}

export interface SchemaDrift {
  up: string[];
  down: string[];
}

/** The SQL that would bring the database in line with the entities: empty when migrations match them. */
export async function schemaDrift(dataSource: DataSource): Promise<SchemaDrift> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((query) => query.query),
    down: log.downQueries.map((query) => query.query),
  };
}
