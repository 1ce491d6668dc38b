import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { checkUploadsInProcess, loadUploadChecks, startLocalServices, type LocalServices } from '../../scripts/local/services';
import { removeSeededTemplate } from './template';

/** Starts DynamoDB Local and cognito-local once per run, on free ports. */
let services: LocalServices | undefined;

export const ENV_FILE = join(tmpdir(), `champions-test-env-${process.pid}.json`);

export async function setup() {
  // The bucket's events are checked in this process (as a function checks them in AWS), with the tests' environment.
  services = await startLocalServices({ quiet: true, onBucketEvent: checkUploadsInProcess });
  const env = {
    ...services.env,
    APP_ORIGIN: 'http://127.0.0.1:3000',
    CHAMPIONS_TEST_ENV: ENV_FILE,
    // For the tests only (the API never reads it): where to find the codes cognito-local "emailed".
    TEST_COGNITO_DATA_DIR: services.cognitoDataDir,
  };
  writeFileSync(ENV_FILE, JSON.stringify(env));
  Object.assign(process.env, env, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
  await loadUploadChecks();
  process.env.CHAMPIONS_TEST_ENV = ENV_FILE;
}

export async function teardown() {
  await services?.stop();
  removeSeededTemplate(ENV_FILE);
}
