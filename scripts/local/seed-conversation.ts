import type { Session } from '../../functions/lib/session';

/**
 * The demo mentorship's conversation (issue 12): the practitioner and her mentor write a few
 * messages both ways, she proposes meeting times and he accepts one in the future, then he
 * proposes two more for a second meeting, which she can accept; so the conversation, both agendas
 * and the calendar download have something to show. Written through
 * the real services; finds (or makes) the accepted mentorship between the two, and writes nothing
 * when its conversation already has messages.
 */
export async function seedConversation(menteeId: string, mentorId: string): Promise<void> {
  const mentorships = await import('../../functions/mentorship/service');
  const conversations = await import('../../functions/conversations/service');
  const repo = await import('../../functions/conversations/repository');
  const mentee: Session = { userId: menteeId, email: 'practitioner@example.org', groups: [], isBoard: false };
  const mentor: Session = { userId: mentorId, email: `${mentorId}@demo.invalid`, groups: [], isBoard: false };

  const mine = await mentorships.list(mentee, { as: 'mentee', limit: 50 });
  let m = mine.items.find((x) => x.mentorId === mentorId && x.state === 'accepted');
  if (!m) {
    const pending =
      mine.items.find((x) => x.mentorId === mentorId && x.state === 'pending') ??
      (await mentorships.request(mentee, {
        mentorId,
        message: 'I lead investigations into cross-border trafficking and would value your guidance on building cases with prosecutors.',
        goals: {
          shortTerm: 'Run my first joint investigation',
          mediumTerm: 'Train my unit in victim interviews',
          longTerm: 'Lead a regional unit',
        },
      }));
    m = await mentorships.accept(mentor, pending.id);
  }
  if ((await repo.latestMessages(m.id, { limit: 1, scope: 'seed' })).items.length) return;

  const say = (who: Session, body: string, proposals?: string[]) =>
    conversations.send(who, m.id, { body, ...(proposals ? { proposals } : {}) });
  await say(mentee, 'Thank you for accepting. Could we start with how you prepare a victim interview?');
  await say(mentor, 'Gladly. Before we meet, write down **two questions** from your current case. Keep names out of them.');
  await say(mentee, 'I have them. Would one of these times suit you?', [daysAhead(3, 9), daysAhead(4, 14), daysAhead(6, 10)]);
  const page = await repo.latestMessages(m.id, { limit: 1, scope: 'seed' });
  const proposal = page.items[0];
  const second = proposal?.proposals?.[1];
  if (proposal && second) await conversations.accept(mentor, m.id, proposal.id, { startsAt: second.startsAt });
  await say(mentor, 'That second time works for me. I will bring an example interview plan.');
  await say(mentor, 'Shall we also plan a second meeting, after you have tried it?', [daysAhead(13, 9), daysAhead(14, 15)]);
  // She has read it: the demo's menu starts without an unread conversation, as the walks expect.
  await repo.markSeen(menteeId, m.id, new Date().toISOString());
}

/** A whole hour `days` from today, in UTC. */
function daysAhead(days: number, hour: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}
