import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drainLocalEmail, inLocalDelivery } from '../../functions/email/queue';
import { dynamo } from '../../functions/lib/db';
import { drainLocalSearch, inLocalSearch } from '../../functions/search/changes';
import { keys } from '../../functions/lib/keys';
import { Agent, type Res, applicant, board, expectError, member } from '../helpers';

type KeyedInput = {
  Key?: Record<string, AttributeValue>;
  RequestItems?: Record<string, { Keys?: Record<string, AttributeValue>[] }>;
};

/** Every item key read by key (GetItem, BatchGetItem) while `call` ran, as "pk|sk", and how many requests read them. */
async function keysRead(call: () => Promise<Res>): Promise<{ res: Res; reads: string[]; requests: number }> {
  // Emails queued by what came before (her approval) are delivered in this process, reading the
  // table as they go: they belong to no request measured here.
  await drainLocalEmail();
  await drainLocalSearch();
  const { client } = await dynamo();
  const original = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  const reads: string[] = [];
  let requests = 0;
  vi.spyOn(client, 'send').mockImplementation((async (command: { constructor: { name: string }; input: KeyedInput }) => {
    const name = command.constructor.name;
    if (!inLocalDelivery() && !inLocalSearch() && (name === 'GetItemCommand' || name === 'BatchGetItemCommand')) {
      requests++;
      const input = command.input;
      const read = [input.Key, ...Object.values(input.RequestItems ?? {}).flatMap((r) => r.Keys ?? [])];
      for (const k of read) if (k) reads.push(`${k.pk?.S}|${k.sk?.S}`);
    }
    return original(command);
  }) as never);
  try {
    return { res: await call(), reads, requests };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('signed-in reads', () => {
  it('read her member record once per request, with her session, on every read route', async () => {
    const b = await board();
    const space = await b.post('/api/spaces', { name: `Reads ${Date.now()}`, description: 'test space', audience: 'members' });
    expect(space.status).toBe(201);
    const thread = await b.post(`/api/spaces/${space.body.id}/threads`, { title: 'Read me once', body: 'Opening words' });
    expect(thread.status).toBe(201);
    const other = await member({ displayName: 'Someone Else' }, 'reads-other');
    const m = await member({ displayName: 'Reader' }, 'reads');
    const own = keys.member(m.userId);
    const paths = [
      '/api/me',
      '/api/members/me',
      `/api/members/${other.userId}`,
      `/api/members/${m.userId}`,
      '/api/members?limit=20',
      `/api/threads/${thread.body.id}/posts?limit=20`,
      '/api/notifications?limit=20',
      '/api/matches/suggestions?limit=10',
      '/api/search?q=once',
    ];
    for (const path of paths) {
      const { res, reads } = await keysRead(() => m.get(path));
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect({ path, reads: reads.filter((k) => k === `${own.pk}|${own.sk}`).length }).toEqual({ path, reads: 1 });
      // Her record and her session come in the same request.
      expect({ path, sessionRead: reads.some((k) => k.startsWith(`${own.pk}|SESSION#`)) }).toEqual({ path, sessionRead: true });
    }
  });

  it("read another member's profile, and the blocks between them, in the same request as her session", async () => {
    const target = await member({ displayName: 'Shown Member' }, 'reads-target');
    const m = await member({ displayName: 'Looking Member' }, 'reads-looking');
    const shown = await keysRead(() => m.get(`/api/members/${target.userId}`));
    expect(shown.res.body).toMatchObject({ id: target.userId, displayName: 'Shown Member' });
    expect(shown.requests).toBe(1);
    expect(shown.reads).toEqual(
      expect.arrayContaining([
        `${keys.member(target.userId).pk}|${keys.member(target.userId).sk}`,
        `${keys.blockIn(m.userId, target.userId).pk}|${keys.blockIn(m.userId, target.userId).sk}`,
      ]),
    );

    // A block found in that same read hides her, as before: either way round.
    expect((await target.put(`/api/members/me/blocks/${m.userId}`)).status).toBe(204);
    const hidden = await keysRead(() => m.get(`/api/members/${target.userId}`));
    expectError(hidden.res, 404, 'not_found');
    expect(hidden.requests).toBe(1);
    expect((await m.get(`/api/members/${m.userId}`)).body).toMatchObject({ id: m.userId });
  });

  it('read a thread with her session for its page of posts, and still hide one outside her audience or not published', async () => {
    const b = await board();
    const space = await b.post('/api/spaces', { name: `Posts ${Date.now()}`, description: 'test space', audience: 'members' });
    const boardSpace = await b.post('/api/spaces', { name: `Board ${Date.now()}`, description: 'test space', audience: 'board' });
    const thread = await b.post(`/api/spaces/${space.body.id}/threads`, { title: 'Read with the session', body: 'Opening words' });
    const hiddenThread = await b.post(`/api/spaces/${boardSpace.body.id}/threads`, { title: 'For the board', body: 'Board words' });
    expect([space.status, boardSpace.status, thread.status, hiddenThread.status]).toEqual([201, 201, 201, 201]);
    const m = await member({ displayName: 'Post Reader' }, 'reads-posts');
    const threadKey = keys.thread(thread.body.id);

    const page = await keysRead(() => m.get(`/api/threads/${thread.body.id}/posts?limit=20`));
    expect(page.res.status).toBe(200);
    expect(page.res.body.items.map((p: { body: string }) => p.body)).toEqual(['Opening words']);
    expect(page.requests).toBe(1);
    expect(page.reads).toEqual(
      expect.arrayContaining([`${threadKey.pk}|${threadKey.sk}`, `${keys.member(m.userId).pk}|${keys.member(m.userId).sk}`]),
    );

    expectError(await m.get(`/api/threads/${hiddenThread.body.id}/posts?limit=20`), 404, 'not_found');
    expectError(await m.get('/api/threads/01ARZ3NDEKTSV4RRFFQ69G5FAV/posts?limit=20'), 404, 'not_found');
    expectError(await m.get('/api/threads/not-a-thread/posts?limit=20'), 404, 'not_found');
    const held = await m.post(`/api/spaces/${space.body.id}/threads`, { title: 'Held for the board', body: 'Held words' });
    expect(held.status).toBe(201);
    const other = await member({ displayName: 'Other Post Reader' }, 'reads-posts-other');
    expectError(await other.get(`/api/threads/${held.body.id}/posts?limit=20`), 404, 'not_found');
    expect((await m.get(`/api/threads/${held.body.id}/posts?limit=20`)).status).toBe(200);
  });

  it('still refuses from that one read: 403 to an applicant, 401 (session_ended) to a session ended elsewhere', async () => {
    const other = await member({ displayName: 'Visible Member' }, 'reads-visible');
    const a = await applicant({ displayName: 'Not Yet Member' }, 'reads-applicant');
    expectError(await a.get('/api/members?limit=20'), 403, 'forbidden');
    const refused = await a.get(`/api/members/${other.userId}`);
    expectError(refused, 403, 'forbidden');
    expect(refused.body.error.details[0].code).toBe('membership_not_active');
    expect((await a.get('/api/me')).body).toMatchObject({ id: a.userId, status: 'pending' });

    const m = await member({ displayName: 'Leaving Soon' }, 'reads-leaving');
    const copied = new Agent();
    copied.cookies = new Map(m.cookies);
    expect((await m.post('/api/auth/sign-out')).status).toBe(204);
    const ended = await copied.get(`/api/members/${other.userId}`);
    expectError(ended, 401, 'unauthenticated');
    expect(ended.body.error.details).toEqual([{ path: '', code: 'session_ended', message: expect.any(String) }]);
  });
});
