import { TABLE, db, toAttr } from '../lib/db';
import { keys } from '../lib/keys';
import { ulid } from '../lib/ids';
import * as repo from './repository';

/**
 * Her programme data for the export and the erasure of her account. Kept apart from the events
 * service so that the members function, which runs both, carries only these few reads and writes.
 */

export async function exportEvents(memberId: string) {
  const [registrations, feedback, completions] = await Promise.all([
    repo.registrationsOfMember(memberId),
    repo.feedbackOfMember(memberId),
    repo.completionsOf(memberId),
  ]);
  const titles = await repo.getEvents([...registrations, ...feedback].map((r) => r.eventId));
  return {
    registrations: registrations.map((r) => ({
      eventId: r.eventId,
      title: titles.get(r.eventId)?.title ?? '',
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      state: r.state,
      at: r.at,
    })),
    feedback: feedback.map((f) => ({
      eventId: f.eventId,
      title: titles.get(f.eventId)?.title ?? '',
      rating: f.rating,
      comment: f.comment,
      at: f.at,
    })),
    completions: completions.map((c) => ({ seriesId: c.seriesId, title: c.title, completedAt: c.completedAt })),
  };
}

/**
 * Her registrations go (a place she held in an event still to come passes to the first on its
 * waiting list, who is told), with the marks of reminders sent to her; her feedback stays for the
 * board's counts but no longer names her. Her agenda and completions live in her partition and go
 * with it. Safe to run again after a partial failure.
 */
export async function eraseEvents(memberId: string): Promise<void> {
  const now = new Date().toISOString();
  const registrations = await repo.registrationsOfMember(memberId);
  // The event's own start decides (a registration keeps the start it was made with; the board may have moved it).
  const events = await repo.getEvents(registrations.map((r) => r.eventId));
  for (const r of registrations) {
    const e = events.get(r.eventId);
    if (e && e.startsAt > now && r.state !== 'attended') {
      await repo.cancelRegistration(e, memberId);
    } else {
      await db.transactWrite({
        TransactItems: [
          repo.del(keys.registration(r.eventId, memberId)),
          ...(r.waitingSince ? [repo.del(keys.waitlistEntry(r.eventId, r.waitingSince, memberId))] : []),
        ],
      });
    }
    await db.transactWrite({
      TransactItems: [repo.del(keys.reminderSent(r.eventId, 'day', memberId)), repo.del(keys.reminderSent(r.eventId, 'hour', memberId))],
    });
  }
  for (const f of await repo.feedbackOfMember(memberId)) {
    const anonymous = { eventId: f.eventId, rating: f.rating, comment: f.comment, at: f.at };
    await db.transactWrite({
      TransactItems: [
        { Delete: { TableName: TABLE, Key: toAttr(keys.eventFeedback(f.eventId, memberId)), ConditionExpression: 'attribute_exists(pk)' } },
        repo.put({ ...keys.anonymousEventFeedback(f.eventId, ulid()), entity: 'eventFeedback', version: 1, ...anonymous }),
      ],
    });
  }
}
