import { describe, expect, it } from 'vitest';
import { TABLE, db, toAttr } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { ensurePlan } from '../../functions/plan/service';
import { getMember } from '../../functions/members/repository';
import { migrateAll } from '../../scripts/migrate-goals-to-plan';
import type { ProfileInput } from '../../shared/schemas';
import { type Agent, applicant, board, expectError, member } from '../helpers';

const NO_GOALS = { shortTerm: '', mediumTerm: '', longTerm: '' };

const mentorProfile: Partial<ProfileInput> = {
  kind: 'champion',
  mentoring: {
    offering: { active: true, capacity: 3, topics: ['investigation'], languages: ['en'] },
    seeking: { active: false, topics: [], goals: NO_GOALS, sameCountryOnly: false, outsideOrganizationOnly: false },
  },
};

/** A mentee and a mentor in an accepted mentorship. */
async function pair(mentee?: Agent) {
  const her = mentee ?? (await member());
  const mentor = await member(mentorProfile);
  const asked = await her.post('/api/mentorships', { mentorId: mentor.userId, message: 'Would you mentor me?', goals: NO_GOALS });
  expect(asked.status).toBe(201);
  expect((await mentor.post(`/api/mentorships/${asked.body.id}/accept`)).status).toBe(200);
  return { mentee: her, mentor, id: asked.body.id as string };
}

const aPlan = (version: number, extra: Record<string, unknown> = {}) => ({
  vision: 'A unit that puts survivors first.',
  goals: [
    {
      horizon: 'short',
      title: 'Lead a financial investigation',
      actions: [{ text: 'Finish the asset-tracing course', due: '2027-01-31', done: false }],
      status: 'under_way',
      notes: 'Started in November.',
    },
    { horizon: 'long', title: 'Head the provincial unit', actions: [], status: 'not_started', notes: '' },
  ],
  strengths: [{ text: 'Interviewing', use: 'Train two colleagues' }],
  growth: [{ text: 'Public speaking', how: 'Present at the next webinar' }],
  reflections: [{ text: 'The first webinar made me write this.' }],
  sharing: { board: false, mentorships: [] },
  version,
  ...extra,
});

describe('GET and PUT /api/plan', () => {
  it('answers an empty plan at version 0 before the first write, then stores her plan with ids', async () => {
    const her = await member();
    const empty = await her.get('/api/plan');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      memberId: her.userId,
      vision: '',
      goals: [],
      version: 0,
      sharing: { board: false, mentorships: [] },
    });

    const saved = await her.put('/api/plan', aPlan(0));
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const [short] = saved.body.goals;
    expect(short).toMatchObject({ id: expect.any(String), horizon: 'short', status: 'under_way', checkIns: [] });
    expect(short.actions[0]).toMatchObject({ id: expect.any(String), due: '2027-01-31', done: false });
    expect(saved.body.reflections[0]).toMatchObject({ id: expect.any(String), at: expect.any(String) });
    expect((await her.get('/api/plan')).body).toEqual(saved.body);
  });

  it('keeps the ids she sends back, and refuses ids that name nothing of hers', async () => {
    const her = await member();
    const first = (await her.put('/api/plan', aPlan(0))).body;
    const goals = first.goals.map(({ checkIns: _c, ...g }: { checkIns: unknown }) => g);
    const again = await her.put('/api/plan', aPlan(1, { goals: [{ ...goals[0], status: 'done' }], reflections: first.reflections }));
    expect(again.status).toBe(200);
    expect(again.body.goals).toEqual([expect.objectContaining({ id: first.goals[0].id, status: 'done' })]);
    expect(again.body.reflections[0]).toEqual(first.reflections[0]);

    const other = await member();
    const hers = (await other.put('/api/plan', aPlan(0))).body.goals[0].id;
    const res = await her.put('/api/plan', aPlan(2, { goals: [{ ...goals[0], id: hers }] }));
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'goals.0.id', code: 'invalid_value' })]);
  });

  it('answers a stale version with 409 and writes nothing', async () => {
    const her = await member();
    expect((await her.put('/api/plan', aPlan(0))).status).toBe(200);
    const res = await her.put('/api/plan', aPlan(0, { vision: 'Overwritten?' }));
    expectError(res, 409, 'conflict');
    expect(res.body.error.details[0].code).toBe('stale_version');
    expect((await her.get('/api/plan')).body.vision).toBe('A unit that puts survivors first.');
  });

  it('lets exactly one of two concurrent saves at the same version through', async () => {
    const her = await member();
    const results = await Promise.all([
      her.put('/api/plan', aPlan(0, { vision: 'one' })),
      her.put('/api/plan', aPlan(0, { vision: 'two' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await her.get('/api/plan')).body.version).toBe(1);
  });

  it.each([
    ['an unknown horizon', { goals: [{ horizon: 'someday', title: 'x', actions: [], status: 'done', notes: '' }] }, 'goals.0.horizon'],
    ['an empty goal title', { goals: [{ horizon: 'short', title: '  ', actions: [], status: 'done', notes: '' }] }, 'goals.0.title'],
    [
      'a bad due date',
      { goals: [{ horizon: 'short', title: 'x', actions: [{ text: 'y', due: '31/01/2027', done: false }] }] },
      'goals.0.actions.0.due',
    ],
    ['too many goals', { goals: Array.from({ length: 31 }, () => ({ horizon: 'short', title: 'x' })) }, 'goals'],
    ['an over-long vision', { vision: 'x'.repeat(2001) }, 'vision'],
    ['an unknown field', { mood: 'happy' }, 'unknown_field'],
  ])('refuses %s with a 400 naming the field', async (_what, change, path) => {
    const her = await member();
    const res = await her.put('/api/plan', aPlan(0, change));
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details.flatMap((d: { path: string; code: string }) => [d.path, d.code])).toContain(path);
  });

  it('normalises text to NFC', async () => {
    const her = await member();
    const res = await her.put('/api/plan', aPlan(0, { vision: 'Cafe\u0301 de la paix' }));
    expect(res.body.vision).toBe('Café de la paix');
  });

  it('is for active members only: a pending applicant gets 403, no session 401', async () => {
    const pending = await applicant();
    expectError(await pending.get('/api/plan'), 403, 'forbidden');
    expectError(await pending.put('/api/plan', aPlan(0)), 403, 'forbidden');
    const { Agent: Anonymous } = await import('../helpers');
    expectError(await new Anonymous().get('/api/plan'), 401, 'unauthenticated');
  });
});

describe('sharing', () => {
  it('refuses to share with a mentorship that is not hers as mentee, or not accepted', async () => {
    const { mentee: her } = await pair();
    const someoneElses = await pair();
    const res = await her.put('/api/plan', aPlan(0, { sharing: { board: false, mentorships: [someoneElses.id] } }));
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'sharing.mentorships.0', code: 'not_shareable' })]);
    // Nor with one where she is the mentor.
    const asMentor = await pair(undefined);
    const mentorsOwn = await asMentor.mentor.put('/api/plan', aPlan(0, { sharing: { board: false, mentorships: [asMentor.id] } }));
    expect(mentorsOwn.body.error.details[0].code).toBe('not_shareable');
    expectError(await her.put('/api/plan', aPlan(0, { sharing: { board: false, mentorships: ['not-an-id'] } })), 400, 'validation_failed');
  });

  it('shows the plan read-only to her mentor while the shared mentorship is accepted, and to nobody after it ends', async () => {
    const { mentee, mentor, id } = await pair();
    expect((await mentee.put('/api/plan', aPlan(0, { sharing: { board: false, mentorships: [id] } }))).status).toBe(200);
    const seen = await mentor.get(`/api/members/${mentee.userId}/plan`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ memberId: mentee.userId, vision: 'A unit that puts survivors first.' });
    expect(seen.body).not.toHaveProperty('sharing');
    // A reader cannot write it: PUT /api/plan is always the caller's own plan.
    expect((await mentor.get('/api/plan')).body.memberId).toBe(mentor.userId);

    expect((await mentor.post(`/api/mentorships/${id}/end`)).status).toBe(200);
    expectError(await mentor.get(`/api/members/${mentee.userId}/plan`), 404, 'not_found');
    // Her own view no longer lists it, and her next save drops it rather than failing.
    const own = (await mentee.get('/api/plan')).body;
    expect(own.sharing.mentorships).toEqual([]);
    expect((await mentee.put('/api/plan', aPlan(1, { sharing: { board: false, mentorships: [id] } }))).body.sharing.mentorships).toEqual(
      [],
    );
  });

  it('answers 404 to any other member, the board when not shared, and a mentor of an unshared mentorship', async () => {
    const { mentee, mentor, id } = await pair();
    const second = await pair(mentee);
    expect((await mentee.put('/api/plan', aPlan(0, { sharing: { board: false, mentorships: [id] } }))).status).toBe(200);
    expectError(await second.mentor.get(`/api/members/${mentee.userId}/plan`), 404, 'not_found');
    expectError(await (await member()).get(`/api/members/${mentee.userId}/plan`), 404, 'not_found');
    expectError(await (await board()).get(`/api/members/${mentee.userId}/plan`), 404, 'not_found');
    expectError(await mentor.get('/api/members/00000000-0000-0000-0000-000000000000/plan'), 404, 'not_found');
    expectError(await mentor.get('/api/members/not%23a%23key/plan'), 404, 'not_found');
    expectError(await (await applicant()).get(`/api/members/${mentee.userId}/plan`), 403, 'forbidden');
  });

  it("ends the mentor's access when the board suspends the mentorship, and refuses a suspended caller", async () => {
    const { mentee, mentor, id } = await pair();
    expect((await mentee.put('/api/plan', aPlan(0, { sharing: { board: false, mentorships: [id] } }))).status).toBe(200);
    expect((await mentor.get(`/api/members/${mentee.userId}/plan`)).status).toBe(200);
    const b = await board();
    expect((await b.post(`/api/mentorships/${id}/suspend`, { reason: 'Safety' })).status).toBe(200);
    expectError(await mentor.get(`/api/members/${mentee.userId}/plan`), 404, 'not_found');

    const other = await pair();
    expect((await other.mentee.put('/api/plan', aPlan(0, { sharing: { board: false, mentorships: [other.id] } }))).status).toBe(200);
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect(
      (await b.post(`/api/moderation/members/${other.mentor.userId}/sanctions`, { type: 'suspend', until, reason: 'Safety' })).status,
    ).toBe(201);
    expectError(await other.mentor.get(`/api/members/${other.mentee.userId}/plan`), 403, 'forbidden');
    expectError(await other.mentor.get('/api/plan'), 403, 'forbidden');
  });

  it('shows the plan to the board when she shares it with the board, without any check-in', async () => {
    const { mentee, mentor, id } = await pair();
    const saved = (await mentee.put('/api/plan', aPlan(0, { sharing: { board: true, mentorships: [id] } }))).body;
    const goalId = saved.goals[0].id;
    expect(
      (await mentor.post(`/api/mentorships/${id}/check-ins`, { date: '2026-11-20', notes: 'Went through the course.', goalId })).status,
    ).toBe(201);
    const b = await board();
    const seen = await b.get(`/api/members/${mentee.userId}/plan`);
    expect(seen.status).toBe(200);
    expect(seen.body.goals[0].checkIns).toEqual([]);
  });
});

describe('check-ins linked to goals', () => {
  it('lets either party link a check-in to a goal of a plan shared with the mentorship, and the plan lists it', async () => {
    const { mentee, mentor, id } = await pair();
    const plan = (await mentee.put('/api/plan', aPlan(0, { sharing: { board: false, mentorships: [id] } }))).body;
    const goalId = plan.goals[0].id;
    const byMentor = await mentor.post(`/api/mentorships/${id}/check-ins`, {
      date: '2026-11-20',
      notes: 'Reviewed her asset-tracing notes.',
      goalId,
    });
    expect(byMentor.status).toBe(201);
    expect(byMentor.body.goalId).toBe(goalId);
    expect((await mentee.post(`/api/mentorships/${id}/check-ins`, { date: '2026-11-27', notes: 'Second session.', goalId })).status).toBe(
      201,
    );
    // An unlinked one is listed nowhere in the plan.
    expect((await mentee.post(`/api/mentorships/${id}/check-ins`, { date: '2026-11-28', notes: 'General chat.' })).status).toBe(201);

    const own = (await mentee.get('/api/plan')).body;
    expect(own.goals[0].checkIns.map((c: { date: string }) => c.date)).toEqual(['2026-11-27', '2026-11-20']);
    expect(own.goals[0].checkIns[1]).toMatchObject({ mentorshipId: id, summary: 'Reviewed her asset-tracing notes.' });
    expect(own.goals[1].checkIns).toEqual([]);
    const seen = (await mentor.get(`/api/members/${mentee.userId}/plan`)).body;
    expect(seen.goals[0].checkIns).toHaveLength(2);
  });

  it('shows a mentor only the check-ins of his own mentorship with her', async () => {
    const { mentee, mentor, id } = await pair();
    const other = await pair(mentee);
    const plan = (await mentee.put('/api/plan', aPlan(0, { sharing: { board: false, mentorships: [id, other.id] } }))).body;
    const goalId = plan.goals[0].id;
    expect((await mentor.post(`/api/mentorships/${id}/check-ins`, { date: '2026-11-20', notes: 'Ours.', goalId })).status).toBe(201);
    expect(
      (await other.mentor.post(`/api/mentorships/${other.id}/check-ins`, { date: '2026-11-21', notes: 'Theirs.', goalId })).status,
    ).toBe(201);
    const seen = (await mentor.get(`/api/members/${mentee.userId}/plan`)).body;
    expect(seen.goals[0].checkIns.map((c: { summary: string }) => c.summary)).toEqual(['Ours.']);
    expect((await mentee.get('/api/plan')).body.goals[0].checkIns).toHaveLength(2);
  });

  it('refuses a goalId when the plan is not shared with the mentorship, or names no goal of hers', async () => {
    const { mentee, mentor, id } = await pair();
    const plan = (await mentee.put('/api/plan', aPlan(0))).body;
    const goalId = plan.goals[0].id;
    const notShared = await mentor.post(`/api/mentorships/${id}/check-ins`, { date: '2026-11-20', notes: 'x', goalId });
    expectError(notShared, 400, 'validation_failed');
    expect(notShared.body.error.details).toEqual([expect.objectContaining({ path: 'goalId', code: 'goal_not_shared' })]);

    expect((await mentee.put('/api/plan', aPlan(1, { sharing: { board: false, mentorships: [id] } }))).status).toBe(200);
    const unknown = await mentor.post(`/api/mentorships/${id}/check-ins`, {
      date: '2026-11-20',
      notes: 'x',
      goalId: '01J0000000000000000000000Z',
    });
    expect(unknown.body.error.details[0].code).toBe('goal_not_shared');
    // A goal of the mentor's own plan is not the mentee's.
    const own = (await mentor.put('/api/plan', aPlan(0))).body.goals[0].id;
    expect((await mentor.post(`/api/mentorships/${id}/check-ins`, { date: '2026-11-20', notes: 'x', goalId: own })).status).toBe(400);
    expect((await mentor.get(`/api/mentorships/${id}/check-ins`)).body.items).toEqual([]);
  });

  it('moves a linked check-in with its edits and drops it from the plan when deleted', async () => {
    const { mentee, mentor, id } = await pair();
    const plan = (await mentee.put('/api/plan', aPlan(0, { sharing: { board: false, mentorships: [id] } }))).body;
    const made = (await mentor.post(`/api/mentorships/${id}/check-ins`, { date: '2026-11-20', notes: 'First.', goalId: plan.goals[0].id }))
      .body;
    const edited = await mentor.req('PATCH', `/api/mentorships/${id}/check-ins/${made.id}`, { date: '2026-11-22', version: 1 });
    expect(edited.body.goalId).toBe(plan.goals[0].id);
    expect((await mentee.get('/api/plan')).body.goals[0].checkIns.map((c: { date: string }) => c.date)).toEqual(['2026-11-22']);
    expect((await mentor.del(`/api/mentorships/${id}/check-ins/${made.id}?version=2`)).status).toBe(204);
    expect((await mentee.get('/api/plan')).body.goals[0].checkIns).toEqual([]);
  });
});

describe('one place for goals', () => {
  const legacy = {
    goals: { shortTerm: 'Grow in my role', mediumTerm: '', longTerm: 'Shape policy' },
    mentoring: {
      offering: { active: false, capacity: 0, topics: [], languages: [] },
      seeking: {
        active: true,
        topics: ['investigation' as const],
        goals: { shortTerm: 'Grow in my role', mediumTerm: 'Lead a team', longTerm: '' },
        sameCountryOnly: false,
        outsideOrganizationOnly: false,
      },
    },
  } satisfies Partial<ProfileInput>;

  it('turns the goals her profile held into plan goals on her first read, once', async () => {
    const her = await member(legacy);
    const plan = (await her.get('/api/plan')).body;
    expect(plan.version).toBe(1);
    expect(plan.goals.map((g: { horizon: string; title: string }) => [g.horizon, g.title])).toEqual([
      ['short', 'Grow in my role'],
      ['medium', 'Lead a team'],
      ['long', 'Shape policy'],
    ]);
    expect((await her.get('/api/plan')).body).toEqual(plan);
    // The profile's two places now say the same, derived from the plan.
    const profile = (await her.get('/api/members/me')).body;
    const derived = { shortTerm: 'Grow in my role', mediumTerm: 'Lead a team', longTerm: 'Shape policy' };
    expect(profile.goals).toEqual(derived);
    expect(profile.mentoring.seeking.goals).toEqual(derived);
  });

  it('keeps the profile goals in step with each plan write, which matching reads', async () => {
    const her = await member(legacy);
    const plan = (await her.get('/api/plan')).body;
    const saved = await her.put(
      '/api/plan',
      aPlan(plan.version, {
        goals: [
          { horizon: 'short', title: 'Trace the money', status: 'under_way' },
          { horizon: 'short', title: 'Testify well', status: 'not_started' },
          { horizon: 'long', title: 'Never mind', status: 'dropped' },
        ],
      }),
    );
    expect(saved.status).toBe(200);
    const profile = (await her.get('/api/members/me')).body;
    expect(profile.goals).toEqual({ shortTerm: 'Trace the money; Testify well', mediumTerm: '', longTerm: '' });
    expect(profile.mentoring.seeking.goals).toEqual(profile.goals);
  });

  it('treats profile goals as read-only: a different value is a 400, the same or none passes', async () => {
    const her = await member(legacy);
    await her.get('/api/plan');
    const me = (await her.get('/api/members/me')).body;
    const { id: _id, status: _s, kind: _k, ...editable } = me;
    expect((await her.put('/api/members/me', editable)).status).toBe(200);
    const changed = await her.put('/api/members/me', {
      ...editable,
      version: me.version + 1,
      goals: { ...me.goals, shortTerm: 'Something else' },
    });
    expectError(changed, 400, 'validation_failed');
    expect(changed.body.error.details).toEqual([expect.objectContaining({ path: 'goals', code: 'read_only' })]);
    const { goals: _g, ...withoutGoals } = editable;
    const seekingBlank = { ...withoutGoals.mentoring, seeking: { ...withoutGoals.mentoring.seeking, goals: NO_GOALS } };
    const kept = await her.put('/api/members/me', { ...withoutGoals, mentoring: seekingBlank, version: me.version + 1 });
    expect(kept.status).toBe(200);
    expect(kept.body.goals).toEqual(me.goals);
    expect(kept.body.mentoring.seeking.goals).toEqual(me.goals);
  });

  it('makes a profile form opened before a plan write stale rather than writing old goals back', async () => {
    const her = await member(legacy);
    await her.get('/api/plan');
    const me = (await her.get('/api/members/me')).body;
    const plan = (await her.get('/api/plan')).body;
    expect((await her.put('/api/plan', aPlan(plan.version))).status).toBe(200);
    const { id: _id, status: _s, kind: _k, ...editable } = me;
    expectError(await her.put('/api/members/me', editable), 409, 'conflict');
  });

  it('migrates every member with the script, idempotently, and leaves written plans alone', async () => {
    const a = await member(legacy);
    const b = await member();
    const written = (await b.put('/api/plan', aPlan(0))).body;
    await migrateAll();
    await migrateAll();
    const planA = await db.getItem({ TableName: TABLE, Key: toAttr(keys.plan(a.userId)), ConsistentRead: true });
    expect(planA.Item?.version?.N).toBe('1');
    expect((await a.get('/api/plan')).body.goals).toHaveLength(3);
    expect((await b.get('/api/plan')).body).toEqual(written);
    const again = await ensurePlan((await getMember(a.userId))!);
    expect(again.version).toBe(1);
  });
});

describe('export and erasure', () => {
  it('puts her plan in her export and erases it with her account', async () => {
    const her = await member();
    expect((await her.put('/api/plan', aPlan(0))).status).toBe(200);
    const out = (await her.get('/api/members/me/export')).body;
    expect(out.plan).toMatchObject({
      vision: 'A unit that puts survivors first.',
      goals: expect.arrayContaining([expect.objectContaining({ horizon: 'short' })]),
    });
    expect((await her.del('/api/members/me')).status).toBe(202);
    expect((await db.getItem({ TableName: TABLE, Key: toAttr(keys.plan(her.userId)), ConsistentRead: true })).Item).toBeUndefined();
  });
});
