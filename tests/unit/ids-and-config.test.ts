import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/lib/config';
import { ulid } from '../../functions/lib/ids';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('ulid', () => {
  it('encodes the time as the spec example does, then 16 random characters', () => {
    // https://github.com/ulid/spec: 1469918176385 ms → 01ARYZ6S41
    const id = ulid(1469918176385);
    expect(id).toMatch(CROCKFORD);
    expect(id.slice(0, 10)).toBe('01ARYZ6S41');
  });

  it('sorts by creation time, whatever the random part', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 2 }), fc.integer({ min: 1, max: 10_000_000 }), (t, dt) => {
        const later = Math.min(t + dt, 2 ** 48 - 1);
        expect(ulid(t) < ulid(later)).toBe(true);
      }),
    );
  });

  it('draws a fresh random part every time', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => ulid(1_700_000_000_000)));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(CROCKFORD);
  });

  it('refuses a time it cannot encode', () => {
    expect(() => ulid(-1)).toThrow(RangeError);
    expect(() => ulid(2 ** 48)).toThrow(RangeError);
    expect(() => ulid(1.5)).toThrow(RangeError);
  });
});

describe('settings', () => {
  const minimal = { TABLE_NAME: 't', USER_POOL_ID: 'eu-central-1_x', USER_POOL_CLIENT_ID: 'c', CURSOR_SECRET: '0123456789abcdef' };

  it('fills the defaults', () => {
    expect(parseConfig(minimal)).toEqual({
      ...minimal,
      LOCAL_MODE: false,
      DYNAMODB_ENDPOINT: undefined,
      COGNITO_ENDPOINT: undefined,
      AWS_REGION: 'eu-central-1',
      APP_ORIGIN: undefined,
      TRUST_FORWARDED_HOST: false,
      SIGNIN_MAX_FAILURES: 5,
      SIGNIN_WINDOW_SECONDS: 900,
      SIGNUP_MAX_PER_ADDRESS: 20,
      SIGNUP_WINDOW_SECONDS: 3600,
      MAX_BODY_BYTES: 65536,
    });
  });

  it('reads flags, numbers and URLs', () => {
    const c = parseConfig({
      ...minimal,
      LOCAL_MODE: '1',
      TRUST_FORWARDED_HOST: 'true',
      SIGNUP_MAX_PER_ADDRESS: '0',
      SIGNIN_MAX_FAILURES: '50',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
    });
    expect(c.LOCAL_MODE).toBe(true);
    expect(c.TRUST_FORWARDED_HOST).toBe(true);
    expect(c.SIGNUP_MAX_PER_ADDRESS).toBe(0);
    expect(c.SIGNIN_MAX_FAILURES).toBe(50);
    expect(c.DYNAMODB_ENDPOINT).toBe('http://127.0.0.1:8000');
  });

  it('fails at start naming every bad setting, never a value', () => {
    const env = {
      TABLE_NAME: '',
      USER_POOL_ID: 'p',
      USER_POOL_CLIENT_ID: 'c',
      CURSOR_SECRET: 'short-secret',
      LOCAL_MODE: 'yes',
      SIGNIN_MAX_FAILURES: '0',
      MAX_BODY_BYTES: '2.5',
      SIGNUP_WINDOW_SECONDS: ' ',
      APP_ORIGIN: 'not a url',
    };
    let message = '';
    try {
      parseConfig(env);
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of [
      'TABLE_NAME',
      'CURSOR_SECRET',
      'LOCAL_MODE',
      'SIGNIN_MAX_FAILURES',
      'MAX_BODY_BYTES',
      'SIGNUP_WINDOW_SECONDS',
      'APP_ORIGIN',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('short-secret');
    expect(message).not.toContain('not a url');
  });
});
