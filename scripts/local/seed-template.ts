import { resolve } from 'node:path';
import { startLocalServices } from './services';

/**
 * `tsx scripts/local/seed-template.ts DIR`: the demo network seeded once into DIR (DynamoDB
 * Local's file, cognito-local's data, the kept secrets), then stopped. The browser tests copy DIR
 * for each test file instead of seeding anew (tests/e2e/support.ts): seeding is most of the time
 * it takes to start the product, and every copy starts from the same data.
 */
const dir = process.argv[2];
if (!dir) {
  console.error('usage: tsx scripts/local/seed-template.ts DIR');
  process.exit(2);
}
process.env.LOG_LEVEL ??= 'silent';
const services = await startLocalServices({ dataDir: resolve(dir), quiet: true });
try {
  // The API reads its settings when it is first imported: set them before the seed loads it.
  Object.assign(process.env, services.env, { APP_ORIGIN: 'http://127.0.0.1' });
  const { seed } = await import('./seed');
  await seed();
  // Email the seed queued goes nowhere lasting (each start has a fresh inbox): let it finish first.
  const { drainLocalEmail } = await import('../../functions/email/queue');
  await drainLocalEmail();
} finally {
  await services.stop();
}
process.exit(0);
