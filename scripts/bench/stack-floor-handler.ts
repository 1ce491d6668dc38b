import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { getCookie } from 'hono/cookie';
import { en } from 'zod/locales';
import * as z from 'zod/mini';

/**
 * The stack floor: the least any API function of this stack carries, with none of our domain code
 * — Hono with the Lambda adapter, one route validated by @hono/zod-validator with a zod/mini
 * schema built on first use (as shared/schemas.ts), the session cookie read with hono/cookie, and
 * aws-jwt-verify loaded on the first request that carries a session (as functions/lib/session.ts).
 * The benchmark reports its cold init next to the minimal handler's, for reference: it shows how
 * much of the 2x budget the mandated libraries use before a function adds a route of its own.
 */
z.config(en());

const Body = z.util.createTransparentProxy(() => z.strictObject({ name: z.string().check(z.minLength(1), z.maxLength(100)) }));

const app = new Hono().post('/', zValidator('json', Body), async (c) => {
  const token = getCookie(c, 'id');
  if (!token) return c.json({ error: { code: 'unauthenticated', message: 'Sign in.' } }, 401);
  const { CognitoJwtVerifier } = await import('aws-jwt-verify');
  const verifier = CognitoJwtVerifier.create({ userPoolId: 'eu-central-1_AAAAAAAAA', clientId: 'client', tokenUse: 'id' });
  const claims = await verifier.verify(token);
  return c.json({ sub: claims.sub, name: c.req.valid('json').name });
});

export const handler = handle(app);
