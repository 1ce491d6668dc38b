import { loadIcs } from '../events/calendar';
import { NotFoundError, UnavailableError } from '../lib/errors';
import type { Session } from '../lib/session';
import * as repo from './repository';

/*
 * The calendar file of a meeting agreed in a conversation, apart from the rest of conversations:
 * the `ics` package (with the schema library it validates with) is a third of a function's bundle
 * budget, so in AWS it runs in the calendar function beside the events' calendar files, and no
 * zod comes with it (the shared schemas are not imported here).
 */

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The agreed meeting as an iCalendar file, for either of the conversation's two members (404 for
 * anyone else, the board included). Its title is neutral ("Meeting") and it names no one: a
 * calendar is often synced to places she does not control. The product id is neutral too.
 */
export async function meetingCalendar(session: Session, rawId: string | undefined, rawMessageId: string | undefined): Promise<string> {
  if (!rawId || !ULID.test(rawId) || !rawMessageId || !ULID.test(rawMessageId)) throw new NotFoundError();
  const me = session.userId;
  const ctx = await repo.readContext(rawId, me, (m) => (m.mentorId === me ? m.menteeId : m.mentorId));
  const m = ctx.mentorship;
  if (!m || (m.mentorId !== me && m.menteeId !== me)) throw new NotFoundError();
  const message = await repo.getMessage(m.id, rawMessageId);
  const meeting = message?.acceptedProposal;
  if (!message || !meeting) throw new NotFoundError();
  const { createEvent } = await loadIcs();
  const { error, value } = createEvent({
    start: Date.parse(meeting.startsAt),
    end: Date.parse(meeting.endsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    title: 'Meeting',
    productId: 'calendar',
    uid: `${message.id}@meeting`,
  });
  if (error || !value) throw new UnavailableError();
  return value;
}
