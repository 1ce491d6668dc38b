import { describe, expect, it } from 'vitest';
import { TABLE, db, toAttr } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { type AuditEntry, hashEntry, listAudit, verifyChain } from '../../functions/moderation/audit';
import { Agent, anotherBoardMember, applicant, board, expectError, makeBoard, member, offeringProfile } from '../helpers';

const putEntry = (e: AuditEntry) =>
  db.putItem({ TableName: TABLE, Item: toAttr({ ...keys.auditEntry(e.seq), entity: 'audit', version: 1, ...e }) });

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

  it('does not let a board member decide her own application (403): pending, she is no active board member yet; active, it is hers', async () => {
    const a = await applicant({}, 'selfboard');
    await makeBoard(a);
    const pending = await a.post(`/api/board/applications/${a.userId}/decision`, { decision: 'approve' });
    expectError(pending, 403, 'forbidden');
    expect(pending.body.error.details).toEqual([{ path: '', code: 'membership_not_active', message: expect.any(String) }]);
    const b = await anotherBoardMember();
    const own = await b.post(`/api/board/applications/${b.userId}/decision`, { decision: 'decline', reason: 'Testing the rule.' });
    expectError(own, 403, 'forbidden');
    expect(own.body.error.details).toEqual([{ path: '', code: 'own_application', message: expect.any(String) }]);
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

/** One of every decision the board can take, each through its route; answers the ids each was about. */
async function everyAuditedAction(b: Agent): Promise<Map<string, string>> {
  const about = new Map<string, string>();
  const ok = (res: { status: number }, status = 200) => expect(res.status).toBe(status);

  const space = await b.post('/api/spaces', { name: `Audited ${Date.now()}`, description: 'every action', audience: 'members' });
  ok(space, 201);
  about.set('space.create', space.body.id);
  const thread = (await b.post(`/api/spaces/${space.body.id}/threads`, { title: 'Audited', body: 'Start', identity: 'named' })).body;
  expect(thread.state).toBe('published');

  // Anonymous replies always wait for the board.
  const m = await member({ displayName: 'Held Poster' });
  const held = async () => {
    const p = (await m.post(`/api/threads/${thread.id}/posts`, { body: 'Held reply', identity: 'anonymous' })).body;
    expect(p.state).toBe('pending');
    return p.id as string;
  };
  const approved = await held();
  const rejected = await held();
  ok(await b.post(`/api/moderation/posts/${approved}/approve`, { reason: 'fine' }));
  about.set('post.approve', approved);
  ok(await b.post(`/api/moderation/posts/${rejected}/reject`, { reason: 'names a witness' }));
  about.set('post.reject', rejected);
  for (const action of ['hide', 'restore'] as const) {
    ok(await b.post(`/api/moderation/posts/${approved}/${action}`, { reason: action }));
    about.set(`post.${action}`, approved);
  }
  for (const action of ['lock', 'unlock', 'pin', 'unpin'] as const) {
    ok(await b.post(`/api/moderation/threads/${thread.id}/${action}`, { reason: action }));
    about.set(`thread.${action}`, thread.id);
  }

  // About a post of m's: a case about the board member herself would go to another.
  const report = await (await member()).post('/api/reports', { targetType: 'post', targetId: approved, reason: 'unsafe' });
  ok(report, 201);
  ok(await b.post(`/api/moderation/cases/${report.body.caseId}/resolve`, { outcome: 'dismissed', reason: 'no harm' }));
  about.set('case.resolve', report.body.caseId);

  ok(await b.post(`/api/moderation/members/${m.userId}/sanctions`, { type: 'warn', reason: 'tone' }), 201);
  about.set('member.sanction', m.userId);

  const mentor = await member({ ...offeringProfile(1), languages: ['en'] });
  const mentee = await member();
  const asked = await mentee.post('/api/mentorships', {
    mentorId: mentor.userId,
    message: 'Would you mentor me?',
    goals: { shortTerm: 'Lead a case', mediumTerm: '', longTerm: '' },
  });
  ok(asked, 201);
  ok(await b.post(`/api/mentorships/${asked.body.id}/suspend`, { reason: 'safety' }));
  about.set('mentorship.suspend', asked.body.id);

  const rules = (await b.get('/api/moderation/rules')).body;
  ok(await b.put('/api/moderation/rules', { watchedWords: rules.watchedWords, version: rules.version }));
  about.set('rules.update', 'held');

  const approvedApplicant = await applicant();
  const declinedApplicant = await applicant({ displayName: 'Declined Applicant' });
  ok(await b.post(`/api/board/applications/${approvedApplicant.userId}/decision`, { decision: 'approve' }));
  about.set('application.approve', approvedApplicant.userId);
  ok(await b.post(`/api/board/applications/${declinedApplicant.userId}/decision`, { decision: 'decline', reason: 'not in the field' }));
  about.set('application.decline', declinedApplicant.userId);
  return about;
}

describe('the audit chain after every kind of decision', () => {
  it('records each decision once, about its target, in one chain that verifies end to end; an edited, re-hashed or deleted entry is found', async () => {
    const b = await board();
    const about = await everyAuditedAction(b);
    expect([...about.keys()].sort()).toEqual(
      [
        'application.approve',
        'application.decline',
        'case.resolve',
        'member.sanction',
        'mentorship.suspend',
        'post.approve',
        'post.hide',
        'post.reject',
        'post.restore',
        'rules.update',
        'space.create',
        'thread.lock',
        'thread.pin',
        'thread.unlock',
        'thread.unpin',
      ].sort(),
    );

    // Newest first: every decision above is among the newest entries.
    const recent: AuditEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAudit({ limit: 100, cursor, scope: 't' });
      recent.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && recent.length < 400);
    for (const [action, targetId] of about) {
      const found = recent.filter((e) => e.action === action && e.targetId === targetId && e.actorId === b.userId);
      expect(found, action).toHaveLength(1);
    }
    expect(await verifyChain()).toBeNull();

    // The board's log names whom each decision was about: the member, or a post's real author.
    const log = (await b.get('/api/moderation/audit?limit=50')).body.items as {
      action: string;
      targetId: string;
      about?: { id: string; name: string | null };
    }[];
    const entryFor = (action: string) => log.find((e) => e.action === action && e.targetId === about.get(action));
    expect(entryFor('application.decline')?.about).toEqual({ id: about.get('application.decline'), name: 'Declined Applicant' });
    expect(entryFor('post.reject')?.about).toMatchObject({ name: 'Held Poster' });
    expect(entryFor('member.sanction')?.about).toMatchObject({ name: 'Held Poster' });
    expect(entryFor('rules.update')?.about).toBeUndefined();

    // Tampering behind the API, in three ways, each restored after.
    const rejected = recent.find((e) => e.action === 'post.reject' && e.targetId === about.get('post.reject'));
    if (!rejected) throw new Error('no post.reject entry');
    await putEntry({ ...rejected, after: { state: 'published' } });
    expect(await verifyChain()).toBe(rejected.seq);
    // Re-hashed so that the entry checks out alone: the next entry no longer links to it.
    const { hash: _h, ...unhashed } = { ...rejected, reason: 'a kinder reason' };
    await putEntry({ ...unhashed, hash: hashEntry(unhashed) });
    expect(await verifyChain()).toBe(rejected.seq + 1);
    await db.deleteItem({ TableName: TABLE, Key: toAttr(keys.auditEntry(rejected.seq)) });
    expect(await verifyChain()).toBe(rejected.seq);
    await putEntry(rejected);
    expect(await verifyChain()).toBeNull();
  });
});

describe('what waits for the board', () => {
  it('counts pending applications, held posts, open cases and unanswered messages for the board only; each new one is counted', async () => {
    const b = await board();
    const m = await member();
    expectError(await m.get('/api/board/summary'), 403, 'forbidden');
    expectError(await (await applicant()).get('/api/board/summary'), 403, 'forbidden');
    expectError(await new Agent().get('/api/board/summary'), 401, 'unauthenticated');
    const before = await b.get('/api/board/summary');
    expect(before.status).toBe(200);
    expect(Object.keys(before.body).sort()).toEqual(['applications', 'heldPosts', 'openCases', 'openMessages']);

    // Other test files share the table and add (and decide) their own at the same time, so a
    // difference of two readings is no measure: each count must hold at least ours, still waiting.
    await applicant();
    await applicant();
    const space = (await b.post('/api/spaces', { name: `Waiting ${Date.now()}`, description: 'x', audience: 'members' })).body.id;
    const thread = (await b.post(`/api/spaces/${space}/threads`, { title: 'Waiting', body: 'Start', identity: 'named' })).body;
    expect((await m.post(`/api/threads/${thread.id}/posts`, { body: 'Held', identity: 'anonymous' })).body.state).toBe('pending');
    expect((await m.post('/api/reports', { targetType: 'thread', targetId: thread.id, reason: 'unsafe' })).status).toBe(201);
    expect((await m.post('/api/members/me/board-messages', { body: 'A question for the board' })).status).toBe(201);
    const after = (await b.get('/api/board/summary')).body;
    expect(after.applications).toBeGreaterThanOrEqual(2);
    expect(after.heldPosts).toBeGreaterThanOrEqual(1);
    expect(after.openCases).toBeGreaterThanOrEqual(1);
    expect(after.openMessages).toBeGreaterThanOrEqual(1);
  });
});
