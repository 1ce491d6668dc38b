import { type Context, Hono } from 'hono';
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
  SignedInSchema,
  TotpConfirmSchema,
  TotpDisableSchema,
  TotpSetupSchema,
  TotpStartSchema,
} from '../../shared/schemas';
import { config } from '../lib/config';
import { AppError, ConflictError, UnauthenticatedError, ValidationError } from '../lib/errors';
import { signedIn } from '../lib/guards';
import type { Env } from '../lib/http';
import { describe } from '../lib/openapi';
import { seal, unseal } from '../lib/seal';
import { COOKIE, type Tokens, clearSessionCookies, cookieBase, readCookie, setSessionCookies } from '../lib/session';
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

/** A failed sign-in step counts against her address's limit; only wrong credentials or codes count. */
async function countingFailures<T>(email: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof AppError && (e.status === 401 || e.status === 400))
      await throttle.record('signin', email, config.SIGNIN_WINDOW_SECONDS);
    throw e;
  }
}

/** Sets the session cookies and answers who signed in, as the contract's sign-in does. */
async function signedInAnswer(c: Context, email: string, tokens: Tokens) {
  setSessionCookies(c, tokens);
  const payload = JSON.parse(Buffer.from(tokens.idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
    sub: string;
    'cognito:groups'?: string[];
  };
  const groups = payload['cognito:groups'] ?? [];
  const member = await getMember(payload.sub);
  const roles = rolesOf({ userId: payload.sub, email, groups, isBoard: groups.includes('board') }, member);
  return c.json({ user: { id: payload.sub, email, roles } }, 200);
}

/**
 * Between the password and the authenticator code, Cognito's session for the second step lives in
 * a sealed HttpOnly cookie on the one path that takes the code, for as long as Cognito keeps it
 * (3 minutes). Sealed, so that the user name and address in it cannot be swapped.
 */
const CHALLENGE = { cookie: 'cn_mfa', path: '/api/auth/sign-in', seconds: 180, purpose: 'sign-in-totp' } as const;
type PendingSignIn = { session: string; username: string; email: string; until: number };

function readChallenge(c: Context): PendingSignIn | undefined {
  const v = unseal(readCookie(c, CHALLENGE.cookie), CHALLENGE.purpose) as Partial<PendingSignIn> | undefined;
  if (!v || typeof v.session !== 'string' || typeof v.username !== 'string' || typeof v.email !== 'string') return undefined;
  if (typeof v.until !== 'number' || v.until < Date.now()) return undefined;
  return v as PendingSignIn;
}

const clearChallenge = (c: Context) => deleteCookie(c, CHALLENGE.cookie, { ...cookieBase(c), path: CHALLENGE.path });

/** Her Cognito access token, for the calls she makes on her own account. */
function accessTokenOf(c: Context): string {
  const token = readCookie(c, COOKIE.access);
  if (!token) throw new UnauthenticatedError();
  return token;
}

/**
 * Her password checked again for a change to her account's security, through Cognito's own
 * sign-in, under the same per-address limit. A wrong one is a 400 on `password`, not a 401: her
 * session is fine, and a 401 would sign her out.
 */
async function reauthenticate(email: string, password: string): Promise<cognito.SignInResult> {
  await throttle.check('signin', email, config.SIGNIN_MAX_FAILURES, config.SIGNIN_WINDOW_SECONDS);
  return countingFailures(email, () =>
    cognito.signIn(email, password).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 401) {
        throw new ValidationError('The password is not right.', [{ path: 'password', message: 'Not right.' }]);
      }
      throw e;
    }),
  );
}

/** A check that signs her in a second time leaves no second session behind. */
async function dropSecondSession(tokens: Tokens): Promise<void> {
  if (tokens.refreshToken) await cognito.revoke(tokens.refreshToken);
}

/** The otpauth:// address an authenticator app reads from the QR code. Labelled "CN" only: an app's list is seen by whoever holds the phone. */
const otpauthUri = (secret: string) => `otpauth://totp/CN?secret=${encodeURIComponent(secret)}&issuer=CN&algorithm=SHA1&digits=6&period=30`;

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
    '/forgot-password',
    describe({
      summary: 'Email a password-reset code; the same answer whether or not the address has an account',
      tags: ['auth'],
      responses: { 204: { description: 'Sent if the account exists' } },
    }),
    validate('json', ForgotPasswordSchema),
    async (c) => {
      const { email } = c.req.valid('json');
      // Counted per address whether or not it has an account, so the limit says nothing either.
      await throttle.consume('reset-send', email, config.SIGNIN_MAX_FAILURES, config.SIGNIN_WINDOW_SECONDS);
      await cognito.sendResetCode(email);
      return c.body(null, 204);
    },
  )
  .post(
    '/reset-password',
    describe({
      summary: 'Set a new password with the emailed code (two-step sign-in, when on, still asks for its code)',
      tags: ['auth'],
      responses: { 204: { description: 'Changed' } },
    }),
    validate('json', ResetPasswordSchema),
    async (c) => {
      const { email, code, password } = c.req.valid('json');
      await throttle.check('reset-code', email, config.SIGNIN_MAX_FAILURES, config.SIGNIN_WINDOW_SECONDS);
      const weak = await weakPasswordReason(password, email);
      if (weak) throw new ValidationError('Choose a stronger password.', [{ path: 'password', message: weak }]);
      try {
        await cognito.resetPassword(email, code, password);
      } catch (e) {
        if (e instanceof ValidationError && e.details?.some((d) => d.path === 'code')) {
          await throttle.record('reset-code', email, config.SIGNIN_WINDOW_SECONDS);
        }
        throw e;
      }
      return c.body(null, 204);
    },
  )
  .post(
    '/change-password',
    describe({
      summary: 'Change her password: the current one, then the new one',
      tags: ['auth'],
      responses: { 204: { description: 'Changed' } },
    }),
    signedIn,
    validate('json', ChangePasswordSchema),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      const email = c.var.session.email;
      await throttle.check('signin', email, config.SIGNIN_MAX_FAILURES, config.SIGNIN_WINDOW_SECONDS);
      const weak = await weakPasswordReason(newPassword, email);
      if (weak) throw new ValidationError('Choose a stronger password.', [{ path: 'newPassword', message: weak }]);
      await countingFailures(email, () => cognito.changePassword(accessTokenOf(c), currentPassword, newPassword));
      return c.body(null, 204);
    },
  )
  .post(
    '/sign-in',
    describe({
      summary: 'Sign in; sets the session cookies, or asks for the authenticator code next (202) when she turned two-step sign-in on',
      tags: ['auth'],
      responses: {
        200: { description: 'Signed in', schema: SignedInSchema },
        202: {
          description: 'Password right; POST the authenticator code to /api/auth/sign-in/totp within 3 minutes',
          schema: SignInChallengeSchema,
        },
      },
    }),
    validate('json', SignInSchema),
    async (c) => {
      const { email, password } = c.req.valid('json');
      // Throttled per email on failures, whether or not the account exists.
      await throttle.check('signin', email, config.SIGNIN_MAX_FAILURES, config.SIGNIN_WINDOW_SECONDS);
      const result = await countingFailures(email, () => cognito.signIn(email, password));
      if ('tokens' in result) {
        // A second step left unfinished (its cookie reaches this path) ends here.
        if (readCookie(c, CHALLENGE.cookie)) clearChallenge(c);
        return signedInAnswer(c, email, result.tokens);
      }
      const pending: PendingSignIn = { ...result.totp, email, until: Date.now() + CHALLENGE.seconds * 1000 };
      setCookie(c, CHALLENGE.cookie, seal(pending, CHALLENGE.purpose), {
        ...cookieBase(c),
        path: CHALLENGE.path,
        maxAge: CHALLENGE.seconds,
      });
      return c.json({ challenge: 'totp' as const }, 202);
    },
  )
  .post(
    '/sign-in/totp',
    describe({
      summary: 'The second step of a two-step sign-in: the code from her authenticator app',
      tags: ['auth'],
      responses: { 200: { description: 'Signed in', schema: SignedInSchema } },
    }),
    validate('json', SignInCodeSchema),
    async (c) => {
      const pending = readChallenge(c);
      if (!pending) {
        clearChallenge(c);
        throw new UnauthenticatedError('Your sign-in took too long or was not started. Enter your email and password again.');
      }
      await throttle.check('signin', pending.email, config.SIGNIN_MAX_FAILURES, config.SIGNIN_WINDOW_SECONDS);
      let tokens: Tokens;
      try {
        tokens = await countingFailures(pending.email, () => cognito.answerTotp(pending, c.req.valid('json').code));
      } catch (e) {
        // Cognito ends the second step after an expired session or too many wrong codes: start again.
        if (e instanceof AppError && e.status === 401) {
          clearChallenge(c);
          throw new UnauthenticatedError('Your sign-in was stopped. Enter your email and password again.');
        }
        throw e;
      }
      clearChallenge(c);
      return signedInAnswer(c, pending.email, tokens);
    },
  )
  .get(
    '/mfa',
    describe({
      summary: 'Whether her account asks for an authenticator code at sign-in',
      tags: ['auth'],
      responses: { 200: { description: 'Status', schema: MfaStatusSchema } },
    }),
    signedIn,
    async (c) => c.json({ totp: await cognito.totpEnabled(accessTokenOf(c)) }, 200),
  )
  .post(
    '/mfa/totp',
    describe({
      summary: 'Start setting up an authenticator app (takes her password): a new secret, as text and as an otpauth:// address',
      tags: ['auth'],
      responses: { 200: { description: 'Secret', schema: TotpSetupSchema } },
    }),
    signedIn,
    validate('json', TotpStartSchema),
    async (c) => {
      const accessToken = accessTokenOf(c);
      // Her password first: a session left open somewhere must not be enough to put a second
      // factor on her account that only someone else's phone can answer.
      const proof = await reauthenticate(c.var.session.email, c.req.valid('json').password);
      // Replacing the app of an account that has one takes both factors (turn it off first).
      if (!('tokens' in proof)) throw new ConflictError('conflict', 'Two-step sign-in is already on. Turn it off first.');
      await dropSecondSession(proof.tokens);
      const secret = await cognito.startTotp(accessToken);
      return c.json({ secret, uri: otpauthUri(secret) }, 200);
    },
  )
  .post(
    '/mfa/totp/verify',
    describe({
      summary: 'Confirm the authenticator app with a code from it; from then on every sign-in asks for a code',
      tags: ['auth'],
      responses: { 200: { description: 'On', schema: MfaStatusSchema } },
    }),
    signedIn,
    validate('json', TotpConfirmSchema),
    async (c) => {
      const accessToken = accessTokenOf(c);
      if (await cognito.totpEnabled(accessToken)) throw new ConflictError('conflict', 'Two-step sign-in is already on.');
      await cognito.confirmTotp(accessToken, c.req.valid('json').code);
      return c.json({ totp: true }, 200);
    },
  )
  .post(
    '/mfa/totp/disable',
    describe({
      summary: 'Turn two-step sign-in off; takes her password and a current code',
      tags: ['auth'],
      responses: { 200: { description: 'Off', schema: MfaStatusSchema } },
    }),
    signedIn,
    validate('json', TotpDisableSchema),
    async (c) => {
      const { password, code } = c.req.valid('json');
      const accessToken = accessTokenOf(c);
      const email = c.var.session.email;
      // Both factors again, through Cognito itself.
      const proof = await reauthenticate(email, password);
      if ('tokens' in proof) {
        await dropSecondSession(proof.tokens);
        throw new ConflictError('conflict', 'Two-step sign-in is not on.');
      }
      await dropSecondSession(await countingFailures(email, () => cognito.answerTotp(proof.totp, code)));
      await cognito.setTotp(accessToken, false);
      return c.json({ totp: false }, 200);
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
