import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { createMigratedTemplate } from './template-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the server the tests use; each test file creates its own database on it. */
    adminDatabaseUrl: string;
  }
}

/**
 * One real Postgres server for the whole run: TEST_DATABASE_URL when given, otherwise an embedded one in
 * a scratch directory, removed afterwards. Migrations run once, into the template test databases copy.
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    await createMigratedTemplate(process.env.TEST_DATABASE_URL);
    project.provide('adminDatabaseUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'gateway-tests-'));
  await chmod(scratch, 0o755); // Postgres runs as its own user and must reach its data directory
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg') });
  await createMigratedTemplate(postgres.url);
  project.provide('adminDatabaseUrl', postgres.url);
  return async () => {
    await postgres.stop();
    await rm(scratch, { recursive: true, force: true });
  };
}
