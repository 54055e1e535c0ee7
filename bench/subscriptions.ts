/**
 * Subscription benchmark alone (the full suite is `npm run bench`): see bench/suites/subscriptions.ts.
 *   npx tsx bench/subscriptions.ts [--subscribers 1000,10000] [--events 50]
 */
import './production-env.js';
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { run } from './suites/subscriptions.js';
import { runAlone } from './support/report.js';

const { values } = parseArgs({
  options: { subscribers: { type: 'string', default: '1000' }, events: { type: 'string', default: '50' } },
});
await runAlone((postgres) =>
  run({
    postgres,
    subscribers: values.subscribers.split(',').map(Number),
    events: Number(values.events),
    log: (message) => console.error(message),
  }),
);
