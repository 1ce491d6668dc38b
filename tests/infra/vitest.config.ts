import { defineConfig } from 'vitest/config';

/**
 * Infra tests only: synthesised templates and cdk-nag. They need no DynamoDB Local, Cognito
 * emulator or browser, so this config skips the root config's global setup.
 *
 *   npx vitest run --config tests/infra/vitest.config.ts
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/infra/**/*.test.ts'],
    environment: 'node',
    // Each file synthesises the app (a few seconds, more on a busy machine).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
