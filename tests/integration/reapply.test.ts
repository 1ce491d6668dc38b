import { describe, expect, it } from 'vitest';
import { listAudit } from '../../functions/moderation/audit';
import { type Agent, applicant, board, expectError, member } from '../helpers';

/** Sets the board's waiting period (days) and answers the settings. */
async function setWait(b: Agent, days: number) {
  const current = (await b.get('/api/board/settings')).body;
  const res = await b.put('/api/board/settings', { reapplyAfterDays: days, version: current.version });
  expect(res.status).toBe(200);
  return res.body;
}

async function declined(): Promise<Agent> {
  const a = await applicant({ displayName: 'Declined Applicant' });
  const b = await board();
  const res = await b.post(`/api/board/applications/${a.userId}/decision`, { decision: 'decline', reason: 'Not yet' });
  expect(res.status).toBe(200);
  return a;
}

const statement = 'I now lead the anti-trafficking unit in Multan.';

describe('applying again after a decline', () => {
  it('tells a declined applicant from when she may apply again, counted from the decision by the board’s waiting period', async () => {
    const b = await board();
    await setWait(b, 90);
    const a = await declined();
    const me = (await a.get('/api/me')).body;
    expect(me.status).toBe('declined');
    const apps = (await b.get('/api/board/applications?status=declined&limit=50')).body.items;
    const decidedAt = Date.parse(apps.find((x: { memberId: string }) => x.memberId === a.userId)?.decidedAt ?? me.reapplyFrom);
    expect(Date.parse(me.reapplyFrom) - decidedAt).toBe(90 * 86_400_000);
  });

  it('refuses a new application before the date with 409 naming the date, and changes nothing', async () => {
    const b = await board();
    await setWait(b, 90);
    const a = await declined();
    const before = (await a.get('/api/me')).body;
    const res = await a.post('/api/members/me/application', { statement, version: before.profile.version });
    expectError(res, 409, 'conflict');
    expect(res.body.error.message).toMatch(/You may apply again from \d{1,2} \w+ \d{4}\./);
    expect((await a.get('/api/me')).body).toMatchObject({ status: 'declined', reapplyFrom: before.reapplyFrom });
  });

  it('after the waiting period puts her application back to pending, with the new statement, in the board’s list', async () => {
    const b = await board();
    await setWait(b, 0);
    const a = await declined();
    const me = (await a.get('/api/me')).body;
    const res = await a.post('/api/members/me/application', { statement, version: me.profile.version });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ memberId: a.userId, status: 'pending', statement });
    const after = (await a.get('/api/me')).body;
    expect(after.status).toBe('pending');
    expect(after.reapplyFrom).toBeUndefined();
    expect(after.decisionReason).toBeUndefined();
    let cursor: string | null = null;
    let found: Record<string, unknown> | undefined;
    do {
      const page: { items: { memberId: string }[]; nextCursor: string | null } = (
        await b.get(`/api/board/applications?status=pending&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).body;
      found ??= page.items.find((x: { memberId: string }) => x.memberId === a.userId);
      cursor = page.nextCursor;
    } while (cursor && !found);
    expect(found).toMatchObject({ memberId: a.userId, statement, submittedAt: res.body.submittedAt });
    expect(found?.decidedAt).toBeUndefined();
  });

  it('allows one new application only: a second decline is final (reapplyFrom null, 409)', async () => {
    const b = await board();
    await setWait(b, 0);
    const a = await declined();
    const v = (await a.get('/api/me')).body.profile.version;
    expect((await a.post('/api/members/me/application', { statement, version: v })).status).toBe(201);
    expect((await b.post(`/api/board/applications/${a.userId}/decision`, { decision: 'decline', reason: 'Still not' })).status).toBe(200);
    const me = (await a.get('/api/me')).body;
    expect(me).toMatchObject({ status: 'declined', reapplyFrom: null, decisionReason: 'Still not' });
    const again = await a.post('/api/members/me/application', { statement, version: me.profile.version });
    expectError(again, 409, 'conflict');
    expect(again.body.error.message).toMatch(/final/);
  });

  it('creates one application when she reapplies many times at once', async () => {
    const b = await board();
    await setWait(b, 0);
    const a = await declined();
    const v = (await a.get('/api/me')).body.profile.version;
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => a.post('/api/members/me/application', { statement: `${statement} (${i})`, version: v })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of answers.filter((x) => x.status !== 201)) expectError(r, 409, 'conflict');
    const me = (await a.get('/api/me')).body;
    expect(me.status).toBe('pending');
    expect(me.profile.version).toBe(v + 1);
  });

  it('refuses applicants still pending, active members and bad input', async () => {
    const pending = await applicant();
    const v = (await pending.get('/api/me')).body.profile.version;
    expectError(await pending.post('/api/members/me/application', { statement, version: v }), 409, 'conflict');
    const m = await member();
    expectError(await m.post('/api/members/me/application', { statement, version: 2 }), 409, 'conflict');
    const a = await declined();
    expectError(await a.post('/api/members/me/application', { statement: '   ', version: 1 }), 400, 'validation_failed');
    expectError(await a.post('/api/members/me/application', { statement }), 400, 'validation_failed');
    expectError(await a.post('/api/members/me/application', { statement, version: 1, status: 'active' }), 400, 'validation_failed');
  });

  it('lets only the board read and change the waiting period, at its version, audited', async () => {
    const b = await board();
    const m = await member();
    const a = await applicant();
    expectError(await m.get('/api/board/settings'), 403, 'forbidden');
    expectError(await a.put('/api/board/settings', { reapplyAfterDays: 1, version: 0 }), 403, 'forbidden');
    const current = (await b.get('/api/board/settings')).body;
    expectError(await b.put('/api/board/settings', { reapplyAfterDays: 30, version: current.version + 5 }), 409, 'conflict');
    expectError(await b.put('/api/board/settings', { reapplyAfterDays: -1, version: current.version }), 400, 'validation_failed');
    const saved = await setWait(b, 30);
    expect(saved).toEqual({ reapplyAfterDays: 30, version: current.version + 1 });
    const audit = await listAudit({ limit: 50, scope: 't' });
    expect(audit.items.find((e) => e.action === 'settings.update')).toMatchObject({
      actorId: b.userId,
      after: { reapplyAfterDays: 30 },
    });
  });
});
