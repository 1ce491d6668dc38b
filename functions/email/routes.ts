import { Hono } from 'hono/tiny';
import { UnsubscribeQuerySchema } from '../../shared/email-schemas';
import { ValidationError } from '../lib/errors';
import type { Env } from '../lib/http';
import { log } from '../lib/log';
import { DOCS, describe } from '../lib/openapi';
import { validate } from '../lib/validation';
import { turnEmailOff } from '../members/preferences';
import { memberOfToken } from './token';

/**
 * The one-click unsubscribe (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click` to the
 * List-Unsubscribe address without a session and without Origin; the app's unsubscribe page
 * POSTs with its own Origin. Either way the signed token alone says whose email goes off, and
 * doing it again is no error.
 */
export const emailRoutes = new Hono<Env>().post(
  '/unsubscribe',
  describe(
    DOCS && {
      summary:
        'Turn email off without signing in (one-click unsubscribe, RFC 8058), with the signed token from an email. Repeating it is no error; a bad token is a 400',
      tags: ['preferences'],
      auth: 'none',
      responses: { 204: { description: 'Email is off for the token’s member' } },
    },
  ),
  validate('query', UnsubscribeQuerySchema),
  async (c) => {
    const memberId = memberOfToken(c.req.valid('query').token);
    if (!memberId)
      throw new ValidationError('This unsubscribe link is not valid.', [
        { path: 'token', code: 'invalid_value', message: 'Not a valid link.' },
      ]);
    const wasOn = await turnEmailOff(memberId);
    log.info('email unsubscribed', { member: memberId, changed: wasOn });
    return c.body(null, 204);
  },
);
