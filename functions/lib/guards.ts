import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type MemberRecord, ownMember } from '../members/repository';
import { ForbiddenError } from './errors';
import type { Env } from './http';
import { register } from './openapi';
import { requireSessionAnd } from './session';

/**
 * Routes a suspended member keeps: who she is, why she is suspended (her notices and sanctions),
 * and her data. Sign-out takes no guard at all.
 */
const OPEN_TO_SUSPENDED = new Set(['/api/me', '/api/members/me/export', '/api/members/me/sanctions', '/api/notifications']);

/** "30 November 2026 at 10:00 UTC": a date a person reads in a message, not an ISO string. */
const inWords = (iso: string) =>
  `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;

type Sanctioned = MemberRecord & { sanction?: { type: 'read_only' | 'suspend'; until: string } };

/**
 * A sanction takes effect on the next request: read-only refuses every write, a suspension
 * every route but the few above. Both end by themselves at their date.
 */
function enforceSanction(c: Context, member: Sanctioned | undefined) {
  const s = member?.sanction;
  if (!s || s.until <= new Date().toISOString()) return;
  // Marking her own notices read, securing her own account (her second step, her password, the
  // devices signed in as her) and leaving (erasing her account) are not taking part; she may
  // always do them.
  if (c.req.method === 'POST' && /^\/api\/notifications\/[^/]+\/read$/.test(c.req.path)) return;
  if (/^\/api\/auth\/(mfa(\/.*)?|change-password|sessions?|sign-out-others)$/.test(c.req.path)) return;
  if (c.req.method === 'DELETE' && c.req.path === '/api/members/me') return;
  // Nor is writing to the board about it (an appeal, a question): "contact the advisory board" must lead somewhere.
  if (/^\/api\/members\/me\/board-messages(\/[^/]+)?$/.test(c.req.path)) return;
  if (s.type === 'suspend' && !OPEN_TO_SUSPENDED.has(c.req.path))
    throw new ForbiddenError(`Your account is suspended until ${inWords(s.until)}.`, 'suspended', { until: s.until });
  if (s.type === 'read_only' && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    throw new ForbiddenError(`Your account is read-only until ${inWords(s.until)}.`, 'read_only', { until: s.until });
  }
}

/** Any signed-in account, whatever its membership status. */
export const signedIn = register(
  createMiddleware<Env>(async (c, next) => {
    const [session, member] = await requireSessionAnd(c, ownMember);
    enforceSanction(c, member);
    c.set('session', session);
    c.set('record', member);
    await next();
  }),
  { auth: 'session' },
);

/**
 * signedIn, reading the items a route needs from its path (`also`) in the same BatchGetItem as
 * her session and record: a profile is then one round trip, not two. They land on `c.var.also`,
 * in the order given.
 */
export function signedInReading(also: (c: Context, userId: string) => readonly Record<string, AttributeValue>[]) {
  return register(
    createMiddleware<Env>(async (c, next) => {
      const [session, member, items] = await requireSessionAnd(c, ownMember, (userId) => also(c, userId));
      enforceSanction(c, member);
      c.set('session', session);
      c.set('record', member);
      c.set('also', items);
      await next();
    }),
    { auth: 'session' },
  );
}

/**
 * An active member (the board counts, whatever else). Pending, declined and suspended: 403. With
 * `also`, the items a route needs from its path are read with her session, as signedInReading does.
 */
function activeGuard(also?: (c: Context, userId: string) => readonly Record<string, AttributeValue>[]) {
  return register(
    createMiddleware<Env>(async (c, next) => {
      const [session, member, items] = await requireSessionAnd(c, ownMember, also && ((userId) => also(c, userId)));
      if (member?.status !== 'active') throw new ForbiddenError('Your membership is not active yet.', 'membership_not_active');
      enforceSanction(c, member);
      c.set('session', session);
      c.set('record', member);
      c.set('member', member);
      if (also) c.set('also', items);
      await next();
    }),
    { auth: 'member' },
  );
}

export const activeMember = activeGuard();

/** activeMember, reading the items a route needs from its path (`also`) with her session; they land on `c.var.also`. */
export const activeMemberReading = (also: (c: Context, userId: string) => readonly Record<string, AttributeValue>[]) => activeGuard(also);

/** A board member with an active membership; everyone else 403. */
export const boardMember = register(
  createMiddleware<Env>(async (c, next) => {
    const [session, member] = await requireSessionAnd(c, ownMember);
    if (!session.isBoard) throw new ForbiddenError('Only the advisory board can do this.', 'board_only');
    if (member?.status !== 'active') throw new ForbiddenError('Your membership is not active.', 'membership_not_active');
    enforceSanction(c, member);
    c.set('session', session);
    c.set('record', member);
    c.set('member', member);
    await next();
  }),
  { auth: 'board' },
);
