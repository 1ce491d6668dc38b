import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../functions/lib/db';
import * as memberRepo from '../../functions/members/repository';
import { notificationPut } from '../../functions/notifications/repository';
import { type Agent, applicant, board, makeBoard, member, profile } from '../helpers';

type Notice = { id: string; type: string; at: string; read: boolean; link: string };

/** A board member on the roster: she saves her profile as a board member, as every board member does. */
async function onBoard(tag: string): Promise<Agent> {
  // Letters only: a board member's name is held against lookalikes, so each one must differ.
  const letters = randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 8);
  const displayName = `Board ${letters}`;
  const a = await member({ displayName }, tag);
  await makeBoard(a);
  const { statement: _s, ...edit } = profile({ displayName });
  const res = await a.put('/api/members/me', { ...edit, version: (await a.get('/api/members/me')).body.version });
  expect(res.status).toBe(200);
  return a;
}

async function notices(a: Agent): Promise<Notice[]> {
  const res = await a.get('/api/notifications?limit=50');
  expect(res.status).toBe(200);
  return res.body.items as Notice[];
}

const ofType = async (a: Agent, type: string) => (await notices(a)).filter((n) => n.type === type);

const boardTwo = Promise.all([onBoard('board-one'), onBoard('board-two')]);

describe('notices of what waits for the board', () => {
  it('tells every board member that a new application waits, with a type and a link only', async () => {
    const [one, two] = await boardTwo;
    const since = new Date().toISOString();
    const a = await applicant({ displayName: 'Waiting Applicant' }, 'waiting');
    for (const b of [one, two]) {
      const [n] = await ofType(b, 'board.application');
      expect(n).toBeDefined();
      expect(Object.keys(n ?? {}).sort()).toEqual(['at', 'id', 'link', 'read', 'type']);
      expect(n).toMatchObject({ link: '/board/applications', read: false });
      expect(String(n?.at) >= since).toBe(true);
    }
    expect((await notices(a)).filter((n) => n.type.startsWith('board.'))).toEqual([]);
  });

  it('tells the board when a declined applicant applies again', async () => {
    const [one, two] = await boardTwo;
    const a = await applicant({}, 'again');
    expect((await one.post(`/api/board/applications/${a.userId}/decision`, { decision: 'decline', reason: 'Not yet' })).status).toBe(200);
    // Decided long ago, past any waiting period other tests may set meanwhile.
    const m = await memberRepo.getMember(a.userId);
    if (!m) throw new Error('no profile');
    await memberRepo.replaceMember(m, { ...m, decidedAt: '2016-01-01T00:00:00.000Z', version: m.version + 1 }, m.version);
    const res = await a.post('/api/members/me/application', { statement: 'I now lead the unit.', version: m.version + 1 });
    expect(res.status).toBe(201);
    for (const b of [one, two]) {
      const [n] = await ofType(b, 'board.application');
      expect(n).toMatchObject({ link: '/board/applications', read: false });
      expect(String(n?.at) >= res.body.submittedAt).toBe(true);
    }
  });

  it('never tells members who are not on the board', async () => {
    await boardTwo;
    const m = await member({}, 'not-board');
    await applicant({}, 'another-applicant');
    const r = await m.post('/api/reports', { targetType: 'member', targetId: (await member({}, 'reported')).userId, reason: 'spam' });
    expect(r.status).toBe(201);
    expect((await notices(m)).filter((n) => n.type.startsWith('board.'))).toEqual([]);
  });

  it('does not tell a board member about her own report, and tells the rest of the board', async () => {
    const [one, two] = await boardTwo;
    const reported = await member({}, 'reported');
    const r = await one.post('/api/reports', { targetType: 'member', targetId: reported.userId, reason: 'spam' });
    expect(r.status).toBe(201);
    // Other test files file reports too; a notice written by hers carries her report's time.
    expect((await ofType(one, 'board.case')).filter((n) => n.at === r.body.at)).toEqual([]);
    const [n] = await ofType(two, 'board.case');
    expect(n).toMatchObject({ link: '/board/moderation', read: false });
    expect(String(n?.at) >= r.body.at).toBe(true);
  });

  it('keeps one unread notice per type however many arrive, and a new arrival after reading makes it unread again', async () => {
    const [one] = await boardTwo;
    await Promise.all([1, 2, 3, 4, 5].map((i) => applicant({}, `many-${i}`)));
    const [n, ...more] = await ofType(one, 'board.application');
    expect(more).toEqual([]);
    expect(n?.read).toBe(false);
    // Test files running beside this one register applicants too, and each arrival replaces the
    // notice under a new id (the product's 404 for the old one): list again until one is marked.
    let marked = n;
    await expect
      .poll(
        async () => {
          [marked] = await ofType(one, 'board.application');
          return (await one.post(`/api/notifications/${marked?.id}/read`)).status;
        },
        { timeout: 20_000 },
      )
      .toBe(204);
    expect((await ofType(one, 'board.application')).every((x) => x.read || x.id !== marked?.id)).toBe(true);
    await applicant({}, 'one-more');
    const after = await ofType(one, 'board.application');
    expect(after).toHaveLength(1);
    expect(after[0]?.read).toBe(false);
  });

  it('tells the board of a held thread and of a message to the board, but not the member who wrote them', async () => {
    const [one, two] = await boardTwo;
    const space = await (await board()).post('/api/spaces', { name: `Notices ${Date.now()}`, audience: 'members' });
    expect(space.status).toBe(201);
    const m = await member({}, 'new-poster');
    const since = new Date().toISOString();
    const t = await m.post(`/api/spaces/${space.body.id}/threads`, { title: 'Hello', body: 'My first words', identity: 'named' });
    expect(t.status).toBe(201);
    expect(t.body.heldReasons).toContain('first_posts');
    const msg = await m.post('/api/members/me/board-messages', { body: 'A question for the board.' });
    expect(msg.status).toBe(201);
    for (const b of [one, two]) {
      const held = await ofType(b, 'board.held');
      expect(held).toHaveLength(1);
      expect(held[0]).toMatchObject({ link: '/board/moderation', read: false });
      expect(String(held[0]?.at) >= since).toBe(true);
      const message = await ofType(b, 'board.message');
      expect(message).toHaveLength(1);
      expect(String(message[0]?.at) >= since).toBe(true);
    }
    expect((await notices(m)).filter((n) => n.type.startsWith('board.'))).toEqual([]);
  });

  it('lists the board notices among her own notifications by time on the first page only, never more than the limit, skipping none', async () => {
    const [one] = await boardTwo;
    await applicant({}, 'listed');
    // Five notifications of her own, newer than anything else she has.
    const own: string[] = [];
    for (let i = 0; i < 5; i++) {
      const put = notificationPut(one.userId, 'test.own', '/notifications', new Date(Date.now() + 60_000 + i).toISOString());
      own.push(String(put.Put?.Item?.id?.S));
      await db.transactWrite({ TransactItems: [put] });
    }
    const first = await one.get('/api/notifications?limit=3');
    expect(first.status).toBe(200);
    const items = first.body.items as Notice[];
    expect(items.length).toBe(3);
    const ats = items.map((n) => n.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(items.some((n) => n.type === 'board.application')).toBe(true);
    const seen = items.filter((n) => !n.type.startsWith('board.')).map((n) => n.id);
    let cursor: string | null = first.body.nextCursor;
    while (cursor && !own.every((id) => seen.includes(id))) {
      const next = await one.get(`/api/notifications?limit=3&cursor=${encodeURIComponent(cursor)}`);
      expect(next.status).toBe(200);
      const page = next.body.items as Notice[];
      expect(page.length).toBeLessThanOrEqual(3);
      expect(page.filter((n) => n.type.startsWith('board.'))).toEqual([]);
      seen.push(...page.map((n) => n.id));
      cursor = next.body.nextCursor;
    }
    expect(own.filter((id) => seen.includes(id)).sort()).toEqual([...own].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
});
