import { describe, expect, it } from 'vitest';
import { TABLE, db, toAttr } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { listAudit, verifyChain } from '../../functions/moderation/audit';
import { Agent, applicant, board, expectError, makeBoard, member } from '../helpers';

describe('board applications', () => {
  it('lists pending applications oldest first with profile and statement, to the board only', async () => {
    const a = await applicant({ displayName: 'Applicant One' });
    const b = await board();
    const ids: string[] = [];
    let cursor: string | null = null;
    let found: Record<string, unknown> | undefined;
    do {
      const res = await b.get(`/api/board/applications?status=pending&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      for (const item of res.body.items) {
        ids.push(item.memberId);
        if (item.memberId === a.userId) found = item;
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(found).toMatchObject({
      memberId: a.userId,
      statement: expect.any(String),
      submittedAt: expect.any(String),
      profile: { displayName: 'Applicant One', organization: 'Punjab Police' },
    });
  });

  it('refuses the applications list and decisions to a non-board member (403) and to an applicant (403)', async () => {
    const a = await applicant();
    const m = await member();
    expectError(await m.get('/api/board/applications'), 403, 'forbidden');
    expectError(await m.post(`/api/board/applications/${a.userId}/decision`, { decision: 'approve' }), 403, 'forbidden');
    expectError(await a.post(`/api/board/applications/${a.userId}/decision`, { decision: 'approve' }), 403, 'forbidden');
    expect((await a.get('/api/me')).body.status).toBe('pending');
  });

  it('approves: the applicant becomes active, is told in-app, and the audit log records it', async () => {
    const a = await applicant();
    const b = await board();
    const res = await b.post(`/api/board/applications/${a.userId}/decision`, { decision: 'approve', reason: 'Vetted' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ memberId: a.userId, status: 'active', decision: 'approve' });
    expect((await a.get('/api/me')).body.status).toBe('active');
    const notes = (await a.get('/api/notifications')).body.items;
    expect(notes[0]).toMatchObject({ type: 'application.approve', read: false });
    expect(JSON.stringify(notes)).not.toMatch(/Board Member/);
    // Another member cannot touch her notification: it is not found in his.
    const other = await member();
    expectError(await other.post(`/api/notifications/${notes[0].id}/read`), 404, 'not_found');
    expectError(await other.post('/api/notifications/not-an-id/read'), 404, 'not_found');
    expectError(await new Agent().get('/api/notifications'), 401, 'unauthenticated');
    expect((await a.post(`/api/notifications/${notes[0].id}/read`)).status).toBe(204);
    expect((await a.get('/api/notifications')).body.items[0].read).toBe(true);
    const audit = await listAudit({ limit: 50, scope: 't' });
    expect(audit.items.find((e) => e.targetId === a.userId)).toMatchObject({
      action: 'application.approve',
      actorId: b.userId,
      reason: 'Vetted',
      before: { status: 'pending' },
      after: { status: 'active' },
    });
  });

  it('declines only with a reason, which the applicant then sees', async () => {
    const a = await applicant();
    const b = await board();
    expectError(await b.post(`/api/board/applications/${a.userId}/decision`, { decision: 'decline' }), 400, 'validation_failed');
    expectError(await b.post(`/api/board/applications/${a.userId}/decision`, { decision: 'maybe' }), 400, 'validation_failed');
    const res = await b.post(`/api/board/applications/${a.userId}/decision`, {
      decision: 'decline',
      reason: 'Not a practitioner in the field',
    });
    expect(res.status).toBe(200);
    expect((await a.get('/api/me')).body).toMatchObject({ status: 'declined', decisionReason: 'Not a practitioner in the field' });
    expectError(await a.get('/api/members'), 403, 'forbidden');
  });

  it('answers a second decision with 409 and an unknown applicant with 404', async () => {
    const a = await applicant();
    const b = await board();
    expect((await b.post(`/api/board/applications/${a.userId}/decision`, { decision: 'approve' })).status).toBe(200);
    expectError(await b.post(`/api/board/applications/${a.userId}/decision`, { decision: 'decline', reason: 'x' }), 409, 'conflict');
    expectError(
      await b.post('/api/board/applications/00000000-0000-0000-0000-000000000000/decision', { decision: 'approve' }),
      404,
      'not_found',
    );
    expectError(await b.post('/api/board/applications/bad%23id/decision', { decision: 'approve' }), 404, 'not_found');
  });

  it('lets exactly one of two simultaneous decisions win; the other gets 409', async () => {
    const a = await applicant();
    const b1 = await board();
    const b2 = await member({ displayName: 'Second Board' }, 'board2');
    await makeBoard(b2);
    const [r1, r2] = await Promise.all([
      b1.post(`/api/board/applications/${a.userId}/decision`, { decision: 'approve' }),
      b2.post(`/api/board/applications/${a.userId}/decision`, { decision: 'decline', reason: 'Conflicting view' }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const winner = r1.status === 200 ? r1.body : r2.body;
    expect((await a.get('/api/me')).body.status).toBe(winner.status);
    expect(await verifyChain()).toBeNull();
  });

  it('does not let a board member decide her own application (403)', async () => {
    const a = await applicant({}, 'selfboard');
    await makeBoard(a);
    expectError(await a.post(`/api/board/applications/${a.userId}/decision`, { decision: 'approve' }), 403, 'forbidden');
  });
});

describe('the audit chain', () => {
  it('verifies intact and finds an entry edited behind the API', async () => {
    const b = await board();
    const a = await applicant();
    await b.post(`/api/board/applications/${a.userId}/decision`, { decision: 'approve', reason: 'ok' });
    expect(await verifyChain()).toBeNull();
    const entry = (await listAudit({ limit: 1, scope: 't' })).items[0];
    if (!entry) throw new Error('no audit entry');
    await db.putItem({
      TableName: TABLE,
      Item: toAttr({ ...keys.auditEntry(entry.seq), entity: 'audit', version: 1, ...entry, reason: 'edited later' }),
    });
    expect(await verifyChain()).toBe(entry.seq);
    // Restore, so later tests in this run see an intact chain.
    await db.putItem({ TableName: TABLE, Item: toAttr({ ...keys.auditEntry(entry.seq), entity: 'audit', version: 1, ...entry }) });
    expect(await verifyChain()).toBeNull();
  });
});
