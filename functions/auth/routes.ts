import { Hono } from 'hono';
import { ConfirmSchema, SignInSchema, SignUpSchema, SignedInSchema } from '../../shared/schemas';
import { config } from '../lib/config';
import { ValidationError } from '../lib/errors';
import type { Env } from '../lib/http';
import { describe } from '../lib/openapi';
import { COOKIE, clearSessionCookies, readCookie, setSessionCookies } from '../lib/session';
import * as throttle from '../lib/throttle';
import { validate } from '../lib/validation';
import { getMember } from '../members/repository';
import { rolesOf } from '../members/service';
import * as cognito from './cognito';
import { weakPasswordReason } from './passwords';

/**
 * The caller's address, for the per-address sign-up throttle (off in local mode). Behind
 * CloudFront a viewer-request function sets x-viewer-address from the real connection, which a
 * client cannot forge the way it can prepend to x-forwarded-for.
 */
const addressOf = (headers: (name: string) => string | undefined) =>
  (config.TRUST_FORWARDED_HOST ? headers('x-viewer-address') : undefined) ?? headers('x-forwarded-for')?.split(',')[0]?.trim() ?? 'unknown';

export const authRoutes = new Hono<Env>()
  .post(
    '/sign-up',
    describe({
      summary: 'Create an account (local mode confirms it at once)',
      tags: ['auth'],
      responses: { 201: { description: 'Created' } },
    }),
    validate('json', SignUpSchema),
    async (c) => {
      const { email, password } = c.req.valid('json');
      if (config.SIGNUP_MAX_PER_ADDRESS > 0) {
        await throttle.consume(
          'signup',
          addressOf((n) => c.req.header(n)),
          config.SIGNUP_MAX_PER_ADDRESS,
          config.SIGNUP_WINDOW_SECONDS,
        );
      }
      const weak = await weakPasswordReason(password, email);
      if (weak) throw new ValidationError('Choose a stronger password.', [{ path: 'password', message: weak }]);
      const userId = await cognito.signUp(email, password);
      return c.json({ userId }, 201);
    },
  )
  .post(
    '/confirm',
    describe({ summary: 'Confirm an account with the emailed code', tags: ['auth'], responses: { 204: { description: 'Confirmed' } } }),
    validate('json', ConfirmSchema),
    async (c) => {
      const { email, code } = c.req.valid('json');
      await throttle.consume('confirm', email, config.SIGNIN_MAX_FAILURES, config.SIGNIN_WINDOW_SECONDS);
      await cognito.confirm(email, code);
      return c.body(null, 204);
    },
  )
  .post(
    '/sign-in',
    describe({
      summary: 'Sign in; sets the session cookies',
      tags: ['auth'],
      responses: { 200: { description: 'Signed in', schema: SignedInSchema } },
    }),
    validate('json', SignInSchema),
    async (c) => {
      const { email, password } = c.req.valid('json');
      // Throttled per email on failures, whether or not the account exists.
      await throttle.check('signin', email, config.SIGNIN_MAX_FAILURES, config.SIGNIN_WINDOW_SECONDS);
      let tokens: Awaited<ReturnType<typeof cognito.signIn>>;
      try {
        tokens = await cognito.signIn(email, password);
      } catch (e) {
        if (e instanceof Error && 'status' in e && e.status === 401) await throttle.record('signin', email, config.SIGNIN_WINDOW_SECONDS);
        throw e;
      }
      setSessionCookies(c, tokens);
      const payload = JSON.parse(Buffer.from(tokens.idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        sub: string;
        'cognito:groups'?: string[];
      };
      const groups = payload['cognito:groups'] ?? [];
      const member = await getMember(payload.sub);
      const roles = rolesOf({ userId: payload.sub, email, groups, isBoard: groups.includes('board') }, member);
      return c.json({ user: { id: payload.sub, email, roles } }, 200);
    },
  )
  .post(
    '/refresh',
    describe({
      summary: 'Exchange the refresh cookie for new session cookies',
      tags: ['auth'],
      responses: { 204: { description: 'Refreshed' } },
    }),
    async (c) => {
      const token = readCookie(c, COOKIE.refresh);
      if (!token) {
        clearSessionCookies(c);
        return c.json({ error: { code: 'unauthenticated', message: 'Sign in to continue.' } }, 401);
      }
      try {
        const tokens = await cognito.refresh(token);
        setSessionCookies(c, { ...tokens, refreshToken: undefined });
      } catch (e) {
        clearSessionCookies(c);
        throw e;
      }
      return c.body(null, 204);
    },
  )
  .post(
    '/sign-out',
    describe({
      summary: 'Clear the session and revoke the refresh token',
      tags: ['auth'],
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const token = readCookie(c, COOKIE.refresh);
      if (token) await cognito.revoke(token);
      clearSessionCookies(c);
      return c.body(null, 204);
    },
  );
