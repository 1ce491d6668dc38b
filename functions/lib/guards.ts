import { createMiddleware } from 'hono/factory';
import { getMember } from '../members/repository';
import { ForbiddenError } from './errors';
import type { Env } from './http';
import { register } from './openapi';
import { requireSession } from './session';

/** Any signed-in account, whatever its membership status. */
export const signedIn = register(
  createMiddleware<Env>(async (c, next) => {
    c.set('session', await requireSession(c));
    await next();
  }),
  { auth: 'session' },
);

/** An active member (the board counts, whatever else). Pending, declined and suspended: 403. */
export const activeMember = register(
  createMiddleware<Env>(async (c, next) => {
    const session = await requireSession(c);
    const member = await getMember(session.userId);
    if (member?.status !== 'active') throw new ForbiddenError('Your membership is not active yet.');
    c.set('session', session);
    c.set('member', member);
    await next();
  }),
  { auth: 'member' },
);

/** A board member with an active membership; everyone else 403. */
export const boardMember = register(
  createMiddleware<Env>(async (c, next) => {
    const session = await requireSession(c);
    if (!session.isBoard) throw new ForbiddenError('Only the advisory board can do this.');
    const member = await getMember(session.userId);
    if (member?.status !== 'active') throw new ForbiddenError('Your membership is not active.');
    c.set('session', session);
    c.set('member', member);
    await next();
  }),
  { auth: 'board' },
);
