import { randomBytes } from 'node:crypto';
import { GATEWAY_NODE_FLAGS } from '../../src/node-flags.js';
import type { XeroSettings } from '../../src/sync/xero/xero-settings.js';
import { type Child, spawnChild } from './child.js';

export type GatewayChild = Child<{ url: string }>;

/** Starts bench/support/gateway-process.ts on `databaseUrl`, optionally wired to an emulator. */
export function spawnGateway(
  databaseUrl: string,
  options: { xero?: XeroSettings; env?: Record<string, string> } = {},
): Promise<GatewayChild> {
  return spawnChild<{ url: string }>('bench/support/gateway-process.ts', {
    DATABASE_URL: databaseUrl,
    PORT: '0',
    DEMO_MODE: 'false',
    LOG_LEVEL: 'silent',
    // The Node flags `npm start` gives the gateway: the figures are of what runs.
    NODE_OPTIONS: GATEWAY_NODE_FLAGS.join(' '),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // The emulator's limits are lifted too: the figures measure the gateway, not Xero's 60 a minute.
    XERO_CALLS_PER_WINDOW: '10000000',
    XERO_CALLS_PER_DAY: '100000000',
    // One key drives all the load: per-key rate limiting would measure the limiter, not the gateway.
    RATE_LIMIT_PER_KEY_PER_MINUTE: '0',
    ...(options.xero ? { BENCH_XERO_SETTINGS: JSON.stringify(options.xero) } : {}),
    ...options.env,
  });
}
