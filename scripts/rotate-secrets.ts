import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { rotated } from './lib/rotation';

/**
 * Rotates the cursor key and the origin value (README, Secrets): in each secret the current value
 * becomes `previous` and a new `current` is made. Nothing changes for members until the deploy it
 * prints, which hands both values to the functions (they sign with current and still accept
 * previous) and the new origin value to CloudFront. A cursor or request made before the rotation
 * keeps working until the NEXT rotation, so rotate at most once a period (e.g. each quarter).
 *
 *   npx tsx scripts/rotate-secrets.ts --cursor-secret <ARN> --origin-secret <ARN>
 */
const { values } = parseArgs({
  options: { 'cursor-secret': { type: 'string' }, 'origin-secret': { type: 'string' }, region: { type: 'string' } },
});
const secrets = [values['cursor-secret'], values['origin-secret']].filter((s): s is string => Boolean(s));
if (secrets.length === 0) {
  console.error('usage: rotate-secrets.ts --cursor-secret ARN --origin-secret ARN (the App stack outputs them)');
  process.exit(2);
}

const client = new SecretsManagerClient({ region: values.region ?? process.env.AWS_REGION });
for (const id of secrets) {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: id }));
  // 48 characters from 36 random bytes, like the generated ones (letters, digits, - and _).
  await client.send(
    new PutSecretValueCommand({ SecretId: id, SecretString: rotated(SecretString ?? '{}', randomBytes(36).toString('base64url')) }),
  );
  console.log(`rotated ${id}`);
}
const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 13);
console.log(
  `\nNow deploy, so the functions and CloudFront read the new values:\n  npx cdk deploy --all -c stage=<stage> … -c secretsRotation=${stamp}`,
);
