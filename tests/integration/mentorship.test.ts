import { describe, expect, it } from 'vitest';
import { TABLE, db, toAttr, values } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { listAudit } from '../../functions/moderation/audit';
import { sweepExpired } from '../../functions/mentorship/service';
import type { ProfileInput } from '../../shared/schemas';
import { type Agent, applicant, board, expectError, member } from '../helpers';

/** A mentor offering `capacity` places in the given topics, mentoring in `lang`. */
function mentorProfile(capacity: number, lang: string, extra: Partial<ProfileInput> = {}): Partial<ProfileInput> {
  return {
    kind: 'champion',
    languages: [lang, 'en'],
    timezone: 'Asia/Karachi',
    mentoring: {
      offering: { active: true, capacity, topics: ['investigation', 'leadership'], languages: [lang] },
      seeking: {
        active: false,
        topics: [],
        goals: { shortTerm: '', mediumTerm: '', longTerm: '' },
        sameCountryOnly: false,
        outsideOrganizationOnly: false,
      },
    },
    visibility: { timezone: 'members' },
    ...extra,
  };
}

function menteeProfile(lang: string, extra: Partial<ProfileInput> = {}): Partial<ProfileInput> {
  return {
    languages: [lang],
    timezone: 'Asia/Kabul',
    mentoring: {
      offering: { active: false, capacity: 0, topics: [], languages: [] },
      seeking: {
        active: true,
        topics: ['investigation', 'victim_protection'],
        goals: { shortTerm: 'Lead an investigation', mediumTerm: '', longTerm: 'Leadership role' },
        sameCountryOnly: false,
        outsideOrganizationOnly: false,
      },
    },
    ...extra,
  };
}

const ask = (mentee: Agent, mentor: Agent, message = 'Would you mentor me?') =>
  mentee.post('/api/mentorships', { mentorId: mentor.userId, message, goals: { shortTerm: 'Lead a case', mediumTerm: '', longTerm: '' } });

/** Moves a request's expiry into the past, as if 14 days had gone by. */
async function ageRequest(id: string) {
  const past = new Date(Date.now() - 60_000).toISOString();
  await db.updateItem({
    TableName: TABLE,
    Key: toAttr(keys.mentorship(id)),
    UpdateExpression: 'SET expiresAt = :past',
    ExpressionAttributeValues: values({ ':past': past }),
  });
  const { expiresAt } = (await db.getItem({ TableName: TABLE, Key: toAttr(keys.mentorship(id)) })).Item ?? {};
  // The sweeper's index entry moves with it.
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk',
    FilterExpression: 'mentorshipId = :id',
    ExpressionAttributeValues: values({ ':pk': 'EXPIRY', ':id': id }),
  });
  for (const item of res.Items ?? []) {
    await db.deleteItem({ TableName: TABLE, Key: { pk: item.pk as never, sk: item.sk as never } });
    await db.putItem({ TableName: TABLE, Item: toAttr({ ...keys.expiry(past, id), entity: 'expiry', version: 1, mentorshipId: id }) });
  }
  return expiresAt;
}

describe('mentor suggestions', () => {
  it('ranks eligible mentors with reasons, deterministically, and never the wrong ones', async () => {
    const lang = 'ti';
    const good = await member(mentorProfile(2, lang), 'mentor');
    const paused = await member(
      mentorProfile(2, lang, {
        mentoring: { offering: { active: false, capacity: 2, topics: ['investigation'], languages: [lang] } } as never,
      }),
    );
    const blocked = await member(mentorProfile(2, lang));
    const mentee = await member(menteeProfile(lang));
    await mentee.put(`/api/members/me/blocks/${blocked.userId}`);

    const res = await mentee.get('/api/matches/suggestions?limit=50');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((s: { mentor: { id: string } }) => s.mentor.id);
    expect(ids).toContain(good.userId);
    expect(ids).not.toContain(paused.userId);
    expect(ids).not.toContain(blocked.userId);
    expect(ids).not.toContain(mentee.userId);
    const mine = res.body.items.find((s: { mentor: { id: string } }) => s.mentor.id === good.userId);
    expect(mine.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['topics', 'language', 'capacity', 'timezone']),
    );
    expect(mine.reasons.find((r: { code: string }) => r.code === 'topics').detail).toBe('shares 1 of your topics: investigation');
    expect(mine.reasons.find((r: { code: string }) => r.code === 'timezone').detail).toBe("0.5 hours' time difference");
    expect(mine.reasons.find((r: { code: string }) => r.code === 'capacity').detail).toBe('has room for 2 more mentees');
    expect(mine.mentor).not.toHaveProperty('organization'); // board-only by default
    for (const s of res.body.items) expect(s.reasons.length).toBeGreaterThan(0);
    const scores = res.body.items.map((s: { score: number }) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect((await mentee.get('/api/matches/suggestions?limit=50')).body).toEqual(res.body);

    expect((await ask(mentee, good)).status).toBe(201);
    const after = (await mentee.get('/api/matches/suggestions?limit=50')).body.items.map((s: { mentor: { id: string } }) => s.mentor.id);
    expect(after).not.toContain(good.userId); // an open request exists
  });

  it('neither suggests nor lets anyone ask a mentor a sanction suspends, and does again once it is lifted', async () => {
    const lang = 'ny';
    const suspended = await member(mentorProfile(2, lang), 'mentor-suspended');
    const other = await member(mentorProfile(2, lang), 'mentor-other');
    const mentee = await member(menteeProfile(lang));
    const b = await board();
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const made = await b.post(`/api/moderation/members/${suspended.userId}/sanctions`, { type: 'suspend', until, reason: 'Under review' });
    expect(made.status).toBe(201);

    // Ask for one suggestion: the suspended mentor may rank first, and the page is still full.
    const ids = (await mentee.get('/api/matches/suggestions?limit=50')).body.items.map((s: { mentor: { id: string } }) => s.mentor.id);
    expect(ids).toContain(other.userId);
    expect(ids).not.toContain(suspended.userId);
    expect((await mentee.get('/api/matches/suggestions?limit=1')).body.items).toHaveLength(1);
    expect((await mentee.get(`/api/matches/mentors/${suspended.userId}`)).body).toMatchObject({ available: false, reason: 'not_offering' });
    expectError(await ask(mentee, suspended), 409, 'conflict');

    const lifted = await b.post(`/api/moderation/members/${suspended.userId}/sanctions/${made.body.id}/lift`, { reason: 'Cleared' });
    expect(lifted.status).toBe(200);
    const again = (await mentee.get('/api/matches/suggestions?limit=50')).body.items.map((s: { mentor: { id: string } }) => s.mentor.id);
    expect(again).toContain(suspended.userId);
    expect((await ask(mentee, suspended)).status).toBe(201);
  });

  it('refuses a pending applicant (403) and a bad limit (400)', async () => {
    expectError(await (await applicant()).get('/api/matches/suggestions'), 403, 'forbidden');
    expectError(await (await member()).get('/api/matches/suggestions?limit=0'), 400, 'validation_failed');
  });
});

describe('asking from a member page', () => {
  it('says whether she may ask a member for mentoring now, and why not', async () => {
    const mentor = await member(mentorProfile(1, 'yo'));
    const paused = await member(menteeProfile('yo'));
    const mentee = await member(menteeProfile('yo'));
    const other = await member(menteeProfile('yo'));
    const pending = await applicant();
    const path = (a: Agent) => `/api/matches/mentors/${a.userId}`;

    expect((await mentee.get(path(mentor))).body).toEqual({ available: true });
    expect((await mentee.get(path(paused))).body).toEqual({ available: false, reason: 'not_offering' });
    expect((await mentee.get(path(mentee))).body).toEqual({ available: false, reason: 'self' });
    const { id } = (await ask(mentee, mentor)).body;
    expect((await mentee.get(path(mentor))).body).toEqual({ available: false, reason: 'open_request', mentorshipId: id });
    await mentor.post(`/api/mentorships/${id}/accept`);
    expect((await other.get(path(mentor))).body).toEqual({ available: false, reason: 'at_capacity' });

    expectError(await other.get('/api/matches/mentors/no-such-member'), 404, 'not_found');
    expectError(await other.get(path(pending)), 404, 'not_found');
    expectError(await pending.get(path(mentor)), 403, 'forbidden');
    expect((await mentor.put(`/api/members/me/blocks/${other.userId}`)).status).toBe(204);
    expectError(await other.get(path(mentor)), 404, 'not_found');
  });
});

describe('mentorship requests', () => {
  it('creates a pending request, notifies the mentor, and refuses duplicates, self, unknown and blocked mentors', async () => {
    const mentor = await member(mentorProfile(2, 'so'));
    const mentee = await member(menteeProfile('so'));
    const res = await ask(mentee, mentor);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'pending', mentorId: mentor.userId, menteeId: mentee.userId, version: 1 });
    const notes = (await mentor.get('/api/notifications')).body.items;
    expect(notes[0]).toMatchObject({ type: 'mentorship.received', link: `/mentorships/${res.body.id}` });

    expectError(await ask(mentee, mentor), 409, 'conflict');
    expectError(await mentee.post('/api/mentorships', { mentorId: mentee.userId, message: 'me' }), 400, 'validation_failed');
    expectError(
      await mentee.post('/api/mentorships', { mentorId: '00000000-0000-0000-0000-000000000000', message: 'x' }),
      404,
      'not_found',
    );
    expectError(await mentee.post('/api/mentorships', { mentorId: mentor.userId }), 400, 'validation_failed');
    expectError(
      await mentee.post('/api/mentorships', { mentorId: mentor.userId, message: 'x', state: 'accepted' }),
      400,
      'validation_failed',
    );

    const other = await member(mentorProfile(2, 'so'));
    await other.put(`/api/members/me/blocks/${mentee.userId}`);
    expectError(await ask(mentee, other), 404, 'not_found');

    const notOffering = await member();
    expectError(await ask(mentee, notOffering), 409, 'conflict');
    expectError(await ask(await applicant(), mentor), 403, 'forbidden');
  });

  it('lets only one of several simultaneous requests for the same pair through', async () => {
    const mentor = await member(mentorProfile(3, 'kmr'));
    const mentee = await member(menteeProfile('kmr'));
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => ask(mentee, mentor)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect((await mentee.get('/api/mentorships?as=mentee')).body.items).toHaveLength(1);
  });

  it('allows at most 3 pending requests per mentee', async () => {
    const mentee = await member(menteeProfile('am'));
    const mentors = await Promise.all([1, 2, 3, 4].map(() => member(mentorProfile(1, 'am'))));
    for (const m of mentors.slice(0, 3)) expect((await ask(mentee, m)).status).toBe(201);
    const fourth = await ask(mentee, mentors[3] as Agent);
    expectError(fourth, 409, 'conflict');
    expect(fourth.body.error.details[0].code).toBe('too_many_pending');
  });

  it('shows a mentorship to its two parties and the board only; others get 404, the wrong party 403', async () => {
    const mentor = await member(mentorProfile(2, 'ha'));
    const mentee = await member(menteeProfile('ha'));
    const stranger = await member();
    const b = await board();
    const { id } = (await ask(mentee, mentor)).body;
    expect((await mentor.get(`/api/mentorships/${id}`)).status).toBe(200);
    expect((await b.get(`/api/mentorships/${id}`)).status).toBe(200);
    expectError(await stranger.get(`/api/mentorships/${id}`), 404, 'not_found');
    expectError(await stranger.post(`/api/mentorships/${id}/accept`), 404, 'not_found');
    expectError(await mentor.get('/api/mentorships/not-an-id'), 404, 'not_found');
    expectError(await mentee.post(`/api/mentorships/${id}/accept`), 403, 'forbidden');
    expectError(await mentor.post(`/api/mentorships/${id}/withdraw`), 403, 'forbidden');
    expectError(await b.post(`/api/mentorships/${id}/accept`), 403, 'forbidden');
    expectError(await mentee.post(`/api/mentorships/${id}/suspend`, { reason: 'x' }), 403, 'forbidden');
    expectError(await mentee.post(`/api/mentorships/${id}/complete`), 409, 'conflict');

    const asMentor = (await mentor.get('/api/mentorships?as=mentor&state=pending')).body.items.map((m: { id: string }) => m.id);
    expect(asMentor).toContain(id);
    expect((await mentee.get('/api/mentorships?as=mentee')).body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect((await stranger.get('/api/mentorships?as=mentor')).body.items).toEqual([]);
    expectError(await mentee.get('/api/mentorships?as=boss'), 400, 'validation_failed');
  });
});

describe('the lifecycle', () => {
  it('never accepts a request once either of the two has blocked the other: it is withdrawn quietly', async () => {
    const lang = 'rw';
    for (const blocker of ['mentee', 'mentor'] as const) {
      const mentor = await member(mentorProfile(2, lang));
      const mentee = await member(menteeProfile(lang));
      const asked = await ask(mentee, mentor);
      expect(asked.status).toBe(201);
      const [by, other] = blocker === 'mentee' ? [mentee, mentor] : [mentor, mentee];
      expect((await by.put(`/api/members/me/blocks/${other.userId}`)).status).toBe(204);
      const refused = await mentor.post(`/api/mentorships/${asked.body.id}/accept`);
      expectError(refused, 409, 'conflict');
      expect(refused.body.error.details[0]).toMatchObject({ code: 'not_pending' });
      const after = await mentee.get(`/api/mentorships/${asked.body.id}`);
      expect({ blocker, state: after.body.state }).toEqual({ blocker, state: 'withdrawn' });
      // Nothing says why: a block is never announced.
      expect(JSON.stringify(after.body)).not.toContain('block');
      const stats = await db.getItem({ TableName: TABLE, Key: toAttr(keys.mentorStats(mentor.userId)), ConsistentRead: true });
      expect(Number(stats.Item?.accepted?.N ?? 0)).toBe(0);
    }
  });

  it('never accepts more mentees than the mentor’s capacity under 20 concurrent accepts', async () => {
    const mentor = await member(mentorProfile(2, 'ckb'), 'busy-mentor');
    const mentees = await Promise.all(Array.from({ length: 20 }, () => member(menteeProfile('ckb'))));
    const ids: string[] = [];
    for (const m of mentees) {
      const res = await ask(m, mentor);
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const results = await Promise.all(ids.map((id) => mentor.post(`/api/mentorships/${id}/accept`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(18);
    const accepted = (await mentor.get('/api/mentorships?as=mentor&state=accepted&limit=50')).body.items;
    expect(accepted).toHaveLength(2);
    const stats = await db.getItem({ TableName: TABLE, Key: toAttr(keys.mentorStats(mentor.userId)), ConsistentRead: true });
    expect(stats.Item?.accepted).toEqual({ N: '2' });
  });

  it('withdraws a mentee’s other pending requests when she reaches her limit, and tells those mentors', async () => {
    const mentee = await member(menteeProfile('sw'));
    const [m1, m2, m3] = await Promise.all([1, 2, 3].map(() => member(mentorProfile(1, 'sw'))));
    const r1 = (await ask(mentee, m1 as Agent)).body;
    const r2 = (await ask(mentee, m2 as Agent)).body;
    const r3 = (await ask(mentee, m3 as Agent)).body;
    expect((await (m1 as Agent).post(`/api/mentorships/${r1.id}/accept`)).status).toBe(200);
    expect((await (m2 as Agent).post(`/api/mentorships/${r2.id}/accept`)).status).toBe(200);
    expect((await mentee.get(`/api/mentorships/${r3.id}`)).body.state).toBe('withdrawn');
    expect((await (m3 as Agent).get('/api/notifications')).body.items[0].type).toBe('mentorship.withdrawn');
    expectError(await (m3 as Agent).post(`/api/mentorships/${r3.id}/accept`), 409, 'conflict');
  });

  it('declines with a reason, withdraws, completes and ends, each from the right state only', async () => {
    const mentor = await member(mentorProfile(3, 'ne'));
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => member(menteeProfile('ne'))));
    const ra = (await ask(a as Agent, mentor)).body;
    const rb = (await ask(b as Agent, mentor)).body;
    const rc = (await ask(c as Agent, mentor)).body;

    expectError(await mentor.post(`/api/mentorships/${ra.id}/decline`, { reason: 'busy' }), 400, 'validation_failed');
    const declined = await mentor.post(`/api/mentorships/${ra.id}/decline`, { reason: 'no_time', note: 'Next quarter?' });
    expect(declined.body).toMatchObject({ state: 'declined', declineReason: 'no_time' });
    expect((await (a as Agent).get('/api/notifications')).body.items[0].type).toBe('mentorship.declined');
    expectError(await mentor.post(`/api/mentorships/${ra.id}/accept`), 409, 'conflict');
    expect((await ask(a as Agent, mentor)).status).toBe(201); // the pair is free again

    expect((await (b as Agent).post(`/api/mentorships/${rb.id}/withdraw`)).body.state).toBe('withdrawn');
    expect((await mentor.get('/api/notifications')).body.items[0].type).toBe('mentorship.withdrawn');

    expect((await mentor.post(`/api/mentorships/${rc.id}/accept`)).body.state).toBe('accepted');
    expectError(await (c as Agent).post(`/api/mentorships/${rc.id}/withdraw`), 409, 'conflict');
    expect((await (c as Agent).post(`/api/mentorships/${rc.id}/complete`)).body.state).toBe('completed');
    expect((await mentor.get('/api/notifications')).body.items[0].type).toBe('mentorship.completed');
    expectError(await mentor.post(`/api/mentorships/${rc.id}/end`), 409, 'conflict');
    const stats = await db.getItem({ TableName: TABLE, Key: toAttr(keys.mentorStats(mentor.userId)), ConsistentRead: true });
    expect(stats.Item?.accepted).toEqual({ N: '0' });
  });

  it('keeps check-ins to the two parties (board 403, others 404) and feedback for the board', async () => {
    const mentor = await member(mentorProfile(1, 'ps'));
    const mentee = await member(menteeProfile('ps'));
    const stranger = await member();
    const b = await board();
    const { id } = (await ask(mentee, mentor)).body;
    const entry = { date: '2026-11-20', notes: 'Discussed the interview plan.', nextSteps: 'Draft the plan' };
    expectError(await mentee.post(`/api/mentorships/${id}/check-ins`, entry), 409, 'conflict');
    await mentor.post(`/api/mentorships/${id}/accept`);
    const created = await mentee.post(`/api/mentorships/${id}/check-ins`, entry);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...entry, authorId: mentee.userId });
    expect((await mentor.get(`/api/mentorships/${id}/check-ins`)).body.items[0].notes).toBe(entry.notes);
    expectError(await b.get(`/api/mentorships/${id}/check-ins`), 403, 'forbidden');
    expectError(await b.post(`/api/mentorships/${id}/check-ins`, entry), 403, 'forbidden');
    expectError(await stranger.get(`/api/mentorships/${id}/check-ins`), 404, 'not_found');
    expectError(await mentee.post(`/api/mentorships/${id}/check-ins`, { ...entry, date: 'yesterday' }), 400, 'validation_failed');

    expectError(await mentee.post(`/api/mentorships/${id}/feedback`, { rating: 5, text: 'Great' }), 409, 'conflict');
    await mentor.post(`/api/mentorships/${id}/end`);
    expect((await mentee.post(`/api/mentorships/${id}/feedback`, { rating: 5, text: 'Great mentor' })).status).toBe(201);
    expectError(await mentee.post(`/api/mentorships/${id}/feedback`, { rating: 4, text: 'again' }), 409, 'conflict');
    const boardView = (await b.get(`/api/mentorships/${id}`)).body;
    expect(boardView.feedback).toEqual([expect.objectContaining({ rating: 5, text: 'Great mentor', memberId: mentee.userId })]);
    expect(JSON.stringify(boardView)).not.toContain(entry.notes);
    expect((await mentor.get(`/api/mentorships/${id}`)).body).not.toHaveProperty('feedback');
  });
});

describe('feedback for the board', () => {
  it('shows the board each member’s feedback per mentorship and in its list, never the other member; non-board 403', async () => {
    const mentor = await member(mentorProfile(1, 'so'));
    const mentee = await member(menteeProfile('so'));
    const b = await board();
    const { id } = (await ask(mentee, mentor)).body;
    await mentor.post(`/api/mentorships/${id}/accept`);
    await mentee.post(`/api/mentorships/${id}/complete`);
    expect((await mentee.post(`/api/mentorships/${id}/feedback`, { rating: 4, text: 'Patient and practical' })).status).toBe(201);
    expect((await mentor.post(`/api/mentorships/${id}/feedback`, { rating: 2, text: 'She rarely came prepared' })).status).toBe(201);

    const byBoard = (await b.get(`/api/mentorships/${id}`)).body.feedback;
    expect(byBoard).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: mentee.userId, role: 'mentee', rating: 4, text: 'Patient and practical' }),
        expect.objectContaining({ memberId: mentor.userId, role: 'mentor', rating: 2, text: 'She rarely came prepared' }),
      ]),
    );
    const list = (await b.get('/api/board/mentorships/feedback?limit=50')).body;
    const ours = list.items.filter((f: { mentorshipId: string }) => f.mentorshipId === id);
    expect(ours).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'mentee', rating: 4, mentorId: mentor.userId, menteeId: mentee.userId, state: 'completed' }),
        expect.objectContaining({ role: 'mentor', rating: 2, text: 'She rarely came prepared' }),
      ]),
    );
    expect(ours).toHaveLength(2);
    expect(list).toHaveProperty('nextCursor');

    for (const party of [mentor, mentee]) {
      const seen = await party.get(`/api/mentorships/${id}`);
      expect(seen.body).not.toHaveProperty('feedback');
      expect(JSON.stringify(seen.body)).not.toMatch(/Patient and practical|rarely came prepared/);
      expectError(await party.get('/api/board/mentorships/feedback'), 403, 'forbidden');
    }
    expectError(await b.get('/api/board/mentorships/feedback?limit=0'), 400, 'validation_failed');
  });
});

describe('check-ins', () => {
  const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  it('refuses a meeting date in the future and lists check-ins by meeting date, latest first', async () => {
    const mentor = await member(mentorProfile(1, 'sn'));
    const mentee = await member(menteeProfile('sn'));
    const { id } = (await ask(mentee, mentor)).body;
    await mentor.post(`/api/mentorships/${id}/accept`);
    const res = await mentee.post(`/api/mentorships/${id}/check-ins`, { date: daysFromNow(3), notes: 'Not yet', nextSteps: '' });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'date' })]);
    for (const date of [daysFromNow(-10), daysFromNow(-1), daysFromNow(-30)])
      expect((await mentee.post(`/api/mentorships/${id}/check-ins`, { date, notes: `Met on ${date}`, nextSteps: '' })).status).toBe(201);
    const listed = (await mentor.get(`/api/mentorships/${id}/check-ins`)).body.items.map((c: { date: string }) => c.date);
    expect(listed).toEqual([daysFromNow(-1), daysFromNow(-10), daysFromNow(-30)]);
  });

  it('lets only the author edit and delete a check-in, at its version (other member 403, others 404)', async () => {
    const mentor = await member(mentorProfile(1, 'st'));
    const mentee = await member(menteeProfile('st'));
    const stranger = await member();
    const b = await board();
    const { id } = (await ask(mentee, mentor)).body;
    await mentor.post(`/api/mentorships/${id}/accept`);
    const c = (await mentee.post(`/api/mentorships/${id}/check-ins`, { date: daysFromNow(-2), notes: 'First draft', nextSteps: '' })).body;
    const path = `/api/mentorships/${id}/check-ins/${c.id}`;

    expectError(await mentor.req('PATCH', path, { notes: 'Not mine', version: 1 }), 403, 'forbidden');
    expectError(await b.req('PATCH', path, { notes: 'Board', version: 1 }), 403, 'forbidden');
    expectError(await stranger.req('PATCH', path, { notes: 'Stranger', version: 1 }), 404, 'not_found');
    expectError(
      await mentee.req('PATCH', `/api/mentorships/${id}/check-ins/01ARZ3NDEKTSV4RRFFQ69G5FAV`, { notes: 'x', version: 1 }),
      404,
      'not_found',
    );
    expectError(await mentee.req('PATCH', path, { date: daysFromNow(2), version: 1 }), 400, 'validation_failed');
    expectError(await mentee.req('PATCH', path, { notes: '', version: 1 }), 400, 'validation_failed');

    const edited = await mentee.req('PATCH', path, { notes: 'Corrected notes', date: daysFromNow(-3), version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: c.id, notes: 'Corrected notes', date: daysFromNow(-3), version: 2 });
    expectError(await mentee.req('PATCH', path, { notes: 'From a stale page', version: 1 }), 409, 'conflict');
    expect((await mentor.get(`/api/mentorships/${id}/check-ins`)).body.items).toEqual([
      expect.objectContaining({ notes: 'Corrected notes' }),
    ]);

    expectError(await mentor.del(`${path}?version=2`), 403, 'forbidden');
    expectError(await stranger.del(`${path}?version=2`), 404, 'not_found');
    expectError(await mentee.del(`${path}?version=1`), 409, 'conflict');
    expectError(await mentee.del(path), 400, 'validation_failed');
    expect((await mentee.del(`${path}?version=2`)).status).toBe(204);
    expect((await mentor.get(`/api/mentorships/${id}/check-ins`)).body.items).toEqual([]);
    expectError(await mentee.del(`${path}?version=2`), 404, 'not_found');
  });
});

describe('erasure', () => {
  it('ends an erased member’s open mentorships and frees the other side', async () => {
    const mentor = await member(mentorProfile(1, 'ml'));
    const mentee = await member(menteeProfile('ml'));
    const { id } = (await ask(mentee, mentor)).body;
    await mentor.post(`/api/mentorships/${id}/accept`);
    expect((await mentee.del('/api/members/me')).status).toBe(202);
    expect((await mentor.get(`/api/mentorships/${id}`)).body.state).toBe('ended');
    expect((await mentor.get('/api/notifications')).body.items[0].type).toBe('mentorship.ended');
    const stats = await db.getItem({ TableName: TABLE, Key: toAttr(keys.mentorStats(mentor.userId)), ConsistentRead: true });
    expect(stats.Item?.accepted).toEqual({ N: '0' });
  });

  it('shows the other side a former member and none of what she wrote, on open and closed mentorships alike', async () => {
    const mentor = await member(mentorProfile(2, 'km'));
    const other = await member(mentorProfile(2, 'km'));
    const mentee = await member(menteeProfile('km'));
    const open = (await ask(mentee, mentor, 'Private words about my unit')).body.id;
    const closed = (await ask(mentee, other, 'More private words')).body.id;
    await mentor.post(`/api/mentorships/${open}/accept`);
    await other.post(`/api/mentorships/${closed}/accept`);
    const hers = { date: '2026-11-20', notes: 'Her own notes on the case', nextSteps: '' };
    const his = { date: '2026-11-21', notes: 'His notes stay', nextSteps: '' };
    expect((await mentee.post(`/api/mentorships/${open}/check-ins`, hers)).status).toBe(201);
    expect((await mentor.post(`/api/mentorships/${open}/check-ins`, his)).status).toBe(201);
    await other.post(`/api/mentorships/${closed}/complete`);

    expect((await mentee.del('/api/members/me')).status).toBe(202);
    for (const [agent, id] of [
      [mentor, open],
      [other, closed],
    ] as const) {
      const seen = (await agent.get(`/api/mentorships/${id}`)).body;
      expect(seen).toMatchObject({ erased: 'mentee', message: '', goals: { shortTerm: '', mediumTerm: '', longTerm: '' } });
      expect(JSON.stringify(seen)).not.toMatch(/private words|Lead a case/i);
    }
    expect((await mentor.get(`/api/mentorships/${open}/check-ins`)).body.items).toEqual([expect.objectContaining({ notes: his.notes })]);
    expectError(await mentor.get(`/api/members/${mentee.userId}`), 404, 'not_found');
  });

  it('names an erased mentor a former member and drops her decline note', async () => {
    const mentor = await member(mentorProfile(1, 'ky'));
    const mentee = await member(menteeProfile('ky'));
    const id = (await ask(mentee, mentor)).body.id;
    await mentor.post(`/api/mentorships/${id}/decline`, { reason: 'other', note: 'A note that names my posting' });
    expect((await mentor.del('/api/members/me')).status).toBe(202);
    const seen = (await mentee.get(`/api/mentorships/${id}`)).body;
    expect(seen).toMatchObject({ erased: 'mentor', state: 'declined', message: 'Would you mentor me?' });
    expect(seen).not.toHaveProperty('declineNote');
  });
});

describe('expiry', () => {
  it('reads as expired after 14 days before the sweeper runs, refuses accept, and the sweeper writes it', async () => {
    const mentor = await member(mentorProfile(1, 'ur'));
    const mentee = await member(menteeProfile('ur'));
    const created = (await ask(mentee, mentor)).body;
    expect(new Date(created.expiresAt).getTime() - new Date(created.createdAt).getTime()).toBe(14 * 86_400_000);
    await ageRequest(created.id);
    expect((await mentee.get(`/api/mentorships/${created.id}`)).body.state).toBe('expired');
    expect((await mentee.get('/api/mentorships?as=mentee&state=expired')).body.items.map((m: { id: string }) => m.id)).toContain(
      created.id,
    );
    expectError(await mentor.post(`/api/mentorships/${created.id}/accept`), 409, 'conflict');
    expect(await sweepExpired()).toBeGreaterThanOrEqual(1);
    const stored = await db.getItem({ TableName: TABLE, Key: toAttr(keys.mentorship(created.id)), ConsistentRead: true });
    expect(stored.Item?.state).toEqual({ S: 'expired' });
    expect((await mentee.get('/api/notifications')).body.items[0].type).toBe('mentorship.expired');
    expect((await ask(mentee, mentor)).status).toBe(201);
  });
});

describe('the board', () => {
  it('suspends an open mentorship with a reason, audited; others may not', async () => {
    const mentor = await member(mentorProfile(1, 'fa'));
    const mentee = await member(menteeProfile('fa'));
    const b = await board();
    const { id } = (await ask(mentee, mentor)).body;
    expectError(await mentor.post(`/api/mentorships/${id}/suspend`, { reason: 'x' }), 403, 'forbidden');
    expectError(await b.post(`/api/mentorships/${id}/suspend`, {}), 400, 'validation_failed');
    const res = await b.post(`/api/mentorships/${id}/suspend`, { reason: 'Safety concern reported' });
    expect(res.body.state).toBe('suspended');
    expectError(await b.post(`/api/mentorships/${id}/suspend`, { reason: 'again' }), 409, 'conflict');
    const audit = await listAudit({ limit: 50, scope: 't' });
    expect(audit.items.find((e) => e.targetId === id)).toMatchObject({ action: 'mentorship.suspend', reason: 'Safety concern reported' });
    const all = (await b.get('/api/board/mentorships?state=suspended&limit=50')).body.items.map((m: { id: string }) => m.id);
    expect(all).toContain(id);
    expectError(await mentor.get('/api/board/mentorships'), 403, 'forbidden');
  });

  it('drafts the best cohort assignment, explains who is left out, adjusts, and publishes once', async () => {
    const b = await board();
    const lang = 'tl';
    const x = await member(
      mentorProfile(1, lang, {
        mentoring: { offering: { active: true, capacity: 1, topics: ['investigation'], languages: [lang] } } as never,
      }),
    );
    const y = await member(
      mentorProfile(1, lang, {
        mentoring: { offering: { active: true, capacity: 1, topics: ['victim_protection'], languages: [lang] } } as never,
      }),
    );
    const ann = await member(menteeProfile(lang));
    const bea = await member(menteeProfile(lang));
    const cat = await member(menteeProfile('bn'));
    const input = { menteeIds: [ann.userId, bea.userId, cat.userId], mentorIds: [x.userId, y.userId] };

    expectError(await ann.post('/api/board/cohorts', input), 403, 'forbidden');
    expectError(await b.post('/api/board/cohorts', { menteeIds: [], mentorIds: [x.userId] }), 400, 'validation_failed');
    const draft = await b.post('/api/board/cohorts', input);
    expect(draft.status).toBe(201);
    expect(draft.body.pairs).toHaveLength(2);
    expect(new Set(draft.body.pairs.map((p: { mentorId: string }) => p.mentorId))).toEqual(new Set([x.userId, y.userId]));
    expect(draft.body.unassigned).toEqual([
      { menteeId: cat.userId, reason: expect.stringMatching(/no eligible mentor.*no shared language/) },
    ]);
    for (const p of draft.body.pairs) expect(p.reasons.length).toBeGreaterThan(0);
    expect(draft.body.totalScore).toBeCloseTo(
      draft.body.pairs.reduce((s: number, p: { score: number }) => s + p.score, 0),
      2,
    );

    const id = draft.body.id;
    expectError(
      await b.put(`/api/board/cohorts/${id}`, {
        pairs: [
          { menteeId: ann.userId, mentorId: x.userId },
          { menteeId: bea.userId, mentorId: x.userId },
        ],
        version: 1,
      }),
      400,
      'validation_failed',
    );
    const adjusted = await b.put(`/api/board/cohorts/${id}`, { pairs: [{ menteeId: ann.userId, mentorId: y.userId }], version: 1 });
    expect(adjusted.status).toBe(200);
    expect(adjusted.body.unassigned.map((u: { menteeId: string }) => u.menteeId).sort()).toEqual([bea.userId, cat.userId].sort());
    expectError(await b.put(`/api/board/cohorts/${id}`, { pairs: [], version: 1 }), 409, 'conflict');

    const published = await b.post(`/api/board/cohorts/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.created).toHaveLength(1);
    const m = (await ann.get(`/api/mentorships/${published.body.created[0]}`)).body;
    expect(m).toMatchObject({ state: 'pending', proposedBy: 'board', menteeId: ann.userId, mentorId: y.userId });
    const again = await b.post(`/api/board/cohorts/${id}/publish`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(published.body);
    expectError(await b.get('/api/board/cohorts/01ARZ3NDEKTSV4RRFFQ69G5FAV'), 404, 'not_found');
  });

  it('counts the mentees a draft already placed with a mentor in the room its reasons say she has left', async () => {
    const b = await board();
    const lang = 'ha';
    const mentor = await member(mentorProfile(3, lang));
    const mentees = await Promise.all([member(menteeProfile(lang)), member(menteeProfile(lang))]);
    const draft = await b.post('/api/board/cohorts', { menteeIds: mentees.map((m) => m.userId), mentorIds: [mentor.userId] });
    const room = (pairs: { reasons: { code: string; free?: number }[] }[]) =>
      pairs.map((p) => p.reasons.find((r) => r.code === 'capacity')?.free);
    expect(room(draft.body.pairs)).toEqual([3, 2]);
    expect(draft.body.pairs[1].reasons).toContainEqual(expect.objectContaining({ detail: 'has room for 2 more mentees' }));
    const swapped = await b.put(`/api/board/cohorts/${draft.body.id}`, {
      pairs: [...draft.body.pairs]
        .reverse()
        .map((p: { menteeId: string; mentorId: string }) => ({ menteeId: p.menteeId, mentorId: p.mentorId })),
      version: draft.body.version,
    });
    expect(swapped.status).toBe(200);
    expect(room(swapped.body.pairs)).toEqual([3, 2]);
  });

  it('publishes a cohort once under 5 concurrent publishes, and every answer names exactly the requests that exist', async () => {
    const b = await board();
    const lang = 'ig';
    const mentor = await member(mentorProfile(3, lang));
    const mentees = await Promise.all([member(menteeProfile(lang)), member(menteeProfile(lang)), member(menteeProfile(lang))]);
    const draft = await b.post('/api/board/cohorts', { menteeIds: mentees.map((m) => m.userId), mentorIds: [mentor.userId] });
    expect(draft.body.pairs).toHaveLength(3);

    const answers = await Promise.all(Array.from({ length: 5 }, () => b.post(`/api/board/cohorts/${draft.body.id}/publish`)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const pending = (await mentor.get('/api/mentorships?as=mentor&state=pending&limit=50')).body.items;
    expect(pending).toHaveLength(3);
    expect(new Set(pending.map((m: { menteeId: string }) => m.menteeId))).toEqual(new Set(mentees.map((m) => m.userId)));
    const existing = pending.map((m: { id: string }) => m.id).sort();
    for (const a of answers) {
      expect([...a.body.created].sort()).toEqual(existing);
      expect(a.body.skipped).toEqual([]);
    }
    const stored = (await b.get(`/api/board/cohorts/${draft.body.id}`)).body;
    expect(stored).toMatchObject({ state: 'published', published: { created: answers[0]?.body.created } });
    expect(stored).not.toHaveProperty('publishing');
  });
});

describe('her data', () => {
  it('exports her mentorships on both sides with their check-ins and the feedback she gave, to each party only', async () => {
    const mentor = await member(mentorProfile(2, 'bn'));
    const mentee = await member(menteeProfile('bn'));
    const stranger = await member();
    const id = (await ask(mentee, mentor, 'Please mentor me on case files')).body.id;
    expect((await mentor.post(`/api/mentorships/${id}/accept`)).status).toBe(200);
    const checkIn = { date: '2026-11-20', notes: 'Went through a case file together.', nextSteps: 'Draft a plan' };
    expect((await mentee.post(`/api/mentorships/${id}/check-ins`, checkIn)).status).toBe(201);
    expect((await mentee.post(`/api/mentorships/${id}/complete`)).status).toBe(200);
    expect((await mentee.post(`/api/mentorships/${id}/feedback`, { rating: 5, text: 'Patient and precise.' })).status).toBe(201);
    expect((await mentor.post(`/api/mentorships/${id}/feedback`, { rating: 3, text: 'Mentor’s own view.' })).status).toBe(201);

    const theirs = (await mentee.get('/api/members/me/export')).body.mentorships;
    expect(theirs).toEqual([
      expect.objectContaining({
        id,
        role: 'mentee',
        state: 'completed',
        message: 'Please mentor me on case files',
        checkIns: [{ ...checkIn, byMe: true, at: expect.any(String) }],
        myFeedback: [{ rating: 5, text: 'Patient and precise.', at: expect.any(String) }],
      }),
    ]);
    const his = (await mentor.get('/api/members/me/export')).body.mentorships;
    expect(his).toEqual([
      expect.objectContaining({
        id,
        role: 'mentor',
        checkIns: [expect.objectContaining({ byMe: false })],
        myFeedback: [{ rating: 3, text: 'Mentor’s own view.', at: expect.any(String) }],
      }),
    ]);
    expect((await stranger.get('/api/members/me/export')).body.mentorships).toEqual([]);
  });
});
