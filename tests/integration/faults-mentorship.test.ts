import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Row, acceptedMentorship, mentorProfile, ok, pendingMentorship, reason, row, walk } from './faults-harness';
import { board, member } from '../helpers';

/** Every write route of the domain, failed at each DynamoDB call in turn: see faults-harness.ts. */
const ROUTES: Row<unknown>[] = [
  // mentorship
  row({
    name: 'POST /mentorships',
    setup: async () => Promise.all([member(mentorProfile, 'mentor'), member({}, 'mentee')]),
    call: ([mentor, mentee]) => mentee.post('/api/mentorships', { mentorId: mentor.userId, message: 'Would you mentor me?' }),
    status: 201,
  }),
  row({
    name: 'POST /mentorships/:id/accept',
    setup: pendingMentorship,
    call: (s) => s.mentor.post(`/api/mentorships/${s.id}/accept`),
    status: 200,
  }),
  row({
    name: 'POST /mentorships/:id/decline',
    setup: pendingMentorship,
    call: (s) => s.mentor.post(`/api/mentorships/${s.id}/decline`, { reason: 'no_time' }),
    status: 200,
  }),
  row({
    name: 'POST /mentorships/:id/withdraw',
    setup: pendingMentorship,
    call: (s) => s.mentee.post(`/api/mentorships/${s.id}/withdraw`),
    status: 200,
  }),
  row({
    name: 'POST /mentorships/:id/complete',
    setup: acceptedMentorship,
    call: (s) => s.mentee.post(`/api/mentorships/${s.id}/complete`),
    status: 200,
  }),
  row({
    name: 'POST /mentorships/:id/end',
    setup: acceptedMentorship,
    call: (s) => s.mentor.post(`/api/mentorships/${s.id}/end`),
    status: 200,
  }),
  row({
    name: 'POST /mentorships/:id/suspend',
    setup: async () => ({ ...(await acceptedMentorship()), b: await board() }),
    call: (s) => s.b.post(`/api/mentorships/${s.id}/suspend`, reason),
    status: 200,
  }),
  row({
    name: 'POST /mentorships/:id/check-ins',
    setup: acceptedMentorship,
    call: (s) => s.mentee.post(`/api/mentorships/${s.id}/check-ins`, { date: '2026-11-20', notes: 'Went through a case file.' }),
    status: 201,
  }),
  row({
    name: 'PATCH /mentorships/:id/check-ins/:checkInId',
    setup: async () => {
      const s = await acceptedMentorship();
      const c = await ok(s.mentee.post(`/api/mentorships/${s.id}/check-ins`, { date: '2026-11-20', notes: 'First notes.' }), 201);
      return { ...s, checkIn: c.body as { id: string; version: number } };
    },
    call: (s) =>
      s.mentee.req('PATCH', `/api/mentorships/${s.id}/check-ins/${s.checkIn.id}`, { notes: 'Better notes.', version: s.checkIn.version }),
    status: 200,
  }),
  row({
    name: 'DELETE /mentorships/:id/check-ins/:checkInId',
    setup: async () => {
      const s = await acceptedMentorship();
      const c = await ok(s.mentee.post(`/api/mentorships/${s.id}/check-ins`, { date: '2026-11-20', notes: 'First notes.' }), 201);
      return { ...s, checkIn: c.body as { id: string; version: number } };
    },
    call: (s) => s.mentee.del(`/api/mentorships/${s.id}/check-ins/${s.checkIn.id}?version=${s.checkIn.version}`),
    status: 204,
  }),
  row({
    name: 'POST /mentorships/:id/feedback',
    setup: async () => {
      const s = await acceptedMentorship();
      await ok(s.mentee.post(`/api/mentorships/${s.id}/complete`));
      return s;
    },
    call: (s) => s.mentee.post(`/api/mentorships/${s.id}/feedback`, { rating: 5, text: 'Great' }),
    status: 201,
  }),
  row({
    name: 'POST /board/cohorts',
    setup: async () => ({ b: await board(), mentor: await member(mentorProfile, 'mentor'), mentee: await member({}, 'mentee') }),
    call: (s) => s.b.post('/api/board/cohorts', { menteeIds: [s.mentee.userId], mentorIds: [s.mentor.userId] }),
    status: 201,
  }),
  row({
    name: 'PUT /board/cohorts/:id',
    setup: async () => {
      const b = await board();
      const [mentor, mentee] = await Promise.all([member(mentorProfile, 'mentor'), member({}, 'mentee')]);
      const c = await ok(b.post('/api/board/cohorts', { menteeIds: [mentee.userId], mentorIds: [mentor.userId] }), 201);
      return { b, id: c.body.id as string, version: c.body.version as number };
    },
    call: (s) => s.b.put(`/api/board/cohorts/${s.id}`, { pairs: [], version: s.version }),
    status: 200,
  }),
  row({
    name: 'POST /board/cohorts/:id/publish',
    setup: async () => {
      const b = await board();
      const [mentor, mentee] = await Promise.all([member(mentorProfile, 'mentor'), member({}, 'mentee')]);
      const c = await ok(b.post('/api/board/cohorts', { menteeIds: [mentee.userId], mentorIds: [mentor.userId] }), 201);
      return { b, id: c.body.id as string };
    },
    call: (s) => s.b.post(`/api/board/cohorts/${s.id}/publish`),
    status: 200,
    resumable: true,
    // Another request for the pair won: the cohort is published with that pair skipped, nothing else.
    lostRace: (diff) =>
      diff.length === 1 &&
      expect
        .objectContaining({ changed: expect.objectContaining({ state: 'published', published: expect.objectContaining({ created: [] }) }) })
        .asymmetricMatch(diff[0]),
  }),
];

describe('a failure in the middle of a write (mentorship)', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const r of ROUTES) {
    it(
      `${r.name}: a throttled or lost call answers 503 or the contract's conflict and leaves all of the change or none`,
      () => walk(r),
      120_000,
    );
  }
});
