/**
 * Read benchmark alone (the full suite is `npm run bench`): see bench/suites/reads.ts.
 * Run: npx tsx bench/read-queries.ts [invoices=10000] [seconds=10]
 */
import './production-env.js';
import 'reflect-metadata';
import { run } from './suites/reads.js';
import { runAlone } from './support/report.js';

const invoices = Number(process.argv[2] ?? 10_000);
const seconds = Number(process.argv[3] ?? 10);
await runAlone((postgres) =>
  run({ postgres, scales: [invoices], seconds, warmupSeconds: 2, log: (message) => console.error(message) }),
);
