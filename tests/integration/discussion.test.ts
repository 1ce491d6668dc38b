import { describe, expect, it } from 'vitest';
import { TABLE, db, toAttr, values } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { listAudit } from '../../functions/moderation/audit';
import { type Agent, anotherBoardMember, applicant, awayFromWindowEdge, board, expectError, member } from '../helpers';

async function space(audience: 'members' | 'practitioners' | 'board') {
  const b = await board();
  const res = await b.post('/api/spaces', { name: `${audience} ${Date.now()}`, description: 'test space', audience });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/**
 * A member whose earlier posts were published, so hers are no longer held for being new. Set in
 * the table directly: going through the API would spend her posting rate limit before the test.
 */
async function trusted(extra: Parameters<typeof member>[0] = {}): Promise<Agent> {
  const m = await member(extra);
  await db.updateItem({
    TableName: TABLE,
    Key: toAttr(keys.posterStats(m.userId)),
    UpdateExpression: 'SET published = :n',
    ExpressionAttributeValues: values({ ':n': 3 }),
  });
  return m;
}

describe('audiences', () => {
  it('shows each space only to its audience; outside it the space, its threads and posts are 404', async () => {
    const practitionersOnly = await space('practitioners');
    const boardOnly = await space('board');
    const champion = await member({ kind: 'champion' });
    const practitioner = await member();
    const b = await board();
    const t = await b.post(`/api/spaces/${practitionersOnly}/threads`, {
      title: 'Barriers we face',
      body: 'Share yours.',
      identity: 'named',
    });
    expect(t.body.state).toBe('published'); // the board's posts are never held

    const all = async (a: Agent) => {
      const items: { id: string; audience: string; audienceSize?: number }[] = [];
      let cursor: string | null = null;
      do {
        const res = await a.get(`/api/spaces?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        items.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      return items;
    };
    const ids = async (a: Agent) => (await all(a)).map((s) => s.id);
    expect(await ids(practitioner)).toContain(practitionersOnly);
    expect(await ids(practitioner)).not.toContain(boardOnly);
    expect(await ids(champion)).not.toContain(practitionersOnly);
    expect(await ids(b)).toEqual(expect.arrayContaining([practitionersOnly, boardOnly]));
    // Each space says how many members can read it (the composer's "visible to N members").
    const listed = await all(b);
    const sizeOf = (id: string) => listed.find((x) => x.id === id)?.audienceSize;
    expect(sizeOf(practitionersOnly)).toBeGreaterThanOrEqual(2);
    const membersSpace = await space('members');
    expect(sizeOf(membersSpace) ?? (await all(b)).find((x) => x.id === membersSpace)?.audienceSize).toBeGreaterThan(
      sizeOf(practitionersOnly) ?? 0,
    );
    expect(sizeOf(boardOnly)).toBeUndefined();

    expectError(await champion.get(`/api/spaces/${practitionersOnly}/threads`), 404, 'not_found');
    expectError(await champion.post(`/api/spaces/${practitionersOnly}/threads`, { title: 'x', body: 'y' }), 404, 'not_found');
    expectError(await champion.get(`/api/threads/${t.body.id}`), 404, 'not_found');
    expectError(await champion.get(`/api/threads/${t.body.id}/posts`), 404, 'not_found');
    expectError(await champion.post(`/api/threads/${t.body.id}/posts`, { body: 'hi' }), 404, 'not_found');
    expectError(await practitioner.get(`/api/spaces/${boardOnly}/threads`), 404, 'not_found');
    expect((await practitioner.get(`/api/threads/${t.body.id}/posts`)).body.items[0].body).toBe('Share yours.');
    expectError(await (await applicant()).get('/api/spaces'), 403, 'forbidden');
  });

  it('lets only the board create spaces (403), with an audit entry', async () => {
    const m = await member();
    expectError(await m.post('/api/spaces', { name: 'Mine', audience: 'members' }), 403, 'forbidden');
    const b = await board();
    expectError(await b.post('/api/spaces', { name: 'Bad', audience: 'everyone' }), 400, 'validation_failed');
    const id = await space('members');
    expect((await listAudit({ limit: 50, scope: 't' })).items.find((e) => e.targetId === id)).toMatchObject({
      action: 'space.create',
      actorId: b.userId,
    });
  });
});

describe('held for review', () => {
  it('holds a new member’s first posts; the author sees it held and why, others do not see it', async () => {
    const s = await space('members');
    const m = await member();
    const other = await member();
    const res = await m.post(`/api/spaces/${s}/threads`, { title: 'First thread', body: 'Hello network', identity: 'named' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'pending', heldReasons: ['first_posts'] });
    expect((await m.get(`/api/threads/${res.body.id}`)).body.state).toBe('pending');
    expectError(await other.get(`/api/threads/${res.body.id}`), 404, 'not_found');
    const listed = (await other.get(`/api/spaces/${s}/threads?limit=50`)).body.items.map((t: { id: string }) => t.id);
    expect(listed).not.toContain(res.body.id);
    expect((await m.get(`/api/spaces/${s}/threads?limit=50`)).body.items.map((t: { id: string }) => t.id)).toContain(res.body.id);
  });

  it('holds every anonymous post and posts with personal data, even from trusted members, and says why', async () => {
    const s = await space('members');
    const m = await trusted();
    const named = await m.post(`/api/spaces/${s}/threads`, {
      title: 'Interviewing survivors',
      body: 'What worked for us.',
      identity: 'named',
    });
    expect(named.body.state).toBe('published');
    const anon = await m.post(`/api/threads/${named.body.id}/posts`, { body: 'I was pressured to drop a case.', identity: 'anonymous' });
    expect(anon.body).toMatchObject({ state: 'pending', heldReasons: ['anonymous'] });
    const cnic = await m.post(`/api/threads/${named.body.id}/posts`, { body: 'Her CNIC is ٣٥٢٠٢-١٢٣٤٥٦٧-١', identity: 'named' });
    expect(cnic.body).toMatchObject({ state: 'pending', heldReasons: ['national_id'] });
    const b = await board();
    const queue = (await b.get('/api/moderation/queue?limit=50')).body.items;
    const held = queue.find((q: { id: string }) => q.id === anon.body.id);
    expect(held).toMatchObject({ type: 'post', heldReasons: ['anonymous'], post: { authorId: m.userId, identity: 'anonymous' } });
    expect(held.thread).toEqual({ id: named.body.id, title: 'Interviewing survivors' });
  });

  it('approves and rejects held posts with a reason the author sees; one of two simultaneous decisions wins', async () => {
    const s = await space('members');
    const m = await member();
    const reader = await member();
    const b1 = await board();
    const t1 = (await m.post(`/api/spaces/${s}/threads`, { title: 'Held one', body: 'Body one', identity: 'named' })).body;
    const t2 = (await m.post(`/api/spaces/${s}/threads`, { title: 'Held two', body: 'Body two', identity: 'named' })).body;
    const p1 = (await b1.get(`/api/threads/${t1.id}/posts`)).body.items[0].id;
    const p2 = (await b1.get(`/api/threads/${t2.id}/posts`)).body.items[0].id;

    expectError(await m.post(`/api/moderation/posts/${p1}/approve`, { reason: 'self' }), 403, 'forbidden');
    expectError(await b1.post(`/api/moderation/posts/${p1}/approve`, {}), 400, 'validation_failed');
    const b2 = await member({ displayName: 'Board Two' }, 'board-two');
    const { makeBoard } = await import('../helpers');
    await makeBoard(b2);
    const [r1, r2] = await Promise.all([
      b1.post(`/api/moderation/posts/${p1}/approve`, { reason: 'Useful' }),
      b2.post(`/api/moderation/posts/${p1}/reject`, { reason: 'Off topic' }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);

    const rejected = await b1.post(`/api/moderation/posts/${p2}/reject`, { reason: 'Names a victim' });
    expect(rejected.body.state).toBe('hidden');
    const own = (await m.get(`/api/threads/${t2.id}/posts`)).body.items[0];
    expect(own).toMatchObject({ state: 'hidden', moderationReason: 'Names a victim' });
    expectError(await reader.get(`/api/threads/${t2.id}`), 404, 'not_found');
    const notes = (await m.get('/api/notifications?limit=5')).body.items.map((n: { type: string }) => n.type);
    expect(notes).toContain('post.rejected');
    expectError(await b1.post(`/api/moderation/posts/${p2}/approve`, { reason: 'again' }), 409, 'conflict');
  });
});

describe('posting', () => {
  it('shows an anonymous post without its author to members, with the author to the board', async () => {
    const s = await space('members');
    const m = await trusted();
    const b = await board();
    const t = (await b.post(`/api/spaces/${s}/threads`, { title: 'Open thread', body: 'Start', identity: 'named' })).body;
    const anon = (await m.post(`/api/threads/${t.id}/posts`, { body: 'Anonymous account', identity: 'anonymous' })).body;
    await b.post(`/api/moderation/posts/${anon.id}/approve`, { reason: 'ok' });
    const reader = await member();
    const seen = (await reader.get(`/api/threads/${t.id}/posts`)).body.items.find((p: { id: string }) => p.id === anon.id);
    expect(seen).toMatchObject({ authorId: null, authorName: 'Anonymous member', identity: 'anonymous' });
    expect(JSON.stringify(seen)).not.toContain(m.userId);
    const boardSees = (await b.get(`/api/threads/${t.id}/posts`)).body.items.find((p: { id: string }) => p.id === anon.id);
    expect(boardSees).toMatchObject({ authorId: m.userId, authorName: 'Test Member' });
    expect((await b.get('/api/notifications?limit=5')).body.items.map((n: { type: string }) => n.type)).toContain('thread.reply');
  });

  it('never names the author of an anonymous thread to members: not in the space’s list, the thread, nor its opening post', async () => {
    const s = await space('members');
    const m = await trusted({ displayName: 'Hidden Opener' });
    const b = await board();
    const t = (
      await m.post(`/api/spaces/${s}/threads`, { title: 'Said without my name', body: 'What happened to me', identity: 'anonymous' })
    ).body;
    expect(t.state).toBe('pending');
    const opening = (await m.get(`/api/threads/${t.id}/posts`)).body.items[0];
    expect((await b.post(`/api/moderation/posts/${opening.id}/approve`, { reason: 'ok' })).status).toBe(200);

    const reader = await member();
    const listed: Record<string, unknown>[] = [];
    let cursor: string | null = null;
    do {
      const res = await reader.get(`/api/spaces/${s}/threads?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      listed.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    const inList = listed.find((x) => x.id === t.id);
    const thread = await reader.get(`/api/threads/${t.id}`);
    const posts = await reader.get(`/api/threads/${t.id}/posts`);
    expect(thread.status).toBe(200);
    for (const seen of [inList, thread.body, posts.body.items[0]]) {
      expect(seen).toMatchObject({ authorId: null, authorName: 'Anonymous member', identity: 'anonymous' });
    }
    for (const body of [listed, thread.body, posts.body]) {
      expect(JSON.stringify(body)).not.toContain(m.userId);
      expect(JSON.stringify(body)).not.toContain('Hidden Opener');
    }
    // She and the board still see who wrote it.
    expect((await m.get(`/api/threads/${t.id}`)).body).toMatchObject({ authorId: m.userId });
    expect((await b.get(`/api/threads/${t.id}`)).body).toMatchObject({ authorId: m.userId, authorName: 'Hidden Opener' });
    expect((await b.get(`/api/threads/${t.id}/posts`)).body.items[0]).toMatchObject({ authorId: m.userId, authorName: 'Hidden Opener' });
  });

  it('edits with the version (409 when stale), removes, and refuses the wrong member', async () => {
    const s = await space('members');
    const m = await trusted();
    const other = await member();
    const t = (await m.post(`/api/spaces/${s}/threads`, { title: 'Editable', body: 'First words', identity: 'named' })).body;
    const post = (await m.get(`/api/threads/${t.id}/posts`)).body.items[0];
    expectError(await other.req('PATCH', `/api/posts/${post.id}`, { body: 'hijack', version: post.version }), 403, 'forbidden');
    const edited = await m.req('PATCH', `/api/posts/${post.id}`, { body: 'Better words', version: post.version });
    expect(edited.body).toMatchObject({ body: 'Better words', version: post.version + 1, state: 'published' });
    expectError(await m.req('PATCH', `/api/posts/${post.id}`, { body: 'Lost', version: post.version }), 409, 'conflict');
    // Held for the phone number, not refused for a stale version or a state: the reason says which 409.
    const held = await m.req('PATCH', `/api/posts/${post.id}`, { body: 'Call +92 300 1234567', version: post.version + 1 });
    expectError(held, 409, 'conflict');
    expect(held.body.error.details).toEqual([{ path: '', code: 'opening_post_held', message: expect.any(String) }]);
    expect((await m.get(`/api/threads/${t.id}/posts`)).body.items[0]).toMatchObject({ body: 'Better words', state: 'published' });
    expectError(await other.del(`/api/posts/${post.id}`), 403, 'forbidden');
    expect((await m.del(`/api/posts/${post.id}`)).body.state).toBe('removed');
    expect((await other.get(`/api/threads/${t.id}/posts`)).body.items[0]).toMatchObject({ state: 'removed', body: '' });
    expectError(await m.req('PATCH', '/api/posts/nope', { body: 'x', version: 1 }), 404, 'not_found');
  });

  it('refuses replies to a locked thread (409); pins come first; only the board locks and pins', async () => {
    const s = await space('members');
    const m = await trusted();
    const b = await anotherBoardMember();
    const older = (await b.post(`/api/spaces/${s}/threads`, { title: 'Older', body: 'a', identity: 'named' })).body;
    const newer = (await b.post(`/api/spaces/${s}/threads`, { title: 'Newer', body: 'b', identity: 'named' })).body;
    expectError(await m.post(`/api/moderation/threads/${older.id}/lock`, { reason: 'x' }), 403, 'forbidden');
    expect((await b.post(`/api/moderation/threads/${older.id}/pin`, { reason: 'Guidelines' })).body.pinned).toBe(true);
    const order = (await m.get(`/api/spaces/${s}/threads`)).body.items.map((t: { id: string }) => t.id);
    expect(order.slice(0, 2)).toEqual([older.id, newer.id]);
    expect((await b.post(`/api/moderation/threads/${newer.id}/lock`, { reason: 'Resolved' })).body.locked).toBe(true);
    expectError(await b.post(`/api/moderation/threads/${newer.id}/lock`, { reason: 'again' }), 409, 'conflict');
    expectError(await m.post(`/api/threads/${newer.id}/posts`, { body: 'late reply', identity: 'named' }), 409, 'conflict');
    expect((await b.post(`/api/moderation/threads/${newer.id}/unlock`, { reason: 'Reopened' })).body.locked).toBe(false);
    expect((await m.post(`/api/threads/${newer.id}/posts`, { body: 'now it works', identity: 'named' })).status).toBe(201);
    const actions = (await b.get('/api/moderation/audit?limit=50')).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['thread.pin', 'thread.lock', 'thread.unlock']));
    expectError(await m.get('/api/moderation/audit'), 403, 'forbidden');
  });

  it('hides and restores a published post with a reason the author sees, audited; members may not', async () => {
    const s = await space('members');
    const m = await trusted();
    const reader = await member();
    const b = await board();
    const t = (await m.post(`/api/spaces/${s}/threads`, { title: 'Visible', body: 'Opening words', identity: 'named' })).body;
    const reply = (await m.post(`/api/threads/${t.id}/posts`, { body: 'A reply to hide', identity: 'named' })).body;
    expectError(await reader.post(`/api/moderation/posts/${reply.id}/hide`, { reason: 'x' }), 403, 'forbidden');
    expect((await b.post(`/api/moderation/posts/${reply.id}/hide`, { reason: 'Identifies a victim' })).body.state).toBe('hidden');
    expectError(await b.post(`/api/moderation/posts/${reply.id}/hide`, { reason: 'again' }), 409, 'conflict');
    expect((await reader.get(`/api/threads/${t.id}/posts`)).body.items.map((p: { id: string }) => p.id)).not.toContain(reply.id);
    const own = (await m.get(`/api/threads/${t.id}/posts`)).body.items.find((p: { id: string }) => p.id === reply.id);
    expect(own).toMatchObject({ state: 'hidden', moderationReason: 'Identifies a victim' });
    expect((await m.get('/api/notifications')).body.items[0].type).toBe('post.hidden');
    expect((await b.post(`/api/moderation/posts/${reply.id}/restore`, { reason: 'Edited by agreement' })).body.state).toBe('published');
    const actions = (await b.get('/api/moderation/audit?limit=50')).body.items.filter((e: { targetId: string }) => e.targetId === reply.id);
    expect(actions.map((e: { action: string }) => e.action)).toEqual(['post.restore', 'post.hide']);
    // Each entry names its board member and, for a post, the thread it is in.
    expect(actions[0]).toMatchObject({ actorId: b.userId, actorName: 'Board Member', targetType: 'post', threadId: t.id });
  });

  it('takes simultaneous replies to one busy thread without refusing any', async () => {
    const s = await space('members');
    const b = await anotherBoardMember();
    const t = (await b.post(`/api/spaces/${s}/threads`, { title: 'Busy', body: 'Reply here', identity: 'named' })).body;
    const repliers = await Promise.all(Array.from({ length: 8 }, () => trusted()));
    const results = await Promise.all(
      repliers.map((m, i) => m.post(`/api/threads/${t.id}/posts`, { body: `Reply ${i}`, identity: 'named' })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect((await b.get(`/api/threads/${t.id}`)).body.replyCount).toBe(8);
  });

  it('limits posting to 5 a minute per member (429 with retry-after)', async () => {
    const s = await space('members');
    const m = await member();
    await awayFromWindowEdge(60);
    for (let i = 0; i < 5; i++)
      expect((await m.post(`/api/spaces/${s}/threads`, { title: `T${i}`, body: 'b', identity: 'named' })).status).toBe(201);
    const sixth = await m.post(`/api/spaces/${s}/threads`, { title: 'T6', body: 'b', identity: 'named' });
    expectError(sixth, 429, 'rate_limited');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps an erased member’s posts in their threads as "Former member"', async () => {
    const s = await space('members');
    const m = await trusted();
    const b = await board();
    const t = (await m.post(`/api/spaces/${s}/threads`, { title: 'Before I leave', body: 'Lessons learnt', identity: 'named' })).body;
    expect((await m.del('/api/members/me')).status).toBe(202);
    const post = (await b.get(`/api/threads/${t.id}/posts`)).body.items[0];
    expect(post).toMatchObject({ body: 'Lessons learnt', authorId: null, authorName: 'Former member' });
    expect((await b.get(`/api/threads/${t.id}`)).body).toMatchObject({ authorId: null, authorName: 'Former member' });
  });

  it('accepts raw HTML and stores it as text', async () => {
    const s = await space('members');
    const b = await anotherBoardMember();
    const body = '<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))';
    const t = (await b.post(`/api/spaces/${s}/threads`, { title: 'HTML', body, identity: 'named' })).body;
    expect((await b.get(`/api/threads/${t.id}/posts`)).body.items[0].body).toBe(body);
  });
});

describe('her posts in her data', () => {
  it('exports every post she wrote, held and anonymous ones included, and none of anyone else’s', async () => {
    const s = await space('members');
    const m = await trusted();
    const other = await member();
    const t = (await m.post(`/api/spaces/${s}/threads`, { title: 'Mine to export', body: 'My opening words', identity: 'named' })).body;
    const anon = (await m.post(`/api/threads/${t.id}/posts`, { body: 'Said without my name', identity: 'anonymous' })).body;
    expect(anon.state).toBe('pending');
    const posts = (await m.get('/api/members/me/export')).body.posts;
    expect(posts.map((p: { body: string }) => p.body).sort()).toEqual(['My opening words', 'Said without my name']);
    expect(posts.find((p: { id: string }) => p.id === anon.id)).toMatchObject({ identity: 'anonymous', threadId: t.id, state: 'pending' });
    expect((await other.get('/api/members/me/export')).body.posts).toEqual([]);
  });
});
