import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../shared/schemas';

// The counters are network-wide, and other test files write to the shared table at the same
// time: this file runs on a table of its own, so every count it reads is its own.
process.env.TABLE_NAME = `insights-${randomUUID().slice(0, 8)}`;
const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
const { ensureTable } = await import('../../scripts/local/services');
await ensureTable(
  new DynamoDBClient({
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: process.env.AWS_REGION ?? 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }),
  process.env.TABLE_NAME,
);
const { type: _t, ...h } = { type: 0, ...(await import('../helpers')) };
const { board, member, applicant, expectError, signedInAgent } = h;
type Agent = Awaited<ReturnType<typeof member>>;
const { monthly } = await import('../../functions/insights/repository');
const { clock } = await import('../../functions/lib/clock');
const { TABLE, db, toAttr, values } = await import('../../functions/lib/db');
const { keys } = await import('../../functions/lib/keys');
const { sweepExpired } = await import('../../functions/mentorship/service');

const realNow = clock.now;
afterEach(() => {
  clock.now = realNow;
});

const thisMonth = () => new Date().toISOString().slice(0, 7);
const monthAfter = (m: string) => {
  const d = new Date(`${m}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 7);
};

/** A counter as the table holds it, its shards summed. */
async function counter(metric: Parameters<typeof monthly>[0], dimension: string, month = thisMonth()): Promise<number> {
  return (await monthly(metric, month, month)).get(month)?.get(dimension)?.n ?? 0;
}

const mentorProfile = (lang: string): Partial<ProfileInput> => ({
  kind: 'champion',
  languages: [lang, 'en'],
  mentoring: {
    offering: { active: true, capacity: 5, topics: ['investigation'], languages: [lang] },
    seeking: {
      active: false,
      topics: [],
      goals: { shortTerm: '', mediumTerm: '', longTerm: '' },
      sameCountryOnly: false,
      outsideOrganizationOnly: false,
    },
  },
});
const ask = (mentee: Agent, mentor: Agent) =>
  mentee.post('/api/mentorships', {
    mentorId: mentor.userId,
    message: 'Would you mentor me?',
    goals: { shortTerm: 'Lead a case', mediumTerm: '', longTerm: '' },
  });

async function space() {
  const res = await (await board()).post('/api/spaces', {
    name: `insights ${randomUUID().slice(0, 6)}`,
    description: 'test space',
    audience: 'members',
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** A member whose posts are no longer held for being new (set directly: the API would spend her posting rate). */
async function trusted(): Promise<Agent> {
  const m = await member();
  await db.updateItem({
    TableName: TABLE,
    Key: toAttr(keys.posterStats(m.userId)),
    UpdateExpression: 'SET published = :n',
    ExpressionAttributeValues: values({ ':n': 3 }),
  });
  return m;
}

const DAY = 86_400_000;
async function event(capacity: number) {
  const startsAt = new Date(Date.now() + 2 * DAY).toISOString();
  const res = await (await board()).post('/api/events', {
    kind: 'webinar',
    title: 'Leading an investigation team',
    description: 'How to set a vision for a unit.',
    startsAt,
    endsAt: new Date(Date.now() + 2 * DAY + 3_600_000).toISOString(),
    languages: ['en'],
    capacity,
    joinUrl: 'https://meet.example.org/room-42',
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; startsAt: string };
}

describe('who may read the insights', () => {
  it('answers the board, refuses a member (403), an applicant (403) and a visitor (401)', async () => {
    expect((await (await board()).get('/api/board/insights')).status).toBe(200);
    expectError(await (await member()).get('/api/board/insights'), 403, 'forbidden');
    expectError(await (await applicant()).get('/api/board/insights'), 403, 'forbidden');
    expectError(await (await signedInAgent()).get('/api/board/insights'), 403, 'forbidden');
    expectError(await new h.Agent().get('/api/board/insights'), 401, 'unauthenticated');
    expectError(await (await member()).get('/api/board/mentorships/feedback'), 403, 'forbidden');
  });

  it('takes months from and to, at most 24 of them, and refuses anything else with a 400', async () => {
    const b = await board();
    const ok = await b.get('/api/board/insights?from=2025-01&to=2026-12');
    expect(ok.status).toBe(200);
    expect(ok.body.tables.applications.rows.map((r: { label: string }) => r.label)).toHaveLength(24);
    expect(ok.body).toMatchObject({ from: '2025-01', to: '2026-12' });
    const byDefault = await b.get('/api/board/insights');
    expect(byDefault.body.to).toBe(thisMonth());
    expect(byDefault.body.tables.events.rows).toHaveLength(12);
    for (const bad of [
      'from=2025-13',
      'from=2025-1',
      'to=yesterday',
      'from=2024-12&to=2026-12',
      'from=2026-05&to=2026-04',
      'since=2026-01',
    ]) {
      expectError(await b.get(`/api/board/insights?${bad}`), 400, 'validation_failed');
    }
  });
});

describe('counters kept with each write', () => {
  it('counts applications submitted and decided, with the time to decision, and members joining by country and kind', async () => {
    const b = await board();
    const before = {
      submitted: await counter('applications', 'submitted'),
      approved: await counter('applications', 'approved'),
      declined: await counter('applications', 'declined'),
      joined: await counter('members', 'joined|champion|NP'),
    };
    const [one, two] = await Promise.all([applicant({ kind: 'champion', country: 'NP' }), applicant({ kind: 'champion', country: 'NP' })]);
    expect(await counter('applications', 'submitted')).toBe(before.submitted + 2);
    expect((await b.post(`/api/board/applications/${one.userId}/decision`, { decision: 'approve' })).status).toBe(200);
    expect(
      (await b.post(`/api/board/applications/${two.userId}/decision`, { decision: 'decline', reason: 'Not a practitioner' })).status,
    ).toBe(200);
    // A decision already made moves nothing again.
    expectError(await b.post(`/api/board/applications/${one.userId}/decision`, { decision: 'approve' }), 409, 'conflict');
    expect(await counter('applications', 'approved')).toBe(before.approved + 1);
    expect(await counter('applications', 'declined')).toBe(before.declined + 1);
    expect(await counter('members', 'joined|champion|NP')).toBe(before.joined + 1);
    const decided = (await monthly('applications', thisMonth(), thisMonth())).get(thisMonth())?.get('approved');
    expect(decided?.ms).toBeGreaterThan(0);
  });

  it('counts requests by outcome (accepted, declined by reason, withdrawn, expired), mentorships started and ended, check-ins and ratings', async () => {
    const [mentor, a, c, d, e] = await Promise.all([member(mentorProfile('ti')), member(), member(), member(), member()]);
    const dims = ['requested', 'accepted', 'declined|no_time', 'withdrawn', 'expired'];
    const before = Object.fromEntries(await Promise.all(dims.map(async (k) => [k, await counter('requests', k)] as const)));
    const started = await counter('mentorships', 'started');
    const ended = await counter('mentorships', 'ended');
    const checkins = await counter('checkins', 'checkins');
    const fives = await counter('feedback', 'rating|5');

    const [ra, rc, rd, re] = await Promise.all([ask(a, mentor), ask(c, mentor), ask(d, mentor), ask(e, mentor)]);
    expect(await counter('requests', 'requested')).toBe((before.requested ?? 0) + 4);
    expect((await mentor.post(`/api/mentorships/${ra.body.id}/accept`)).status).toBe(200);
    expect((await mentor.post(`/api/mentorships/${rc.body.id}/decline`, { reason: 'no_time' })).status).toBe(200);
    expect((await d.post(`/api/mentorships/${rd.body.id}/withdraw`)).status).toBe(200);
    await db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.mentorship(re.body.id)),
      UpdateExpression: 'SET expiresAt = :past',
      ExpressionAttributeValues: values({ ':past': new Date(Date.now() - 60_000).toISOString() }),
    });
    await db.putItem({
      TableName: TABLE,
      Item: toAttr({
        ...keys.expiry(new Date(Date.now() - 60_000).toISOString(), re.body.id),
        entity: 'expiry',
        version: 1,
        mentorshipId: re.body.id,
      }),
    });
    expect(await sweepExpired()).toBeGreaterThanOrEqual(1);

    expect(await counter('requests', 'accepted')).toBe((before.accepted ?? 0) + 1);
    expect(await counter('requests', 'declined|no_time')).toBe((before['declined|no_time'] ?? 0) + 1);
    expect(await counter('requests', 'withdrawn')).toBe((before.withdrawn ?? 0) + 1);
    expect(await counter('requests', 'expired')).toBe((before.expired ?? 0) + 1);
    expect(await counter('mentorships', 'started')).toBe(started + 1);

    const today = new Date().toISOString().slice(0, 10);
    expect((await a.post(`/api/mentorships/${ra.body.id}/check-ins`, { date: today, notes: 'Met', nextSteps: 'Plan' })).status).toBe(201);
    expect(await counter('checkins', 'checkins')).toBe(checkins + 1);
    expect((await a.post(`/api/mentorships/${ra.body.id}/complete`)).status).toBe(200);
    expect(await counter('mentorships', 'ended')).toBe(ended + 1);
    expect((await a.post(`/api/mentorships/${ra.body.id}/feedback`, { rating: 5, text: 'Generous with her time' })).status).toBe(201);
    expectError(await a.post(`/api/mentorships/${ra.body.id}/feedback`, { rating: 5, text: 'Again' }), 409, 'conflict');
    expect(await counter('feedback', 'rating|5')).toBe(fives + 1);

    const page = await (await board()).get('/api/board/mentorships/feedback?limit=5');
    expect(page.status).toBe(200);
    expect(page.body.items[0]).toMatchObject({ mentorshipId: ra.body.id, rating: 5, text: 'Generous with her time' });
  });

  it('counts registrations, the waiting list and attendance in the month the event starts', async () => {
    const e = await event(1);
    const month = e.startsAt.slice(0, 7);
    const [x, y] = await Promise.all([member(), member()]);
    const before = {
      registered: await counter('events', 'registered', month),
      waitlisted: await counter('events', 'waitlisted', month),
      attended: await counter('events', 'attended', month),
    };
    expect((await x.post(`/api/events/${e.id}/registration`)).body.state).toBe('registered');
    expect((await y.post(`/api/events/${e.id}/registration`)).body.state).toBe('waitlisted');
    clock.now = () => Date.parse(e.startsAt) + 60_000;
    const b = await board();
    expect((await b.post(`/api/events/${e.id}/attendance`, { memberIds: [x.userId] })).status).toBe(200);
    expect(await counter('events', 'registered', month)).toBe(before.registered + 1);
    expect(await counter('events', 'waitlisted', month)).toBe(before.waitlisted + 1);
    expect(await counter('events', 'attended', month)).toBe(before.attended + 1);
    // Unmarking takes it back.
    expect((await b.post(`/api/events/${e.id}/attendance`, { memberIds: [x.userId], attended: false })).status).toBe(200);
    expect(await counter('events', 'attended', month)).toBe(before.attended);
  });

  it('counts threads and posts, posts held for review, their release with how long they were held, and held posts taken back', async () => {
    const spaceId = await space();
    const before = {
      threads: await counter('discussion', 'threads'),
      posts: await counter('discussion', 'posts'),
      held: await counter('moderation', 'held'),
      approved: await counter('moderation', 'approved'),
    };
    const author = await trusted();
    const t = await author.post(`/api/spaces/${spaceId}/threads`, { title: 'What works', body: 'Share yours.', identity: 'named' });
    expect(t.status).toBe(201);
    const newcomer = await member();
    const held = await newcomer.post(`/api/threads/${t.body.id}/posts`, { body: 'My first post.', identity: 'named' });
    expect(held.body.state).toBe('pending');
    expect(await counter('discussion', 'threads')).toBe(before.threads + 1);
    expect(await counter('discussion', 'posts')).toBe(before.posts + 1);
    expect(await counter('moderation', 'held')).toBe(before.held + 1);
    const colleague = await h.anotherBoardMember();
    expect((await colleague.post(`/api/moderation/posts/${held.body.id}/approve`, { reason: 'Fine' })).status).toBe(200);
    expect(await counter('moderation', 'approved')).toBe(before.approved + 1);
    // A held post its author takes back leaves the queue, and is counted out of it.
    const withdrawn = await counter('moderation', 'withdrawn');
    const second = await newcomer.post(`/api/threads/${t.body.id}/posts`, { body: 'On second thought.', identity: 'named' });
    expect(second.body.state).toBe('pending');
    expect((await newcomer.del(`/api/posts/${second.body.id}`)).status).toBe(200);
    expect(await counter('moderation', 'withdrawn')).toBe(withdrawn + 1);
  });
});

describe('counting under concurrency', () => {
  it('counts every one of many registrations and threads written at once, exactly', async () => {
    const e = await event(30);
    const month = e.startsAt.slice(0, 7);
    const spaceId = await space();
    const people = await Promise.all(Array.from({ length: 12 }, () => trusted()));
    const before = { registered: await counter('events', 'registered', month), threads: await counter('discussion', 'threads') };
    const answers = await Promise.all([
      ...people.map((p) => p.post(`/api/events/${e.id}/registration`)),
      ...people.map((p, i) => p.post(`/api/spaces/${spaceId}/threads`, { title: `Thread ${i}`, body: 'At once.', identity: 'named' })),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(24).fill(201));
    expect(await counter('events', 'registered', month)).toBe(before.registered + 12);
    expect(await counter('discussion', 'threads')).toBe(before.threads + 12);
  });
});

describe('what the board sees', () => {
  it('suppresses every count from 1 to 4 and the totals that would give one away, shows 0, and draws the charts from the same cells', async () => {
    const b = await board();
    // Six practitioners from Bangladesh, two champions from Peru: 6 is shown, 2 is not.
    await Promise.all(Array.from({ length: 6 }, () => member({ kind: 'practitioner', country: 'BD' })));
    await Promise.all(Array.from({ length: 2 }, () => member({ kind: 'champion', country: 'PE' })));
    const res = await b.get(`/api/board/insights?from=${thisMonth()}&to=${monthAfter(thisMonth())}`);
    expect(res.status).toBe(200);
    const { countries, applications } = res.body.tables;
    expect(countries.columns).toEqual(['practitioners', 'champions', 'joined', 'left']);
    const row = (code: string) => countries.rows.find((r: { label: string }) => r.label === code);
    expect(row('BD').cells[0]).toEqual({ value: 6 });
    expect(row('BD').cells[1]).toEqual({ value: 0 });
    expect(row('PE').cells[1]).toEqual({ value: null, suppressed: true });
    expect(row('PE').cells[0]).toEqual({ value: 0 });
    // Every cell is 0, 5 or more, or suppressed: never 1 to 4.
    for (const table of Object.values(res.body.tables) as { rows: { cells: { value: number | null; suppressed?: boolean }[] }[] }[]) {
      for (const r of table.rows)
        for (const c of r.cells)
          if (c.value !== null && Number.isInteger(c.value)) expect(c.value === 0 || c.value >= 5 || c.value < 0).toBe(true);
    }
    // The next month has nothing yet: zeros, shown.
    expect(applications.rows[1].cells[0]).toEqual({ value: 0 });
    const submitted = res.body.series.find((s: { name: string }) => s.name === 'applications.submitted');
    expect(submitted.points.map((p: { at: string }) => p.at)).toEqual([thisMonth(), monthAfter(thisMonth())]);
    expect(submitted.points[0]).toMatchObject({ value: applications.rows[0].cells[0].value });
    // One practitioner from Niger, hidden: the practitioners' total would give her away, so it is hidden too,
    // and so is the same number where the members table shows it (the last month's practitioners).
    expect(row('NE')).toBeUndefined();
    await member({ kind: 'practitioner', country: 'NE' });
    const after = (await b.get(`/api/board/insights?from=${thisMonth()}&to=${thisMonth()}`)).body.tables;
    const ne = after.countries.rows.find((r: { label: string }) => r.label === 'NE');
    expect(ne.cells[0]).toEqual({ value: null, suppressed: true });
    expect(after.countries.rows.filter((r: { cells: { suppressed?: boolean }[] }) => r.cells[0]?.suppressed)).toHaveLength(1);
    expect(after.countries.totals[0]).toEqual({ value: null, suppressed: true });
    expect(after.members.rows.at(-1).cells[0]).toEqual({ value: null, suppressed: true });
  });
});
