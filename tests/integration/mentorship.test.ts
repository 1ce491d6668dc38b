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

  it('refuses a pending applicant (403) and a bad limit (400)', async () => {
    expectError(await (await applicant()).get('/api/matches/suggestions'), 403, 'forbidden');
    expectError(await (await member()).get('/api/matches/suggestions?limit=0'), 400, 'validation_failed');
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
    expect(fourth.body.error.details[0].message).toBe('too_many_pending');
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
    expectError(await b.post(`/api/board/cohorts/${id}/publish`), 409, 'conflict');
    expectError(await b.get('/api/board/cohorts/01ARZ3NDEKTSV4RRFFQ69G5FAV'), 404, 'not_found');
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
