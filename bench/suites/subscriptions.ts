/**
 * Subscriptions: N graphql-ws subscribers (`entityChanged`), one socket each, in a separate client
 * process; a burst of events committed one per transaction through the cache writer; commit-to-receipt
 * p50/p99, deliveries/s, memory per subscriber and peak RSS, with one gateway process and with two
 * sharing the database (subscribers split). Baseline: a bare WebSocket server fanning raw LISTEN/NOTIFY
 * out to the same number of sockets from the same client process (see raw-fanout-process.ts): in-process
 * listeners alone would leave out the sockets, which are most of the cost.
 */
import '../production-env.js';
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { upsertEntities } from '../../src/cache/upsert.js';
import { createDataSource } from '../../src/database/data-source.js';
import { ALL_SCOPES } from '../../src/schema/scope.js';
import { seedTenant } from '../../src/seed/seed-tenant.js';
import { createApp, ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { type Child, spawnChild } from '../support/child.js';
import { spawnGateway } from '../support/gateway-child.js';
import type { BenchPostgres } from '../support/postgres.js';
import { MiB, type Row, row, sleep, wallMs } from '../support/stats.js';

export interface SubscriptionsOptions {
  postgres: BenchPostgres;
  subscribers: number[];
  /** Events in the burst, committed one per transaction. */
  events: number;
  log?: (message: string) => void;
}

interface Outcome {
  p50: number;
  p99: number;
  deliveriesPerSecond: number;
  delivered: number;
  /** Share of subscribers that got the settling event within the wait. */
  live: number;
  /** Sockets the server closed during the burst, by close code, and results that came as errors. */
  shortfall: { closedCodes: Record<string, number>; errorResults: number };
  bytesPerSubscriber: number;
  peakRss: number;
}

const SUITE = 'subscriptions';
const WAIT_MS = 120_000;

interface Writer {
  db: DataSource;
  tenantId: string;
  itemIds: string[];
  round: number;
}

/** Commits `count` item renames, one per transaction; returns each event's seq and commit time. */
async function burst(writer: Writer, count: number): Promise<Record<string, number>> {
  const commitTimes: Record<string, number> = {};
  writer.round += 1;
  for (let i = 0; i < count; i++) {
    const id = writer.itemIds[i % writer.itemIds.length];
    const result = await upsertEntities(
      writer.db.manager,
      writer.tenantId,
      'Item',
      [{ id, fields: { name: `bench ${writer.round}-${i}` } }],
      { source: 'bench' },
    );
    for (const event of result.events) commitTimes[event.seq] = wallMs();
  }
  return commitTimes;
}

async function waitFor(subscribers: Child<object>, expected: number): Promise<number> {
  const deadline = Date.now() + WAIT_MS;
  let received = 0;
  while (Date.now() < deadline) {
    received = await subscribers.call<number>('received');
    if (received >= expected) break;
    await sleep(50);
  }
  return received;
}

/** One scenario: connect `count` subscribers to `servers`, settle, burst, measure, disconnect. */
async function scenario(
  writer: Writer,
  servers: Array<Child<{ url: string }>>,
  mode: 'graphql' | 'raw',
  count: number,
  events: number,
  apiKey: string,
): Promise<Outcome> {
  const subscribers = await spawnChild<object>('bench/support/subscribers-process.ts');
  try {
    const rssBefore = servers.reduce((total, server) => total + server.rss.now(), 0);
    const urls = servers.map((server) =>
      mode === 'graphql' ? `${server.ready.url.replace(/^http/, 'ws')}/graphql` : server.ready.url,
    );
    await subscribers.call('connect', { mode, urls, count, apiKey });
    // Every subscriber is live once a first event reaches all of them.
    await burst(writer, 1);
    // Bounded: when not all are live by then, the burst still runs and the note gives the share.
    const live = Math.min(1, (await waitFor(subscribers, count)) / count);
    const bytesPerSubscriber =
      (servers.reduce((total, server) => total + server.rss.now(), 0) - rssBefore) / count;
    await subscribers.call('clear');
    for (const server of servers) server.rss.reset();
    const commitTimes = await burst(writer, events);
    const received = await waitFor(subscribers, count * events);
    const shortfall = await subscribers.call<Outcome['shortfall']>('shortfall');
    const report = await subscribers.call<{ deliveries: number; p50: number; p99: number; last: number }>(
      'report',
      {
        commitTimes,
      },
    );
    const first = Math.min(...Object.values(commitTimes));
    return {
      p50: report.p50,
      p99: report.p99,
      deliveriesPerSecond: report.deliveries / ((report.last - first) / 1000),
      delivered: received / (count * events),
      live,
      shortfall,
      bytesPerSubscriber,
      peakRss: servers.reduce((total, server) => total + server.rss.peak(), 0),
    };
  } finally {
    await subscribers.stop();
  }
}

function rows(label: string, gateway: Outcome, raw: Outcome, events: number): Row[] {
  const shortfalls = [
    gateway.live < 1
      ? `${(gateway.live * 100).toFixed(1)}% of subscribers live after ${WAIT_MS / 1000} s`
      : '',
    gateway.delivered < 1 ? `${(gateway.delivered * 100).toFixed(1)}% of the burst delivered` : '',
    ...Object.entries(gateway.shortfall.closedCodes).map(
      ([code, sockets]) => `${sockets} sockets closed with ${code}`,
    ),
    gateway.shortfall.errorResults ? `${gateway.shortfall.errorResults} error results` : '',
  ].filter(Boolean);
  const note = shortfalls.length ? shortfalls.join('; ') : undefined;
  const base = {
    suite: SUITE,
    scenario: `${label}, burst of ${events}`,
    baselineName: 'bare ws + LISTEN/NOTIFY',
    note,
  };
  return [
    row({
      ...base,
      metric: 'commit-to-receipt p50',
      unit: 'ms',
      gateway: gateway.p50,
      baseline: raw.p50,
      better: 'lower',
    }),
    row({
      ...base,
      metric: 'commit-to-receipt p99',
      unit: 'ms',
      gateway: gateway.p99,
      baseline: raw.p99,
      better: 'lower',
    }),
    row({
      ...base,
      metric: 'deliveries/s',
      unit: 'events/s',
      gateway: gateway.deliveriesPerSecond,
      baseline: raw.deliveriesPerSecond,
      better: 'higher',
    }),
    row({
      ...base,
      metric: 'memory per subscriber',
      unit: 'KiB',
      gateway: gateway.bytesPerSubscriber / 1024,
      baseline: raw.bytesPerSubscriber / 1024,
      better: 'lower',
    }),
    row({
      ...base,
      metric: 'peak RSS',
      unit: 'MiB',
      gateway: gateway.peakRss / MiB,
      baseline: raw.peakRss / MiB,
      better: 'lower',
    }),
  ];
}

/** Runs the subscription benchmark and returns its rows. */
export async function run(options: SubscriptionsOptions): Promise<Row[]> {
  const log = options.log ?? (() => {});
  const databaseUrl = await options.postgres.database('bench_subscriptions');
  const db = createDataSource({ url: databaseUrl });
  await db.initialize();
  const result: Row[] = [];
  try {
    await seedTenant(db, { tenant: 'org-bench', scale: 100 });
    const tenant = await ensureTenant(db, 'org-bench');
    const { apiKey } = await createApp(db, tenant.id, 'bench', ALL_SCOPES);
    const itemIds = (
      await db.query('SELECT id FROM items WHERE tenant_id = $1 ORDER BY id LIMIT 50', [tenant.id])
    ).map((found: { id: string }) => found.id);
    const writer: Writer = { db, tenantId: tenant.id, itemIds, round: 0 };
    for (const count of options.subscribers) {
      const fresh = (n: number) => Promise.all(Array.from({ length: n }, () => spawnGateway(databaseUrl)));
      const one = await fresh(1);
      const single = await scenario(writer, one, 'graphql', count, options.events, apiKey).finally(() =>
        Promise.all(one.map((gateway) => gateway.stop())),
      );
      log(`subscriptions: ${count} on one gateway: p50 ${single.p50.toFixed(1)} ms`);
      const two = await fresh(2);
      const split = await scenario(writer, two, 'graphql', count, options.events, apiKey).finally(() =>
        Promise.all(two.map((gateway) => gateway.stop())),
      );
      log(`subscriptions: ${count} on two gateways: p50 ${split.p50.toFixed(1)} ms`);
      const fanout = await spawnChild<{ url: string }>('bench/support/raw-fanout-process.ts', {
        DATABASE_URL: databaseUrl,
      });
      const raw = await scenario(writer, [fanout], 'raw', count, options.events, apiKey).finally(() =>
        fanout.stop(),
      );
      log(`subscriptions: ${count} on the bare baseline: p50 ${raw.p50.toFixed(1)} ms`);
      const label = count.toLocaleString('en-US');
      result.push(
        ...rows(`${label} subscribers, one gateway process`, single, raw, options.events),
        ...rows(`${label} subscribers, two gateway processes`, split, raw, options.events),
      );
    }
  } finally {
    await db.destroy();
  }
  return result;
}
