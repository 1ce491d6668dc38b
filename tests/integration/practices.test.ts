import { describe, expect, it } from 'vitest';
import { listAudit } from '../../functions/moderation/audit';
import { practiceForAuthor, practiceForReader } from '../../functions/practices/access';
import { Agent, anotherBoardMember, applicant, board, expectError, member } from '../helpers';

type Input = Record<string, unknown>;

const practice = (overrides: Input = {}): Input => ({
  title: 'Joint screening at the border crossing',
  summary: 'Labour inspectors and border police screened arrivals together for signs of trafficking.',
  countries: ['PK', 'AF'],
  themes: ['cooperation', 'protection'],
  done: 'Two officers, one from each service, interviewed arrivals in a private room.',
  worked: 'Women spoke more freely to a woman officer.',
  didNotWork: 'Shifts did not line up at first.',
  language: 'en',
  ...overrides,
});

const session = (a: Agent, isBoard = false) => ({ userId: a.userId, email: a.email, groups: isBoard ? ['board'] : [], isBoard });

async function submitted(a: Agent, overrides: Input = {}) {
  const res = await a.post('/api/practices', practice(overrides));
  expect(res.status).toBe(201);
  return res.body;
}

/** A practice by a member, approved by another board member than the one who reads the queue. */
async function published(a: Agent, overrides: Input = {}) {
  const p = await submitted(a, overrides);
  const res = await (await board()).post(`/api/moderation/practices/${p.id}/approve`, { reason: 'Clear and useful.' });
  expect(res.status).toBe(200);
  return res.body;
}

async function queueItems(b: Agent) {
  const items: { type: string; id: string; practice?: Record<string, unknown>; heldReasons?: string[] }[] = [];
  let cursor: string | null = null;
  do {
    const res = await b.get(`/api/moderation/queue?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

async function listAll(a: Agent, query = '') {
  const items: { id: string; title: string; useful: number; state: string }[] = [];
  let cursor: string | null = null;
  do {
    const res = await a.get(`/api/practices?limit=50${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe('submission and review', () => {
  it('holds a member’s practice for the board, shows it only to her and the board, and publishes it on approval (audited)', async () => {
    const author = await member();
    const other = await member();
    const b = await board();
    const p = await submitted(author);
    expect(p.state).toBe('pending');
    expect(p.authorId).toBe(author.userId);
    expect(p.files).toEqual([]);
    expect(p.useful).toBe(0);

    expect((await author.get(`/api/practices/${p.id}`)).body.state).toBe('pending');
    expectError(await other.get(`/api/practices/${p.id}`), 404, 'not_found');
    expect((await listAll(other)).map((x) => x.id)).not.toContain(p.id);
    expect((await listAll(author, '&mine=true')).map((x) => x.id)).toContain(p.id);

    const queued = (await queueItems(b)).find((i) => i.id === p.id);
    expect(queued?.type).toBe('practice');
    expect(queued?.practice?.title).toBe(p.title);

    const approved = await b.post(`/api/moderation/practices/${p.id}/approve`, { reason: 'Clear and useful.' });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('published');
    expect((await other.get(`/api/practices/${p.id}`)).body.title).toBe(p.title);
    expect((await listAll(other)).map((x) => x.id)).toContain(p.id);
    expect((await queueItems(b)).some((i) => i.id === p.id)).toBe(false);
    const audit = await listAudit({ limit: 50, scope: 'test' });
    expect(audit.items.find((e) => e.targetId === p.id)).toMatchObject({ action: 'practice.approve', targetType: 'practice' });

    // Deciding again is a conflict, not a second decision.
    expectError(await b.post(`/api/moderation/practices/${p.id}/reject`, { reason: 'Late.' }), 409, 'conflict');
  });

  it('lets exactly one of two board members deciding at once win; the other gets 409', async () => {
    const author = await member();
    const p = await submitted(author);
    const [first, second] = [await board(), await anotherBoardMember()];
    const answers = await Promise.all([
      first.post(`/api/moderation/practices/${p.id}/approve`, { reason: 'Publish.' }),
      second.post(`/api/moderation/practices/${p.id}/reject`, { reason: 'Needs work.' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const audit = await listAudit({ limit: 50, scope: 'test' });
    expect(audit.items.filter((e) => e.targetId === p.id)).toHaveLength(1);
  });

  it('publishes the board’s own practice at once, and lets no board member decide her own', async () => {
    const colleague = await anotherBoardMember();
    const own = await submitted(colleague);
    expect(own.state).toBe('published');

    const b = await board();
    const mine = await submitted(b);
    expect(mine.state).toBe('published');
    // Published already: nothing to decide, whoever asks.
    expectError(await colleague.post(`/api/moderation/practices/${mine.id}/approve`, { reason: 'ok' }), 409, 'conflict');
  });

  it('shows a rejected practice’s reason to its author and nobody else', async () => {
    const author = await member();
    const other = await member();
    const p = await submitted(author);
    const rejected = await (await board()).post(`/api/moderation/practices/${p.id}/reject`, { reason: 'Names a victim; please remove.' });
    expect(rejected.status).toBe(200);
    const seen = await author.get(`/api/practices/${p.id}`);
    expect(seen.body).toMatchObject({ state: 'rejected', moderationReason: 'Names a victim; please remove.' });
    expectError(await other.get(`/api/practices/${p.id}`), 404, 'not_found');
    const audit = await listAudit({ limit: 50, scope: 'test' });
    expect(audit.items.find((e) => e.targetId === p.id)?.action).toBe('practice.reject');
  });

  it('holds personal data with the reason shown to the author, as for posts', async () => {
    const author = await member();
    const p = await submitted(author, { worked: 'Call the duty officer on +92 300 1234567 or write to duty@example.org.' });
    expect(p.heldReasons).toEqual(expect.arrayContaining(['phone_number', 'email_address']));
    const queued = (await queueItems(await board())).find((i) => i.id === p.id);
    expect(queued?.heldReasons).toEqual(expect.arrayContaining(['phone_number', 'email_address']));
  });

  it('refuses the moderation routes to members (403) and answers 404 for a practice that does not exist', async () => {
    const m = await member();
    const p = await submitted(m);
    expectError(await m.post(`/api/moderation/practices/${p.id}/approve`, { reason: 'mine' }), 403, 'forbidden');
    expectError(
      await (await board()).post('/api/moderation/practices/01J00000000000000000000000/approve', { reason: 'x' }),
      404,
      'not_found',
    );
    expectError(await (await board()).post(`/api/moderation/practices/${p.id}/approve`, {}), 400, 'validation_failed');
  });

  it('refuses the library to applicants (403) and to the signed out (401)', async () => {
    const a = await applicant();
    expectError(await a.get('/api/practices'), 403, 'forbidden');
    expectError(await a.post('/api/practices', practice()), 403, 'forbidden');
    expectError(await new Agent().get('/api/practices'), 401, 'unauthenticated');
    expect((await (await member()).get('/api/practices')).status).toBe(200);
  });
});

describe('audiences and anonymity', () => {
  it('keeps a practitioners-only practice from champions and a board-only one from everyone but the board', async () => {
    const author = await member();
    const champion = await member({ kind: 'champion' });
    const practitioner = await member();
    const forPractitioners = await published(author, { audience: 'practitioners' });
    const forBoard = await published(author, { audience: 'board' });

    expectError(await champion.get(`/api/practices/${forPractitioners.id}`), 404, 'not_found');
    expect((await listAll(champion)).map((x) => x.id)).not.toContain(forPractitioners.id);
    expect((await practitioner.get(`/api/practices/${forPractitioners.id}`)).status).toBe(200);
    expectError(await practitioner.get(`/api/practices/${forBoard.id}`), 404, 'not_found');
    expectError(await practitioner.put(`/api/practices/${forBoard.id}/useful`), 404, 'not_found');
    expect((await listAll(practitioner)).map((x) => x.id)).not.toContain(forBoard.id);
    expect((await listAll(await board())).map((x) => x.id)).toEqual(expect.arrayContaining([forPractitioners.id, forBoard.id]));
  });

  it('hides an anonymous author from members but not from the board or herself', async () => {
    const author = await member();
    const other = await member();
    const p = await submitted(author, { identity: 'anonymous' });
    expect(p.heldReasons).toContain('anonymous');
    const queued = (await queueItems(await board())).find((i) => i.id === p.id);
    expect(queued?.practice?.authorId).toBe(author.userId);
    await (await board()).post(`/api/moderation/practices/${p.id}/approve`, { reason: 'ok' });

    const seen = await other.get(`/api/practices/${p.id}`);
    expect(seen.body.authorId).toBeNull();
    expect(seen.body.authorName).toBe('Anonymous member');
    expect(JSON.stringify(seen.body)).not.toContain(author.userId);
    const card = (await listAll(other)).find((x) => x.id === p.id);
    expect(JSON.stringify(card)).not.toContain(author.userId);
    expect((await (await board()).get(`/api/practices/${p.id}`)).body.authorId).toBe(author.userId);
    expect((await author.get(`/api/practices/${p.id}`)).body.authorId).toBe(author.userId);
  });
});

describe('versions', () => {
  it('keeps the published version readable while an edit waits, then publishes the edit; stale versions are 409', async () => {
    const author = await member();
    const other = await member();
    const b = await board();
    const p = await published(author);
    const current = await author.get(`/api/practices/${p.id}`);
    const edited = await author.patch(`/api/practices/${p.id}`, { title: 'Joint screening, second year', version: current.body.version });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ state: 'pending', title: 'Joint screening, second year', revision: 2, liveRevision: 1 });

    // Members still read the published version.
    const meanwhile = await other.get(`/api/practices/${p.id}`);
    expect(meanwhile.body).toMatchObject({ title: p.title, state: 'published', revision: 1 });
    expect(JSON.stringify(meanwhile.body)).not.toContain('second year');

    expectError(await author.patch(`/api/practices/${p.id}`, { title: 'Stale', version: current.body.version }), 409, 'conflict');

    const history = await author.get(`/api/practices/${p.id}/versions`);
    expect(history.body.items.map((r: { revision: number; state: string }) => [r.revision, r.state])).toEqual([
      [1, 'published'],
      [2, 'pending'],
    ]);
    expect((await b.get(`/api/practices/${p.id}/versions`)).status).toBe(200);
    expectError(await other.get(`/api/practices/${p.id}/versions`), 403, 'forbidden');

    await b.post(`/api/moderation/practices/${p.id}/approve`, { reason: 'ok' });
    expect((await other.get(`/api/practices/${p.id}`)).body).toMatchObject({ title: 'Joint screening, second year', revision: 2 });
  });

  it('lets only the author edit (403 for another member who can read it, 404 for one who cannot)', async () => {
    const author = await member();
    const other = await member();
    const p = await published(author);
    const pending = await submitted(author);
    expectError(await other.patch(`/api/practices/${p.id}`, { title: 'Mine now', version: 2 }), 403, 'forbidden');
    expectError(await other.patch(`/api/practices/${pending.id}`, { title: 'Mine now', version: 1 }), 404, 'not_found');
    expectError(await other.get(`/api/practices/${pending.id}/versions`), 404, 'not_found');
  });

  it('narrowing the audience applies to the published version at once', async () => {
    const author = await member();
    const champion = await member({ kind: 'champion' });
    const p = await published(author);
    expect((await champion.get(`/api/practices/${p.id}`)).status).toBe(200);
    const current = await author.get(`/api/practices/${p.id}`);
    await author.patch(`/api/practices/${p.id}`, { audience: 'practitioners', version: current.body.version });
    expectError(await champion.get(`/api/practices/${p.id}`), 404, 'not_found');
  });
});

describe('withdrawal', () => {
  it('lets only the author withdraw a practice; members then cannot read or find it, and it leaves the queue', async () => {
    const author = await member();
    const other = await member();
    const p = await published(author);
    expectError(await other.del(`/api/practices/${p.id}`), 403, 'forbidden');
    const withdrawn = await author.del(`/api/practices/${p.id}`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('removed');
    expectError(await other.get(`/api/practices/${p.id}`), 404, 'not_found');
    expect((await listAll(other)).map((x) => x.id)).not.toContain(p.id);
    expectError(await author.del(`/api/practices/${p.id}`), 409, 'conflict');
    expectError(await author.patch(`/api/practices/${p.id}`, { title: 'Back', version: withdrawn.body.version }), 409, 'conflict');

    const waiting = await submitted(author);
    await author.del(`/api/practices/${waiting.id}`);
    expect((await queueItems(await board())).some((i) => i.id === waiting.id)).toBe(false);
  });
});

describe('useful', () => {
  it('counts each member once, however often and however concurrently she marks it', async () => {
    const author = await member();
    const p = await published(author);
    const readers = await Promise.all(Array.from({ length: 6 }, () => member()));
    const results = await Promise.all([
      ...readers.map((r) => r.put(`/api/practices/${p.id}/useful`)),
      ...Array.from({ length: 5 }, () => readers[0]?.put(`/api/practices/${p.id}/useful`)),
    ]);
    for (const res of results) expect(res?.status).toBe(204);
    const seen = await readers[1]?.get(`/api/practices/${p.id}`);
    expect(seen?.body).toMatchObject({ useful: 6, markedUseful: true });
    expect(JSON.stringify(seen?.body)).not.toContain(readers[0]?.userId ?? '-');

    const removed = await Promise.all(Array.from({ length: 4 }, () => readers[0]?.del(`/api/practices/${p.id}/useful`)));
    for (const res of removed) expect(res?.status).toBe(204);
    const after = await readers[0]?.get(`/api/practices/${p.id}`);
    expect(after?.body).toMatchObject({ useful: 5, markedUseful: false });
  });

  it('is a 409 on a practice never published (for its author) and a 404 for anyone else', async () => {
    const author = await member();
    const p = await submitted(author);
    expectError(await author.put(`/api/practices/${p.id}/useful`), 409, 'conflict');
    expectError(await (await member()).put(`/api/practices/${p.id}/useful`), 404, 'not_found');
  });
});

describe('lists and validation', () => {
  it('filters by theme, country and language and pages by cursor', async () => {
    const author = await member();
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await published(author, { language: 'sw', countries: ['NP'], themes: ['legislation'] }));
    await published(author, { language: 'sw', countries: ['NP'], themes: ['prevention'] });
    const seen: string[] = [];
    let cursor: string | null = null;
    const reader = await member();
    do {
      const res = await reader.get(
        `/api/practices?limit=1&language=sw&country=NP&theme=legislation${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.items.map((x: { id: string }) => x.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(made.map((p) => p.id).sort());
    expectError(await reader.get('/api/practices?cursor=tampered'), 400, 'validation_failed');
    expectError(await reader.get('/api/practices?limit=0'), 400, 'validation_failed');
    expectError(await reader.get('/api/practices?limit=51'), 400, 'validation_failed');
    expectError(await reader.get('/api/practices?theme=astrology'), 400, 'validation_failed');
  });

  it('refuses bad submissions with 400 and the field at fault', async () => {
    const m = await member();
    for (const bad of [
      practice({ title: '' }),
      practice({ themes: ['astrology'] }),
      practice({ themes: [] }),
      practice({ countries: ['XX'] }),
      practice({ countries: ['PK', 'PK'] }),
      practice({ audience: 'everyone' }),
      practice({ identity: 'secret' }),
      practice({ language: 'not a language!' }),
      practice({ email: 'me@example.org' }),
    ]) {
      expectError(await m.post('/api/practices', bad), 400, 'validation_failed');
    }
    const p = await submitted(m);
    expectError(await m.patch(`/api/practices/${p.id}`, { title: 'No version' }), 400, 'validation_failed');
    expectError(await m.get('/api/practices/not-an-id'), 404, 'not_found');
  });
});

describe('discussion, access for other domains, and her data', () => {
  it('opens one discussion thread per practice, in a space of its audience', async () => {
    const author = await member();
    const p = await published(author);
    const reader = await member();
    const first = await reader.post(`/api/practices/${p.id}/thread`);
    expect(first.status).toBe(200);
    const again = await author.post(`/api/practices/${p.id}/thread`);
    expect(again.body.threadId).toBe(first.body.threadId);
    expect((await reader.get(`/api/practices/${p.id}`)).body.threadId).toBe(first.body.threadId);
    const thread = await (await board()).get(`/api/threads/${first.body.threadId}`);
    expect(thread.body.spaceId).toBe('library-members');
  });

  it('answers practiceForReader and practiceForAuthor as the routes do', async () => {
    const author = await member();
    const other = await member();
    const p = await submitted(author);
    await expect(practiceForReader(session(other), p.id)).rejects.toMatchObject({ status: 404 });
    expect((await practiceForReader(session(author), p.id)).id).toBe(p.id);
    expect((await practiceForAuthor(session(author), p.id)).id).toBe(p.id);
    await (await board()).post(`/api/moderation/practices/${p.id}/approve`, { reason: 'ok' });
    await expect(practiceForAuthor(session(other), p.id)).rejects.toMatchObject({ status: 403 });
  });

  it('exports her practices with their versions, and on erasure keeps them without her name', async () => {
    const author = await member({ displayName: 'Nadia Erased' });
    const reader = await member();
    const p = await published(author);
    await author.put(`/api/practices/${p.id}/useful`);
    await reader.put(`/api/practices/${p.id}/useful`);
    const exported = await author.get('/api/members/me/export');
    expect(exported.body.library.practices.map((x: { id: string }) => x.id)).toContain(p.id);
    expect(exported.body.library.usefulMarks).toContain(p.id);

    expect((await author.del('/api/members/me')).status).toBe(202);
    const after = await reader.get(`/api/practices/${p.id}`);
    expect(after.status).toBe(200);
    expect(after.body.authorId).toBeNull();
    expect(after.body.useful).toBe(1);
    expect(JSON.stringify(after.body)).not.toContain('Nadia Erased');
    expect(JSON.stringify((await (await board()).get(`/api/practices/${p.id}`)).body)).not.toContain('Nadia Erased');
  });
});
