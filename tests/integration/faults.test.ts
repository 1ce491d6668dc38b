import { afterEach, describe, it, vi } from 'vitest';
import { type Row, ok, pendingMentorship, profileInput, row, walk } from './faults-harness';
import * as memberRepo from '../../functions/members/repository';
import { Agent, PASSWORD, applicant, board, member, signedInAgent } from '../helpers';

/** Every write route of the domain, failed at each DynamoDB call in turn: see faults-harness.ts. */
const ROUTES: Row<unknown>[] = [
  // members
  row({
    name: 'PUT /members/me (first profile)',
    setup: () => signedInAgent('first'),
    call: (a) => a.put('/api/members/me', profileInput()),
    status: 200,
  }),
  row({
    name: 'PUT /members/me (edit)',
    setup: async () => {
      const a = await member({}, 'editor');
      return { a, version: (await a.get('/api/members/me')).body.version as number };
    },
    call: (s) => {
      const { statement: _s, ...edit } = profileInput({ bio: 'Edited' });
      return s.a.put('/api/members/me', { ...edit, version: s.version });
    },
    status: 200,
  }),
  row({
    name: 'PUT /members/me/blocks/:id',
    setup: async () => Promise.all([member({}, 'blocker'), member({}, 'blocked')]),
    call: ([a, b]) => a.put(`/api/members/me/blocks/${b.userId}`),
    status: 204,
  }),
  row({
    name: 'DELETE /members/me/blocks/:id',
    setup: async () => {
      const [a, b] = await Promise.all([member({}, 'blocker'), member({}, 'blocked')]);
      await ok(a.put(`/api/members/me/blocks/${b.userId}`), 204);
      return [a, b] as const;
    },
    call: ([a, b]) => a.del(`/api/members/me/blocks/${b.userId}`),
    status: 204,
  }),
  // board
  row({
    name: 'POST /board/applications/:id/decision (approve)',
    setup: async () => ({ b: await board(), a: await applicant({}, 'vetted') }),
    call: (s) => s.b.post(`/api/board/applications/${s.a.userId}/decision`, { decision: 'approve', reason: 'Vetted' }),
    status: 200,
  }),
  row({
    name: 'POST /board/applications/:id/decision (decline)',
    setup: async () => ({ b: await board(), a: await applicant({}, 'declined') }),
    call: (s) => s.b.post(`/api/board/applications/${s.a.userId}/decision`, { decision: 'decline', reason: 'Not a fit' }),
    status: 200,
  }),
  row({
    name: 'POST /members/me/application (apply again)',
    setup: async () => {
      const a = await applicant({}, 'again');
      await ok((await board()).post(`/api/board/applications/${a.userId}/decision`, { decision: 'decline', reason: 'Not yet' }));
      // Decided long ago, past any waiting period the board may set meanwhile.
      const m = await memberRepo.getMember(a.userId);
      if (!m) throw new Error('set-up: no profile');
      const longAgo = '2016-01-01T00:00:00.000Z';
      await memberRepo.replaceMember(m, { ...m, decidedAt: longAgo, version: m.version + 1 }, m.version);
      return { a, version: m.version + 1 };
    },
    call: (s) => s.a.post('/api/members/me/application', { statement: 'I now lead the unit.', version: s.version }),
    status: 201,
  }),
  row({
    name: 'PUT /board/settings',
    // One item for the whole network: the call writes back the period it read, at its version.
    setup: async () => {
      const b = await board();
      type Settings = { reapplyAfterDays: number; version: number };
      let settings = (await ok(b.get('/api/board/settings'))).body as Settings;
      // Stored once first, so every attempt changes the same item rather than the first one adding it.
      if (settings.version === 0) settings = (await ok(b.put('/api/board/settings', settings))).body as Settings;
      return { b, settings };
    },
    call: (s) => s.b.put('/api/board/settings', s.settings),
    status: 200,
  }),
  row({
    name: 'POST /members/me/board-messages',
    setup: () => member({}, 'writer'),
    call: (a) => a.post('/api/members/me/board-messages', { body: 'A question for the board.' }),
    status: 201,
  }),
  row({
    name: 'POST /moderation/messages/:id/handle',
    setup: async () => {
      const a = await member({}, 'asker');
      const m = await ok(a.post('/api/members/me/board-messages', { body: 'A question for the board.' }), 201);
      return { b: await board(), id: m.body.id as string };
    },
    call: (s) => s.b.post(`/api/moderation/messages/${s.id}/handle`, { reply: 'Answered.' }),
    status: 200,
  }),
  // notifications
  row({
    name: 'POST /notifications/:id/read',
    setup: async () => {
      const s = await pendingMentorship();
      const n = (await ok(s.mentor.get('/api/notifications'))).body.items[0];
      return { a: s.mentor, id: n.id as string };
    },
    call: (s) => s.a.post(`/api/notifications/${s.id}/read`),
    status: 204,
  }),
  // auth: the routes that write session items
  row({
    name: 'POST /auth/sign-in',
    setup: async () => {
      const a = await signedInAgent('again');
      a.cookies.clear();
      return a;
    },
    call: (a) => a.post('/api/auth/sign-in', { email: a.email, password: PASSWORD }),
    status: 200,
  }),
  row({ name: 'POST /auth/sign-out', setup: () => signedInAgent('leaving'), call: (a) => a.post('/api/auth/sign-out'), status: 204 }),
  row({
    name: 'POST /auth/sign-out-others',
    setup: async () => {
      const a = await signedInAgent('two-devices');
      // Two other devices: ending one but not the other would be half a change.
      for (const other of [new Agent(), new Agent()]) await ok(other.post('/api/auth/sign-in', { email: a.email, password: PASSWORD }));
      return a;
    },
    call: (a) => a.post('/api/auth/sign-out-others'),
    status: 200,
  }),
  row({
    name: 'DELETE /members/me (erasure)',
    setup: () => member({}, 'erased'),
    call: (a) => a.del('/api/members/me'),
    status: 202,
    resumable: true,
  }),
];

describe('a failure in the middle of a write (members, board, notifications, auth)', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const r of ROUTES) {
    it(
      `${r.name}: a throttled or lost call answers 503 or the contract's conflict and leaves all of the change or none`,
      () => walk(r),
      120_000,
    );
  }
});
