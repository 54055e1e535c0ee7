import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { runMigrations, schemaDrift } from '../database/migrate.js';

/**
 * `npm run migration:generate -- Name`: applies the existing migrations to a scratch database, diffs
 * it against the entities, and writes the difference as `migrations/<timestamp>-<Name>.ts`.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('Usage: npm run migration:generate -- PascalCaseName');
  }
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'migration-generate-'));
  await chmod(scratchDir, 0o755); // Postgres runs as its own user and must reach its data directory
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratchDir, 'pg') });
  const dataSource = createDataSource({ url: postgres.url });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const drift = await schemaDrift(dataSource);
    if (drift.up.length === 0) {
      console.log('The entities match the migrations: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = path.resolve('migrations', `${timestamp}-${name}.ts`);
    await writeFile(file, render(className, drift.up, drift.down.reverse()));
    await register(className, `./${timestamp}-${name}.js`);
    execFileSync('npx', ['biome', 'check', '--write', file, indexFilePath()], { stdio: 'ignore' });
    console.log(`Wrote ${path.relative(process.cwd(), file)} (${drift.up.length} statements).`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await postgres.stop();
    await rm(scratchDir, { recursive: true, force: true });
  }
}

function render(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((query) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

const indexFilePath = () => path.resolve('migrations', 'index.ts');

async function register(className: string, importPath: string): Promise<void> {
  const indexFile = indexFilePath();
  const source = await readFile(indexFile, 'utf8');
  const withImport = `import { ${className} } from '${importPath}';\n${source}`;
  const updated = withImport.replace(/export const migrations = \[([\s\S]*?)\];/, (_match, list: string) => {
    const names = list
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    return `export const migrations = [${[...names, className].join(', ')}];`;
  });
  await writeFile(indexFile, updated);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
