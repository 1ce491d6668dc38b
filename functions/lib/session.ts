import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { config } from './config';
import { UnauthenticatedError } from './errors';
import { SESSION_SECONDS, sessionLiveWith } from './sessions';

/**
 * The session lives in HttpOnly, SameSite=Strict cookies holding Cognito's tokens; the browser's
 * JavaScript never sees a token. The id token (email, sub, groups) identifies the caller; the
 * access token is kept for the Cognito calls a user makes on her own account (delete, two-step
 * sign-in, password); `cn_sid` names her device's session, which must still stand in the table
 * (lib/sessions.ts) for any of it to count.
 */
export const COOKIE = { id: 'cn_id', access: 'cn_at', refresh: 'cn_rt', session: 'cn_sid', hint: 'cn_in' } as const;

/**
 * The one cookie the web app's JavaScript may read: `cn_in=1` while this browser holds a session,
 * so that a signed-out visit does not ask /api/me only to be told 401 (a console error on every
 * public page). It carries no name, id or token, and proves nothing: the API never reads it.
 */
const HINT = { value: '1', path: '/' } as const;

/**
 * The signed-in caller. `sessionId` names the session of the device a request came from
 * (lib/sessions.ts); work done on someone's behalf without a request (seed, a published cohort)
 * has none.
 */
export type Session = { userId: string; email: string; groups: string[]; isBoard: boolean; sessionId?: string };

type IdClaims = { sub: string; email?: unknown; 'cognito:groups'?: unknown };

const localIssuer = config.COGNITO_ENDPOINT ? `${config.COGNITO_ENDPOINT.replace(/\/$/, '')}/${config.USER_POOL_ID}` : undefined;

type Verify = (token: string) => Promise<IdClaims>;
let verifier: Promise<Verify> | undefined;

/**
 * The token verifier, built on the first request that carries a session (aws-jwt-verify and the
 * crypto it loads cost nothing to requests without one). In AWS: the standard Cognito verifier
 * (issuer, audience, token_use), its JWKS cached per instance. Locally: cognito-local's issuer,
 * its JWKS fetched once over http and cached, since aws-jwt-verify refuses http JWKS URIs.
 */
function getVerifier(): Promise<Verify> {
  // Each mode imports only its own verifier's module: the package's index would bundle its ALB
  // verifier too, into every function.
  verifier ??= (
    localIssuer
      ? import('aws-jwt-verify/jwt-verifier').then(async ({ JwtVerifier }): Promise<Verify> => {
          const local = JwtVerifier.create({
            issuer: localIssuer,
            audience: config.USER_POOL_CLIENT_ID,
            jwksUri: `${localIssuer}/.well-known/jwks.json`,
          });
          local.cacheJwks((await (await fetch(`${localIssuer}/.well-known/jwks.json`)).json()) as Jwks);
          return async (token) => {
            const claims = (await local.verify(token)) as unknown as IdClaims & { token_use?: unknown };
            if (claims.token_use !== 'id') throw new UnauthenticatedError();
            return claims;
          };
        })
      : import('aws-jwt-verify/cognito-verifier').then(({ CognitoJwtVerifier }): Verify => {
          const cognito = CognitoJwtVerifier.create({
            userPoolId: config.USER_POOL_ID,
            clientId: config.USER_POOL_CLIENT_ID,
            tokenUse: 'id',
          });
          return async (token) => (await cognito.verify(token)) as unknown as IdClaims;
        })
  ).catch((e: unknown) => {
    verifier = undefined;
    throw e;
  });
  return verifier;
}

/**
 * Tokens this instance has already verified, with their claims, until the token's own `exp`: the
 * signature check is the heaviest part of a read request, and caching it is safe because
 * revocation lives in the session item, which is still read on every request. Cleared when full
 * rather than evicted one by one: a Lambda instance sees few distinct tokens.
 */
const verified = new Map<string, IdClaims & { exp: number }>();
const VERIFIED_MAX = 1000;

async function verifyIdToken(token: string): Promise<IdClaims> {
  const now = Date.now() / 1000;
  const known = verified.get(token);
  if (known && known.exp > now) return known;
  if (known) verified.delete(token);
  const claims = await (await getVerifier())(token);
  const exp = (claims as { exp?: unknown }).exp;
  if (typeof exp === 'number' && exp > now) {
    if (verified.size >= VERIFIED_MAX) verified.clear();
    verified.set(token, { ...claims, exp });
  }
  return claims;
}

/** Her device's session from its cookie (`<userId>.<sessionId>`), not yet checked against the table. */
export function readSessionCookie(c: Context): { userId: string; sessionId: string } | undefined {
  const [userId, sessionId, extra] = getCookie(c, COOKIE.session)?.split('.') ?? [];
  return userId && sessionId && extra === undefined ? { userId, sessionId } : undefined;
}

/** The caller from a valid id token and a session cookie of the same account; its item is checked by requireSessionAnd below. */
async function claimedSession(c: Context): Promise<Session | undefined> {
  const token = getCookie(c, COOKIE.id);
  const cookie = readSessionCookie(c);
  if (!token || !cookie) return undefined;
  try {
    const claims = await verifyIdToken(token);
    if (claims.sub !== cookie.userId) return undefined;
    const raw = claims['cognito:groups'];
    const groups = Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string') : [];
    const email = typeof claims.email === 'string' ? claims.email : '';
    return { userId: claims.sub, email, groups, isBoard: groups.includes('board'), sessionId: cookie.sessionId };
  } catch {
    return undefined;
  }
}

/** An item of hers that a guard reads with her session: where it is, and what it is once read. */
export type OwnItem<T> = {
  key: (userId: string) => Record<string, AttributeValue>;
  of: (item: Record<string, AttributeValue> | undefined) => T;
};

/**
 * The signed-in caller, or 401 when there is no session, its token is invalid, or it was ended;
 * with `own`, her item read in the same request as the session check (one round trip, not two),
 * and with `also`, the items a route will need (keys from its path), in that same round trip.
 */
export async function requireSessionAnd<T>(
  c: Context,
  own: OwnItem<T>,
  also?: (userId: string) => readonly Record<string, AttributeValue>[],
): Promise<[Session, T, (Record<string, AttributeValue> | undefined)[]]> {
  const session = await claimedSession(c);
  const sessionId = session?.sessionId;
  if (!session || !sessionId) throw new UnauthenticatedError();
  const extra = also?.(session.userId) ?? [];
  const [live, [item, ...alsoItems]] = await sessionLiveWith(session.userId, sessionId, [own.key(session.userId), ...extra]);
  if (!live) throw new UnauthenticatedError('This session was ended. Sign in again.', 'session_ended');
  return [session, own.of(item), alsoItems];
}

/** Secure everywhere but plain-http localhost in local mode. */
export function cookieBase(c: Context) {
  const secure = !(config.LOCAL_MODE && new URL(c.req.url).protocol === 'http:');
  return { httpOnly: true, sameSite: 'Strict' as const, secure };
}

export type Tokens = { idToken: string; accessToken: string; refreshToken?: string; expiresIn: number };

/** Sets Cognito's tokens; `started` (a new sign-in's session) also sets the session cookie. */
export function setSessionCookies(c: Context, t: Tokens, started?: { userId: string; sessionId: string }) {
  const base = cookieBase(c);
  if (started) {
    setCookie(c, COOKIE.session, `${started.userId}.${started.sessionId}`, { ...base, path: '/api', maxAge: SESSION_SECONDS });
    setCookie(c, COOKIE.hint, HINT.value, { ...base, httpOnly: false, path: HINT.path, maxAge: SESSION_SECONDS });
  }
  setCookie(c, COOKIE.id, t.idToken, { ...base, path: '/api', maxAge: t.expiresIn });
  setCookie(c, COOKIE.access, t.accessToken, { ...base, path: '/api', maxAge: t.expiresIn });
  if (t.refreshToken) setCookie(c, COOKIE.refresh, t.refreshToken, { ...base, path: '/api/auth', maxAge: SESSION_SECONDS });
}

export function clearSessionCookies(c: Context) {
  const base = cookieBase(c);
  deleteCookie(c, COOKIE.id, { ...base, path: '/api' });
  deleteCookie(c, COOKIE.access, { ...base, path: '/api' });
  deleteCookie(c, COOKIE.refresh, { ...base, path: '/api/auth' });
  deleteCookie(c, COOKIE.session, { ...base, path: '/api' });
  deleteCookie(c, COOKIE.hint, { ...base, httpOnly: false, path: HINT.path });
}

export const readCookie = (c: Context, name: string) => getCookie(c, name);
