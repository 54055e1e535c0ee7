import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type autocannon from 'autocannon';
import { quantile } from './stats.js';

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');

// Plain JavaScript (a worker does not inherit tsx's loader). One long-lived worker runs autocannon
// loads one after another, keeping every latency of each.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require(workerData.module);
parentPort.on('message', (options) => {
  const latencies = [];
  const started = performance.now();
  const instance = autocannon(options, (error, result) => {
    if (error) throw error;
    parentPort.postMessage({
      latencies: Float64Array.from(latencies),
      seconds: (performance.now() - started) / 1000,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    });
  });
  instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
});
`;

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

interface RawRun {
  latencies: Float64Array;
  seconds: number;
  errors: number;
  non2xx: number;
}

export interface LoadRunner {
  /** Warms up (JIT, pools, plans), then loads `options.url` at `connections` clients for `seconds`. */
  measure(
    options: autocannon.Options,
    connections: number,
    seconds: number,
    warmupSeconds: number,
  ): Promise<LoadResult>;
  stop(): Promise<void>;
}

/** A load generator in its own worker thread, so it never shares an event loop with a server. */
export function startLoadRunner(): LoadRunner {
  const worker = new Worker(WORKER, { eval: true, workerData: { module: AUTOCANNON } });
  const once = (options: autocannon.Options) =>
    new Promise<RawRun>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (message: RawRun) => {
        worker.off('error', onError);
        resolve(message);
      });
      worker.postMessage(options);
    });
  return {
    async measure(options, connections, seconds, warmupSeconds) {
      if (warmupSeconds > 0) await once({ ...options, connections, duration: warmupSeconds });
      const run = await once({ ...options, connections, duration: seconds });
      const sorted = run.latencies.sort();
      return {
        rps: sorted.length / run.seconds,
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        requests: sorted.length,
        failures: run.errors + run.non2xx,
      };
    },
    async stop() {
      await worker.terminate();
    },
  };
}
