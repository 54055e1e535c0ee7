import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_NODE_FLAGS } from '../../src/node-flags.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
};

describe("the gateway's Node flags", () => {
  it('are what npm start passes to node, from package.json config.gatewayNodeFlags', () => {
    expect(GATEWAY_NODE_FLAGS).toEqual(['--max-semi-space-size=64']);
    expect(packageJson.scripts.start).toBe(
      'node $npm_package_config_gatewayNodeFlags --import tsx src/main.ts',
    );
  });

  it('are accepted by this Node, so npm start and the child gateways of tests and benchmarks start', () => {
    const run = spawnSync(process.execPath, [...GATEWAY_NODE_FLAGS, '-e', 'process.exit(0)'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
