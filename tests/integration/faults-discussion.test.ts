import { randomUUID } from 'node:crypto';
import { afterEach, describe, it, vi } from 'vitest';
import { type Row, boardThread, heldThread, inAWeek, ok, openCase, reason, row, space, walk } from './faults-harness';
import { board, member } from '../helpers';

/** Every write route of the domain, failed at each DynamoDB call in turn: see faults-harness.ts. */
const ROUTES: Row<unknown>[] = [
  // discussion
  row({
    name: 'POST /spaces',
    setup: board,
    call: (b) => b.post('/api/spaces', { name: 'Faults space', audience: 'members' }),
    status: 201,
  }),
  row({
    name: 'POST /spaces/:id/threads',
    setup: async () => ({ m: await member({}, 'poster'), s: await space() }),
    call: (x) => x.m.post(`/api/spaces/${x.s}/threads`, { title: 'A question', body: 'How do you start?', identity: 'named' }),
    status: 201,
  }),
  row({
    name: 'POST /threads/:id/posts',
    setup: async () => ({ m: await member({}, 'poster'), t: await boardThread() }),
    call: (x) => x.m.post(`/api/threads/${x.t.threadId}/posts`, { body: 'A reply', identity: 'named' }),
    status: 201,
  }),
  row({
    name: 'PATCH /posts/:id',
    setup: boardThread,
    call: (t) => t.a.req('PATCH', `/api/posts/${t.post.id}`, { body: 'Better words', version: t.post.version }),
    status: 200,
  }),
  row({
    name: 'DELETE /posts/:id',
    setup: async () => {
      const t = await boardThread();
      const reply = await ok(t.a.post(`/api/threads/${t.threadId}/posts`, { body: 'A reply', identity: 'named' }), 201);
      return { a: t.a, id: reply.body.id as string };
    },
    call: (x) => x.a.del(`/api/posts/${x.id}`),
    status: 200,
  }),
  // moderation
  row({
    name: 'POST /moderation/posts/:id/approve',
    setup: heldThread,
    call: (h) => h.b.post(`/api/moderation/posts/${h.postId}/approve`, reason),
    status: 200,
  }),
  row({
    name: 'POST /moderation/posts/:id/reject',
    setup: heldThread,
    call: (h) => h.b.post(`/api/moderation/posts/${h.postId}/reject`, reason),
    status: 200,
  }),
  row({
    name: 'POST /moderation/posts/:id/hide',
    setup: boardThread,
    call: (t) => t.b.post(`/api/moderation/posts/${t.post.id}/hide`, reason),
    status: 200,
  }),
  row({
    name: 'POST /moderation/posts/:id/restore',
    setup: async () => {
      const t = await boardThread();
      await ok(t.b.post(`/api/moderation/posts/${t.post.id}/hide`, reason));
      return t;
    },
    call: (t) => t.b.post(`/api/moderation/posts/${t.post.id}/restore`, reason),
    status: 200,
  }),
  ...(['lock', 'pin'] as const).flatMap((action) => [
    row({
      name: `POST /moderation/threads/:id/${action}`,
      setup: boardThread,
      call: (t) => t.b.post(`/api/moderation/threads/${t.threadId}/${action}`, reason),
      status: 200,
    }),
    row({
      name: `POST /moderation/threads/:id/un${action}`,
      setup: async () => {
        const t = await boardThread();
        await ok(t.b.post(`/api/moderation/threads/${t.threadId}/${action}`, reason));
        return t;
      },
      call: (t) => t.b.post(`/api/moderation/threads/${t.threadId}/un${action}`, reason),
      status: 200,
    }),
  ]),
  row({
    name: 'POST /reports',
    setup: async () => Promise.all([member({}, 'reporter'), member({}, 'reported')]),
    call: ([a, b]) => a.post('/api/reports', { targetType: 'member', targetId: b.userId, reason: 'spam' }),
    status: 201,
  }),
  row({
    name: 'POST /moderation/cases/:id/resolve',
    setup: openCase,
    call: (s) => s.b.post(`/api/moderation/cases/${s.caseId}/resolve`, { outcome: 'dismissed', reason: 'Within the guidelines' }),
    status: 200,
  }),
  ...(['warn', 'read_only', 'suspend'] as const).map((type) =>
    row({
      name: `POST /moderation/members/:id/sanctions (${type})`,
      setup: async () => ({ b: await board(), m: await member({}, 'sanctioned') }),
      call: (s) =>
        s.b.post(`/api/moderation/members/${s.m.userId}/sanctions`, {
          type,
          reason: 'Keep names out',
          ...(type === 'warn' ? {} : { until: inAWeek() }),
        }),
      status: 201,
    }),
  ),
  row({
    name: 'POST /moderation/members/:id/sanctions/:sanctionId/lift',
    setup: async () => {
      const [b, m] = await Promise.all([board(), member({}, 'lifted')]);
      const body = { type: 'read_only', reason: 'Keep names out', until: inAWeek() };
      const sanction = await ok(b.post(`/api/moderation/members/${m.userId}/sanctions`, body), 201);
      return { b, m, id: sanction.body.id as string };
    },
    call: (s) => s.b.post(`/api/moderation/members/${s.m.userId}/sanctions/${s.id}/lift`, { reason: 'She understood' }),
    status: 200,
  }),
  row({
    name: 'PUT /moderation/rules',
    // The rules are one item for the whole network: each set-up leaves exactly one word of this
    // test's own (a UUID) among the others, and the call swaps it for a new one.
    setup: async () => {
      const b = await board();
      const ours = (w: string) => /^[0-9a-f-]{36}$/.test(w);
      let rules = (await ok(b.get('/api/moderation/rules'))).body as { watchedWords: string[]; version: number };
      if (rules.watchedWords.filter(ours).length !== 1) {
        const words = [...rules.watchedWords.filter((w) => !ours(w)), randomUUID()];
        rules = (await ok(b.put('/api/moderation/rules', { watchedWords: words, version: rules.version }))).body;
      }
      return { b, rules };
    },
    call: (s) =>
      s.b.put('/api/moderation/rules', {
        watchedWords: [...s.rules.watchedWords.filter((w) => !/^[0-9a-f-]{36}$/.test(w)), randomUUID()],
        version: s.rules.version,
      }),
    status: 200,
  }),
];

describe('a failure in the middle of a write (discussion, moderation)', () => {
  afterEach(() => vi.restoreAllMocks());

  for (const r of ROUTES) {
    it(
      `${r.name}: a throttled or lost call answers 503 or the contract's conflict and leaves all of the change or none`,
      () => walk(r),
      120_000,
    );
  }
});
