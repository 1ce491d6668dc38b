import { describe, expect, it } from 'vitest';
import { TABLE, db, toAttr, values } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { drainLocalSearch } from '../../functions/search/changes';
import { reindex } from '../../functions/search/index';
import { type Agent, anotherBoardMember, applicant, board, expectError, member } from '../helpers';

/** A word no other test writes, so each test reads its own documents. */
const unique = () => `zq${Math.random().toString(36).slice(2, 10)}`;

async function space(audience: 'members' | 'practitioners' | 'board') {
  const res = await (await board()).post('/api/spaces', { name: `search ${audience} ${unique()}`, description: 'search', audience });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A member whose posts are no longer held for being new (set directly, sparing her posting limit). */
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

async function thread(a: Agent, spaceId: string, title: string, body: string, identity: 'named' | 'anonymous' = 'named') {
  const res = await a.post(`/api/spaces/${spaceId}/threads`, { title, body, identity });
  expect(res.status).toBe(201);
  await drainLocalSearch();
  return res.body as { id: string; state: string };
}

type Hit = { kind: string; id: string; title: string; excerpt: string; matches: { start: number; end: number }[]; link: string };

/** Every result of a search, page after page. */
async function find(a: Agent, q: string, filters: Record<string, string> = {}): Promise<Hit[]> {
  const out: Hit[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ q, limit: '50', ...filters, ...(cursor ? { cursor } : {}) });
    const res = await a.get(`/api/search?${params}`);
    expect(res.status).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}
const ids = async (a: Agent, q: string, filters: Record<string, string> = {}) => (await find(a, q, filters)).map((h) => h.id);

describe('words in any script', () => {
  it('finds an Urdu word by its Arabic-script variant, a word with harakat without them, Persian digits by Latin ones', async () => {
    const s = await space('members');
    const b = await anotherBoardMember();
    const tag = unique();
    const urdu = await thread(b, s, `ہمارا کام ${tag}`, 'پاکستان میں انسانی اسمگلنگ کے خلاف پولیس کی تربیت');
    const arabic = await thread(b, s, `دليل ${tag}`, 'المُدَرِّسَة تُعَلِّمُ الأطفال حقوقهم — سنة ١٤٤٦ والعام ۱۴۰۵');
    const m = await member();

    // کاف (U+06A9) and ی (U+06CC) in the text, ك (U+0643) and ي (U+064A) in the query.
    expect(await ids(m, 'پاكستان')).toContain(urdu.id);
    // ہ (gol heh) in the title, ه in the query; the prefix of the last word is enough.
    expect(await ids(m, `همارا ${tag}`)).toContain(urdu.id);
    expect(await ids(m, 'پولي')).toContain(urdu.id);
    // Harakat gone and teh marbuta folded: المدرسه finds المُدَرِّسَة.
    expect(await ids(m, 'المدرسه')).toContain(arabic.id);
    expect(await ids(m, 'تعلم')).toContain(arabic.id);
    // Arabic-Indic and Persian digits equal Latin ones.
    expect(await ids(m, '1446')).toContain(arabic.id);
    expect(await ids(m, '1405')).toContain(arabic.id);
    expect(await ids(m, '١٤٠٥')).toContain(arabic.id);
  });

  it('folds case and Latin diacritics, and marks the match in a plain-text excerpt', async () => {
    const s = await space('members');
    const b = await anotherBoardMember();
    const tag = unique();
    const t = await thread(
      b,
      s,
      `Protección ${tag}`,
      `Some opening words first. <b>Bold</b> is text here. The TRÁFICO de personas and **São Paulo** ${'filler '.repeat(40)}end.`,
    );
    const m = await member();
    const hits = await find(m, `trafico ${tag}`);
    const hit = hits.find((h) => h.id === t.id);
    expect(hit).toBeDefined();
    expect(hit?.link).toBe(`/threads/${t.id}`);
    expect(hit?.excerpt).toContain('<b>Bold</b>');
    expect(hit?.excerpt).not.toContain('**');
    const [first] = hit?.matches ?? [];
    expect(hit?.excerpt.slice(first?.start, first?.end)).toBe('TRÁFICO');
    expect(await ids(m, 'sao paulo')).toContain(t.id);
  });
});

describe('only what she may open', () => {
  it('never returns a thread or post from a space outside her audience', async () => {
    const practitioners = await space('practitioners');
    const boardOnly = await space('board');
    const b = await board();
    const tag = unique();
    const p = await thread(b, practitioners, `Shelters ${tag}`, 'Practitioners only');
    const bo = await thread(b, boardOnly, `Vetting ${tag}`, 'Board only');
    const champion = await member({ kind: 'champion' });
    const practitioner = await member();
    expect(await ids(champion, tag)).toEqual([]);
    expect(await ids(practitioner, tag)).toEqual([p.id]);
    expect((await ids(b, tag)).sort()).toEqual([p.id, bo.id].sort());
  });

  it('never returns a held post; finds it once approved, and loses it when hidden or removed', async () => {
    const s = await space('members');
    const starter = await trusted();
    const tag = unique();
    const t = await thread(starter, s, `Reintegration ${tag}`, 'Opening');
    const newcomer = await member();
    const reply = await newcomer.post(`/api/threads/${t.id}/posts`, { body: `My first reply ${tag} arrives`, identity: 'named' });
    expect(reply.body.state).toBe('pending');
    await drainLocalSearch();
    const reader = await member();
    const posts = async (a: Agent) => (await find(a, tag, { kind: 'post' })).map((h) => h.id);
    expect(await posts(reader)).toEqual([]);
    expect(await posts(newcomer)).toEqual([]);

    const b = await board();
    expect((await b.post(`/api/moderation/posts/${reply.body.id}/approve`, { reason: 'fine' })).status).toBe(200);
    await drainLocalSearch();
    expect(await posts(reader)).toEqual([reply.body.id]);

    const colleague = await anotherBoardMember();
    expect((await colleague.post(`/api/moderation/posts/${reply.body.id}/hide`, { reason: 'off topic' })).status).toBe(200);
    await drainLocalSearch();
    expect(await posts(reader)).toEqual([]);
    expect((await colleague.post(`/api/moderation/posts/${reply.body.id}/restore`, { reason: 'ok' })).status).toBe(200);
    await drainLocalSearch();
    expect(await posts(reader)).toEqual([reply.body.id]);

    expect((await newcomer.del(`/api/posts/${reply.body.id}`)).status).toBe(200);
    await drainLocalSearch();
    expect(await posts(reader)).toEqual([]);
  });

  it('drops what a stale index entry points at: the rule is checked on the document, not the entry', async () => {
    const s = await space('members');
    const author = await trusted();
    const tag = unique();
    const t = await thread(author, s, `Stale ${tag}`, 'Body');
    const reader = await member();
    expect(await ids(reader, tag)).toEqual([t.id]);
    // Held behind the index's back: no re-index runs, the entries stay.
    await db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.thread(t.id)),
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'state' },
      ExpressionAttributeValues: values({ ':s': 'pending' }),
    });
    expect(await ids(reader, tag)).toEqual([]);
  });

  it('hides a named author’s posts and her name both ways across a block', async () => {
    const s = await space('members');
    const tag = unique();
    const author = await trusted({ displayName: `Nadia ${tag}` });
    const t = await thread(author, s, `Border checks ${tag}`, 'Named');
    const blocker = await member();
    const blocked = await member();
    const names = async (a: Agent) => (await find(a, tag)).map((h) => `${h.kind}:${h.id}`).sort();
    expect(await names(blocker)).toEqual([`member:${author.userId}`, `thread:${t.id}`].sort());

    expect((await blocker.put(`/api/members/me/blocks/${author.userId}`)).status).toBe(204);
    expect(await names(blocker)).toEqual([]);
    expect((await author.put(`/api/members/me/blocks/${blocked.userId}`)).status).toBe(204);
    expect(await names(blocked)).toEqual([]);
  });

  it('never matches an anonymous post by its author’s name', async () => {
    const s = await space('members');
    const tag = unique();
    const author = await trusted({ displayName: `Farzana ${tag}` });
    const word = unique();
    const anon = await author.post(`/api/spaces/${s}/threads`, {
      title: 'A hard case',
      body: `Words ${word} inside`,
      identity: 'anonymous',
    });
    expect(anon.body.state).toBe('pending');
    const b = await board();
    const opening = (await b.get(`/api/threads/${anon.body.id}/posts`)).body.items[0].id;
    expect((await b.post(`/api/moderation/posts/${opening}/approve`, { reason: 'ok' })).status).toBe(200);
    await drainLocalSearch();
    const reader = await member();
    // Her name finds her, as the directory does, and nothing she posted anonymously.
    expect((await find(reader, `Farzana ${tag}`)).map((h) => h.kind)).toEqual(['member']);
    expect(await ids(reader, word)).toEqual([anon.body.id]);
  });

  it('finds members by name only while active, and never by a country she shows to the board only', async () => {
    const tag = unique();
    const pending = await applicant({ displayName: `Applicant ${tag}` });
    const active = await member({ displayName: `Inspector ${tag}`, country: 'NP' });
    await drainLocalSearch();
    const reader = await member();
    expect(await ids(reader, tag)).toEqual([active.userId]);
    expect(await ids(reader, tag, { country: 'NP' })).toEqual([]);
    expect(pending.userId).not.toBe(active.userId);

    const me = (await active.get('/api/members/me')).body;
    const { id: _id, status: _s, completions: _c, ...rest } = me;
    const saved = await active.put('/api/members/me', { ...rest, visibility: { ...me.visibility, country: 'members' } });
    expect(saved.status).toBe(200);
    await drainLocalSearch();
    expect(await ids(reader, tag, { country: 'NP' })).toEqual([active.userId]);
    expect(await ids(reader, tag, { country: 'PK' })).toEqual([]);
  });

  it('forgets an erased member’s name', async () => {
    const tag = unique();
    const gone = await member({ displayName: `Leaving ${tag}` });
    await drainLocalSearch();
    const reader = await member();
    expect(await ids(reader, tag)).toEqual([gone.userId]);
    expect((await gone.del('/api/members/me')).status).toBe(202);
    await drainLocalSearch();
    expect(await ids(reader, tag)).toEqual([]);
    const left = await db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :w)',
      ExpressionAttributeValues: values({ ':pk': keys.searchPartition(tag), ':w': tag }),
    });
    expect(left.Items ?? []).toEqual([]);
  });

  it('shows an event only to its audience', async () => {
    const b = await board();
    const tag = unique();
    const soon = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
    const res = await b.post('/api/events', {
      kind: 'webinar',
      title: `Champions circle ${tag}`,
      description: 'For the champions',
      startsAt: soon(48),
      endsAt: soon(49),
      languages: ['en'],
      capacity: 10,
      joinUrl: 'https://meet.example.org/x',
      audience: { kinds: ['champion'] },
    });
    expect(res.status).toBe(201);
    await drainLocalSearch();
    const champion = await member({ kind: 'champion' });
    const practitioner = await member();
    expect(await ids(champion, tag)).toEqual([res.body.id]);
    expect(await ids(practitioner, tag)).toEqual([]);
    expect((await find(champion, tag))[0]?.link).toBe(`/events/${res.body.id}`);
  });
});

describe('relevance, filters and pages', () => {
  it('ranks every word matched first, then a title match over a body match, then the newest', async () => {
    const s = await space('members');
    const b = await anotherBoardMember();
    const [w1, w2] = [unique(), unique()];
    const both = await thread(b, s, 'Plain title', `${w1} and ${w2}`);
    const titleOnly = await thread(b, s, `${w1} in the title`, 'Nothing');
    const bodyOnly = await thread(b, s, 'Another', `${w1} in the body`);
    const newerBody = await thread(b, s, 'Newest', `${w1} again`);
    const m = await member();
    expect(await ids(m, `${w1} ${w2}`)).toEqual([both.id, titleOnly.id, newerBody.id, bodyOnly.id]);
  });

  it('pages by a signed cursor without repeats, and refuses a tampered or transplanted one', async () => {
    const s = await space('members');
    const b = await anotherBoardMember();
    const tag = unique();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await thread(b, s, `Page ${i}`, `${tag} number ${i}`)).id);
    const m = await member();
    const first = await m.get(`/api/search?q=${tag}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const seen = [...first.body.items.map((h: Hit) => h.id)];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const next = await m.get(`/api/search?q=${tag}&limit=2&cursor=${encodeURIComponent(cursor)}`);
      expect(next.status).toBe(200);
      seen.push(...next.body.items.map((h: Hit) => h.id));
      cursor = next.body.nextCursor;
    }
    expect(seen).toEqual([...made].reverse());

    const c = encodeURIComponent(first.body.nextCursor);
    expectError(await m.get(`/api/search?q=${tag}&limit=2&cursor=${c}x`), 400, 'validation_failed');
    expectError(await m.get(`/api/search?q=other&limit=2&cursor=${c}`), 400, 'validation_failed');
    expectError(await (await member()).get(`/api/search?q=${tag}&limit=2&cursor=${c}`), 400, 'validation_failed');
  });

  it('filters by kind and date', async () => {
    const s = await space('members');
    const b = await anotherBoardMember();
    const tag = unique();
    const t = await thread(b, s, `Dated ${tag}`, 'x');
    const m = await member();
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids(m, tag, { kind: 'thread', from: today, to: today })).toEqual([t.id]);
    expect(await ids(m, tag, { kind: 'event' })).toEqual([]);
    expect(await ids(m, tag, { to: '2020-01-01' })).toEqual([]);
  });

  it('answers 400 to a query under 2 characters or a bad filter, 403 to an applicant, 401 signed out', async () => {
    const m = await member();
    for (const q of [
      'q=a',
      'q=%20x%20',
      '',
      'q=ok&kind=file',
      'q=ok&country=XX',
      'q=ok&limit=0',
      'q=ok&limit=51',
      'q=ok&from=yesterday',
      'q=ok&extra=1',
    ]) {
      expectError(await m.get(`/api/search?${q}`), 400, 'validation_failed');
    }
    expectError(await (await applicant()).get('/api/search?q=ok'), 403, 'forbidden');
    const { Agent: Anonymous } = await import('../helpers');
    expectError(await new Anonymous().get('/api/search?q=ok'), 401, 'unauthenticated');
  });
});

describe('writing the index', () => {
  it('writes only the changed words on an edit, and a second re-index changes nothing', async () => {
    const s = await space('members');
    const author = await trusted();
    const [before, after] = [unique(), unique()];
    const t = await thread(author, s, 'Edits', 'Opening');
    const reply = await author.post(`/api/threads/${t.id}/posts`, { body: `say ${before}`, identity: 'named' });
    await drainLocalSearch();
    const m = await member();
    expect(await ids(m, before)).toEqual([reply.body.id]);
    const edited = await author.patch(`/api/posts/${reply.body.id}`, { body: `say ${after}`, version: reply.body.version });
    expect(edited.status).toBe(200);
    await drainLocalSearch();
    expect(await ids(m, before)).toEqual([]);
    expect(await ids(m, after)).toEqual([reply.body.id]);
    await Promise.all([reindex('post', reply.body.id), reindex('post', reply.body.id)]);
    expect(await ids(m, after)).toEqual([reply.body.id]);
    const manifest = await db.getItem({ TableName: TABLE, Key: toAttr(keys.searchManifest('post', reply.body.id)), ConsistentRead: true });
    expect(manifest.Item?.entries?.L?.map((e) => e.S?.slice(1, 1 + after.length)).filter((w) => w === after || w === before)).toEqual([
      after,
    ]);
  });
});

describe('the table stream', () => {
  it('maps changed items to their documents and re-indexes them, as the AWS indexer does', async () => {
    const { onTableChanges } = await import('../../functions/search/stream');
    const { toAttr: marshal } = await import('../../functions/lib/db');
    const s = await space('members');
    const b = await anotherBoardMember();
    const tag = unique();
    const t = await thread(b, s, `Streamed ${tag}`, 'Opening');
    const reader = await member();
    expect(await ids(reader, tag)).toEqual([t.id]);
    // Hidden behind the index's back, then the stream brings the change: the entries go.
    await db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.thread(t.id)),
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'state' },
      ExpressionAttributeValues: values({ ':s': 'hidden' }),
    });
    const image = marshal({ entity: 'thread', id: t.id, state: 'hidden' });
    const out = await onTableChanges({ Records: [{ eventID: '1', dynamodb: { NewImage: image, SequenceNumber: '1' } }] });
    expect(out).toEqual({ batchItemFailures: [] });
    const left = await db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :w)',
      ExpressionAttributeValues: values({ ':pk': keys.searchPartition(tag), ':w': `${tag}#` }),
    });
    expect(left.Items ?? []).toEqual([]);
    // An item search does not index changes nothing.
    expect(await onTableChanges({ Records: [{ eventID: '2', dynamodb: { NewImage: marshal({ entity: 'session', id: 'x' }) } }] })).toEqual({
      batchItemFailures: [],
    });
  });
});

describe('the library in search', () => {
  const practiceBody = (title: string, overrides: Record<string, unknown> = {}) => ({
    title,
    summary: 'سرحدی چوکی پر خواتین افسران نے مشترکہ اسکریننگ کی۔',
    countries: ['PK'],
    themes: ['cooperation'],
    done: 'Two officers interviewed arrivals in a private room.',
    worked: 'Women spoke more freely to a woman officer.',
    didNotWork: 'Shifts did not line up at first.',
    language: 'ur',
    ...overrides,
  });

  async function practice(a: Agent, title: string, overrides: Record<string, unknown> = {}) {
    const res = await a.post('/api/practices', practiceBody(title, overrides));
    expect(res.status).toBe(201);
    await drainLocalSearch();
    return res.body as { id: string; state: string };
  }

  it('finds a published practice by an Urdu word, by a variant spelling and by its theme, only in its audience', async () => {
    const b = await anotherBoardMember();
    const tag = unique();
    // The board's own practices are published at once; this one is for practitioners only.
    const p = await practice(b, `مشترکہ اسکریننگ ${tag}`, { audience: 'practitioners' });
    expect(p.state).toBe('published');
    const practitioner = await member({ kind: 'practitioner' });
    const champion = await member({ kind: 'champion' });
    // ک (keheh) and ی (farsi yeh) in the text, ك and ي in the query.
    expect(await ids(practitioner, `مشتركه ${tag}`)).toContain(p.id);
    expect(await ids(practitioner, 'سرحدي چوكي')).toContain(p.id);
    expect(await ids(practitioner, tag, { kind: 'practice', theme: 'cooperation' })).toEqual([p.id]);
    expect(await ids(practitioner, tag, { theme: 'legislation' })).toEqual([]);
    // Champions are outside a practitioners-only practice: it is never a result for them.
    expect(await ids(champion, tag)).toEqual([]);
  });

  it('never finds a practice waiting for review, nor an anonymous one by its author’s name', async () => {
    const tag = unique();
    const nameTag = unique();
    const author = await member({ kind: 'practitioner', displayName: `Nargis ${nameTag}` });
    const held = await practice(author, `review ${tag}`);
    expect(held.state).toBe('pending');
    const reader = await member({ kind: 'practitioner' });
    expect(await ids(reader, `review ${tag}`, { kind: 'practice' })).toEqual([]);

    const secret = await practice(author, `quiet ${tag}`, { identity: 'anonymous' });
    const res = await (await board()).post(`/api/moderation/practices/${secret.id}/approve`, { reason: 'Useful.' });
    expect(res.status).toBe(200);
    await drainLocalSearch();
    expect(await ids(reader, `quiet ${tag}`, { kind: 'practice' })).toEqual([secret.id]);
    // Her name finds her (the directory shows it), never the practice she shared anonymously.
    expect(await ids(reader, nameTag)).toEqual([author.userId]);
  });
});
