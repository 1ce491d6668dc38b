import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../functions/lib/clock';
import { TABLE, db, fromAttr, toAttr } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import type { ProfileInput } from '../../shared/schemas';
import { type Agent, awayFromWindowEdge, board, expectError, member, offeringProfile } from '../helpers';

/*
 * Conversations between mentor and mentee (issue 12): every route, as its two members, the board
 * and a third member see it. Time moves through the API's clock, never by waiting.
 */

const realNow = clock.now;
afterEach(() => {
  clock.now = realNow;
});

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

function mentorProfile(): Partial<ProfileInput> {
  return { ...offeringProfile(5), displayName: 'Mentor Champion', languages: ['en'] };
}

type Pair = { mentor: Agent; mentee: Agent; id: string; base: string };

/** A mentee and a mentor with an accepted mentorship between them. */
async function acceptedPair(): Promise<Pair> {
  const [mentor, mentee] = await Promise.all([member(mentorProfile(), 'mentor'), member({ displayName: 'Mentee Practitioner' }, 'mentee')]);
  const asked = await mentee.post('/api/mentorships', {
    mentorId: mentor.userId,
    message: 'Would you mentor me?',
    goals: { shortTerm: 'Lead a case', mediumTerm: '', longTerm: '' },
  });
  expect(asked.status).toBe(201);
  expect((await mentor.post(`/api/mentorships/${asked.body.id}/accept`)).status).toBe(200);
  return { mentor, mentee, id: asked.body.id, base: `/api/mentorships/${asked.body.id}/messages` };
}

const send = (a: Agent, base: string, body: string, proposals?: string[]) => a.post(base, { body, ...(proposals ? { proposals } : {}) });

let pair: Pair;
let outsider: Agent;
let boardAgent: Agent;

beforeAll(async () => {
  [pair, outsider, boardAgent] = await Promise.all([acceptedPair(), member({}, 'outsider'), board()]);
});

describe('reading and writing a conversation', () => {
  it('lets its two members write and read it, the latest page first and each page oldest first', async () => {
    const { mentor, mentee, base } = await acceptedPair();
    for (const [who, text] of [
      [mentee, 'Hello, thank you for accepting.'],
      [mentor, 'Glad to. **What** would you like to work on?'],
      [mentee, 'Interviewing victims.'],
    ] as const) {
      const res = await send(who, base, text);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ authorId: who.userId, body: text, deleted: false, version: 1 });
    }
    const first = await mentor.get(`${base}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('open');
    expect(first.body.items.map((m: { body: string }) => m.body)).toEqual([
      'Glad to. **What** would you like to work on?',
      'Interviewing victims.',
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const earlier = await mentor.get(`${base}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(earlier.body.items.map((m: { body: string }) => m.body)).toEqual(['Hello, thank you for accepting.']);
    expect(earlier.body.nextCursor).toBeNull();
    // The same cursor in another member's hands is not hers to use.
    expectError(await mentee.get(`${base}?cursor=${encodeURIComponent(first.body.nextCursor)}`), 400, 'validation_failed');
  });

  it('answers 404 to the board and to a third member, for every route', async () => {
    const { base, mentor } = pair;
    const msg = (await send(mentor, base, 'Only for the two of us.')).body;
    for (const who of [boardAgent, outsider]) {
      expectError(await who.get(base), 404, 'not_found');
      expectError(await send(who, base, 'Let me in'), 404, 'not_found');
      expectError(await who.req('PATCH', `${base}/${msg.id}`, { body: 'x' }), 404, 'not_found');
      expectError(await who.del(`${base}/${msg.id}`), 404, 'not_found');
      expectError(await who.post(`${base}/${msg.id}/accept`, { startsAt: hoursFromNow(5) }), 404, 'not_found');
      expectError(await who.get(`${base}/${msg.id}/calendar`), 404, 'not_found');
    }
    expectError(await mentor.get('/api/mentorships/not-an-id/messages'), 404, 'not_found');
  });

  it('refuses bad input with 400: an empty body, unknown fields, a bad limit or cursor', async () => {
    const { mentee, base } = pair;
    expectError(await send(mentee, base, '   '), 400, 'validation_failed');
    expectError(await mentee.post(base, { body: 'hi', extra: 1 }), 400, 'validation_failed');
    expectError(await mentee.post(base, { body: 'x'.repeat(20_001) }), 400, 'validation_failed');
    expectError(await mentee.get(`${base}?limit=0`), 400, 'validation_failed');
    expectError(await mentee.get(`${base}?limit=51`), 400, 'validation_failed');
    expectError(await mentee.get(`${base}?cursor=tampered`), 400, 'validation_failed');
  });

  it('normalises a body as posts are (trimmed, NFC)', async () => {
    const res = await send(pair.mentee, pair.base, '  Cafe\u0301 at noon?  ');
    expect(res.body.body).toBe('Café at noon?');
  });

  it('answers 409 not_accepted while the mentorship is still a request', async () => {
    const [mentor, mentee] = await Promise.all([member(mentorProfile(), 'mentor'), member({}, 'mentee')]);
    const asked = await mentee.post('/api/mentorships', {
      mentorId: mentor.userId,
      message: 'Please?',
      goals: { shortTerm: '', mediumTerm: '', longTerm: '' },
    });
    const base = `/api/mentorships/${asked.body.id}/messages`;
    const res = await send(mentee, base, 'Hello?');
    expectError(res, 409, 'conflict');
    expect(res.body.error.details[0].code).toBe('not_accepted');
    expect((await mentee.get(base)).body).toMatchObject({ items: [], state: 'not_started' });
  });
});

describe('editing and deleting', () => {
  it('lets the author edit within 15 minutes, and answers 409 after', async () => {
    const { mentee, mentor, base } = pair;
    const msg = (await send(mentee, base, 'Tuesday works.')).body;
    const edited = await mentee.req('PATCH', `${base}/${msg.id}`, { body: 'Wednesday works.', version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Wednesday works.', version: 2, editedAt: expect.any(String) });
    expectError(await mentee.req('PATCH', `${base}/${msg.id}`, { body: 'Stale', version: 1 }), 409, 'conflict');
    expectError(await mentor.req('PATCH', `${base}/${msg.id}`, { body: 'Not mine' }), 403, 'forbidden');

    clock.now = () => realNow() + 16 * 60_000;
    const late = await mentee.req('PATCH', `${base}/${msg.id}`, { body: 'Thursday works.' });
    expectError(late, 409, 'conflict');
    expect(late.body.error.details[0].code).toBe('edit_window_passed');
  });

  it('deletes a message for its author only: it keeps its place, shown as deleted with no words', async () => {
    const { mentee, mentor, base } = pair;
    const msg = (await send(mentee, base, 'Sent by mistake.')).body;
    expectError(await mentor.del(`${base}/${msg.id}`), 403, 'forbidden');
    const gone = await mentee.del(`${base}/${msg.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ id: msg.id, deleted: true, body: '' });
    const seen = (await mentor.get(base)).body.items.find((m: { id: string }) => m.id === msg.id);
    expect(seen).toMatchObject({ deleted: true, body: '' });
    expectError(await mentee.del(`${base}/${msg.id}`), 409, 'conflict');
    expectError(await mentee.req('PATCH', `${base}/${msg.id}`, { body: 'Back' }), 409, 'conflict');
    expectError(await mentee.del(`${base}/01ARZ3NDEKTSV4RRFFQ69G5FAV`), 404, 'not_found');
  });
});

describe('proposing and agreeing a meeting', () => {
  it('accepts at most three distinct future times', async () => {
    const { mentee, base } = pair;
    const four = [1, 2, 3, 4].map((h) => hoursFromNow(24 + h));
    expectError(await send(mentee, base, 'Times?', four), 400, 'validation_failed');
    const dup = await send(mentee, base, 'Times?', [four[0] as string, four[0] as string]);
    expectError(dup, 400, 'validation_failed');
    const past = await send(mentee, base, 'Times?', [hoursFromNow(-1)]);
    expectError(past, 400, 'validation_failed');
    expect(past.body.error.details[0]).toMatchObject({ path: 'proposals.0', code: 'date_in_past' });
    expectError(await send(mentee, base, 'Times?', ['next tuesday']), 400, 'validation_failed');
    const ok = await send(mentee, base, 'Times?', four.slice(0, 3));
    expect(ok.status).toBe(201);
    expect(ok.body.proposals).toHaveLength(3);
  });

  it('lets the other member accept one time: the meeting enters both agendas, and a calendar file names no one', async () => {
    const { mentee, mentor, base, id } = await acceptedPair();
    const times = [hoursFromNow(48), hoursFromNow(72)];
    const msg = (await send(mentee, base, 'Could we meet?', times)).body;
    expectError(await mentee.post(`${base}/${msg.id}/accept`, { startsAt: times[0] }), 403, 'forbidden');
    expectError(await mentor.post(`${base}/${msg.id}/accept`, { startsAt: hoursFromNow(96) }), 400, 'validation_failed');
    expectError(await mentor.get(`${base}/${msg.id}/calendar`), 404, 'not_found');

    const accepted = await mentor.post(`${base}/${msg.id}/accept`, { startsAt: times[1] });
    expect(accepted.status).toBe(200);
    const startsAt = new Date(times[1] as string).toISOString();
    expect(accepted.body.acceptedProposal).toMatchObject({ startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString() });
    const again = await mentor.post(`${base}/${msg.id}/accept`, { startsAt: times[0] });
    expectError(again, 409, 'conflict');
    expect(again.body.error.details[0].code).toBe('proposal_accepted');

    for (const who of [mentor, mentee]) {
      const item = await db.getItem({ TableName: TABLE, Key: toAttr(keys.agendaItem(who.userId, startsAt, 'meeting', id)) });
      expect(item.Item && fromAttr(item.Item)).toMatchObject({ kind: 'meeting', refId: id, startsAt });
      const ics = await who.get(`${base}/${msg.id}/calendar`);
      expect(ics.status).toBe(200);
      expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(ics.body).toMatch(/SUMMARY:Meeting/);
      expect(ics.body).toMatch(new RegExp(`DTSTART:${startsAt.slice(0, 19).replace(/[-:]/g, '')}Z`));
      expect(ics.body).not.toMatch(/Mentor Champion|Mentee Practitioner|Champions/i);
    }
  });

  it('agrees exactly one time when two acceptances race', async () => {
    const { mentee, mentor, base } = await acceptedPair();
    const times = [hoursFromNow(30), hoursFromNow(31), hoursFromNow(32)];
    const msg = (await send(mentee, base, 'Pick one', times)).body;
    const answers = await Promise.all(times.map((startsAt) => mentor.post(`${base}/${msg.id}/accept`, { startsAt })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) expectError(a, 409, 'conflict');
  });

  it('answers 409 for a proposed time that has passed', async () => {
    const { mentee, mentor, base } = pair;
    const soon = hoursFromNow(1);
    const msg = (await send(mentee, base, 'In an hour?', [soon])).body;
    clock.now = () => realNow() + 2 * 3_600_000;
    const res = await mentor.post(`${base}/${msg.id}/accept`, { startsAt: soon });
    expectError(res, 409, 'conflict');
    expect(res.body.error.details[0].code).toBe('proposal_passed');
  });
});

describe('when the conversation closes', () => {
  it('is read-only once the mentorship ends', async () => {
    const { mentee, mentor, base, id } = await acceptedPair();
    await send(mentee, base, 'Thank you for everything.');
    expect((await mentor.post(`/api/mentorships/${id}/end`)).status).toBe(200);
    const res = await send(mentor, base, 'One more thing');
    expectError(res, 409, 'conflict');
    expect(res.body.error.details[0].code).toBe('conversation_read_only');
    expect((await mentee.get(base)).body).toMatchObject({
      state: 'read_only',
      items: [expect.objectContaining({ body: 'Thank you for everything.' })],
    });
  });

  it('takes the meetings still ahead out of both agendas when the mentorship ends', async () => {
    const { mentee, mentor, base, id } = await acceptedPair();
    const startsAt = new Date(hoursFromNow(40)).toISOString();
    const msg = (await send(mentee, base, 'Meet then?', [startsAt])).body;
    expect((await mentor.post(`${base}/${msg.id}/accept`, { startsAt })).status).toBe(200);
    const agendaOf = async (who: Agent) =>
      (await db.getItem({ TableName: TABLE, Key: toAttr(keys.agendaItem(who.userId, startsAt, 'meeting', id)) })).Item;
    expect(await agendaOf(mentee)).toBeDefined();
    expect((await mentee.post(`/api/mentorships/${id}/complete`)).status).toBe(200);
    expect(await agendaOf(mentee)).toBeUndefined();
    expect(await agendaOf(mentor)).toBeUndefined();
    // The conversation still shows what was agreed.
    const kept = (await mentee.get(base)).body.items.find((m: { id: string }) => m.id === msg.id);
    expect(kept.acceptedProposal.startsAt).toBe(startsAt);
  });

  it('closes on a block either way, takes its meetings out of both agendas, and stays readable by both', async () => {
    const { mentee, mentor, base, id } = await acceptedPair();
    const startsAt = new Date(hoursFromNow(60)).toISOString();
    const msg = (await send(mentor, base, 'Hello, meet then?', [startsAt])).body;
    expect((await mentee.post(`${base}/${msg.id}/accept`, { startsAt })).status).toBe(200);
    expect((await mentee.put(`/api/members/me/blocks/${mentor.userId}`)).status).toBe(204);
    // The meeting agreed between them leaves both agendas.
    for (const who of [mentee, mentor]) {
      const left = await db.getItem({ TableName: TABLE, Key: toAttr(keys.agendaItem(who.userId, startsAt, 'meeting', id)) });
      expect(left.Item).toBeUndefined();
    }
    for (const who of [mentor, mentee]) {
      const res = await send(who, base, 'Still there?');
      expectError(res, 409, 'conflict');
      expect(res.body.error.details[0].code).toBe('conversation_closed');
      expect((await who.get(base)).body.state).toBe('closed');
    }
  });

  it('closes when the board suspends the mentorship', async () => {
    const { mentee, base, id } = await acceptedPair();
    expect((await boardAgent.post(`/api/mentorships/${id}/suspend`, { reason: 'Under review' })).status).toBe(200);
    const res = await send(mentee, base, 'Hello?');
    expect(res.body.error.details[0].code).toBe('conversation_closed');
    expect((await mentee.get(base)).body.state).toBe('closed');
  });

  it('closes while the other member is suspended by a sanction', async () => {
    const { mentee, mentor, base } = await acceptedPair();
    const until = hoursFromNow(48);
    expect(
      (await boardAgent.post(`/api/moderation/members/${mentor.userId}/sanctions`, { type: 'suspend', until, reason: 'Abuse' })).status,
    ).toBe(201);
    const res = await send(mentee, base, 'Hello?');
    expectError(res, 409, 'conflict');
    expect(res.body.error.details[0].code).toBe('conversation_closed');
    expect((await mentee.get(base)).body.state).toBe('closed');
  });
});

describe('unread conversations and notifications', () => {
  it('counts a conversation once, notifies once per burst without words, and clears when she opens it', async () => {
    const { mentee, mentor, base, id } = await acceptedPair();
    expect((await mentee.get('/api/conversations/unread')).body).toEqual({ count: 0 });
    await send(mentor, base, 'First secret words');
    await send(mentor, base, 'Second secret words');
    expect((await mentee.get('/api/conversations/unread')).body).toEqual({ count: 1 });
    const notes = (await mentee.get('/api/notifications?limit=50')).body.items.filter(
      (n: { type: string }) => n.type === 'conversation.message',
    );
    expect(notes).toEqual([expect.objectContaining({ type: 'conversation.message', link: `/mentorships/${id}` })]);
    expect(JSON.stringify(notes)).not.toMatch(/secret|Mentor Champion/);
    // The writer's own count does not move, and nothing tells her whether it was read.
    expect((await mentor.get('/api/conversations/unread')).body).toEqual({ count: 0 });

    await mentee.get(base);
    expect((await mentee.get('/api/conversations/unread')).body).toEqual({ count: 0 });
    await send(mentor, base, 'Third');
    const after = (await mentee.get('/api/notifications?limit=50')).body.items.filter(
      (n: { type: string }) => n.type === 'conversation.message',
    );
    expect(after).toHaveLength(2);
  });

  it('notifies once even when messages of a burst race', async () => {
    const { mentee, mentor, base } = await acceptedPair();
    const sent = await Promise.all([1, 2, 3].map((i) => send(mentor, base, `Burst ${i}`)));
    expect(sent.map((s) => s.status)).toEqual([201, 201, 201]);
    const notes = (await mentee.get('/api/notifications?limit=50')).body.items.filter(
      (n: { type: string }) => n.type === 'conversation.message',
    );
    expect(notes).toHaveLength(1);
  });
});

/** Every page of the board's queue, until the case about `targetId` is found. */
async function caseAbout(targetId: string) {
  let cursor: string | null = null;
  do {
    const page: { items: { type: string; targetId?: string }[]; nextCursor: string | null } = (
      await boardAgent.get(`/api/moderation/queue?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    ).body;
    const found = page.items.find((i) => i.type === 'case' && i.targetId === targetId);
    if (found)
      return found as { type: 'case'; subject: { type: string; messages: { id: string; body: string; authorName: string | null }[] } };
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}

describe('reports', () => {
  it('shows the board the reported message only, as it stood when reported', async () => {
    const { mentee, mentor, base, id } = await acceptedPair();
    await send(mentor, base, 'An ordinary message before');
    const bad = (await send(mentor, base, 'The offending message')).body;
    await send(mentee, base, 'Her own reply, private');
    expectError(
      await outsider.post('/api/reports', { targetType: 'message', targetId: bad.id, mentorshipId: id, reason: 'harassment' }),
      404,
      'not_found',
    );
    expectError(
      await mentee.post('/api/reports', { targetType: 'message', targetId: bad.id, reason: 'harassment' }),
      400,
      'validation_failed',
    );
    const filed = await mentee.post('/api/reports', { targetType: 'message', targetId: bad.id, mentorshipId: id, reason: 'harassment' });
    expect(filed.status).toBe(201);
    // Editing it afterwards does not change what the board reads.
    await mentor.req('PATCH', `${base}/${bad.id}`, { body: 'Something harmless' });
    const c = await caseAbout(bad.id);
    expect(c?.subject.type).toBe('conversation');
    expect(c?.subject.messages).toEqual([
      expect.objectContaining({ id: bad.id, body: 'The offending message', authorName: 'Mentor Champion' }),
    ]);
    expect(JSON.stringify(c)).not.toMatch(/ordinary message|Her own reply/);
  });

  it('refuses a report of her own message, and a report of a conversation by anyone but its two members', async () => {
    const { mentee, base, id } = pair;
    const mine = (await send(mentee, base, 'Mine')).body;
    expectError(
      await mentee.post('/api/reports', { targetType: 'message', targetId: mine.id, mentorshipId: id, reason: 'spam' }),
      400,
      'validation_failed',
    );
    expectError(await outsider.post('/api/reports', { targetType: 'conversation', targetId: id, reason: 'unsafe' }), 404, 'not_found');
  });

  it('shows the board a reported conversation as it stood when reported, never what came after', async () => {
    const { mentee, mentor, base, id } = await acceptedPair();
    await send(mentor, base, 'Pressure message one');
    await send(mentee, base, 'Please stop');
    expect(
      (await mentee.post('/api/reports', { targetType: 'conversation', targetId: id, reason: 'unsafe', note: 'He insists' })).status,
    ).toBe(201);
    await send(mentor, base, 'Written after the report');
    const c = await caseAbout(id);
    expect(c?.subject.messages.map((m) => m.body)).toEqual(['Pressure message one', 'Please stop']);
  });
});

describe('erasure', () => {
  it('removes what the erased member wrote; the other keeps her own words and sees the places as deleted', async () => {
    const { mentee, mentor, base, id } = await acceptedPair();
    await send(mentor, base, 'From the mentor');
    const hers = (await send(mentee, base, 'From the mentee', [hoursFromNow(50)])).body;
    await mentor.post(`${base}/${hers.id}/accept`, { startsAt: hoursFromNow(50) });
    const exported = (await mentee.get('/api/members/me/export')).body;
    expect(exported.mentorships.find((m: { id: string }) => m.id === id).myMessages).toEqual([
      expect.objectContaining({ body: 'From the mentee' }),
    ]);
    expect(JSON.stringify(exported)).not.toMatch(/From the mentor/);

    expect((await mentee.del('/api/members/me')).status).toBe(202);
    const page = (await mentor.get(base)).body;
    expect(page.state).toBe('read_only');
    expect(page.items.map((m: { body: string; deleted: boolean }) => [m.body, m.deleted])).toEqual([
      ['From the mentor', false],
      ['', true],
    ]);
    expect((await mentor.get(`/api/mentorships/${id}`)).body.erased).toBe('mentee');
    const agenda = await db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': { S: `MEMBER#${mentor.userId}` }, ':p': { S: keys.agendaPrefix } },
    });
    expect(agenda.Items ?? []).toEqual([]);
  });
});

describe('flooding', () => {
  it('never takes more than 20 messages a minute from a member, however many are sent at once', async () => {
    const { mentor, base } = await acceptedPair();
    await awayFromWindowEdge(60, 15);
    const statuses = await Promise.all(Array.from({ length: 25 }, (_, i) => send(mentor, base, `At once ${i}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });

  it('refuses a member more than 20 messages a minute (429 with retry-after)', async () => {
    const { mentor, base } = await acceptedPair();
    // The limit counts per clock minute: all 21 land in one.
    await awayFromWindowEdge(60, 15);
    const sent = [];
    for (let i = 0; i < 20; i++) sent.push((await send(mentor, base, `Message ${i}`)).status);
    expect(sent.every((s) => s === 201)).toBe(true);
    const over = await send(mentor, base, 'One too many');
    expectError(over, 429, 'rate_limited');
    expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
