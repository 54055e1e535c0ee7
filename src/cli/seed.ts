import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../database/database.js';
import { createLogger } from '../logger.js';
import { seedTenant } from '../seed/seed-tenant.js';

/**
 * `npm run seed -- --tenant org-demo --scale 1000 [--seed demo] [--today YYYY-MM-DD]`: fills a tenant's
 * cache with generated data dated up to `--today` (default: today in UTC).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', default: 'org-demo' },
      scale: { type: 'string', default: '100' },
      seed: { type: 'string', default: 'demo' },
      today: { type: 'string' },
    },
  });
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error('--scale must be a positive integer (invoices).');
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase(config, logger);
  const started = performance.now();
  try {
    const counts = await seedTenant(database.dataSource, {
      tenant: values.tenant,
      scale,
      seed: values.seed,
      today: values.today,
      onProgress: (entityType, written) => process.stderr.write(`\r${entityType}: ${written}      `),
    });
    process.stderr.write('\n');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded ${values.tenant} in ${seconds} s:`, counts);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
