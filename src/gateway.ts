import 'reflect-metadata';
import type { Config } from './config.js';
import type { GatewayServices } from './context.js';
import { type Database, openDatabase } from './database/database.js';
import { DEMO_TENANT, ensureDemoApiKey, writeDemoCredentials } from './demo/demo-credentials.js';
import { linkDemoTenants } from './demo/demo-xero.js';
import { type EmulatorProcess, startEmulatorProcess } from './demo/emulator-process.js';
import type { Logger } from './logger.js';
import { type RunningGateway, startGatewayServer } from './server/gateway-server.js';
import { EventHub } from './sync/events/event-hub.js';
import { SyncStatusHub } from './sync/events/sync-status.js';
import type { OutboundOptions } from './sync/outbound/outbound-pipeline.js';
import { startOutbound } from './sync/outbound/outbound-worker.js';
import { createSyncServices } from './sync/sync-services.js';
import { type XeroSettings, xeroSettingsFromConfig } from './sync/xero/xero-settings.js';

export interface Gateway {
  url: string;
  server: RunningGateway;
  database: Database;
  services: GatewayServices;
  /** Graceful shutdown: server first (in-flight requests finish), then sync, the pool, embedded Postgres. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Xero endpoints and credentials to use instead of the configuration's (tests point this at an emulator). */
  xeroSettings?: XeroSettings;
  /** Start the background sync schedule (default: true). */
  schedule?: boolean;
  /** Timings of the outbound write worker (tests shorten its backoff). */
  outbound?: Partial<OutboundOptions>;
}

/** Opens the database (embedded or DATABASE_URL), runs migrations, prepares the demo, and serves. */
export async function startGateway(
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<Gateway> {
  const database = await openDatabase(config, logger);
  let emulator: EmulatorProcess | undefined;
  try {
    const db = database.dataSource;
    let settings = options.xeroSettings
      ? { scopeSet: config.XERO_SCOPE_SET, ...options.xeroSettings }
      : xeroSettingsFromConfig(config);
    if (!settings && config.demoMode) {
      emulator = await startEmulatorProcess(config.dataDir, logger);
      settings = { ...emulatorSettings(emulator.info), scopeSet: config.XERO_SCOPE_SET };
    }
    const sync = settings ? await createSyncServices(db, config, logger, settings) : undefined;
    const events = new EventHub(db, logger);
    const services: GatewayServices = { config, logger, db, events, statusHub: new SyncStatusHub(), sync };
    const demoApiKey = config.demoMode ? await ensureDemoApiKey(db, config.dataDir) : undefined;
    const server = await startGatewayServer(services, { demoApiKey });
    const outbound = await startOutbound(services, options.outbound);
    if (sync && options.schedule !== false) sync.scheduler.start();
    // Last: the demo's credentials file is the sign, for scripts and tests, that everything runs.
    if (demoApiKey) await prepareDemo(services, server.url, demoApiKey, emulator);
    let stopping: Promise<void> | undefined;
    return {
      url: server.url,
      server,
      database,
      services,
      stop() {
        stopping ??= (async () => {
          await server.stop();
          await sync?.scheduler.stop();
          await outbound?.stop();
          await sync?.webhooks.drain();
          await emulator?.stop();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await emulator?.stop();
    await database.close();
    throw error;
  }
}

function emulatorSettings(info: EmulatorProcess['info']): XeroSettings {
  return {
    clientId: info.clientId,
    clientSecret: info.clientSecret,
    apiUrl: info.url,
    identityUrl: info.url,
    loginUrl: info.url,
    webhookKey: info.webhookKey,
  };
}

/** Writes the demo credentials and, with the emulator, links the demo tenants and starts their first sync. */
async function prepareDemo(
  services: GatewayServices,
  url: string,
  apiKey: string,
  emulator?: EmulatorProcess,
) {
  const { db, config, logger, sync } = services;
  const credentials: Record<string, unknown> = {
    graphqlUrl: `${url}/graphql`,
    playgroundUrl: `${url}/playground`,
    apiKey,
    tenant: DEMO_TENANT,
  };
  if (emulator && sync) {
    const tenants = await linkDemoTenants(db, sync, emulator.info, url, logger);
    credentials.xeroEmulator = { ...emulator.info };
    const us = tenants.find((tenant) => tenant.tenant === 'org-demo-us');
    if (us?.apiKey) credentials.usTenant = { tenant: us.tenant, apiKey: us.apiKey };
    for (const tenant of tenants) {
      const found = await db.query('SELECT id FROM tenants WHERE name = $1', [tenant.tenant]);
      sync.scheduler
        .trigger(found[0].id)
        .catch((error) => logger.warn({ err: error, tenant: tenant.tenant }, 'demo sync failed'));
    }
  }
  await writeDemoCredentials(config.dataDir, credentials as never);
}
