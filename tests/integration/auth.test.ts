import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { config } from '../../functions/lib/config';
import { Agent, PASSWORD, awayFromWindowEdge, expectError, signedInAgent, uniqueEmail } from '../helpers';

describe('sign-up', () => {
  it('creates an account and answers 202 with an empty body; she can then sign in', async () => {
    const email = uniqueEmail();
    const a = new Agent();
    const res = await a.post('/api/auth/sign-up', { email, password: PASSWORD });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({});
    const signedIn = await a.post('/api/auth/sign-in', { email, password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a taken address exactly as a new one, so nobody learns whether an address belongs to the network', async () => {
    const owner = await signedInAgent('owner');
    const taken = await new Agent().post('/api/auth/sign-up', { email: owner.email.toUpperCase(), password: 'another long passphrase 7' });
    const fresh = await new Agent().post('/api/auth/sign-up', { email: uniqueEmail('fresh'), password: 'another long passphrase 7' });
    expect(taken.status).toBe(202);
    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    expect([...taken.headers.keys()].sort()).toEqual([...fresh.headers.keys()].sort());
    // The try changed nothing: her own password still signs her in, the stranger's does not.
    const stranger = await new Agent().post('/api/auth/sign-in', { email: owner.email, password: 'another long passphrase 7' });
    expectError(stranger, 401, 'unauthenticated');
    expect((await new Agent().post('/api/auth/sign-in', { email: owner.email, password: PASSWORD })).status).toBe(200);
  });

  it('refuses a weak password with the same 400 for a taken address as for a new one', async () => {
    const owner = await signedInAgent('owner');
    const taken = await new Agent().post('/api/auth/sign-up', { email: owner.email, password: 'password1234' });
    const fresh = await new Agent().post('/api/auth/sign-up', { email: uniqueEmail('fresh'), password: 'password1234' });
    expectError(taken, 400, 'validation_failed');
    expect(taken.body).toEqual(fresh.body);
  });

  it.each([
    ['a common password', 'password1234', 'common_password'],
    ['a common password in other case', 'PASSWORD1234', 'common_password'],
    ['a short password', 'short pass1', 'too_short'],
    ['one repeated character', 'aaaaaaaaaaaaaaaa', 'repetitive_password'],
  ])('refuses %s with 400 and the detail code saying why', async (_label, password, code) => {
    const res = await new Agent().post('/api/auth/sign-up', { email: uniqueEmail(), password });
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details[0]).toMatchObject({ path: 'password', code });
  });

  it('accepts a long password without composition rules', async () => {
    const res = await new Agent().post('/api/auth/sign-up', { email: uniqueEmail(), password: 'correct horse battery staple' });
    expect(res.status).toBe(202);
  });

  it('lets no more sign-ups through from one address than its limit, however many arrive at once', async () => {
    const saved = config.SIGNUP_MAX_PER_ADDRESS;
    // Off in local mode; on for this test only (tests in a file run one after another).
    config.SIGNUP_MAX_PER_ADDRESS = 3;
    try {
      await awayFromWindowEdge(config.SIGNUP_WINDOW_SECONDS);
      const address = `address-${randomUUID()}`;
      const tries = Array.from({ length: 20 }, () =>
        new Agent().post('/api/auth/sign-up', { email: uniqueEmail('signup-race'), password: PASSWORD }, { 'x-forwarded-for': address }),
      );
      const statuses = (await Promise.all(tries)).map((r) => r.status);
      expect(statuses.filter((s) => s === 202)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(17);
      // Another address is not held back by this one.
      const other = await new Agent().post(
        '/api/auth/sign-up',
        { email: uniqueEmail('signup-race'), password: PASSWORD },
        { 'x-forwarded-for': `address-${randomUUID()}` },
      );
      expect(other.status).toBe(202);
    } finally {
      config.SIGNUP_MAX_PER_ADDRESS = saved;
    }
  });

  it('refuses a malformed email, unknown fields and wrong types with 400', async () => {
    const a = new Agent();
    expectError(await a.post('/api/auth/sign-up', { email: 'not-an-email', password: PASSWORD }), 400, 'validation_failed');
    expectError(await a.post('/api/auth/sign-up', { email: uniqueEmail(), password: PASSWORD, role: 'board' }), 400, 'validation_failed');
    expectError(await a.post('/api/auth/sign-up', { email: 42, password: PASSWORD }), 400, 'validation_failed');
  });
});

describe('sign-in', () => {
  it('sets HttpOnly SameSite=Strict session cookies and answers the user', async () => {
    const email = uniqueEmail();
    const a = new Agent();
    await a.post('/api/auth/sign-up', { email, password: PASSWORD });
    const res = await a.post('/api/auth/sign-in', { email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email, roles: [] });
    const cookies = res.headers.getSetCookie();
    expect(cookies.length).toBe(5);
    for (const c of cookies) expect(c).toMatch(/SameSite=Strict/);
    // Every cookie but the bare "signed in here" hint is out of the page's reach.
    const readable = cookies.filter((c) => !/HttpOnly/.test(c));
    expect(readable).toHaveLength(1);
    expect(readable[0]).toMatch(/^cn_in=1; /);
    expect(readable[0]).toMatch(/Path=\/(;|$)/);
    expect(JSON.stringify(res.body)).not.toMatch(/eyJ/); // no token in the body
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const a = await signedInAgent();
    const wrong = await new Agent().post('/api/auth/sign-in', { email: a.email, password: 'not the password at all' });
    const unknown = await new Agent().post('/api/auth/sign-in', { email: uniqueEmail('nobody'), password: 'not the password at all' });
    expectError(wrong, 401, 'unauthenticated');
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('throttles repeated failures for one email with 429 and retry-after, even with the right password', async () => {
    const a = await signedInAgent();
    const max = Number(process.env.SIGNIN_MAX_FAILURES ?? 5);
    await awayFromWindowEdge(Number(process.env.SIGNIN_WINDOW_SECONDS ?? 900));
    for (let i = 0; i < max; i++) {
      expect((await new Agent().post('/api/auth/sign-in', { email: a.email, password: `wrong password ${i}` })).status).toBe(401);
    }
    const blocked = await new Agent().post('/api/auth/sign-in', { email: a.email, password: PASSWORD });
    expectError(blocked, 429, 'rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets at most the limit of wrong passwords reach Cognito when they arrive at once', async () => {
    const a = await signedInAgent();
    const max = config.SIGNIN_MAX_FAILURES;
    await awayFromWindowEdge(config.SIGNIN_WINDOW_SECONDS);
    const tries = Array.from({ length: 40 }, (_, i) =>
      new Agent().post('/api/auth/sign-in', { email: a.email, password: `wrong password ${i}` }),
    );
    const statuses = (await Promise.all(tries)).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - max);
    expectError(await new Agent().post('/api/auth/sign-in', { email: a.email, password: PASSWORD }), 429, 'rate_limited');
  });

  it('does not count right passwords against the limit', async () => {
    const a = await signedInAgent();
    await awayFromWindowEdge(config.SIGNIN_WINDOW_SECONDS);
    for (let i = 0; i < config.SIGNIN_MAX_FAILURES + 2; i++) {
      expect((await new Agent().post('/api/auth/sign-in', { email: a.email, password: PASSWORD })).status).toBe(200);
    }
    expectError(
      await new Agent().post('/api/auth/sign-in', { email: a.email, password: 'not the password at all' }),
      401,
      'unauthenticated',
    );
  });
});

describe('session', () => {
  it('answers 401 on /api/me without a session or with a forged token', async () => {
    expectError(await new Agent().get('/api/me'), 401, 'unauthenticated');
    const forged = new Agent();
    forged.cookies.set('cn_id', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expectError(await forged.get('/api/me'), 401, 'unauthenticated');
  });

  it('refreshes the session from the refresh cookie', async () => {
    const a = await signedInAgent();
    a.cookies.delete('cn_id');
    expectError(await a.get('/api/me'), 401, 'unauthenticated');
    expect((await a.post('/api/auth/refresh')).status).toBe(204);
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('signs out: clears the cookies and revokes the refresh token', async () => {
    const a = await signedInAgent();
    const refresh = a.cookies.get('cn_rt') ?? '';
    expect(a.cookies.get('cn_in')).toBe('1');
    expect((await a.post('/api/auth/sign-out')).status).toBe(204);
    // The hint goes with the session cookies.
    expect(a.cookies.size).toBe(0);
    const replay = new Agent();
    replay.cookies.set('cn_rt', refresh);
    expectError(await replay.post('/api/auth/refresh'), 401, 'unauthenticated');
  });
});

describe('edge rules shared by every route', () => {
  it('refuses a state-changing request from another origin with 403 and allows one without Origin', async () => {
    const a = new Agent();
    const body = { email: uniqueEmail(), password: PASSWORD };
    expectError(await a.post('/api/auth/sign-up', body, { origin: 'https://evil.example' }), 403, 'forbidden');
    expectError(await a.post('/api/auth/sign-up', body, { 'sec-fetch-site': 'cross-site', origin: '' }), 403, 'forbidden');
    const noOrigin = await new Agent().post('/api/auth/sign-up', body, { origin: '' });
    expect(noOrigin.status).toBe(202);
  });

  it('answers malformed JSON with 400, a non-JSON body with 415 and an oversize body with 413', async () => {
    const a = new Agent();
    expectError(await a.post('/api/auth/sign-in', '{"email": '), 400, 'validation_failed');
    expectError(
      await a.post('/api/auth/sign-in', 'email=a', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
    );
    expectError(await a.post('/api/auth/sign-in', { email: 'a@b.org', password: 'x'.repeat(70 * 1024) }), 413, 'payload_too_large');
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    expectError(await new Agent().get('/api/nothing-here'), 404, 'not_found');
  });
});
