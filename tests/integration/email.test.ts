import { randomUUID } from 'node:crypto';
import { type ParsedMail, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { EmailJob } from '../../functions/email/jobs';
import { deliver } from '../../functions/email/mailer';
import { drainLocalEmail, enqueueEmails } from '../../functions/email/queue';
import { unsubscribeToken } from '../../functions/email/token';
import { db, TABLE, toAttr } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import type { InboxMessage } from '../../scripts/local/inbox';
import { Agent, app, board, expectError, member, ORIGIN, PASSWORD, signedInAgent, uniqueEmail } from '../helpers';
import { emailsTo, waitForEmail } from '../inbox';

const PREFS = '/api/members/me/preferences';
const UNSUBSCRIBE = '/api/email/unsubscribe';

async function emailOn(a: Agent, locale: string, email: Record<string, unknown> = {}) {
  const current = await a.get(PREFS);
  const res = await a.put(PREFS, { locale, email: { enabled: true, ...email }, version: current.body.version });
  expect(res.status).toBe(200);
}

const jobId = (tag: string) => `test#${tag}#${randomUUID()}`;

/** Queues jobs as a producer does, waits for the local deliveries, and answers what reached her inbox. */
async function sendAndRead(to: string, jobs: EmailJob[]): Promise<InboxMessage[]> {
  await enqueueEmails(jobs);
  await drainLocalEmail();
  await waitForEmail({ to, match: () => true });
  return emailsTo(to);
}

/** Everything a reader of her inbox could see: every header, the subject, the text and the HTML, decoded. */
async function decoded(m: InboxMessage): Promise<{ parsed: ParsedMail; all: string }> {
  const parsed = await simpleParser(m.raw);
  const headers = parsed.headerLines.map((h) => h.line).join('\n');
  return { parsed, all: [headers, parsed.subject ?? '', parsed.text ?? '', typeof parsed.html === 'string' ? parsed.html : ''].join('\n') };
}

/** A member whose name and post are words that could never appear in an email by chance. */
async function distinctiveMember(tag: string) {
  const marker = randomUUID().slice(0, 6);
  const name = `Zarghuna Qwillborne ${marker}`;
  const postText = `Ledger of the Kestrel checkpoint ${marker}`;
  const a = await member({ displayName: name, timezone: 'Asia/Karachi' }, tag);
  const b = await board();
  const space = await b.post('/api/spaces', { name: `members ${marker}`, description: 'test space', audience: 'members' });
  expect(space.status).toBe(201);
  const thread = await a.post(`/api/spaces/${space.body.id}/threads`, { title: `Thread ${marker}`, body: postText });
  expect(thread.status).toBe(201);
  return { a, name, postText };
}

const subjectIs = (s: string) => (m: InboxMessage) => m.subject === s;

/**
 * The digests (two new notices) that reached her: other test files send announcements to every
 * member with email on at the same time, so only this kind of email is counted.
 */
const digestsTo = async (to: string, count = 2) =>
  (await emailsTo(to)).filter((m) =>
    m.text.includes(count === 1 ? 'There is 1 new notice for you.' : `There are ${count} new notices for you.`),
  );

describe('a digest in her language and wording, through the real local SMTP server', () => {
  it('sends a neutral digest in Urdu: "CN", a neutral subject, right to left, text and HTML, one-click unsubscribe', async () => {
    const a = await member({}, 'mail-ur');
    await emailOn(a, 'ur');
    const [m] = await sendAndRead(a.email, [{ id: jobId('ur'), kind: 'digest', memberId: a.userId, count: 3 }]);
    if (!m) throw new Error('no email');
    const { parsed } = await decoded(m);
    expect(parsed.from?.value).toEqual([{ name: 'CN', address: 'notices@localhost' }]);
    expect(parsed.subject).toBe('آپ کے لیے نئی اطلاعات ہیں');
    expect(parsed.text).toContain('آپ کے لیے 3 نئی اطلاعات ہیں۔');
    expect(parsed.text).toContain(`${ORIGIN}/notifications`);
    expect(parsed.text).toContain(`${ORIGIN}/settings#email`);
    expect(parsed.text).toContain(`${ORIGIN}/unsubscribe?token=`);
    expect(parsed.html).toMatch(/<html lang="ur" dir="rtl">/);
    expect(parsed.html).toContain('<title>آپ کے لیے نئی اطلاعات ہیں</title>');
    expect(m.headers['list-unsubscribe']).toMatch(new RegExp(`^<${ORIGIN}/api/email/unsubscribe\\?token=[A-Za-z0-9_.-]+>$`));
    expect(m.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(m.headers['auto-submitted']).toBe('auto-generated');
    // No image, no remote resource, no script: nothing an inbox would fetch.
    expect(parsed.html).not.toMatch(/<img|<script|src=|url\(|<link/i);
  });

  it('sends a neutral digest in English with the count, left to right', async () => {
    const a = await member({}, 'mail-en');
    await emailOn(a, 'en');
    const [m] = await sendAndRead(a.email, [{ id: jobId('en'), kind: 'digest', memberId: a.userId, count: 1 }]);
    if (!m) throw new Error('no email');
    expect(m.subject).toBe('You have new notices');
    expect(m.text).toContain('There is 1 new notice for you.');
    expect(m.html).toMatch(/<html lang="en" dir="ltr">/);
    expect(m.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  });

  it('says the same neutral words for every kind of job: no kind, name, post or network in any part of the message', async () => {
    const { a, name, postText } = await distinctiveMember('mail-neutral');
    await emailOn(a, 'en', { wording: 'neutral' });
    const b = await board();
    const event = await b.post('/api/events', {
      kind: 'webinar',
      title: 'Interviewing survivors of trafficking',
      description: 'x',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 90_000_000).toISOString(),
      languages: ['en'],
      capacity: 20,
      joinUrl: 'https://meet.example.org/room-1',
    });
    expect(event.status).toBe(201);
    const jobs: EmailJob[] = [
      { id: jobId('n1'), kind: 'digest', memberId: a.userId, count: 2 },
      { id: jobId('n2'), kind: 'reminder', memberId: a.userId, eventId: event.body.id, lead: 'hour' },
      { id: jobId('n3'), kind: 'nudge.request', memberId: a.userId, mentorshipId: 'm1', days: 3 },
      { id: jobId('n4'), kind: 'application.decided', memberId: a.userId },
      { id: jobId('n5'), kind: 'announcement', memberId: a.userId, announcementId: 'a1' },
    ];
    await enqueueEmails(jobs);
    await drainLocalEmail();
    await waitForEmail({ to: a.email, match: () => true });
    const all = await emailsTo(a.email);
    // Five, or more when another test file's announcement reached her too: every one is checked.
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const m of all) {
      const { all: visible } = await decoded(m);
      expect(m.subject).toBe('You have new notices');
      for (const secret of [name, postText, 'Qwillborne', 'Kestrel', 'trafficking', 'Interviewing']) {
        expect(visible).not.toContain(secret);
        expect(m.raw).not.toContain(secret);
        expect(m.raw).not.toContain(Buffer.from(secret).toString('base64'));
      }
      expect(visible).not.toMatch(/champion|network|mentor|board|webinar|application/i);
    }
  });

  it('names the kind of thing in detailed wording (in English and Urdu), still never a name or a post', async () => {
    const { a, name, postText } = await distinctiveMember('mail-detailed');
    await emailOn(a, 'en', { wording: 'detailed' });
    const b = await board();
    const startsAt = '2031-03-05T09:00:00.000Z';
    const event = await b.post('/api/events', {
      kind: 'webinar',
      title: 'Financial investigations 101',
      description: 'x',
      startsAt,
      endsAt: '2031-03-05T10:00:00.000Z',
      languages: ['en'],
      capacity: 20,
      joinUrl: 'https://meet.example.org/room-1',
    });
    expect(event.status).toBe(201);
    await enqueueEmails([
      { id: jobId('d1'), kind: 'nudge.request', memberId: a.userId, mentorshipId: 'm1', days: 4 },
      { id: jobId('d2'), kind: 'reminder', memberId: a.userId, eventId: event.body.id, lead: 'day' },
    ]);
    await drainLocalEmail();
    const nudge = await waitForEmail({ to: a.email, match: subjectIs('A mentoring request is waiting for your answer') });
    expect(nudge.text).toContain('A mentoring request has been waiting 4 days for your answer.');
    const reminder = await waitForEmail({ to: a.email, match: subjectIs('Reminder: an event tomorrow') });
    // The event's title and its start in her time zone (Karachi, UTC+5): 14:00.
    expect(reminder.text).toContain('“\u2068Financial investigations 101\u2069”');
    expect(reminder.text).toContain('14:00');
    for (const m of [nudge, reminder]) {
      const { all: visible } = await decoded(m);
      expect(visible).not.toContain(name);
      expect(visible).not.toContain(postText);
      expect(m.raw).not.toContain(name);
    }

    const ur = await member({}, 'mail-detailed-ur');
    await emailOn(ur, 'ur', { wording: 'detailed' });
    const [m] = await sendAndRead(ur.email, [{ id: jobId('d3'), kind: 'nudge.request', memberId: ur.userId, mentorshipId: 'm1', days: 1 }]);
    expect(m?.subject).toBe('رہنمائی کی ایک درخواست آپ کے جواب کی منتظر ہے');
    expect(m?.text).toContain('رہنمائی کی ایک درخواست 1 دن سے آپ کے جواب کی منتظر ہے۔');
    expect(m?.html).toMatch(/<html lang="ur" dir="rtl">/);
  });
});

describe('what she chose is read at send time', () => {
  it('sends nothing while email is off (never turned on, or turned off after queueing)', async () => {
    const never = await member({}, 'mail-never');
    expect(await deliver({ id: jobId('off1'), kind: 'digest', memberId: never.userId, count: 2 })).toBe('skipped');

    const later = await member({}, 'mail-later');
    await emailOn(later, 'en');
    const current = await later.get(PREFS);
    await later.put(PREFS, { email: { enabled: false }, version: current.body.version });
    expect(await deliver({ id: jobId('off2'), kind: 'digest', memberId: later.userId, count: 2 })).toBe('skipped');
    await drainLocalEmail();
    expect(await emailsTo(never.email)).toEqual([]);
    expect(await emailsTo(later.email)).toEqual([]);
  });

  it('leaves out reminders or nudges she turned off, and sends the rest', async () => {
    const a = await member({}, 'mail-kinds');
    await emailOn(a, 'en', { reminders: false, nudges: false });
    expect(await deliver({ id: jobId('k1'), kind: 'reminder', memberId: a.userId, eventId: 'e1', lead: 'day' })).toBe('skipped');
    expect(await deliver({ id: jobId('k2'), kind: 'nudge.request', memberId: a.userId, mentorshipId: 'm1', days: 3 })).toBe('skipped');
    expect(await deliver({ id: jobId('k3'), kind: 'digest', memberId: a.userId, count: 1 })).toBe('sent');
    const m = await waitForEmail({ to: a.email });
    expect(m.subject).toBe('You have new notices');
    expect(await digestsTo(a.email, 1)).toHaveLength(1);
  });

  it('sends nothing for a member who does not exist (erased)', async () => {
    expect(await deliver({ id: jobId('gone'), kind: 'digest', memberId: randomUUID(), count: 1 })).toBe('skipped');
  });
});

describe('each job is sent once', () => {
  it('sends a job delivered twice once', async () => {
    const a = await member({}, 'mail-twice');
    await emailOn(a, 'en');
    const job: EmailJob = { id: jobId('twice'), kind: 'digest', memberId: a.userId, count: 2 };
    expect(await deliver(job)).toBe('sent');
    expect(await deliver(job)).toBe('skipped');
    await waitForEmail({ to: a.email });
    expect(await digestsTo(a.email)).toHaveLength(1);
  });

  it('sends a job delivered twice at the same moment once', async () => {
    const a = await member({}, 'mail-race');
    await emailOn(a, 'en');
    const job: EmailJob = { id: jobId('race'), kind: 'digest', memberId: a.userId, count: 2 };
    const outcomes = await Promise.all([deliver(job), deliver(job), deliver(job)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped', 'skipped']);
    await waitForEmail({ to: a.email });
    expect(await digestsTo(a.email)).toHaveLength(1);
  });
});

describe('a send that fails', () => {
  it('gives its claim back and throws, so that the queue’s retry can send it', async () => {
    // The local inbox refuses addresses that start with `refuse-` (550), as a real server may.
    const a = await member({}, 'refuse');
    await emailOn(a, 'en');
    const job: EmailJob = { id: jobId('refused'), kind: 'digest', memberId: a.userId, count: 1 };
    await expect(deliver(job)).rejects.toThrow();
    const marker = await db.getItem({ TableName: TABLE, Key: toAttr(keys.emailSent(job.id)), ConsistentRead: true });
    expect(marker.Item).toBeUndefined();
    // A retry tries again (and fails again here), rather than skipping it as sent.
    await expect(deliver(job)).rejects.toThrow();
  });
});

describe('the one-click unsubscribe', () => {
  const tokenOf = (m: InboxMessage) => /token=([A-Za-z0-9_.-]+)>/.exec(m.headers['list-unsubscribe'] ?? '')?.[1] ?? '';

  it('turns email off without signing in, as a mail client does it (RFC 8058 form POST, no Origin); again is no error', async () => {
    const a = await member({}, 'mail-unsub');
    await emailOn(a, 'en');
    const [m] = await sendAndRead(a.email, [{ id: jobId('u'), kind: 'digest', memberId: a.userId, count: 1 }]);
    if (!m) throw new Error('no email');
    const token = tokenOf(m);
    const client = new Agent();
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: '' };
    const res = await client.post(`${UNSUBSCRIBE}?token=${token}`, 'List-Unsubscribe=One-Click', form);
    expect(res.status).toBe(204);
    expect((await a.get(PREFS)).body.email.enabled).toBe(false);
    expect((await client.post(`${UNSUBSCRIBE}?token=${token}`, 'List-Unsubscribe=One-Click', form)).status).toBe(204);
    // And nothing more is sent to her.
    expect(await deliver({ id: jobId('u2'), kind: 'digest', memberId: a.userId, count: 5 })).toBe('skipped');
    expect(await digestsTo(a.email, 1)).toHaveLength(1);
    expect(await digestsTo(a.email, 5)).toEqual([]);
  });

  it('works from the app’s own unsubscribe page (same Origin, no session), with the page link’s token', async () => {
    const a = await member({}, 'mail-unsub-page');
    await emailOn(a, 'en', { digest: 'weekly', wording: 'detailed' });
    const [m] = await sendAndRead(a.email, [{ id: jobId('p'), kind: 'digest', memberId: a.userId, count: 1 }]);
    const pageToken = /\/unsubscribe\?token=([A-Za-z0-9_.-]+)/.exec(m?.text ?? '')?.[1] ?? '';
    expect(pageToken).toBe(unsubscribeToken(a.userId));
    expect((await new Agent().post(`${UNSUBSCRIBE}?token=${pageToken}`)).status).toBe(204);
    // Only email goes off: her other choices stay for when she turns it on again.
    expect((await a.get(PREFS)).body.email).toEqual({
      enabled: false,
      digest: 'weekly',
      wording: 'detailed',
      reminders: true,
      nudges: true,
    });
  });

  it('refuses a bad or tampered token with a 400, and another site’s Origin with a 403', async () => {
    const a = await member({}, 'mail-unsub-bad');
    await emailOn(a, 'en');
    const token = unsubscribeToken(a.userId);
    const [id, sig = ''] = token.split('.');
    const flipped = `${id}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'AB' : 'AA'}`;
    const other = unsubscribeToken(randomUUID()).split('.')[1];
    const client = new Agent();
    for (const bad of ['nonsense', flipped, `${id}.${other}`, `${id}`, `${token}.x`, '']) {
      const res = await client.post(`${UNSUBSCRIBE}?token=${encodeURIComponent(bad)}`, undefined, { origin: '' });
      expectError(res, 400, 'validation_failed');
    }
    expectError(await client.post(UNSUBSCRIBE, undefined, { origin: '' }), 400, 'validation_failed');
    expectError(await client.post(`${UNSUBSCRIBE}?token=${token}`, undefined, { origin: 'https://evil.example' }), 403, 'forbidden');
    expect((await a.get(PREFS)).body.email.enabled).toBe(true);
  });
});

describe('sign-up tells the owner of a taken address, and nobody else anything', () => {
  const signUp = (email: string, lang: string) =>
    app.request('http://127.0.0.1:3000/api/auth/sign-up', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'accept-language': lang },
      body: JSON.stringify({ email, password: 'another long passphrase 77' }),
    });

  it('answers a new and a taken address identically, to the byte', async () => {
    const owner = await signedInAgent('mail-taken-same');
    const [taken, fresh] = [await signUp(owner.email, 'en'), await signUp(uniqueEmail('mail-new-same'), 'en')];
    expect(taken.status).toBe(202);
    expect(fresh.status).toBe(taken.status);
    expect(await fresh.text()).toBe(await taken.text());
    expect([...fresh.headers].sort()).toEqual([...taken.headers].sort());
    await drainLocalEmail();
  });

  it('emails the owner in her saved language, with no link that signs in and no unsubscribe', async () => {
    const owner = await signedInAgent('mail-taken');
    const current = await owner.get(PREFS);
    await owner.put(PREFS, { locale: 'fr', version: current.body.version });
    expect((await signUp(owner.email, 'ru')).status).toBe(202);
    await drainLocalEmail();
    const m = await waitForEmail({ to: owner.email });
    const { parsed } = await decoded(m);
    expect(parsed.from?.value).toEqual([{ name: 'CN', address: 'notices@localhost' }]);
    expect(m.subject).toBe('Quelqu’un a tenté de s’inscrire avec votre adresse');
    expect(m.text).toContain(`${ORIGIN}/forgot-password`);
    expect(`${m.text}\n${m.html}`).not.toMatch(/sign-in|\/api\/|token=/);
    expect(m.headers['list-unsubscribe']).toBeUndefined();
    expect(await emailsTo(owner.email)).toHaveLength(1);
  });

  it('tells her once a day however many sign-ups name her address, so nobody can flood her inbox', async () => {
    const owner = await signedInAgent('mail-taken-flood');
    // Sent at the same moment, as a script would: the notice's daily claim is one conditional write.
    const answers = await Promise.all([1, 2, 3, 4].map(() => signUp(owner.email, 'en')));
    expect(answers.map((r) => r.status)).toEqual([202, 202, 202, 202]);
    await drainLocalEmail();
    await waitForEmail({ to: owner.email });
    expect(await emailsTo(owner.email)).toHaveLength(1);
  });

  it('uses the attempt’s browser language when the owner saved none', async () => {
    const owner = await signedInAgent('mail-taken-ur');
    expect((await signUp(owner.email, 'ur-PK,ur;q=0.9')).status).toBe(202);
    await drainLocalEmail();
    const m = await waitForEmail({ to: owner.email });
    expect(m.subject).toBe('کسی نے آپ کے ای میل پتے سے اکاؤنٹ بنانے کی کوشش کی');
    expect(m.html).toMatch(/<html lang="ur" dir="rtl">/);
  });

  it('sends nothing to a new address', async () => {
    const a = new Agent();
    a.email = uniqueEmail('mail-new');
    expect((await a.post('/api/auth/sign-up', { email: a.email, password: PASSWORD })).status).toBe(202);
    await drainLocalEmail();
    expect(await emailsTo(a.email)).toEqual([]);
  });
});
