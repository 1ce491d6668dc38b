import type { User } from '../../shared/schemas';
import { config } from '../lib/config';
import { AppError, ConflictError, UnauthenticatedError, ValidationError } from '../lib/errors';
import { LOG_EVENTS, log } from '../lib/log';
import { METRICS, count } from '../lib/metrics';
import type { Session, Tokens } from '../lib/session';
import type { IdleMinutes } from '../../shared/discretion';
import { endSession, endSessions, listSessions, sessionLive, setIdleLimit, startSession } from '../lib/sessions';
import * as throttle from '../lib/throttle';
import { firstSupported } from '../../shared/locales';
import { enqueueEmails } from '../email/queue';
import { ulid } from '../lib/ids';
import { acceptedLanguages } from '../members/preferences';
import { getMember } from '../members/repository';
import { rolesOf } from '../members/service';
import * as cognito from './cognito';
import { weakPasswordReason } from './passwords';

/**
 * The account rules: who may try how often, what a wrong answer counts as, and which proof a
 * change to her account's security takes. Cognito holds the accounts (cognito.ts); the routes
 * hold the cookies.
 */

const limit = { max: () => config.SIGNIN_MAX_FAILURES, window: () => config.SIGNIN_WINDOW_SECONDS };

/**
 * One try of a password or code for an address, under its limit: reserve, then try. The try is
 * counted before Cognito sees it, in one conditional update, so that any number of tries sent at
 * once for one address get at most `max` answers from Cognito and the rest a 429; whether or not
 * the address has an account, so the limit says nothing either.
 *
 * Only a wrong answer (a 400 or 401) keeps its count. A right one gives its count back: the
 * limit is on guesses, and a member who signs in on her phone and laptop several times in a
 * window must not lock herself out; nobody can earn a refund without the right answer. A try
 * Cognito could not judge (a 5xx) gives it back too: it was no guess.
 */
async function limitedTry<T>(email: string, step: () => Promise<T>, kind = 'signin'): Promise<T> {
  const reservation = await throttle.reserve(kind, email, limit.max(), limit.window());
  // Best effort: Cognito has already answered, and a count left behind only errs on the safe side.
  const giveBack = () =>
    reservation
      .release()
      .catch((e: unknown) => log.warn('throttle release failed', { kind, error: e instanceof Error ? e.name : 'unknown' }));
  let result: T;
  try {
    result = await step();
  } catch (e) {
    if (!(e instanceof AppError && (e.status === 401 || e.status === 400))) await giveBack();
    // Counted by an alarm on credential stuffing (infra/constructs/operations.ts): the kind, never the address.
    else {
      log.warn(LOG_EVENTS.signInFailed, { kind });
      count(METRICS.signInFailures);
    }
    throw e;
  }
  await giveBack();
  return result;
}

async function refuseWeak(password: string, email: string, path: string): Promise<void> {
  const weak = await weakPasswordReason(password, email);
  if (weak) throw new ValidationError('Choose a stronger password.', [{ path, ...weak }]);
}

/** A check that signs her in a second time leaves no second session behind. */
async function dropSecondSession(tokens: Tokens): Promise<void> {
  if (tokens.refreshToken) await cognito.revoke(tokens.refreshToken);
}

/**
 * Ends sessions after a change Cognito has already made to her account (a new password, two-step
 * sign-in turned on), which cannot be undone or made in one transaction with DynamoDB.
 *
 * Why after, not before: ending them first would sign her devices out for a mistyped current
 * password or a wrong code, and a device that signed in with the old password between the two
 * steps would keep its session once the change was made. So Cognito changes first, and the end of
 * the sessions is retried a few times within the request: what fails here is DynamoDB being busy
 * for a moment. Should it still fail, the answer is no silent success and no "nothing was
 * changed" either (she could not retry: her old password or the used code no longer works) but a
 * 503 `sessions_not_ended` saying what happened and what to do, in `ifNot`.
 */
async function endSessionsAfterChange(end: () => Promise<unknown>, ifNot: string): Promise<void> {
  const tries = 3;
  for (let attempt = 1; ; attempt++) {
    try {
      await end();
      return;
    } catch (e) {
      log.warn('sessions_not_ended', { attempt, error: e instanceof Error ? e.name : 'unknown' });
      // Its own code: the contract's `unavailable` promises nothing was changed, and here something was.
      if (attempt >= tries) throw new AppError(503, 'sessions_not_ended', ifNot);
      await new Promise((resolve) => setTimeout(resolve, 25 * 4 ** attempt));
    }
  }
}

/**
 * Her password checked again for a change to her account's security, through Cognito's own
 * sign-in, under the same limit. A wrong one is a 400 on `password`, not a 401: her session is
 * fine, and a 401 would sign her out.
 */
async function reauthenticate(email: string, password: string): Promise<cognito.SignInResult> {
  return limitedTry(email, () =>
    cognito.signIn(email, password).catch((e: unknown) => {
      if (e instanceof AppError && e.status === 401) {
        throw new ValidationError('The password is not right.', [{ path: 'password', code: 'wrong_password', message: 'Not right.' }]);
      }
      throw e;
    }),
  );
}

// ---------------------------------------------------------------- accounts

/**
 * A new account; `address` is counted when the per-address sign-up limit is on. A taken address
 * gets the same answer as a new one, after the same checks in the same order (the limit, then the
 * password's strength, then Cognito), so that neither the answer nor which check refused it says
 * whether an address belongs to the network. Either way exactly one `signup.attempt` job is queued
 * (the same work, so the same time): the mailer tells the owner of a taken address that someone
 * tried, and sends nothing for a new one. `acceptLanguage` picks the email's language when the
 * owner has saved none.
 */
export async function signUp(email: string, password: string, address: string, acceptLanguage?: string): Promise<void> {
  if (config.SIGNUP_MAX_PER_ADDRESS > 0) {
    await throttle.consume('signup', address, config.SIGNUP_MAX_PER_ADDRESS, config.SIGNUP_WINDOW_SECONDS);
  }
  await refuseWeak(password, email, 'password');
  const taken = (await cognito.signUp(email, password)) === 'taken';
  const locale = firstSupported(acceptedLanguages(acceptLanguage));
  // The account is made (or was there): a queue that fails now must not turn that into an error
  // answer, which would also differ between a new and a taken address. The notice is lost, logged.
  await enqueueEmails([{ id: `signup#${ulid()}`, kind: 'signup.attempt', address: email, locale, taken }]).catch((e: unknown) =>
    log.warn('signup notice not queued', { error: e instanceof Error ? e.name : 'unknown' }),
  );
}

export async function confirm(email: string, code: string): Promise<void> {
  await throttle.consume('confirm', email, limit.max(), limit.window());
  await cognito.confirm(email, code);
}

// ---------------------------------------------------------------- signing in

/** The password step: her tokens, or the authenticator-code step. Failures count per address. */
export async function signIn(email: string, password: string): Promise<cognito.SignInResult> {
  return limitedTry(email, () => cognito.signIn(email, password));
}

/** A sign-in waiting for its second step (kept sealed in a cookie by the routes). */
export type PendingSignIn = cognito.TotpChallenge & { email: string };

/** The code step. When Cognito has ended the step (expired, or too many wrong codes) it is a 401: start again. */
export async function answerTotp(pending: PendingSignIn, code: string): Promise<Tokens> {
  try {
    return await limitedTry(pending.email, () => cognito.answerTotp(pending, code));
  } catch (e) {
    if (e instanceof AppError && e.status === 401)
      throw new UnauthenticatedError('Your sign-in was stopped. Enter your email and password again.', 'sign_in_step_lapsed');
    throw e;
  }
}

/** The claims of an id token Cognito has just handed us (over TLS, from its own API: not a client's word). */
const claimsOf = (tokens: Tokens) =>
  JSON.parse(Buffer.from(tokens.idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string; 'cognito:groups'?: string[] };

/**
 * A sign-in that succeeded: starts her device's session, and answers who signed in as the
 * contract's sign-in does.
 */
export async function signedIn(email: string, tokens: Tokens): Promise<{ user: User; sessionId: string }> {
  const claims = claimsOf(tokens);
  const groups = claims['cognito:groups'] ?? [];
  let member: Awaited<ReturnType<typeof getMember>>;
  let sessionId: string;
  try {
    [member, sessionId] = await Promise.all([getMember(claims.sub), startSession(claims.sub)]);
  } catch (e) {
    // No session item, no sign-in: the refresh token Cognito just issued must not outlive this answer.
    await dropSecondSession(tokens).catch(() => undefined);
    throw e;
  }
  const roles = rolesOf({ userId: claims.sub, email, groups, isBoard: groups.includes('board') }, member);
  return { user: { id: claims.sub, email, roles }, sessionId };
}

/**
 * New tokens for a session that still stands. A session ended elsewhere (signed out everywhere,
 * password changed or reset) takes its refresh token with it: revoked, and a 401.
 */
export async function refresh(refreshToken: string, current: { userId: string; sessionId: string }): Promise<Tokens> {
  if (!(await sessionLive(current.userId, current.sessionId))) {
    await cognito.revoke(refreshToken);
    throw new UnauthenticatedError('This session was ended. Sign in again.', 'session_ended');
  }
  const tokens = await cognito.refresh(refreshToken);
  if (claimsOf(tokens).sub !== current.userId) throw new UnauthenticatedError();
  return tokens;
}

/** Signs this device out: its session ends and its refresh token is revoked. */
export async function signOut(refreshToken: string | undefined, current: { userId: string; sessionId: string } | undefined) {
  await Promise.all([
    current ? endSession(current.userId, current.sessionId) : undefined,
    refreshToken ? cognito.revoke(refreshToken) : undefined,
  ]);
}

/** The devices she is signed in on, newest first. */
export async function sessionsOf(session: Session, page: { limit: number; cursor?: string }) {
  return listSessions(session.userId, session.sessionId, page);
}

/** Discreet mode: this session ends once unused for `idleMinutes` (null: no such limit). */
export async function limitIdleTime(session: Session, idleMinutes: IdleMinutes | null): Promise<void> {
  if (!session.sessionId) throw new UnauthenticatedError();
  await setIdleLimit(session.userId, session.sessionId, idleMinutes);
}

/** Ends every other session of hers (a phone left behind, a shared computer); answers how many. */
export async function signOutOthers(session: Session): Promise<number> {
  if (!session.sessionId) throw new UnauthenticatedError();
  return endSessions(session.userId, session.sessionId);
}

// ---------------------------------------------------------------- two-step sign-in

/** The otpauth:// address an authenticator app reads from the QR code. Labelled "CN" only: an app's list is seen by whoever holds the phone. */
const otpauthUri = (secret: string) => `otpauth://totp/CN?secret=${encodeURIComponent(secret)}&issuer=CN&algorithm=SHA1&digits=6&period=30`;

/**
 * A new authenticator secret. Her password first: a session left open somewhere must not be
 * enough to put a second factor on her account that only someone else's phone can answer.
 * Replacing the app of an account that has one takes both factors (turn it off first).
 */
export async function startTotp(session: Session, accessToken: string, password: string): Promise<{ secret: string; uri: string }> {
  const proof = await reauthenticate(session.email, password);
  if (!('tokens' in proof)) throw new ConflictError('totp_already_on', 'Two-step sign-in is already on. Turn it off first.');
  await dropSecondSession(proof.tokens);
  const secret = await cognito.startTotp(accessToken);
  return { secret, uri: otpauthUri(secret) };
}

/** Confirms the new secret with a code from it; from then on every sign-in asks for a code, and her other sessions end. */
export async function confirmTotp(session: Session, accessToken: string, code: string): Promise<void> {
  if (await cognito.totpEnabled(accessToken)) throw new ConflictError('totp_already_on', 'Two-step sign-in is already on.');
  await cognito.confirmTotp(accessToken, code);
  // Any other device now has to show the code too: its session ends here.
  const { sessionId } = session;
  if (sessionId) {
    await endSessionsAfterChange(
      () => endSessions(session.userId, sessionId),
      'Two-step sign-in is on, but your other devices could not be signed out just now. Choose “Sign out everywhere else” in your account settings.',
    );
  }
}

/** Turns the second step off; takes both factors again, checked by Cognito itself. */
export async function disableTotp(session: Session, accessToken: string, password: string, code: string): Promise<void> {
  const proof = await reauthenticate(session.email, password);
  if ('tokens' in proof) {
    await dropSecondSession(proof.tokens);
    throw new ConflictError('totp_not_on', 'Two-step sign-in is not on.');
  }
  await dropSecondSession(await limitedTry(session.email, () => cognito.answerTotp(proof.totp, code)));
  await cognito.setTotp(accessToken, false);
}

export const totpEnabled = (accessToken: string) => cognito.totpEnabled(accessToken);

// ---------------------------------------------------------------- passwords

/** Emails a reset code. Counted per address whether or not it has an account, so the limit says nothing either. */
export async function sendResetCode(email: string): Promise<void> {
  await throttle.consume('reset-send', email, limit.max(), limit.window());
  await cognito.sendResetCode(email);
}

/**
 * A new password with the emailed code; wrong codes count per address. Every session of the
 * account ends: whoever had her old password is out. Two-step sign-in, when on, stays on.
 */
export async function resetPassword(email: string, code: string, password: string): Promise<void> {
  await refuseWeak(password, email, 'password');
  await limitedTry(email, () => cognito.resetPassword(email, code, password), 'reset-code');
  await endSessionsAfterChange(async () => {
    const userId = await accountIdOf(email, password);
    if (userId) await endSessions(userId);
  }, 'Your password was changed, but your devices could not be signed out just now. Sign in with the new password, then choose “Sign out everywhere else” in your account settings.');
}

/**
 * The account id for an address, learnt by signing in with the password just set (no admin
 * rights needed). In a pool whose usernames are email addresses Cognito's own username is the
 * account's `sub`, which the second-step challenge names too. The sign-in's own session is
 * revoked at once. Undefined when it cannot sign in (an unconfirmed account has no sessions).
 */
async function accountIdOf(email: string, password: string): Promise<string | undefined> {
  try {
    const result = await cognito.signIn(email, password);
    if (!('tokens' in result)) return result.totp.username;
    await dropSecondSession(result.tokens);
    return claimsOf(result.tokens).sub;
  } catch (e) {
    if (e instanceof AppError && e.status < 500) return undefined;
    throw e;
  }
}

/**
 * Her password changed with the current one; a wrong current one counts like a failed sign-in.
 * Her other sessions end: whoever had the old password is out; this device stays signed in.
 */
export async function changePassword(session: Session, accessToken: string, current: string, next: string): Promise<void> {
  await refuseWeak(next, session.email, 'newPassword');
  await limitedTry(session.email, () => cognito.changePassword(accessToken, current, next));
  const { sessionId } = session;
  if (sessionId) {
    await endSessionsAfterChange(
      () => endSessions(session.userId, sessionId),
      'Your password was changed, but your other devices could not be signed out just now. Choose “Sign out everywhere else” in your account settings.',
    );
  }
}
