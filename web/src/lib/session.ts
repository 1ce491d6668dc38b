import { query, revalidate } from '@solidjs/router';
import { createRoot, createSignal } from 'solid-js';
import type { Me } from '../../../shared/schemas';
import { api, isStatus, onSessionLost, unwrap } from './api';

/**
 * Whether this browser may hold a session: the API sets a bare `cn_in=1` beside its HttpOnly
 * session cookies and clears it with them. Without it there is nothing to ask /api/me about,
 * and asking would only answer 401 (an error in the console of every public page). With it the
 * session may still have ended elsewhere: /api/me says so.
 */
export const mayBeSignedIn = () => document.cookie.split(';').some((c) => c.trim() === 'cn_in=1');

/** The signed-in account, or null when signed out. Every page's access rule reads this. */
export const getMe = query(async (): Promise<Me | null> => {
  if (!mayBeSignedIn()) return null;
  try {
    return await unwrap(api.me.$get());
  } catch (e) {
    if (isStatus(e, 401)) return null;
    throw e;
  }
}, 'me');

/** Whether her account asks for an authenticator code at sign-in (two-step sign-in). */
export const getMfa = query(() => unwrap(api.auth.mfa.$get()), 'mfa');

/**
 * Who may open a route:
 * - public: anyone; account: any signed-in account; application: signed in, no profile yet;
 * - waiting: applied and not active (pending, declined, suspended);
 * - member: active members; board: active board members; home: the start page, always redirects.
 */
export type Access = 'public' | 'account' | 'application' | 'waiting' | 'member' | 'board' | 'home';

export const isBoard = (me: Me | null | undefined) => !!me && me.status === 'active' && me.roles.includes('board');

/** Where an account belongs by default. */
export function homeFor(me: Me | null): string {
  if (!me) return '/sign-in';
  if (!me.profile) return '/application';
  if (me.status !== 'active') return '/pending';
  return '/directory';
}

/** The page to send the caller to instead, or undefined when she may stay. */
export function redirectFor(access: Access, me: Me | null): string | undefined {
  if (access === 'public') return undefined;
  if (!me) return '/sign-in';
  const allowed =
    access === 'account' ||
    (access === 'application' && !me.profile) ||
    (access === 'waiting' && !!me.profile && me.status !== 'active') ||
    (access === 'member' && me.status === 'active') ||
    (access === 'board' && isBoard(me));
  return allowed ? undefined : homeFor(me);
}

/** A one-time message for the sign-in page, about how the last session ended (or that her password was reset). */
export type Farewell = 'signedOut' | 'deleted' | 'sessionEnded' | 'passwordReset' | 'idle';
const [farewell, setFarewell] = createRoot(() => createSignal<Farewell | undefined>());
export { farewell, setFarewell };

onSessionLost(() => {
  // Only a session that existed can end; a signed-out visitor on a member link just signs in.
  let known: Me | null | undefined;
  try {
    known = query.get(getMe.keyFor()) as Me | null | undefined;
  } catch {
    known = undefined;
  }
  if (!known) return;
  setFarewell('sessionEnded');
  void revalidate(getMe.key);
});

/**
 * Signs in, then re-reads every cached query as the new account. Answers 'code' when her account
 * asks for the code from her authenticator app next (then call `signInWithCode`). Throws ApiError.
 */
export async function signIn(email: string, password: string): Promise<Me | null | 'code'> {
  const res = await unwrap(api.auth['sign-in'].$post({ json: { email, password } }));
  if ('challenge' in res) return 'code';
  return signedIn();
}

/** The second step of a two-step sign-in. Throws ApiError (400 on `code`; 401 when the first step has lapsed). */
export async function signInWithCode(code: string): Promise<Me | null> {
  await unwrap(api.auth['sign-in'].totp.$post({ json: { code } }));
  return signedIn();
}

async function signedIn(): Promise<Me | null> {
  setFarewell(undefined);
  // Forces a miss on every cached query, so nothing of a previous account is ever reused.
  await revalidate();
  return getMe();
}

/**
 * Ends the session on the server (signing out, or discreet mode's idle time). The caller then navigates to a public page and calls
 * `forgetSession()`, so the page being left never refetches without a session.
 */
export async function signOut(reason: Farewell = 'signedOut'): Promise<void> {
  if (reason === 'signedOut' || reason === 'idle') await unwrap(api.auth['sign-out'].$post());
  setFarewell(reason);
}

export const forgetSession = () => revalidate(getMe.key);
