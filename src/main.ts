import { ConfigError, describeConfig, loadConfig } from './config.js';
import { readDemoCredentials } from './demo/demo-credentials.js';
import { startGateway } from './gateway.js';
import { createLogger } from './logger.js';

/** `npm start`: the gateway process. With no configuration at all it runs the seeded demo. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  logger.info({ config: describeConfig(config) }, 'starting');

  // Signals are handled from the first moment: a SIGTERM during start-up waits for it, then shuts down.
  const starting = startGateway(config, logger);
  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, 'shutting down');
    starting
      .then((gateway) => gateway.stop())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const gateway = await starting;

  logger.info(
    { graphqlUrl: `${gateway.url}/graphql`, playgroundUrl: `${gateway.url}/playground` },
    'gateway ready',
  );
  if (config.demoMode) {
    const credentials = await readDemoCredentials(config.dataDir);
    // Printed on purpose, to the terminal only: the demo's key is what a newcomer needs to try a query.
    process.stdout.write(
      `\n  Demo gateway ready\n  GraphQL:    ${gateway.url}/graphql\n  Playground: ${gateway.url}/playground\n` +
        `  API key:    ${credentials?.apiKey}\n  (also in ${config.dataDir}/demo-credentials.json)\n\n`,
    );
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
