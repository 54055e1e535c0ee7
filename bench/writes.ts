/**
 * Write benchmark alone (the full suite is `npm run bench`): see bench/suites/writes.ts.
 *   npx tsx bench/writes.ts [--sequential N] [--total N] [--concurrency N]
 */
import './production-env.js';
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { run } from './suites/writes.js';
import { runAlone } from './support/report.js';

const { values } = parseArgs({
  options: {
    sequential: { type: 'string', default: '100' },
    total: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '10' },
  },
});
await runAlone((postgres) =>
  run({
    postgres,
    sequential: Number(values.sequential),
    total: Number(values.total),
    concurrency: Number(values.concurrency),
    log: (message) => console.error(message),
  }),
);
