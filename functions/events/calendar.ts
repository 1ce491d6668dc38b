import { ForbiddenError, NotFoundError } from '../lib/errors';
import type { Session } from '../lib/session';
import type { MemberRecord } from '../members/repository';
import { getEventBundle } from './repository';
import { canSee } from './rules';

/*
 * The calendar file of an event, apart from the rest of the events API: the `ics` package (with
 * the schema library it validates with) is a third of a function's bundle budget, so it runs in
 * a function of its own (infra: the `calendar` domain) and only there.
 */

/**
 * The .ics file of an event she is registered for. Neutral by default: the title "Meeting", no
 * description, link, place or organiser, and a product id naming no one, so that a calendar
 * shared with a family member or an employer shows nothing about the network. The full title
 * (and place) only when she asks for it. Times are UTC; her calendar shows them in her zone.
 */
/**
 * `ics` (with `yup`, which it validates with: about 67 kB together) loads on the first calendar
 * file an instance makes, not at its cold start; in AWS it ships beside the bundle (nodeModules in
 * infra/stacks/app-stack.ts), as the common-password list does for auth.
 */
export const loadIcs = () => import('ics');

export async function calendar(session: Session, member: MemberRecord, id: string | undefined, title: 'neutral' | 'full'): Promise<string> {
  if (!id || id.length > 64) throw new NotFoundError();
  const found = await getEventBundle(id, session.userId);
  const e = found.event;
  if (!e || !canSee(session, member, e)) throw new NotFoundError();
  if (found.registration?.state !== 'registered' && found.registration?.state !== 'attended')
    throw new ForbiddenError('Register for this event first.', 'registered_only');
  const full = title === 'full';
  const { createEvent: icsEvent } = await loadIcs();
  const { error, value } = icsEvent({
    productId: 'calendar',
    uid: `${e.id}@calendar`,
    start: Date.parse(e.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(e.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: full ? e.title : 'Meeting',
    ...(full && e.place ? { location: e.place } : {}),
  });
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}
