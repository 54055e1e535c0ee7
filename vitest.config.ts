import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // type-graphql requires graphql's CJS build; without this alias vitest would load the .mjs build
    // too and the schema would fail with "Cannot use GraphQLSchema from another module or realm".
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most files wait on Postgres, the emulator, child processes and sockets rather than on the CPU, so
    // more workers than the machine's two cores pay off (vitest's default here would be one).
    maxWorkers: 3,
    // Files share their worker's loaded modules instead of importing xero-node, TypeORM, Apollo and the
    // schema afresh (about 2 s of CPU a file). Nothing in a file may rely on module state it did not make:
    // every file builds its own database, gateway and emulator.
    isolate: false,
    reporters: ['default', './test/support/summary-reporter.ts'],
    server: { deps: { inline: [] } },
  },
});
