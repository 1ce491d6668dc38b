import { defineConfig } from 'vitest/config';

/**
 * One run for everything: unit, integration (real DynamoDB Local + cognito-local, started once
 * by the global setup), infra (synthesised templates, cdk-nag) and e2e (a real Chromium against
 * the whole local product). No mock stands in for DynamoDB or Cognito.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['tests/setup/global.ts'],
    setupFiles: ['tests/setup/env.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent' },
  },
});
