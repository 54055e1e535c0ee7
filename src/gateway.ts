import 'reflect-metadata';
import type { Config } from './config.js';
import type { GatewayServices } from './context.js';
import { type Database, openDatabase } from './database/database.js';
import { DEMO_TENANT, ensureDemoApiKey, writeDemoCredentials } from './demo/demo-credentials.js';
import type { Logger } from './logger.js';
import { type RunningGateway, startGatewayServer } from './server/gateway-server.js';

export interface Gateway {
  url: string;
  server: RunningGateway;
  database: Database;
  services: GatewayServices;
  /** Graceful shutdown: server first (in-flight requests finish), then the pool, then embedded Postgres. */
  stop(): Promise<void>;
}

/** Opens the database (embedded or DATABASE_URL), runs migrations, prepares the demo, and serves. */
export async function startGateway(config: Config, logger: Logger): Promise<Gateway> {
  const database = await openDatabase(config, logger);
  try {
    const services: GatewayServices = { config, logger, db: database.dataSource };
    const demoApiKey = config.demoMode
      ? await ensureDemoApiKey(database.dataSource, config.dataDir)
      : undefined;
    const server = await startGatewayServer(services, { demoApiKey });
    if (demoApiKey) {
      const credentials = {
        graphqlUrl: `${server.url}/graphql`,
        playgroundUrl: `${server.url}/playground`,
        apiKey: demoApiKey,
        tenant: DEMO_TENANT,
      };
      await writeDemoCredentials(config.dataDir, credentials);
    }
    let stopping: Promise<void> | undefined;
    return {
      url: server.url,
      server,
      database,
      services,
      stop() {
        stopping ??= server.stop().finally(() => database.close());
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
