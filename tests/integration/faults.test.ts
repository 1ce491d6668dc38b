import { afterEach, describe, it, vi } from 'vitest';
import { type Row, ok, pendingMentorship, profileInput, row, walk } from './faults-harness';
import { Agent, PASSWORD, applicant, board, emailedCode, member, signedInAgent } from '../helpers';
import { totp } from '../totp';

const NEW_PASSWORD = 'a different long passphrase 43';

/** Signed in here and on another device: a change that must end the other session ends it whole or not at all. */
async function onTwoDevices(tag: string): Promise<Agent> {
  const a = await signedInAgent(tag);
  await ok(new Agent().post('/api/auth/sign-in', { email: a.email, password: PASSWORD }));
  return a;
}

/** An account with two-step sign-in on (and her authenticator secret). */
async function withTotp(tag: string) {
  const a = await signedInAgent(tag);
  const secret = (await ok(a.post('/api/auth/mfa/totp', { password: PASSWORD }))).body.secret as string;
  await ok(a.post('/api/auth/mfa/totp/verify', { code: totp(secret) }));
  return { email: a.email, secret };
}

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
    name: 'POST /auth/sign-in/totp (the code step starts the session)',
    setup: () => withTotp('two-step'),
    // Both steps in each attempt: Cognito's session for the second step is good for one answer.
    call: async (s) => {
      const a = new Agent();
      const first = await a.post('/api/auth/sign-in', { email: s.email, password: PASSWORD });
      if (first.status !== 202) return first;
      return a.post('/api/auth/sign-in/totp', { code: totp(s.secret) });
    },
    status: 200,
  }),
  row({
    name: 'POST /auth/change-password (ends her other sessions)',
    setup: () => onTwoDevices('changer'),
    call: (a) => a.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    status: 204,
  }),
  row({
    name: 'POST /auth/reset-password (ends every session)',
    setup: async () => {
      const a = await onTwoDevices('resetter');
      await ok(new Agent().post('/api/auth/forgot-password', { email: a.email }), 204);
      return { email: a.email, code: await emailedCode(a.email) };
    },
    call: (s) => new Agent().post('/api/auth/reset-password', { email: s.email, code: s.code, password: NEW_PASSWORD }),
    status: 204,
  }),
  row({
    name: 'POST /auth/mfa/totp/verify (ends her other sessions)',
    setup: async () => {
      const a = await onTwoDevices('two-step-on');
      const secret = (await ok(a.post('/api/auth/mfa/totp', { password: PASSWORD }))).body.secret as string;
      return { a, secret };
    },
    call: (s) => s.a.post('/api/auth/mfa/totp/verify', { code: totp(s.secret) }),
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
