import { afterAll, describe, expect, it } from 'vitest';
import { TABLE, db, toAttr, values } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { listAudit } from '../../functions/moderation/audit';
import { Agent, anotherBoardMember, applicant, awayFromWindowEdge, board, expectError, member, signedInAgent } from '../helpers';

type QueueItem = { type: string; id: string; from?: { memberId: string; displayName: string | null }; body?: string; at?: string };

/** The message's item in the board's queue, read page by page. */
async function inQueue(b: Agent, id: string): Promise<QueueItem | undefined> {
  let cursor: string | null = null;
  do {
    const res = await b.get(`/api/moderation/queue?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    const found = (res.body.items as QueueItem[]).find((i) => i.type === 'message' && i.id === id);
    if (found) return found;
    cursor = res.body.nextCursor;
  } while (cursor);
  return undefined;
}

describe('messages to the advisory board', () => {
  // Answer whatever these tests left open, so the shared queue's first page stays for other files.
  afterAll(async () => {
    const b = await board();
    const res = await b.get('/api/moderation/queue?limit=50');
    let cursor: string | null = null;
    do {
      const page: { items: QueueItem[]; nextCursor: string | null } = cursor
        ? (await b.get(`/api/moderation/queue?limit=50&cursor=${encodeURIComponent(cursor)}`)).body
        : res.body;
      for (const item of page.items as QueueItem[]) {
        if (item.type === 'message' && item.from?.memberId !== b.userId)
          await b.post(`/api/moderation/messages/${item.id}/handle`, { reply: 'Done.' });
      }
      cursor = page.nextCursor;
    } while (cursor);
  });

  it('lets an applicant write to the board; the board sees it in its queue with her name', async () => {
    const a = await applicant({ displayName: 'Writing Applicant' });
    const res = await a.post('/api/members/me/board-messages', { body: 'When will my application be decided?' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: expect.any(String), body: 'When will my application be decided?', state: 'open' });
    const b = await board();
    expect(await inQueue(b, res.body.id)).toEqual({
      type: 'message',
      id: res.body.id,
      from: { memberId: a.userId, displayName: 'Writing Applicant' },
      body: 'When will my application be decided?',
      at: res.body.at,
    });
  });

  it('lets an account without a profile write too (no name to show), and a declined applicant', async () => {
    const fresh = await signedInAgent('no-profile');
    const res = await fresh.post('/api/members/me/board-messages', { body: 'I cannot finish my application.' });
    expect(res.status).toBe(201);
    expect((await inQueue(await board(), res.body.id))?.from).toEqual({ memberId: fresh.userId, displayName: null });
    const declined = await applicant();
    await (await board()).post(`/api/board/applications/${declined.userId}/decision`, { decision: 'decline', reason: 'No' });
    expect((await declined.post('/api/members/me/board-messages', { body: 'Why was I declined?' })).status).toBe(201);
  });

  it('shows her own messages to her only: another member gets 404, a signed-out visitor 401', async () => {
    const a = await member();
    const sent = (await a.post('/api/members/me/board-messages', { body: 'A private question.' })).body;
    const list = (await a.get('/api/members/me/board-messages')).body;
    expect(list.items.map((m: { id: string }) => m.id)).toEqual([sent.id]);
    expect((await a.get(`/api/members/me/board-messages/${sent.id}`)).body).toEqual(sent);
    const other = await member();
    expectError(await other.get(`/api/members/me/board-messages/${sent.id}`), 404, 'not_found');
    expect((await other.get('/api/members/me/board-messages')).body.items).toEqual([]);
    expectError(await other.get('/api/members/me/board-messages/not-an-id'), 404, 'not_found');
    expectError(await new Agent().post('/api/members/me/board-messages', { body: 'hello' }), 401, 'unauthenticated');
    expectError(await new Agent().get('/api/members/me/board-messages'), 401, 'unauthenticated');
  });

  it('refuses an empty, oversized or unknown-field body with 400', async () => {
    const a = await member();
    expectError(await a.post('/api/members/me/board-messages', { body: '  ' }), 400, 'validation_failed');
    expectError(await a.post('/api/members/me/board-messages', { body: 'x'.repeat(4001) }), 400, 'validation_failed');
    expectError(await a.post('/api/members/me/board-messages', { body: 'hi', to: 'someone' }), 400, 'validation_failed');
    expectError(await a.post('/api/members/me/board-messages', {}), 400, 'validation_failed');
  });

  it('never accepts more than the hourly limit from one account, under concurrent sends', async () => {
    await awayFromWindowEdge(3600, 30);
    const a = await member();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => a.post('/api/members/me/board-messages', { body: `Message ${i}` })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    for (const r of answers.filter((x) => x.status !== 201)) {
      expectError(r, 429, 'rate_limited');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect((await a.get('/api/members/me/board-messages')).body.items).toHaveLength(3);
    // Another account's allowance is her own.
    expect((await (await member()).post('/api/members/me/board-messages', { body: 'Mine' })).status).toBe(201);
  });

  it('lets the board reply once: the message leaves the queue, she is notified and sees the reply, and it is audited', async () => {
    const a = await applicant();
    const sent = (await a.post('/api/members/me/board-messages', { body: 'Can I add a referee?' })).body;
    const b = await board();
    expectError(await b.post(`/api/moderation/messages/${sent.id}/handle`, { reply: '' }), 400, 'validation_failed');
    const res = await b.post(`/api/moderation/messages/${sent.id}/handle`, { reply: 'Yes: add it to your statement.' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: sent.id,
      state: 'handled',
      reply: 'Yes: add it to your statement.',
      handledAt: expect.any(String),
    });
    expect(await inQueue(b, sent.id)).toBeUndefined();
    expectError(await b.post(`/api/moderation/messages/${sent.id}/handle`, { reply: 'Again' }), 409, 'conflict');
    const mine = (await a.get(`/api/members/me/board-messages/${sent.id}`)).body;
    expect(mine).toMatchObject({ state: 'handled', reply: 'Yes: add it to your statement.' });
    expect(JSON.stringify(mine)).not.toContain(b.userId);
    const notes = (await a.get('/api/notifications')).body.items;
    expect(notes[0]).toMatchObject({ type: 'boardMessage.answered', link: '/contact-board', read: false });
    const audit = await listAudit({ limit: 50, scope: 't' });
    expect(audit.items.find((e) => e.targetId === sent.id)).toMatchObject({
      action: 'message.handle',
      targetType: 'message',
      actorId: b.userId,
    });
  });

  it('answers a message once when two board members reply at the same time', async () => {
    const a = await member();
    const sent = (await a.post('/api/members/me/board-messages', { body: 'Two answers?' })).body;
    const [b1, b2] = [await board(), await anotherBoardMember()];
    const answers = await Promise.all(
      [b1, b2, b1, b2].map((b, i) => b.post(`/api/moderation/messages/${sent.id}/handle`, { reply: `R${i}` })),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of answers.filter((x) => x.status !== 200)) expectError(r, 409, 'conflict');
    const notes = (await a.get('/api/notifications')).body.items.filter((n: { type: string }) => n.type === 'boardMessage.answered');
    expect(notes).toHaveLength(1);
  });

  it('refuses the reply to non-board callers (403), an unknown id (404), and her own message to a board member (403)', async () => {
    const a = await member();
    const sent = (await a.post('/api/members/me/board-messages', { body: 'Only the board answers.' })).body;
    expectError(await a.post(`/api/moderation/messages/${sent.id}/handle`, { reply: 'Myself' }), 403, 'forbidden');
    expectError(await (await applicant()).post(`/api/moderation/messages/${sent.id}/handle`, { reply: 'x' }), 403, 'forbidden');
    const b = await board();
    expectError(await b.post('/api/moderation/messages/01J00000000000000000000000/handle', { reply: 'x' }), 404, 'not_found');
    expectError(await b.post('/api/moderation/messages/nope/handle', { reply: 'x' }), 404, 'not_found');
    const own = (await b.post('/api/members/me/board-messages', { body: 'From a board member' })).body;
    expectError(await b.post(`/api/moderation/messages/${own.id}/handle`, { reply: 'x' }), 403, 'forbidden');
    expect((await (await anotherBoardMember()).post(`/api/moderation/messages/${own.id}/handle`, { reply: 'Done' })).status).toBe(200);
  });

  it('lets a suspended member still write to the board', async () => {
    const a = await member();
    const b = await board();
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expect((await b.post(`/api/moderation/members/${a.userId}/sanctions`, { type: 'suspend', until, reason: 'Spam' })).status).toBe(201);
    expectError(await a.get('/api/members'), 403, 'forbidden');
    expect((await a.post('/api/members/me/board-messages', { body: 'Please review my suspension.' })).status).toBe(201);
  });

  it('puts her messages in her export and removes them, queue entry included, when she erases her account', async () => {
    const a = await applicant();
    const sent = (await a.post('/api/members/me/board-messages', { body: 'Erase me later.' })).body;
    expect((await a.get('/api/members/me/export')).body.boardMessages).toEqual([
      expect.objectContaining({ body: 'Erase me later.', state: 'open' }),
    ]);
    expect((await a.del('/api/members/me')).status).toBe(202);
    const left = await db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: values({ ':pk': keys.member(a.userId).pk, ':p': keys.boardMessagePrefix }),
    });
    expect(left.Items ?? []).toEqual([]);
    expect(await inQueue(await board(), sent.id)).toBeUndefined();
    const direct = await db.getItem({ TableName: TABLE, Key: toAttr(keys.boardMessage(a.userId, sent.id)) });
    expect(direct.Item).toBeUndefined();
  });
});
