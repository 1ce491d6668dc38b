import { describe, expect, it } from 'vitest';
import { runDigest } from '../../functions/email/digest';
import type { EmailJob } from '../../functions/email/jobs';
import { runNudges } from '../../functions/email/nudges';
import { TABLE, db, toAttr, values } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { notificationPut } from '../../functions/notifications/repository';
import { drainLocalEmail } from '../../functions/email/queue';
import { type Agent, applicant, board, member, mentorProfile } from '../helpers';
import { emailsTo, waitForEmail } from '../inbox';

/*
 * What is emailed and when (issue 13): the digest and the mentors' nudges, each queued once.
 *
 * These runs read the whole table's news and expiry lists, which other test files write to at the
 * same time; so each test here lives at its own hour in 2031, where nothing else is, and looks only
 * at the jobs for its own members.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Hours in 2031, later for each test: the digest's runs read forward from where the last one stopped. */
let base = Date.parse('2031-03-01T10:00:00.000Z');
const nextBase = () => {
  base += 30 * DAY;
  return base;
};

async function withEmail(a: Agent, email: { enabled: boolean; digest?: 'daily' | 'weekly' }): Promise<Agent> {
  const current = await a.get('/api/members/me/preferences');
  const res = await a.put('/api/members/me/preferences', { email, version: current.body.version });
  expect(res.status).toBe(200);
  return a;
}

async function notify(a: Agent, atMs: number): Promise<void> {
  await db.transactWrite({ TransactItems: [notificationPut(a.userId, 'test.news', '/notifications', new Date(atMs).toISOString())] });
}

const jobsFor = (jobs: EmailJob[], a: Agent) => jobs.filter((j) => 'memberId' in j && j.memberId === a.userId);

describe('the email digest', () => {
  it('goes to members with email on and something new, with how many, once; never to members with email off', async () => {
    const t = nextBase();
    const [on, off, quiet] = await Promise.all([member(), member(), member()]);
    await Promise.all([withEmail(on, { enabled: true }), withEmail(off, { enabled: false }), withEmail(quiet, { enabled: true })]);
    await notify(on, t);
    await notify(on, t + 1000);
    await notify(off, t + 2000);

    // Her first digest counts every notice she has not read (her approval's too).
    const unread = ((await on.get('/api/notifications?limit=50')).body.items as { read: boolean }[]).filter((n) => !n.read).length;
    expect(unread).toBeGreaterThanOrEqual(2);
    const first = await runDigest(t + 10 * 60_000);
    expect(jobsFor(first.queued, on)).toEqual([{ id: expect.any(String), kind: 'digest', memberId: on.userId, count: expect.any(Number) }]);
    // At least what she had unread (another test file's announcement may have reached her since).
    expect((jobsFor(first.queued, on)[0] as { count: number }).count).toBeGreaterThanOrEqual(unread);
    expect(jobsFor(first.queued, off)).toEqual([]);
    expect(jobsFor(first.queued, quiet)).toEqual([]);
    // Nothing new since: the next run queues nothing for her.
    expect(jobsFor((await runDigest(t + 11 * 60_000)).queued, on)).toEqual([]);
  });

  it('waits for her day (or week) to pass, then counts only what came after the last digest', async () => {
    const t = nextBase();
    const [daily, weekly] = await Promise.all([member(), member()]);
    await Promise.all([withEmail(daily, { enabled: true, digest: 'daily' }), withEmail(weekly, { enabled: true, digest: 'weekly' })]);
    await Promise.all([notify(daily, t), notify(weekly, t)]);
    const first = await runDigest(t + 5 * 60_000);
    expect(jobsFor(first.queued, daily)).toHaveLength(1);
    expect(jobsFor(first.queued, weekly)).toHaveLength(1);

    await Promise.all([notify(daily, t + HOUR), notify(weekly, t + HOUR)]);
    expect(jobsFor((await runDigest(t + HOUR + 5 * 60_000)).queued, daily)).toEqual([]);
    // A day later nothing else has happened, yet her digest is due: the due list brings her back.
    const nextDay = await runDigest(t + DAY + 10 * 60_000);
    expect(jobsFor(nextDay.queued, daily)).toEqual([expect.objectContaining({ kind: 'digest', count: 1 })]);
    expect(jobsFor(nextDay.queued, weekly)).toEqual([]);
    const nextWeek = await runDigest(t + 7 * DAY + 10 * 60_000);
    expect(jobsFor(nextWeek.queued, weekly)).toEqual([expect.objectContaining({ kind: 'digest', count: 1 })]);
  });

  it('counts nothing she has already read', async () => {
    const t = nextBase();
    const reader = await withEmail(await member(), { enabled: true });
    await notify(reader, t);
    const list = await reader.get('/api/notifications?limit=50');
    for (const n of list.body.items as { id: string; read: boolean }[]) if (!n.read) await reader.post(`/api/notifications/${n.id}/read`);
    expect(jobsFor((await runDigest(t + 5 * 60_000)).queued, reader)).toEqual([]);
  });

  it('queues one digest when two runs overlap', async () => {
    const t = nextBase();
    const raced = await withEmail(await member(), { enabled: true });
    await notify(raced, t);
    const runs = await Promise.all([runDigest(t + 5 * 60_000), runDigest(t + 5 * 60_000), runDigest(t + 5 * 60_000)]);
    expect(runs.flatMap((r) => jobsFor(r.queued, raced))).toHaveLength(1);
  });
});

async function askedAt(mentee: Agent, mentor: Agent, askedAtMs: number): Promise<string> {
  const res = await mentee.post('/api/mentorships', {
    mentorId: mentor.userId,
    message: 'Would you mentor me?',
    goals: { shortTerm: 'Lead a case', mediumTerm: '', longTerm: '' },
  });
  expect(res.status).toBe(201);
  const id = res.body.id as string;
  // Its expiry entry as if she had asked at `askedAtMs` (requests expire after 14 days).
  const found = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: 'mentorshipId = :id',
    ExpressionAttributeValues: values({ ':pk': 'EXPIRY', ':id': id }),
  });
  const expiresAt = new Date(askedAtMs + 14 * DAY).toISOString();
  for (const item of found.Items ?? []) await db.deleteItem({ TableName: TABLE, Key: { pk: item.pk as never, sk: item.sk as never } });
  await db.putItem({ TableName: TABLE, Item: toAttr({ ...keys.expiry(expiresAt, id), entity: 'expiry', version: 1, mentorshipId: id }) });
  return id;
}

describe('nudges for an unanswered request', () => {
  it('nudges the mentor with email on after 3 days and again after 10, once each, and never for an answered request', async () => {
    const t = nextBase();
    const [mentor, mentee, other] = await Promise.all([member(mentorProfile, 'mentor'), member({}, 'mentee'), member({}, 'mentee')]);
    const waiting = await askedAt(mentee, mentor, t);
    const answered = await askedAt(other, mentor, t);
    expect((await mentor.post(`/api/mentorships/${answered}/decline`, { reason: 'no_time' })).status).toBe(200);

    expect(jobsFor((await runNudges(t + 2 * DAY)).queued, mentor)).toEqual([]);
    // Email off: no nudge, and none used up; once he turns email on, it comes.
    expect(jobsFor((await runNudges(t + 3 * DAY)).queued, mentor)).toEqual([]);
    await withEmail(mentor, { enabled: true });
    const three = await runNudges(t + 3 * DAY + HOUR);
    expect(jobsFor(three.queued, mentor)).toEqual([
      { id: `nudge#${waiting}#3`, kind: 'nudge.request', memberId: mentor.userId, mentorshipId: waiting, days: 3 },
    ]);
    const again = await Promise.all([runNudges(t + 3 * DAY + 2 * HOUR), runNudges(t + 3 * DAY + 2 * HOUR)]);
    expect(again.flatMap((r) => jobsFor(r.queued, mentor))).toEqual([]);
    const ten = await Promise.all([runNudges(t + 10 * DAY + HOUR), runNudges(t + 10 * DAY + HOUR)]);
    expect(ten.flatMap((r) => jobsFor(r.queued, mentor))).toEqual([expect.objectContaining({ mentorshipId: waiting, days: 10 })]);
    // The mentee is never nudged; the request answered is never mentioned.
    expect(ten.flatMap((r) => r.queued).some((j) => j.kind === 'nudge.request' && j.mentorshipId === answered)).toBe(false);
    expect(
      jobsFor(
        ten.flatMap((r) => r.queued),
        mentee,
      ),
    ).toEqual([]);
  });
});

describe('the answer to an application', () => {
  it('emails an applicant who asked for it that there is an answer, never which; one who did not gets nothing', async () => {
    const [asked, silent] = await Promise.all([applicant({}, 'asks'), applicant({}, 'silent')]);
    await withEmail(asked, { enabled: true });
    const b = await board();
    expect((await b.post(`/api/board/applications/${asked.userId}/decision`, { decision: 'decline', reason: 'Not yet' })).status).toBe(200);
    expect((await b.post(`/api/board/applications/${silent.userId}/decision`, { decision: 'approve' })).status).toBe(200);
    await drainLocalEmail();
    const m = await waitForEmail({ to: asked.email });
    expect(m.subject).toBe('You have new notices');
    expect(`${m.text}${m.html}`).not.toMatch(/declin|approv|Not yet/i);
    expect(await emailsTo(silent.email)).toEqual([]);
  });
});
