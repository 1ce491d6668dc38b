import { afterEach, describe, expect, it } from 'vitest';
import { clock } from '../../functions/lib/clock';
import { Agent, expectError, PASSWORD, signedInAgent } from '../helpers';

/*
 * Discreet mode's idle sign-out, enforced by the server: a session given an idle limit ends once
 * it has gone unused for longer, whatever the page does (a closed laptop lid, a killed tab).
 * Time moves through the API's clock, not by waiting.
 */

const realNow = clock.now;
afterEach(() => {
  clock.now = realNow;
});

/** Moves the API's clock `minutes` forward from the real time. */
const later = (minutes: number) => {
  clock.now = () => realNow() + minutes * 60_000;
};

/** The same account signed in on another device. */
async function secondDevice(a: Agent): Promise<Agent> {
  const b = new Agent();
  expect((await b.post('/api/auth/sign-in', { email: a.email, password: PASSWORD })).status).toBe(200);
  return b;
}

describe('idle sign-out (PUT /api/auth/session)', () => {
  it('ends a session left unused for longer than its idle limit: 401, for good, and its refresh is refused', async () => {
    const a = await signedInAgent('idle');
    expect((await a.put('/api/auth/session', { idleMinutes: 2 })).status).toBe(204);
    later(3);
    expectError(await a.get('/api/me'), 401, 'unauthenticated');
    clock.now = realNow;
    // Ended, not merely refused while the clock says so.
    expectError(await a.get('/api/me'), 401, 'unauthenticated');
    expectError(await a.post('/api/auth/refresh'), 401, 'unauthenticated');
  });

  it('keeps a session that is used within its limit: each use counts from then', async () => {
    const a = await signedInAgent('idle');
    expect((await a.put('/api/auth/session', { idleMinutes: 2 })).status).toBe(204);
    // Used every 90 seconds for six minutes: never two minutes without a request.
    for (let minutes = 1.5; minutes <= 6; minutes += 1.5) {
      later(minutes);
      expect((await a.get('/api/me')).status).toBe(200);
    }
    later(6 + 2.5);
    expectError(await a.get('/api/me'), 401, 'unauthenticated');
  });

  it('limits only the session that asked: her other devices and a cleared limit are untouched', async () => {
    const a = await signedInAgent('idle');
    const laptop = await secondDevice(a);
    const phone = await secondDevice(a);
    expect((await a.put('/api/auth/session', { idleMinutes: 5 })).status).toBe(204);
    expect((await phone.put('/api/auth/session', { idleMinutes: 30 })).status).toBe(204);
    expect((await phone.put('/api/auth/session', { idleMinutes: null })).status).toBe(204);
    later(10);
    expectError(await a.get('/api/me'), 401, 'unauthenticated');
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(200);
  });

  it('records use at most every 30 seconds, and requests sent at once all pass', async () => {
    const a = await signedInAgent('idle');
    expect((await a.put('/api/auth/session', { idleMinutes: 2 })).status).toBe(204);
    later(1.9);
    const answers = await Promise.all(Array.from({ length: 10 }, () => a.get('/api/me')));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    // Counted from the requests at 1.9 minutes, not from when the limit was set.
    later(3.5);
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('refuses anything but 2, 5, 15, 30 or null with 400', async () => {
    const a = await signedInAgent('idle');
    for (const body of [
      { idleMinutes: 3 },
      { idleMinutes: '5' },
      { idleMinutes: 0 },
      {},
      { idleMinutes: 5, extra: true },
      { idleMinutes: 2.5 },
    ]) {
      expectError(await a.put('/api/auth/session', body), 400, 'validation_failed');
    }
    expect((await a.get('/api/me')).status).toBe(200);
  });

  it('needs a signed-in session, and the app’s own origin', async () => {
    expectError(await new Agent().put('/api/auth/session', { idleMinutes: 5 }), 401, 'unauthenticated');
    const a = await signedInAgent('idle');
    expectError(await a.put('/api/auth/session', { idleMinutes: 5 }, { origin: 'https://evil.example' }), 403, 'forbidden');
    expect((await a.post('/api/auth/sign-out')).status).toBe(204);
    expectError(await a.put('/api/auth/session', { idleMinutes: 5 }), 401, 'unauthenticated');
  });
});
