import { describe, expect, it } from 'vitest';
import { Agent, PASSWORD, board, requestResetCode, expectError, member, signedInAgent } from '../helpers';
import { totp } from '../totp';

const NEW_PASSWORD = 'a brand new and unusual passphrase';

/** The same account signed in on another device. */
async function secondDevice(a: Agent): Promise<Agent> {
  const b = new Agent();
  b.email = a.email;
  b.userId = a.userId;
  expect((await b.post('/api/auth/sign-in', { email: a.email, password: PASSWORD })).status).toBe(200);
  return b;
}

/** A copy of a device's cookies, as someone who took them would hold them. */
function copyOf(a: Agent): Agent {
  const copy = new Agent();
  for (const [k, v] of a.cookies) copy.cookies.set(k, v);
  return copy;
}

describe('sessions', () => {
  it('gives each sign-in its own HttpOnly session cookie, bound to the account', async () => {
    const a = await signedInAgent('session');
    expect(a.cookies.get('cn_sid')).toMatch(new RegExp(`^${a.userId}\\.[0-9A-HJKMNP-TV-Z]{26}$`));
    const b = await secondDevice(a);
    expect(b.cookies.get('cn_sid')).not.toBe(a.cookies.get('cn_sid'));
  });

  it('signing out ends the session on the server: its copied cookies no longer work, though the token has not expired', async () => {
    const a = await signedInAgent('session');
    const stolen = copyOf(a);
    expect((await a.post('/api/auth/sign-out')).status).toBe(204);
    expectError(await stolen.get('/api/me'), 401, 'unauthenticated');
    expectError(await stolen.post('/api/auth/refresh'), 401, 'unauthenticated');
  });

  it('refuses a missing, tampered or another account’s session cookie', async () => {
    const a = await signedInAgent('session');
    const other = await signedInAgent('session-other');
    const without = copyOf(a);
    without.cookies.delete('cn_sid');
    expectError(await without.get('/api/me'), 401, 'unauthenticated');
    const tampered = copyOf(a);
    tampered.cookies.set('cn_sid', `${a.userId}.AAAAAAAAAAAAAAAAAAAAAA`);
    expectError(await tampered.get('/api/me'), 401, 'unauthenticated');
    // Her token with the other account's (live) session: the session must be her own.
    const mixed = copyOf(a);
    mixed.cookies.set('cn_sid', other.cookies.get('cn_sid') ?? '');
    expectError(await mixed.get('/api/me'), 401, 'unauthenticated');
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('lists the devices she is signed in on, newest first, marking this one, and no one else’s', async () => {
    const a = await signedInAgent('session');
    const phone = await secondDevice(a);
    const other = await member();
    const mine = await phone.get('/api/auth/sessions');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.items.map((i: { current: boolean }) => i.current)).toEqual([true, false]);
    expect(mine.body.items[0].startedAt >= mine.body.items[1].startedAt).toBe(true);
    expect(Object.keys(mine.body.items[0]).sort()).toEqual(['current', 'startedAt']);
    const paged = await a.get('/api/auth/sessions?limit=1');
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.items[0].current).toBe(false);
    const rest = await a.get(`/api/auth/sessions?limit=1&cursor=${encodeURIComponent(paged.body.nextCursor)}`);
    expect(rest.body.items).toEqual([expect.objectContaining({ current: true })]);
    // Her cursor is hers: another account's list does not accept it.
    expectError(await other.get(`/api/auth/sessions?cursor=${encodeURIComponent(paged.body.nextCursor)}`), 400, 'validation_failed');
    expectError(await a.get('/api/auth/sessions?limit=0'), 400, 'validation_failed');
    expectError(await new Agent().get('/api/auth/sessions'), 401, 'unauthenticated');
    expect((await other.get('/api/auth/sessions')).body.items).toHaveLength(1);
  });

  it('"sign out everywhere else" ends her other devices and keeps this one, telling them why (session_ended)', async () => {
    const a = await signedInAgent('session');
    const phone = await secondDevice(a);
    const laptop = await secondDevice(a);
    const res = await a.post('/api/auth/sign-out-others');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ended: 2 });
    const ended = await phone.get('/api/me');
    expectError(ended, 401, 'unauthenticated');
    expect(ended.body.error.details).toEqual([{ path: '', code: 'session_ended', message: expect.any(String) }]);
    const refused = await laptop.post('/api/auth/refresh');
    expectError(refused, 401, 'unauthenticated');
    expect(refused.body.error.details).toEqual([{ path: '', code: 'session_ended', message: expect.any(String) }]);
    expect((await a.get('/api/me')).status).toBe(200);
    expect((await a.post('/api/auth/sign-out-others')).body).toEqual({ ended: 0 });
  });

  it('"sign out everywhere else" needs a session, refuses another origin, and touches no other account', async () => {
    expectError(await new Agent().post('/api/auth/sign-out-others'), 401, 'unauthenticated');
    const a = await signedInAgent('session');
    const other = await member();
    expectError(await a.post('/api/auth/sign-out-others', undefined, { origin: 'https://evil.example' }), 403, 'forbidden');
    expect((await a.post('/api/auth/sign-out-others')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(200);
  });

  it('a password change ends her other sessions and keeps this one', async () => {
    const a = await signedInAgent('session');
    const phone = await secondDevice(a);
    expect((await a.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expectError(await phone.get('/api/me'), 401, 'unauthenticated');
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('a password reset ends every session of the account, with or without two-step sign-in', async () => {
    for (const withTotp of [false, true]) {
      const a = await signedInAgent('session');
      if (withTotp) {
        const { secret } = (await a.post('/api/auth/mfa/totp', { password: PASSWORD })).body;
        expect((await a.post('/api/auth/mfa/totp/verify', { code: totp(secret) })).status).toBe(200);
      }
      const other = await member();
      const reset = await new Agent().post('/api/auth/reset-password', {
        email: a.email,
        code: await requestResetCode(a.email),
        password: NEW_PASSWORD,
      });
      expect(reset.status).toBe(204);
      expectError(await a.get('/api/me'), 401, 'unauthenticated');
      expectError(await a.post('/api/auth/refresh'), 401, 'unauthenticated');
      expect((await other.get('/api/me')).status).toBe(200);
    }
  });

  it('turning on two-step sign-in ends her other sessions: they have to show a code now', async () => {
    const a = await signedInAgent('session');
    const phone = await secondDevice(a);
    const { secret } = (await a.post('/api/auth/mfa/totp', { password: PASSWORD })).body;
    expect((await a.post('/api/auth/mfa/totp/verify', { code: totp(secret) })).status).toBe(200);
    expectError(await phone.get('/api/me'), 401, 'unauthenticated');
    expect((await a.get('/api/me')).status).toBe(200);
  });
});

describe('a sanctioned member secures and leaves her account', () => {
  const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

  /** A member on two devices, under a sanction of the given type. */
  async function sanctioned(type: 'suspend' | 'read_only') {
    const m = await member({}, `sanctioned-${type}`);
    const phone = await secondDevice(m);
    const b = await board();
    expect((await b.post(`/api/moderation/members/${m.userId}/sanctions`, { type, until: inAWeek(), reason: 'Safety' })).status).toBe(201);
    // The sanction holds: she cannot take part.
    if (type === 'suspend') expectError(await m.get('/api/members'), 403, 'forbidden');
    else expectError(await m.post('/api/reports', { targetType: 'member', targetId: b.userId, reason: 'spam' }), 403, 'forbidden');
    return { m, phone };
  }

  it.each(['suspend', 'read_only'] as const)('lists and ends her other sessions when %s', async (type) => {
    const { m, phone } = await sanctioned(type);
    const list = await m.get('/api/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    const ended = await m.post('/api/auth/sign-out-others');
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ ended: 1 });
    expectError(await phone.get('/api/me'), 401, 'unauthenticated');
    expect((await m.get('/api/me')).status).toBe(200);
  });

  it.each(['suspend', 'read_only'] as const)('erases her account when %s', async (type) => {
    const { m } = await sanctioned(type);
    const res = await m.del('/api/members/me');
    expect(res.status).toBe(202);
    expectError(await new Agent().post('/api/auth/sign-in', { email: m.email, password: PASSWORD }), 401, 'unauthenticated');
  });
});
