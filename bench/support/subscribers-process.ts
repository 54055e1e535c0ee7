/**
 * Subscribers for the subscription benchmark, in their own process (so the servers' memory is their own):
 * N graphql-ws clients (one socket each, as N browser tabs would be) or N bare WebSockets for the
 * baseline, spread round-robin over the servers. Records when each event reaches each subscriber.
 */
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { serveParent } from './child.js';
import { quantile, wallMs } from './stats.js';

const QUERY = 'subscription { entityChanged(types: [Item]) { cursor } }';
const BATCH = 200;

let closers: Array<() => void> = [];
let seqs: number[] = [];
let times: number[] = [];
/** Why deliveries may fall short: sockets the server closed (with their close codes), error results. */
let closedCodes: Record<string, number> = {};
let errorResults = 0;

function record(cursor: string) {
  seqs.push(Number(cursor));
  times.push(wallMs());
}

function graphqlSubscriber(url: string, apiKey: string): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const client: Client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${apiKey}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: reject,
      on: {
        connected: () => resolve(() => client.dispose()),
        closed: (event) => {
          const code = String((event as { code?: number }).code ?? 'unknown');
          if (code !== '1000') closedCodes[code] = (closedCodes[code] ?? 0) + 1;
        },
      },
    });
    client.subscribe<{ entityChanged: { cursor: string } }>(
      { query: QUERY },
      {
        next: (result) => {
          if (result.data) record(result.data.entityChanged.cursor);
          else errorResults += 1;
        },
        error: () => {},
        complete: () => {},
      },
    );
  });
}

function rawSubscriber(url: string): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('open', () => resolve(() => socket.close()));
    socket.on('error', reject);
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        payload: { data: { entityChanged: { cursor: string } } };
      };
      record(message.payload.data.entityChanged.cursor);
    });
  });
}

serveParent(
  {},
  {
    async connect(args: { mode: 'graphql' | 'raw'; urls: string[]; count: number; apiKey: string }) {
      for (let start = 0; start < args.count; start += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, args.count - start) }, (_, i) => {
          const url = args.urls[(start + i) % args.urls.length];
          return args.mode === 'graphql' ? graphqlSubscriber(url, args.apiKey) : rawSubscriber(url);
        });
        closers.push(...(await Promise.all(batch)));
      }
      return closers.length;
    },
    received: () => seqs.length,
    shortfall: () => ({ closedCodes, errorResults }),
    clear() {
      seqs = [];
      times = [];
      closedCodes = {};
      errorResults = 0;
      return null;
    },
    report(args: { commitTimes: Record<string, number> }) {
      const latencies: number[] = [];
      let last = 0;
      for (let i = 0; i < seqs.length; i++) {
        const committed = args.commitTimes[seqs[i]];
        if (committed === undefined) continue;
        latencies.push(times[i] - committed);
        last = Math.max(last, times[i]);
      }
      latencies.sort((a, b) => a - b);
      return {
        deliveries: latencies.length,
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        last,
      };
    },
    close() {
      for (const close of closers) close();
      closers = [];
      return null;
    },
  },
  async () => {
    for (const close of closers) close();
  },
);
