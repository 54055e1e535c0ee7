import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../src/database/data-source.js';
import { runMigrations, schemaDrift } from '../../src/database/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.drop());

  it('bring an empty database exactly to the schema the entities describe (no drift)', async () => {
    await runMigrations(database.dataSource);
    const drift = await schemaDrift(database.dataSource);
    // When this fails, run `npm run migration:generate -- Name` and commit the migration it writes.
    expect(drift.up).toEqual([]);
  });

  it('are applied once when several processes start together on an empty database', async () => {
    const fresh = await createTestDatabase({ migrate: false });
    const other = createDataSource({ url: fresh.url });
    await other.initialize();
    try {
      const results = await Promise.all([runMigrations(fresh.dataSource), runMigrations(other)]);
      expect(results.flat()).toHaveLength(fresh.dataSource.migrations.length);
      const rows = await fresh.dataSource.query('SELECT count(*)::int AS n FROM migrations');
      expect(rows[0].n).toBe(fresh.dataSource.migrations.length);
    } finally {
      await other.destroy();
      await fresh.drop();
    }
  });

  it('can all be reverted', async () => {
    for (let i = 0; i < database.dataSource.migrations.length; i++)
      await database.dataSource.undoLastMigration();
    const tables = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables[0].n).toBe(0);
  });
});
