import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { zValidator } from '@hono/zod-validator';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { getCookie } from 'hono/cookie';
import { en } from 'zod/locales';
import * as z from 'zod/mini';

/**
 * The stack floor: the least a signed-in read of this stack does, with none of our domain code —
 * Hono with the Lambda adapter, a query validated by @hono/zod-validator with a zod/mini schema,
 * the id-token cookie verified with aws-jwt-verify against the pool's JWKS, and one GetItem with
 * the DynamoDB client. Written the plain way (clients at module scope, static imports). The
 * cold-init section times each function's import and first table-reading request against this
 * one's (scripts/bench/bundles.ts), in the same local environment: cognito-local's issuer and its
 * JWKS fetched once over http (aws-jwt-verify refuses http JWKS URIs), DynamoDB Local.
 */
z.config(en());

const env = process.env;
const issuer = `${env.COGNITO_ENDPOINT}/${env.USER_POOL_ID}`;
const verifier = JwtRsaVerifier.create({ issuer, audience: env.USER_POOL_CLIENT_ID ?? '', jwksUri: `${issuer}/.well-known/jwks.json` });
let jwks: Promise<void> | undefined;

const client = new DynamoDBClient({
  region: env.AWS_REGION,
  endpoint: env.DYNAMODB_ENDPOINT,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

const Query = z.strictObject({ fields: z.optional(z.string().check(z.maxLength(100))) });

const app = new Hono().get('/api/floor', zValidator('query', Query), async (c) => {
  const token = getCookie(c, 'cn_id');
  if (!token) return c.json({ error: { code: 'unauthenticated', message: 'Sign in.' } }, 401);
  jwks ??= fetch(`${issuer}/.well-known/jwks.json`)
    .then((r) => r.json())
    .then((keys) => verifier.cacheJwks(keys as Jwks));
  await jwks;
  const claims = await verifier.verify(token);
  const res = await client.send(
    new GetItemCommand({
      TableName: env.TABLE_NAME,
      Key: { pk: { S: `MEMBER#${claims.sub}` }, sk: { S: 'PROFILE' } },
      ConsistentRead: true,
    }),
  );
  if (!res.Item) return c.json({ error: { code: 'not_found', message: 'Not found.' } }, 404);
  return c.json({ id: claims.sub, fields: c.req.valid('query').fields ?? null });
});

export const handler = handle(app);
