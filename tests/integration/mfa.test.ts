import { describe, expect, it } from 'vitest';
import { config } from '../../functions/lib/config';
import { Agent, PASSWORD, applicant, awayFromWindowEdge, board, expectError, member, signedInAgent } from '../helpers';
import { totp, wrongCode } from '../totp';

/** An account with two-step sign-in turned on; returns her secret. */
async function withTotp(a: Agent): Promise<string> {
  const setup = await a.post('/api/auth/mfa/totp', { password: PASSWORD });
  expect(setup.status).toBe(200);
  const secret: string = setup.body.secret;
  expect((await a.post('/api/auth/mfa/totp/verify', { code: totp(secret) })).status).toBe(200);
  return secret;
}

describe('two-step sign-in: setting it up', () => {
  it('is off for a new account; set-up gives a secret and an otpauth address that names nothing but "CN"', async () => {
    const a = await signedInAgent('mfa');
    expect((await a.get('/api/auth/mfa')).body).toEqual({ totp: false });
    const setup = await a.post('/api/auth/mfa/totp', { password: PASSWORD });
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(setup.body.uri).toBe(`otpauth://totp/CN?secret=${setup.body.secret}&issuer=CN&algorithm=SHA1&digits=6&period=30`);
    expect(setup.body.uri).not.toContain(encodeURIComponent(a.email));
    // Not on until a code confirms it.
    expect((await a.get('/api/auth/mfa')).body).toEqual({ totp: false });
  });

  it('starts only with her password: an open session alone cannot put a second factor on her account', async () => {
    const a = await signedInAgent('mfa');
    const wrong = await a.post('/api/auth/mfa/totp', { password: 'not the password at all' });
    expectError(wrong, 400, 'validation_failed');
    expect(wrong.body.error.details[0].path).toBe('password');
    expectError(await a.post('/api/auth/mfa/totp'), 400, 'validation_failed');
    expectError(await a.post('/api/auth/mfa/totp', { password: '' }), 400, 'validation_failed');
    expectError(await a.post('/api/auth/mfa/totp', { password: PASSWORD, extra: true }), 400, 'validation_failed');
    // Her session survives a wrong password (a 401 would have signed her out).
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('refuses a wrong or malformed code, then turns on with a right one (spaces allowed)', async () => {
    const a = await signedInAgent('mfa');
    const { secret } = (await a.post('/api/auth/mfa/totp', { password: PASSWORD })).body;
    const wrong = await a.post('/api/auth/mfa/totp/verify', { code: wrongCode(secret) });
    expectError(wrong, 400, 'validation_failed');
    expect(wrong.body.error.details[0].path).toBe('code');
    for (const code of ['12345', '1234567', 'abcdef', 42]) {
      expectError(await a.post('/api/auth/mfa/totp/verify', { code }), 400, 'validation_failed');
    }
    expectError(await a.post('/api/auth/mfa/totp/verify', { code: totp(secret), extra: 1 }), 400, 'validation_failed');
    expect((await a.get('/api/auth/mfa')).body).toEqual({ totp: false });
    const code = totp(secret);
    const on = await a.post('/api/auth/mfa/totp/verify', { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ totp: true });
    expect((await a.get('/api/auth/mfa')).body).toEqual({ totp: true });
  });

  it('will not hand out a new secret while it is on (a borrowed session cannot move her second factor)', async () => {
    const a = await signedInAgent('mfa');
    await withTotp(a);
    expectError(await a.post('/api/auth/mfa/totp', { password: PASSWORD }), 409, 'conflict');
    expectError(await a.post('/api/auth/mfa/totp/verify', { code: '123456' }), 409, 'conflict');
  });

  it('needs a session, and refuses another origin', async () => {
    const anon = new Agent();
    expectError(await anon.get('/api/auth/mfa'), 401, 'unauthenticated');
    expectError(await anon.post('/api/auth/mfa/totp', { password: PASSWORD }), 401, 'unauthenticated');
    expectError(await anon.post('/api/auth/mfa/totp/verify', { code: '123456' }), 401, 'unauthenticated');
    expectError(await anon.post('/api/auth/mfa/totp/disable', { password: PASSWORD, code: '123456' }), 401, 'unauthenticated');
    const a = await signedInAgent('mfa');
    expectError(await a.post('/api/auth/mfa/totp', { password: PASSWORD }, { origin: 'https://evil.example' }), 403, 'forbidden');
    expect((await a.get('/api/auth/mfa')).body).toEqual({ totp: false });
  });

  it('is open to an applicant still waiting and to a suspended member: securing her account is not taking part', async () => {
    const waiting = await applicant();
    await withTotp(waiting);
    expect((await waiting.get('/api/auth/mfa')).body).toEqual({ totp: true });
    const m = await member();
    const b = await board();
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect((await b.post(`/api/moderation/members/${m.userId}/sanctions`, { type: 'suspend', until, reason: 'Safety' })).status).toBe(201);
    expectError(await m.get('/api/members'), 403, 'forbidden');
    const secret = await withTotp(m);
    const off = await m.post('/api/auth/mfa/totp/disable', { password: PASSWORD, code: totp(secret) });
    expect(off.body).toEqual({ totp: false });
  });

  it('is each account’s own: turning it on for one changes nothing for another, the board included', async () => {
    const a = await signedInAgent('mfa');
    const other = await signedInAgent('mfa-other');
    const b = await board();
    await withTotp(a);
    expect((await other.get('/api/auth/mfa')).body).toEqual({ totp: false });
    expect((await b.get('/api/auth/mfa')).body).toEqual({ totp: false });
    expect((await new Agent().post('/api/auth/sign-in', { email: other.email, password: PASSWORD })).status).toBe(200);
  });
});

describe('two-step sign-in: signing in', () => {
  it('asks for the code after the right password (202, no session yet), then signs in with it', async () => {
    const a = await signedInAgent('mfa');
    const secret = await withTotp(a);
    const b = new Agent();
    const first = await b.post('/api/auth/sign-in', { email: a.email, password: PASSWORD });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ challenge: 'totp' });
    const set = first.headers.getSetCookie();
    expect(set).toHaveLength(1);
    expect(set[0]).toMatch(/^cn_mfa=.*HttpOnly/);
    expect(set[0]).toMatch(/Path=\/api\/auth\/sign-in/);
    expect(set[0]).toMatch(/SameSite=Strict/);
    expectError(await b.get('/api/me'), 401, 'unauthenticated');

    const wrong = await b.post('/api/auth/sign-in/totp', { code: wrongCode(secret) });
    expectError(wrong, 400, 'validation_failed');
    expect(wrong.body.error.details[0]).toMatchObject({ path: 'code', code: 'wrong_code' });

    const ok = await b.post('/api/auth/sign-in/totp', { code: totp(secret) });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ id: a.userId, email: a.email });
    expect(b.cookies.has('cn_mfa')).toBe(false);
    expect((await b.get('/api/me')).body.id).toBe(a.userId);
  });

  it('still answers a wrong password with the same 401 as before, never revealing that a code would follow', async () => {
    const a = await signedInAgent('mfa');
    await withTotp(a);
    const res = await new Agent().post('/api/auth/sign-in', { email: a.email, password: 'not the password at all' });
    expectError(res, 401, 'unauthenticated');
    expect(res.headers.getSetCookie()).toHaveLength(0);
  });

  it('answers bad input to the code step and to turning it off with 400, leaving the challenge usable', async () => {
    const a = await signedInAgent('mfa');
    const secret = await withTotp(a);
    const b = new Agent();
    expect((await b.post('/api/auth/sign-in', { email: a.email, password: PASSWORD })).status).toBe(202);
    for (const body of [{ code: 'abcdef' }, { code: '12345' }, { code: 123456 }, { code: totp(secret), extra: 1 }, {}]) {
      expectError(await b.post('/api/auth/sign-in/totp', body), 400, 'validation_failed');
    }
    expectError(await b.post('/api/auth/sign-in/totp', '{not json'), 400, 'validation_failed');
    for (const body of [
      { password: PASSWORD },
      { code: totp(secret) },
      { password: '', code: totp(secret) },
      { password: PASSWORD, code: 'x' },
    ]) {
      expectError(await a.post('/api/auth/mfa/totp/disable', body), 400, 'validation_failed');
    }
    expect((await b.post('/api/auth/sign-in/totp', { code: totp(secret) })).status).toBe(200);
  });

  it('refuses the code step without the password step, with a forged challenge, or with another account’s challenge', async () => {
    const a = await signedInAgent('mfa');
    const secret = await withTotp(a);
    const unstarted = await new Agent().post('/api/auth/sign-in/totp', { code: totp(secret) });
    expectError(unstarted, 401, 'unauthenticated');
    // The app can tell her to start again with her email and password.
    expect(unstarted.body.error.details).toEqual([{ path: '', code: 'sign_in_step_lapsed', message: expect.any(String) }]);

    const b = new Agent();
    await b.post('/api/auth/sign-in', { email: a.email, password: PASSWORD });
    const sealed = b.cookies.get('cn_mfa') ?? '';
    const [payload, mac] = sealed.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, until: Date.now() + 3_600_000 })).toString('base64url');
    const c = new Agent();
    c.cookies.set('cn_mfa', `${forged}.${mac}`);
    expectError(await c.post('/api/auth/sign-in/totp', { code: totp(secret) }), 401, 'unauthenticated');
    // Her challenge in another account's hands still signs in only her, and only with her code.
    const other = await signedInAgent('mfa-other');
    const otherSecret = await withTotp(other);
    const d = new Agent();
    d.cookies.set('cn_mfa', sealed);
    expectError(await d.post('/api/auth/sign-in/totp', { code: totp(otherSecret) }), 400, 'validation_failed');
  });

  it('counts wrong codes against the address like wrong passwords (429 after the limit)', async () => {
    const a = await signedInAgent('mfa');
    const secret = await withTotp(a);
    const max = Number(process.env.SIGNIN_MAX_FAILURES ?? 5);
    await awayFromWindowEdge(Number(process.env.SIGNIN_WINDOW_SECONDS ?? 900));
    const b = new Agent();
    await b.post('/api/auth/sign-in', { email: a.email, password: PASSWORD });
    for (let i = 0; i < max; i++) expect((await b.post('/api/auth/sign-in/totp', { code: wrongCode(secret) })).status).toBe(400);
    const blocked = await b.post('/api/auth/sign-in/totp', { code: totp(secret) });
    expectError(blocked, 429, 'rate_limited');
    expectError(await new Agent().post('/api/auth/sign-in', { email: a.email, password: PASSWORD }), 429, 'rate_limited');
  });
});

describe('two-step sign-in: many codes at once', () => {
  it('lets at most the limit of wrong codes reach Cognito when they arrive at once; then even the right code waits', async () => {
    const a = await signedInAgent('mfa-race');
    const secret = await withTotp(a);
    const max = config.SIGNIN_MAX_FAILURES;
    await awayFromWindowEdge(config.SIGNIN_WINDOW_SECONDS);
    const b = new Agent();
    expect((await b.post('/api/auth/sign-in', { email: a.email, password: PASSWORD })).status).toBe(202);
    const tries = Array.from({ length: 30 }, () => b.post('/api/auth/sign-in/totp', { code: wrongCode(secret) }));
    const statuses = (await Promise.all(tries)).map((r) => r.status);
    expect(statuses.filter((s) => s === 400 || s === 401)).toHaveLength(max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - max);
    const c = new Agent();
    expectError(await c.post('/api/auth/sign-in', { email: a.email, password: PASSWORD }), 429, 'rate_limited');
  });

  it('lets at most the limit of wrong codes through when turning it off, sent at once', async () => {
    const a = await signedInAgent('mfa-race');
    const secret = await withTotp(a);
    const max = config.SIGNIN_MAX_FAILURES;
    await awayFromWindowEdge(config.SIGNIN_WINDOW_SECONDS);
    const tries = Array.from({ length: 20 }, () => a.post('/api/auth/mfa/totp/disable', { password: PASSWORD, code: wrongCode(secret) }));
    const statuses = (await Promise.all(tries)).map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - max);
    expectError(await a.post('/api/auth/mfa/totp/disable', { password: PASSWORD, code: totp(secret) }), 429, 'rate_limited');
    expect((await a.get('/api/auth/mfa')).body).toEqual({ totp: true });
  });
});

describe('two-step sign-in: turning it off', () => {
  it('takes her password and a current code; wrong ones are a 400 on their field, not a lost session', async () => {
    const a = await signedInAgent('mfa');
    const secret = await withTotp(a);
    const badPassword = await a.post('/api/auth/mfa/totp/disable', { password: 'not the password at all', code: totp(secret) });
    expectError(badPassword, 400, 'validation_failed');
    expect(badPassword.body.error.details[0].path).toBe('password');
    const badCode = await a.post('/api/auth/mfa/totp/disable', { password: PASSWORD, code: wrongCode(secret) });
    expectError(badCode, 400, 'validation_failed');
    expect(badCode.body.error.details[0].path).toBe('code');
    expect((await a.get('/api/auth/mfa')).body).toEqual({ totp: true });
    expect((await a.get('/api/me')).status).toBe(200);

    const off = await a.post('/api/auth/mfa/totp/disable', { password: PASSWORD, code: totp(secret) });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ totp: false });
    const again = await new Agent().post('/api/auth/sign-in', { email: a.email, password: PASSWORD });
    expect(again.status).toBe(200);
  });

  it('answers 409 when it is not on, even with a code from another account’s app', async () => {
    const a = await signedInAgent('mfa');
    expectError(await a.post('/api/auth/mfa/totp/disable', { password: PASSWORD, code: '123456' }), 409, 'conflict');
    const other = await signedInAgent('mfa-other');
    const secret = await withTotp(other);
    // Her own password with the other's code: the check is made against her own account.
    const res = await a.post('/api/auth/mfa/totp/disable', { password: PASSWORD, code: totp(secret) });
    expectError(res, 409, 'conflict');
    expect((await other.get('/api/auth/mfa')).body).toEqual({ totp: true });
  });
});
