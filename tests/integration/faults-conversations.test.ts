import { afterEach, describe, it, vi } from 'vitest';
import { type Row, acceptedMentorship, ok, row, walk } from './faults-harness';

/** Every write route of conversations (issue 12), failed at each DynamoDB call in turn: see faults-harness.ts. */

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

/** An accepted mentorship whose mentee has written one message proposing two times. */
async function withProposal() {
  const s = await acceptedMentorship();
  const base = `/api/mentorships/${s.id}/messages`;
  const times = [inDays(3), inDays(4)];
  const msg = await ok(s.mentee.post(base, { body: 'Could we meet?', proposals: times }), 201);
  return { ...s, base, times, message: msg.body as { id: string; version: number } };
}

const ROUTES: Row<unknown>[] = [
  row({
    name: 'POST /mentorships/:id/messages',
    setup: acceptedMentorship,
    call: (s) => s.mentee.post(`/api/mentorships/${s.id}/messages`, { body: 'Hello, and thank you.' }),
    status: 201,
  }),
  row({
    name: 'PATCH /mentorships/:id/messages/:messageId',
    setup: withProposal,
    call: (s) => s.mentee.req('PATCH', `${s.base}/${s.message.id}`, { body: 'Could we meet, please?', version: s.message.version }),
    status: 200,
  }),
  row({
    name: 'DELETE /mentorships/:id/messages/:messageId',
    setup: withProposal,
    call: (s) => s.mentee.del(`${s.base}/${s.message.id}`),
    status: 200,
  }),
  row({
    name: 'POST /mentorships/:id/messages/:messageId/accept (the meeting into both agendas)',
    setup: withProposal,
    call: (s) => s.mentor.post(`${s.base}/${s.message.id}/accept`, { startsAt: s.times[0] }),
    status: 200,
  }),
  row({
    name: 'POST /reports (a message of a conversation)',
    setup: async () => {
      const s = await acceptedMentorship();
      const base = `/api/mentorships/${s.id}/messages`;
      const msg = await ok(s.mentor.post(base, { body: 'Something to report' }), 201);
      return { ...s, messageId: msg.body.id as string };
    },
    call: (s) => s.mentee.post('/api/reports', { targetType: 'message', targetId: s.messageId, mentorshipId: s.id, reason: 'harassment' }),
    status: 201,
  }),
];

describe('a failure in the middle of a write (conversations)', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const r of ROUTES) {
    it(
      `${r.name}: a throttled or lost call answers 503 or the contract's conflict and leaves all of the change or none`,
      () => walk(r),
      240_000,
    );
  }
});
