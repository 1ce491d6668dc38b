import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  ChangePasswordSchema,
  ConfirmSchema,
  ForgotPasswordSchema,
  MfaStatusSchema,
  ResetPasswordSchema,
  SignInChallengeSchema,
  SignInCodeSchema,
  SignInSchema,
  SignUpSchema,
  SignedUpSchema,
  PageQuerySchema,
  SessionIdleSchema,
  SessionSchema,
  SessionsEndedSchema,
  pageOf,
  SignedInSchema,
  TotpConfirmSchema,
  TotpDisableSchema,
  TotpSetupSchema,
  TotpStartSchema,
} from '../../shared/schemas';
import { config } from '../lib/config';
import { UnauthenticatedError } from '../lib/errors';
import { signedIn } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { seal, unseal } from '../lib/seal';
import { COOKIE, type Tokens, clearSessionCookies, cookieBase, readCookie, readSessionCookie, setSessionCookies } from '../lib/session';
import { validate } from '../lib/validation';
import * as auth from './service';

/**
 * The caller's address, for the per-address sign-up throttle (off in local mode). Behind
 * CloudFront a viewer-request function sets x-viewer-address from the real connection, which a
 * client cannot forge the way it can prepend to x-forwarded-for.
 */
const addressOf = (headers: (name: string) => string | undefined) =>
  (config.TRUST_FORWARDED_HOST ? headers('x-viewer-address') : undefined) ?? headers('x-forwarded-for')?.split(',')[0]?.trim() ?? 'unknown';

/** Starts her device's session, sets its cookies and answers who signed in, as the contract's sign-in does. */
async function signedInAnswer(c: Context, email: string, tokens: Tokens) {
  const { user, sessionId } = await auth.signedIn(email, tokens);
  setSessionCookies(c, tokens, { userId: user.id, sessionId });
  return respond(c, SignedInSchema, { user }, 200);
}

/**
 * Between the password and the authenticator code, Cognito's session for the second step lives in
 * a sealed HttpOnly cookie on the one path that takes the code, for as long as Cognito keeps it
 * (3 minutes). Sealed, so that the user name and address in it cannot be swapped.
 */
const CHALLENGE = { cookie: 'cn_mfa', path: '/api/auth/sign-in', seconds: 180, purpose: 'sign-in-totp' } as const;

function readChallenge(c: Context): auth.PendingSignIn | undefined {
  const v = unseal(readCookie(c, CHALLENGE.cookie), CHALLENGE.purpose) as (Partial<auth.PendingSignIn> & { until?: unknown }) | undefined;
  if (!v || typeof v.session !== 'string' || typeof v.username !== 'string' || typeof v.email !== 'string') return undefined;
  if (typeof v.until !== 'number' || v.until < Date.now()) return undefined;
  return { session: v.session, username: v.username, email: v.email };
}

function setChallenge(c: Context, pending: auth.PendingSignIn) {
  const value = seal({ ...pending, until: Date.now() + CHALLENGE.seconds * 1000 }, CHALLENGE.purpose);
  setCookie(c, CHALLENGE.cookie, value, { ...cookieBase(c), path: CHALLENGE.path, maxAge: CHALLENGE.seconds });
}

const clearChallenge = (c: Context) => deleteCookie(c, CHALLENGE.cookie, { ...cookieBase(c), path: CHALLENGE.path });

/** Her Cognito access token, for the calls she makes on her own account. */
function accessTokenOf(c: Context): string {
  const token = readCookie(c, COOKIE.access);
  if (!token) throw new UnauthenticatedError();
  return token;
}

export const authRoutes = new Hono<Env>()
  .post(
    '/sign-up',
    describe(
      DOCS && {
        summary:
          'Create an account (local mode confirms it at once). A taken address gets the same answer as a new one: nobody learns from it whether an address belongs to the network',
        tags: ['auth'],
        responses: { 202: { description: 'Accepted: the account is made if the address is new', schema: SignedUpSchema } },
        errors: [429],
      },
    ),
    validate('json', SignUpSchema),
    async (c) => {
      const { email, password } = c.req.valid('json');
      await auth.signUp(
        email,
        password,
        addressOf((n) => c.req.header(n)),
        c.req.header('accept-language'),
      );
      return respond(c, SignedUpSchema, {}, 202);
    },
  )
  .post(
    '/confirm',
    describe(
      DOCS && {
        summary: 'Confirm an account with the emailed code',
        tags: ['auth'],
        responses: { 204: { description: 'Confirmed' } },
        errors: [429],
      },
    ),
    validate('json', ConfirmSchema),
    async (c) => {
      const { email, code } = c.req.valid('json');
      await auth.confirm(email, code);
      return c.body(null, 204);
    },
  )
  .post(
    '/forgot-password',
    describe(
      DOCS && {
        summary: 'Email a password-reset code; the same answer whether or not the address has an account',
        tags: ['auth'],
        responses: { 204: { description: 'Sent if the account exists' } },
        errors: [429],
      },
    ),
    validate('json', ForgotPasswordSchema),
    async (c) => {
      await auth.sendResetCode(c.req.valid('json').email);
      return c.body(null, 204);
    },
  )
  .post(
    '/reset-password',
    describe(
      DOCS && {
        summary: 'Set a new password with the emailed code (two-step sign-in, when on, still asks for its code)',
        tags: ['auth'],
        responses: { 204: { description: 'Changed' } },
        errors: [429],
      },
    ),
    validate('json', ResetPasswordSchema),
    async (c) => {
      const { email, code, password } = c.req.valid('json');
      await auth.resetPassword(email, code, password);
      return c.body(null, 204);
    },
  )
  .post(
    '/change-password',
    describe(
      DOCS && {
        summary: 'Change her password: the current one, then the new one',
        tags: ['auth'],
        responses: { 204: { description: 'Changed' } },
        errors: [429],
      },
    ),
    signedIn,
    validate('json', ChangePasswordSchema),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      await auth.changePassword(c.var.session, accessTokenOf(c), currentPassword, newPassword);
      return c.body(null, 204);
    },
  )
  .post(
    '/sign-in',
    describe(
      DOCS && {
        summary: 'Sign in; sets the session cookies, or asks for the authenticator code next (202) when she turned two-step sign-in on',
        tags: ['auth'],
        responses: {
          200: { description: 'Signed in', schema: SignedInSchema },
          202: {
            description: 'Password right; POST the authenticator code to /api/auth/sign-in/totp within 3 minutes',
            schema: SignInChallengeSchema,
          },
        },
        errors: [401, 429],
      },
    ),
    validate('json', SignInSchema),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const result = await auth.signIn(email, password);
      if ('tokens' in result) {
        // A second step left unfinished (its cookie reaches this path) ends here.
        if (readCookie(c, CHALLENGE.cookie)) clearChallenge(c);
        return signedInAnswer(c, email, result.tokens);
      }
      setChallenge(c, { ...result.totp, email });
      return respond(c, SignInChallengeSchema, { challenge: 'totp' }, 202);
    },
  )
  .post(
    '/sign-in/totp',
    describe(
      DOCS && {
        summary: 'The second step of a two-step sign-in: the code from her authenticator app',
        tags: ['auth'],
        responses: { 200: { description: 'Signed in', schema: SignedInSchema } },
        errors: [401, 429],
      },
    ),
    validate('json', SignInCodeSchema),
    async (c) => {
      const pending = readChallenge(c);
      if (!pending) {
        clearChallenge(c);
        throw new UnauthenticatedError(
          'Your sign-in took too long or was not started. Enter your email and password again.',
          'sign_in_step_lapsed',
        );
      }
      let tokens: Tokens;
      try {
        tokens = await auth.answerTotp(pending, c.req.valid('json').code);
      } catch (e) {
        if (e instanceof UnauthenticatedError) clearChallenge(c);
        throw e;
      }
      clearChallenge(c);
      return signedInAnswer(c, pending.email, tokens);
    },
  )
  .get(
    '/mfa',
    describe(
      DOCS && {
        summary: 'Whether her account asks for an authenticator code at sign-in',
        tags: ['auth'],
        responses: { 200: { description: 'Status', schema: MfaStatusSchema } },
      },
    ),
    signedIn,
    async (c) => respond(c, MfaStatusSchema, { totp: await auth.totpEnabled(accessTokenOf(c)) }, 200),
  )
  .post(
    '/mfa/totp',
    describe(
      DOCS && {
        summary: 'Start setting up an authenticator app (takes her password): a new secret, as text and as an otpauth:// address',
        errors: [429],
        tags: ['auth'],
        responses: { 200: { description: 'Secret', schema: TotpSetupSchema } },
      },
    ),
    signedIn,
    validate('json', TotpStartSchema),
    async (c) => {
      return respond(c, TotpSetupSchema, await auth.startTotp(c.var.session, accessTokenOf(c), c.req.valid('json').password), 200);
    },
  )
  .post(
    '/mfa/totp/verify',
    describe(
      DOCS && {
        summary: 'Confirm the authenticator app with a code from it; from then on every sign-in asks for a code',
        tags: ['auth'],
        responses: { 200: { description: 'On', schema: MfaStatusSchema } },
      },
    ),
    signedIn,
    validate('json', TotpConfirmSchema),
    async (c) => {
      await auth.confirmTotp(c.var.session, accessTokenOf(c), c.req.valid('json').code);
      return respond(c, MfaStatusSchema, { totp: true }, 200);
    },
  )
  .post(
    '/mfa/totp/disable',
    describe(
      DOCS && {
        summary: 'Turn two-step sign-in off; takes her password and a current code',
        errors: [429],
        tags: ['auth'],
        responses: { 200: { description: 'Off', schema: MfaStatusSchema } },
      },
    ),
    signedIn,
    validate('json', TotpDisableSchema),
    async (c) => {
      const { password, code } = c.req.valid('json');
      await auth.disableTotp(c.var.session, accessTokenOf(c), password, code);
      return respond(c, MfaStatusSchema, { totp: false }, 200);
    },
  )
  .post(
    '/refresh',
    describe(
      DOCS && {
        summary: 'Exchange the refresh cookie for new session cookies',
        tags: ['auth'],
        responses: { 204: { description: 'Refreshed' } },
        errors: [401, 503],
      },
    ),
    async (c) => {
      const token = readCookie(c, COOKIE.refresh);
      const current = readSessionCookie(c);
      if (!token || !current) {
        clearSessionCookies(c);
        throw new UnauthenticatedError('Sign in to continue.');
      }
      try {
        setSessionCookies(c, { ...(await auth.refresh(token, current)), refreshToken: undefined });
      } catch (e) {
        // Only an ended session signs her out here; a busy moment (503) leaves her cookies for the next try.
        if (e instanceof UnauthenticatedError) clearSessionCookies(c);
        throw e;
      }
      return c.body(null, 204);
    },
  )
  .post(
    '/sign-out',
    describe(
      DOCS && {
        summary: 'Clear the session and revoke the refresh token',
        tags: ['auth'],
        responses: { 204: { description: 'Signed out' } },
        errors: [503],
      },
    ),
    async (c) => {
      await auth.signOut(readCookie(c, COOKIE.refresh), readSessionCookie(c));
      clearSessionCookies(c);
      return c.body(null, 204);
    },
  )
  .get(
    '/sessions',
    describe(
      DOCS && {
        summary: 'The devices she is signed in on, newest first (when each signed in, and which one is asking)',
        tags: ['auth'],
        responses: { 200: { description: 'Page', schema: pageOf(SessionSchema) } },
      },
    ),
    signedIn,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(SessionSchema), await auth.sessionsOf(c.var.session, c.req.valid('query')), 200),
  )
  .put(
    '/session',
    describe(
      DOCS && {
        summary:
          'Discreet mode: end this device’s session once it has gone unused for 2, 5, 15 or 30 minutes (null: no idle limit); any request counts as use',
        tags: ['auth'],
        responses: { 204: { description: 'Set' } },
      },
    ),
    signedIn,
    validate('json', SessionIdleSchema),
    async (c) => {
      await auth.limitIdleTime(c.var.session, c.req.valid('json').idleMinutes);
      return c.body(null, 204);
    },
  )
  .post(
    '/sign-out-others',
    describe(
      DOCS && {
        summary: 'Sign out every other device (a phone left behind, a shared computer); this one stays signed in',
        tags: ['auth'],
        responses: { 200: { description: 'How many sessions ended', schema: SessionsEndedSchema } },
      },
    ),
    signedIn,
    async (c) => respond(c, SessionsEndedSchema, { ended: await auth.signOutOthers(c.var.session) }, 200),
  );
