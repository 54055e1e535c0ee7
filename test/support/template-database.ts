import pg from 'pg';
import { createDataSource } from '../../src/database/data-source.js';
import { runMigrations } from '../../src/database/migrate.js';

/** The database every migrated test database is copied from (`CREATE DATABASE … TEMPLATE`). */
export const MIGRATED_TEMPLATE = 'test_template_migrated';

/**
 * Migrates a template database once per run, so each test file's database is a file copy instead of
 * nine migrations replayed (the copy is what `createTestDatabase` hands out; the migrations test still
 * runs them from empty).
 */
export async function createMigratedTemplate(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${MIGRATED_TEMPLATE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${MIGRATED_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${MIGRATED_TEMPLATE}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy(); // a template must have no open connections when it is copied
  }
}
