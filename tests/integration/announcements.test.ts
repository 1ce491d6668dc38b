import { describe, expect, it } from 'vitest';
import { sendAnnouncement } from '../../functions/announcements/service';
import { listAudit, verifyChain } from '../../functions/moderation/audit';
import { Agent, anotherBoardMember, applicant, board, expectError, member } from '../helpers';

const PREFS = '/api/members/me/preferences';
const NOTE = { title: 'Webinar series opens', body: 'Registration for the **spring series** is open.\n\nSee the programme.' };

async function emailOn(a: Agent): Promise<void> {
  const res = await a.put(PREFS, { email: { enabled: true }, version: 0 });
  expect(res.status).toBe(200);
}

/** Her notifications that point at announcement `id`. */
async function noticesOf(a: Agent, id: string) {
  const res = await a.get('/api/notifications?limit=50');
  expect(res.status).toBe(200);
  return (res.body.items as { type: string; link: string }[]).filter((n) => n.link === `/announcements/${id}`);
}

describe('sending a board announcement', () => {
  it('answers 201 the record, notifies every active member once in the app, and writes an audit entry', async () => {
    const b = await board();
    const [m1, m2] = await Promise.all([member({}, 'ann-m1'), member({ kind: 'champion' }, 'ann-m2')]);
    const pending = await applicant({}, 'ann-pending');
    const res = await b.post('/api/board/announcements', NOTE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: NOTE.title, body: NOTE.body });
    expect(res.body.notified).toBeGreaterThanOrEqual(2);
    const id: string = res.body.id;

    for (const m of [m1, m2]) expect(await noticesOf(m, id)).toEqual([expect.objectContaining({ type: 'announcement' })]);
    expect(await noticesOf(pending, id)).toEqual([]);
    // The sender knows what she sent.
    expect(await noticesOf(b, id)).toEqual([]);

    const audit = await listAudit({ limit: 50, scope: 't' });
    expect(audit.items.find((e) => e.targetId === id)).toMatchObject({
      actorId: b.userId,
      action: 'announcement.send',
      targetType: 'announcement',
    });
    expect(await verifyChain()).toBeNull();
  });

  it('queues an announcement email only for active members with email on', async () => {
    const b = await board();
    const [on, off] = await Promise.all([member({}, 'ann-on'), member({}, 'ann-off')]);
    const pendingOn = await applicant({}, 'ann-pending-on');
    await emailOn(on);
    await emailOn(pendingOn);
    const sent = await sendAnnouncement({ userId: b.userId, email: b.email, groups: ['board'], isBoard: true }, NOTE);
    const emailed = sent.jobs.map((j) => j.kind === 'announcement' && j.memberId);
    expect(emailed).toContain(on.userId);
    expect(emailed).not.toContain(off.userId);
    expect(emailed).not.toContain(pendingOn.userId);
    expect(sent.jobs.find((j) => j.kind === 'announcement' && j.memberId === on.userId)).toEqual({
      id: `announcement#${sent.announcement.id}#${on.userId}`,
      kind: 'announcement',
      memberId: on.userId,
      announcementId: sent.announcement.id,
    });
    // Every active member is notified in the app, email or not.
    expect(await noticesOf(off, sent.announcement.id)).toHaveLength(1);
  });

  it('keeps the audit chain whole when two board members send at the same moment', async () => {
    const b = await board();
    const colleague = await anotherBoardMember();
    const [one, two] = await Promise.all([
      b.post('/api/board/announcements', { title: 'From one', body: 'one' }),
      colleague.post('/api/board/announcements', { title: 'From two', body: 'two' }),
    ]);
    expect([one.status, two.status]).toEqual([201, 201]);
    const audit = await listAudit({ limit: 50, scope: 't' });
    const ids = audit.items.filter((e) => e.action === 'announcement.send').map((e) => e.targetId);
    expect(ids).toEqual(expect.arrayContaining([one.body.id, two.body.id]));
    expect(await verifyChain()).toBeNull();
  });

  it('normalises the text (NFC, trimmed) and refuses an empty title or body, or unknown fields', async () => {
    const b = await board();
    const res = await b.post('/api/board/announcements', { title: '  Cafe\u0301 meeting  ', body: 'Body' });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('Caf\u00e9 meeting');
    expectError(await b.post('/api/board/announcements', { title: '   ', body: 'x' }), 400, 'validation_failed');
    expectError(await b.post('/api/board/announcements', { title: 'x', body: '' }), 400, 'validation_failed');
    expectError(await b.post('/api/board/announcements', { title: 'x'.repeat(121), body: 'x' }), 400, 'validation_failed');
    expectError(await b.post('/api/board/announcements', { title: 'x', body: 'x', audience: 'all' }), 400, 'validation_failed');
  });

  it('is refused to a practitioner and a champion (403), and to no session (401)', async () => {
    const [p, c] = await Promise.all([member({}, 'ann-p'), member({ kind: 'champion' }, 'ann-c')]);
    expectError(await p.post('/api/board/announcements', NOTE), 403, 'forbidden');
    expectError(await c.post('/api/board/announcements', NOTE), 403, 'forbidden');
    expectError(await c.get('/api/board/announcements'), 403, 'forbidden');
    expectError(await new Agent().post('/api/board/announcements', NOTE), 401, 'unauthenticated');
  });
});

describe('reading announcements', () => {
  it('lists them for the board newest first, paged by a cursor that cannot be tampered with', async () => {
    const b = await board();
    const first = await b.post('/api/board/announcements', { title: 'First', body: 'one' });
    const second = await b.post('/api/board/announcements', { title: 'Second', body: 'two' });
    const page = await b.get('/api/board/announcements?limit=1');
    expect(page.status).toBe(200);
    expect(page.body.items.map((a: { id: string }) => a.id)).toEqual([second.body.id]);
    const next = await b.get(`/api/board/announcements?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`);
    expect(next.body.items.map((a: { id: string }) => a.id)).toEqual([first.body.id]);
    expectError(await b.get(`/api/board/announcements?cursor=${encodeURIComponent(`${page.body.nextCursor}x`)}`), 400, 'validation_failed');
  });

  it('shows one to any active member; 404 for an unknown id; a pending applicant cannot read it', async () => {
    const b = await board();
    const sent = await b.post('/api/board/announcements', NOTE);
    const [m, pending] = await Promise.all([member({ kind: 'champion' }, 'ann-reader'), applicant({}, 'ann-reader-pending')]);
    const res = await m.get(`/api/announcements/${sent.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: sent.body.id, title: NOTE.title, body: NOTE.body, at: sent.body.at });
    expectError(await m.get('/api/announcements/01ARZ3NDEKTSV4RRFFQ69G5FAV'), 404, 'not_found');
    expectError(await m.get('/api/announcements/not-an-id'), 404, 'not_found');
    expectError(await pending.get(`/api/announcements/${sent.body.id}`), 403, 'forbidden');
  });

  it('tells the board how many members an announcement would reach', async () => {
    const b = await board();
    const res = await b.get('/api/board/announcements/audience');
    expect(res.status).toBe(200);
    expect(res.body.members).toBeGreaterThanOrEqual(1);
  });
});
