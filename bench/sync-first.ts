/**
 * Sync benchmark alone (the full suite is `npm run bench`): see bench/suites/sync.ts.
 *   npx tsx bench/sync-first.ts [--invoices 100000]
 */
import './production-env.js';
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { run } from './suites/sync.js';
import { runAlone } from './support/report.js';

const { values } = parseArgs({ options: { invoices: { type: 'string', default: '100000' } } });
await runAlone((postgres) =>
  run({ postgres, invoices: Number(values.invoices), log: (message) => console.error(message) }),
);
process.exit(0);
