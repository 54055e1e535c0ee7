import { readFileSync } from 'node:fs';

/**
 * The Node flags the gateway runs with, from package.json's `config.gatewayNodeFlags`: `npm start` passes
 * them, and so do the tests and benchmarks that start the gateway as a child process without npm, so each
 * runs what users run. (A 64 MiB semi-space: reads allocate many short-lived objects; see the README.)
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    config: { gatewayNodeFlags: string };
  }
).config.gatewayNodeFlags
  .split(/\s+/)
  .filter(Boolean);
