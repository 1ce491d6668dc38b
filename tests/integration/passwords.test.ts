import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { config } from '../../functions/lib/config';
import { dynamo } from '../../functions/lib/db';
import { Agent, PASSWORD, awayFromWindowEdge, expectError, member, requestResetCode, signedInAgent, uniqueEmail } from '../helpers';
import { totp } from '../totp';

const NEW_PASSWORD = 'a brand new and unusual passphrase';

describe('forgotten password', () => {
  it('sends a code, and the code sets a new password; the old one stops working', async () => {
    const a = await signedInAgent('reset');
    const anon = new Agent();
    const code = await requestResetCode(a.email);
    expect((await anon.post('/api/auth/reset-password', { email: a.email, code, password: NEW_PASSWORD })).status).toBe(204);
    expectError(await new Agent().post('/api/auth/sign-in', { email: a.email, password: PASSWORD }), 401, 'unauthenticated');
    expect((await new Agent().post('/api/auth/sign-in', { email: a.email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('answers an address without an account exactly like one with', async () => {
    const a = await signedInAgent('reset');
    const known = await new Agent().post('/api/auth/forgot-password', { email: a.email });
    const unknown = await new Agent().post('/api/auth/forgot-password', { email: uniqueEmail('nobody') });
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    const wrongKnown = await new Agent().post('/api/auth/reset-password', { email: a.email, code: '000000', password: NEW_PASSWORD });
    const wrongUnknown = await new Agent().post('/api/auth/reset-password', {
      email: uniqueEmail('nobody'),
      code: '000000',
      password: NEW_PASSWORD,
    });
    expectError(wrongKnown, 400, 'validation_failed');
    expect(wrongKnown.body.error.details[0].path).toBe('code');
    expect(wrongUnknown.status).toBe(wrongKnown.status);
    expect(wrongUnknown.body).toEqual(wrongKnown.body);
  });

  it('refuses a weak new password and bad input with 400, and keeps the code usable', async () => {
    const a = await signedInAgent('reset');
    const code = await requestResetCode(a.email);
    const weak = await new Agent().post('/api/auth/reset-password', { email: a.email, code, password: 'password1234' });
    expectError(weak, 400, 'validation_failed');
    expect(weak.body.error.details[0].path).toBe('password');
    expectError(await new Agent().post('/api/auth/forgot-password', { email: 'not-an-email' }), 400, 'validation_failed');
    expectError(await new Agent().post('/api/auth/forgot-password', { email: a.email, extra: 1 }), 400, 'validation_failed');
    expectError(await new Agent().post('/api/auth/reset-password', { email: a.email, code }), 400, 'validation_failed');
    expect((await new Agent().post('/api/auth/reset-password', { email: a.email, code, password: NEW_PASSWORD })).status).toBe(204);
  });

  it('one address’s code does not reset another account', async () => {
    const a = await signedInAgent('reset');
    const b = await signedInAgent('reset-other');
    const code = await requestResetCode(a.email);
    const res = await new Agent().post('/api/auth/reset-password', { email: b.email, code, password: NEW_PASSWORD });
    expectError(res, 400, 'validation_failed');
    expect((await new Agent().post('/api/auth/sign-in', { email: b.email, password: PASSWORD })).status).toBe(200);
  });

  it('limits codes sent to one address (429), known or not', async () => {
    const max = Number(process.env.SIGNIN_MAX_FAILURES ?? 5);
    await awayFromWindowEdge(Number(process.env.SIGNIN_WINDOW_SECONDS ?? 900));
    for (const email of [uniqueEmail('reset-limit'), (await signedInAgent('reset-limit')).email]) {
      for (let i = 0; i < max; i++) expect((await new Agent().post('/api/auth/forgot-password', { email })).status).toBe(204);
      expectError(await new Agent().post('/api/auth/forgot-password', { email }), 429, 'rate_limited');
    }
  });

  it('sends no more codes to one address than its limit when the requests arrive at once', async () => {
    const email = (await signedInAgent('reset-race')).email;
    const max = config.SIGNIN_MAX_FAILURES;
    await awayFromWindowEdge(config.SIGNIN_WINDOW_SECONDS);
    const tries = Array.from({ length: 30 }, () => new Agent().post('/api/auth/forgot-password', { email }));
    const statuses = (await Promise.all(tries)).map((r) => r.status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - max);
  });

  it('lets at most the limit of wrong reset codes reach Cognito when they arrive at once; then even the right code waits', async () => {
    const a = await signedInAgent('reset-race');
    const max = config.SIGNIN_MAX_FAILURES;
    await awayFromWindowEdge(config.SIGNIN_WINDOW_SECONDS);
    const code = await requestResetCode(a.email);
    const wrong = code === '000000' ? '111111' : '000000';
    const tries = Array.from({ length: 30 }, () =>
      new Agent().post('/api/auth/reset-password', { email: a.email, code: wrong, password: NEW_PASSWORD }),
    );
    const statuses = (await Promise.all(tries)).map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - max);
    expectError(await new Agent().post('/api/auth/reset-password', { email: a.email, code, password: NEW_PASSWORD }), 429, 'rate_limited');
    expect((await new Agent().post('/api/auth/sign-in', { email: a.email, password: PASSWORD })).status).toBe(200);
  });

  it('still asks for the authenticator code after a reset: a reset email alone does not open the account', async () => {
    const a = await signedInAgent('reset');
    const { secret } = (await a.post('/api/auth/mfa/totp', { password: PASSWORD })).body;
    expect((await a.post('/api/auth/mfa/totp/verify', { code: totp(secret) })).status).toBe(200);
    const code = await requestResetCode(a.email);
    expect((await new Agent().post('/api/auth/reset-password', { email: a.email, code, password: NEW_PASSWORD })).status).toBe(204);
    const res = await new Agent().post('/api/auth/sign-in', { email: a.email, password: NEW_PASSWORD });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ challenge: 'totp' });
  });
});

describe('changing the password', () => {
  it('takes the current password and a strong new one', async () => {
    const a = await signedInAgent('change');
    expect((await a.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expectError(await new Agent().post('/api/auth/sign-in', { email: a.email, password: PASSWORD }), 401, 'unauthenticated');
    expect((await new Agent().post('/api/auth/sign-in', { email: a.email, password: NEW_PASSWORD })).status).toBe(200);
    // Her session goes on.
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('refuses a wrong current password as a 400 on its field (not a lost session), and a weak new one', async () => {
    const a = await signedInAgent('change');
    const wrong = await a.post('/api/auth/change-password', { currentPassword: 'not the password at all', newPassword: NEW_PASSWORD });
    expectError(wrong, 400, 'validation_failed');
    expect(wrong.body.error.details[0].path).toBe('currentPassword');
    const weak = await a.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'password1234' });
    expectError(weak, 400, 'validation_failed');
    expect(weak.body.error.details[0].path).toBe('newPassword');
    expectError(await a.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'short' }), 400, 'validation_failed');
    expectError(await a.post('/api/auth/change-password', { newPassword: NEW_PASSWORD }), 400, 'validation_failed');
    expect((await a.get('/api/me')).status).toBe(200);
    expect((await new Agent().post('/api/auth/sign-in', { email: a.email, password: PASSWORD })).status).toBe(200);
  });

  it('never leaves her other devices signed in silently: a database that stays busy after the change gets a 503 saying what to do', async () => {
    const a = await signedInAgent('change-busy');
    const phone = new Agent();
    expect((await phone.post('/api/auth/sign-in', { email: a.email, password: PASSWORD })).status).toBe(200);
    const { client } = await dynamo();
    const original = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    // Every try to end the sessions fails; everything else goes through.
    vi.spyOn(client, 'send').mockImplementation((async (command: { constructor: { name: string } }) => {
      if (command.constructor.name === 'TransactWriteItemsCommand') {
        throw new ProvisionedThroughputExceededException({ message: 'throttled (injected)', $metadata: {} });
      }
      return original(command);
    }) as never);
    let res: Awaited<ReturnType<Agent['post']>>;
    try {
      res = await a.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    } finally {
      vi.restoreAllMocks();
    }
    expectError(res, 503, 'sessions_not_ended');
    expect(res.body.error.message).toContain('Your password was changed');
    expect(res.body.error.message).toContain('Sign out everywhere else');
    // What the answer says is true, and what it asks her to do works.
    expect((await new Agent().post('/api/auth/sign-in', { email: a.email, password: NEW_PASSWORD })).status).toBe(200);
    expect((await a.post('/api/auth/sign-out-others')).status).toBe(200);
    expectError(await phone.get('/api/me'), 401, 'unauthenticated');
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('ends her other sessions when the password changes, while this one goes on', async () => {
    const a = await signedInAgent('change-others');
    const phone = new Agent();
    expect((await phone.post('/api/auth/sign-in', { email: a.email, password: PASSWORD })).status).toBe(200);
    expect((await a.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expectError(await phone.get('/api/me'), 401, 'unauthenticated');
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('needs a session, refuses another origin, and changes only her own account', async () => {
    expectError(
      await new Agent().post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
      401,
      'unauthenticated',
    );
    const a = await signedInAgent('change');
    const other = await member();
    expectError(
      await a.post(
        '/api/auth/change-password',
        { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        { origin: 'https://evil.example' },
      ),
      403,
      'forbidden',
    );
    expect((await a.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await new Agent().post('/api/auth/sign-in', { email: other.email, password: PASSWORD })).status).toBe(200);
  });
});
