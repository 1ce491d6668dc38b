import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { config } from '../../functions/lib/config';
import { dynamo } from '../../functions/lib/db';
import { type Row, ok, pendingMentorship, profileInput, row, walk } from './faults-harness';
import * as memberRepo from '../../functions/members/repository';
import { Agent, PASSWORD, type Res, applicant, board, member, requestResetCode, signedInAgent, uniqueEmail } from '../helpers';
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
  return { a, email: a.email, secret };
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
    name: 'PUT /members/me/preferences (first save)',
    setup: () => signedInAgent('prefs-first'),
    call: (a) => a.put('/api/members/me/preferences', { locale: 'ur', email: { enabled: true }, version: 0 }),
    status: 200,
  }),
  row({
    name: 'PUT /members/me/preferences (change)',
    setup: async () => {
      const a = await signedInAgent('prefs-change');
      await ok(a.put('/api/members/me/preferences', { locale: 'ar', version: 0 }));
      return a;
    },
    call: (a) => a.put('/api/members/me/preferences', { locale: 'fa', version: 1 }),
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
    name: 'PUT /auth/session (discreet mode’s idle limit on this session)',
    setup: () => signedInAgent('discreet'),
    call: (a) => a.put('/api/auth/session', { idleMinutes: 5 }),
    status: 204,
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
      return { email: a.email, code: await requestResetCode(a.email) };
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

/**
 * The auth routes whose only DynamoDB writes are the rate-limit windows (Cognito holds the change)
 * or that only read: the harness above has no change of theirs to compare, so here each of their
 * DynamoDB calls is throttled in turn, and the answer must be 503 or the success, never a 500.
 */
type Counted<S> = { name: string; setup: () => Promise<S>; call: (s: S) => Promise<Res>; status: number; after?: (s: S, res: Res) => void };
const counted = <S>(r: Counted<S>) => r as Counted<unknown>;

const COUNTED: Counted<unknown>[] = [
  counted({
    name: 'POST /auth/sign-up (with the per-address limit on)',
    setup: async () => uniqueEmail('signup-busy'),
    call: (email) => new Agent().post('/api/auth/sign-up', { email, password: PASSWORD }, { 'x-forwarded-for': `address-${email}` }),
    status: 202,
  }),
  counted({
    name: 'POST /auth/confirm (a wrong code)',
    setup: async () => (await signedInAgent('confirm-busy')).email,
    call: (email) => new Agent().post('/api/auth/confirm', { email, code: '000000' }),
    status: 400,
  }),
  counted({
    name: 'POST /auth/forgot-password',
    setup: async () => (await signedInAgent('forgot-busy')).email,
    call: (email) => new Agent().post('/api/auth/forgot-password', { email }),
    status: 204,
  }),
  counted({
    name: 'POST /auth/mfa/totp (start)',
    setup: () => signedInAgent('totp-start-busy'),
    call: (a) => a.post('/api/auth/mfa/totp', { password: PASSWORD }),
    status: 200,
  }),
  counted({
    name: 'POST /auth/mfa/totp/disable',
    setup: () => withTotp('totp-off-busy'),
    call: (s) => s.a.post('/api/auth/mfa/totp/disable', { password: PASSWORD, code: totp(s.secret) }),
    status: 200,
  }),
  counted({
    name: 'POST /auth/refresh',
    setup: () => signedInAgent('refresh-busy'),
    call: (a) => a.post('/api/auth/refresh'),
    status: 204,
    // A busy moment must not sign her out: her cookies stay for the next try.
    after: (a, res) => {
      if (res.status === 503) expect(a.cookies.has('cn_sid')).toBe(true);
    },
  }),
];

/** Runs `call` with DynamoDB throttled at call `at` (none when undefined); answers the response and how many calls it made. */
async function throttledAt(call: () => Promise<Res>, at?: number): Promise<{ res: Res; calls: number }> {
  const { client } = await dynamo();
  const original = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  let calls = 0;
  vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
    if (calls++ === at) throw new ProvisionedThroughputExceededException({ message: 'throttled (injected)', $metadata: {} });
    return original(command);
  }) as never);
  try {
    return { res: await call(), calls };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('a busy database on the auth routes that only count tries or read', () => {
  afterEach(() => vi.restoreAllMocks());
  const saved = config.SIGNUP_MAX_PER_ADDRESS;

  for (const r of COUNTED) {
    it(`${r.name}: a throttled call answers 503 or the success, never a 500`, async () => {
      // The sign-up limit is off in local mode; on here so that sign-up writes its window.
      config.SIGNUP_MAX_PER_ADDRESS = 50;
      try {
        const dry = await throttledAt(async () => r.call(await r.setup()));
        expect(dry.res.status, `${r.name} dry run: ${JSON.stringify(dry.res.body)}`).toBe(r.status);
        expect(dry.calls).toBeGreaterThan(0);
        for (let at = 0; at < dry.calls; at++) {
          const state = await r.setup();
          const got = await throttledAt(() => r.call(state), at);
          expect([503, r.status], `${r.name}: throttled at call ${at + 1}: ${JSON.stringify(got.res.body)}`).toContain(got.res.status);
          r.after?.(state, got.res);
        }
      } finally {
        config.SIGNUP_MAX_PER_ADDRESS = saved;
      }
    }, 120_000);
  }
});
