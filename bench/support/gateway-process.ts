/**
 * The gateway as its own process for the benchmarks (so the RSS measured is the gateway's alone).
 * Configured by the environment like `npm start`; BENCH_XERO_SETTINGS (JSON) points it at an emulator.
 * Commands: `link` a Xero connection, `trigger` a tenant's sync.
 */
import '../production-env.js';
import 'reflect-metadata';
import { loadConfig } from '../../src/config.js';
import { startGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';
import { linkXeroConnection } from '../../src/sync/connections/xero-connection.service.js';
import type { OAuthTokenResponse } from '../../src/sync/xero/xero-tokens.js';
import { serveParent } from './child.js';

const config = loadConfig(process.env);
const settings = process.env.BENCH_XERO_SETTINGS ? JSON.parse(process.env.BENCH_XERO_SETTINGS) : undefined;
const gateway = await startGateway(config, createLogger(config.LOG_LEVEL), {
  xeroSettings: settings,
  schedule: false,
});
const sync = () => {
  if (!gateway.services.sync) throw new Error('started without Xero settings');
  return gateway.services.sync;
};

serveParent(
  { url: gateway.url },
  {
    link: (args: { tenantId: string; xeroTenantId: string; tokens: OAuthTokenResponse }) =>
      linkXeroConnection(gateway.services.db, sync().xero, args).then(() => null),
    trigger: (args: { tenantId: string }) =>
      sync()
        .scheduler.trigger(args.tenantId)
        .then(() => null),
  },
  () => gateway.stop(),
);
