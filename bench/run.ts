/**
 * `npm run bench [-- --quick] [-- --only reads,sync,writes,subscriptions]`: every benchmark on this
 * machine against one scratch embedded Postgres and the Xero emulator, each figure beside its baseline
 * measured in the same run (so the ratios hold on a noisy shared machine). Prints one table and writes
 * bench/results/latest.{json,md} (a full run also full.{json,md}, which bench/README.md quotes).
 */
import './production-env.js';
import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as reads from './suites/reads.js';
import * as subscriptions from './suites/subscriptions.js';
import * as sync from './suites/sync.js';
import * as writes from './suites/writes.js';
import { startBenchPostgres } from './support/postgres.js';
import { machine, markdown, type Report, writeReport } from './support/report.js';
import type { Row } from './support/stats.js';

const SUITES = ['reads', 'sync', 'writes', 'subscriptions'] as const;
type SuiteName = (typeof SUITES)[number];

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const quick = values.quick ?? false;
const only = new Set((values.only ?? SUITES.join(',')).split(',') as SuiteName[]);
const log = (message: string) => process.stderr.write(`[bench ${elapsed()}] ${message}\n`);
const startedAt = new Date();
const elapsed = () => `${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)}s`;

const postgres = await startBenchPostgres();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    postgres.stop().finally(() => process.exit(130));
  });
}
const rows: Row[] = [];
const notMeasured: string[] = [];
const attempt = async (name: SuiteName, work: () => Promise<Row[]>) => {
  if (!only.has(name)) return;
  log(`${name}: starting`);
  try {
    rows.push(...(await work()));
  } catch (error) {
    log(`${name} failed: ${(error as Error).stack}`);
    notMeasured.push(`${name}: failed in this run (${(error as Error).message.split('\n')[0]})`);
  }
};
try {
  await attempt('reads', () =>
    reads.run({
      postgres,
      scales: quick ? [10_000] : [10_000, 100_000],
      seconds: quick ? 1 : 5,
      // Quick: no separate warm-up (autocannon runs whole seconds); the check request before each load warms it.
      warmupSeconds: quick ? 0 : 1,
      log,
    }),
  );
  await attempt('sync', () => sync.run({ postgres, invoices: quick ? 5_000 : 100_000, log }));
  await attempt('writes', () =>
    writes.run({ postgres, sequential: quick ? 30 : 200, total: quick ? 100 : 500, concurrency: 10, log }),
  );
  await attempt('subscriptions', () =>
    subscriptions.run({ postgres, subscribers: quick ? [1_000] : [1_000, 10_000], events: 50, log }),
  );
} finally {
  await postgres.stop();
}

const report: Report = {
  mode: quick ? 'quick' : 'full',
  startedAt: startedAt.toISOString(),
  durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
  machine: machine(),
  rows,
  notMeasured,
};
const directory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
process.stdout.write(`\n${markdown(report)}`);
const written = await writeReport(directory, report);
log(`wrote ${written.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
process.exit(notMeasured.length ? 1 : 0);
