import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../functions/lib/seal';
import { base32Decode, totp, wrongCode } from '../totp';

describe('the tests’ authenticator (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1 secret "12345678901234567890".
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

  it('decodes base32 and makes the RFC’s codes', () => {
    expect(base32Decode(secret).toString('ascii')).toBe('12345678901234567890');
    expect(totp(secret, 59_000, 8)).toBe('94287082');
    expect(totp(secret, 1_111_111_109_000, 8)).toBe('07081804');
    expect(totp(secret, 2_000_000_000_000, 8)).toBe('69279037');
    expect(totp(secret, 59_000)).toBe('287082');
  });

  it('offers a wrong code that differs from the current one', () => {
    expect(wrongCode(secret)).toMatch(/^\d{6}$/);
    expect(wrongCode(secret)).not.toBe(totp(secret));
  });
});

describe('sealed tokens', () => {
  it('give back what was sealed, for the same purpose only', () => {
    const token = seal({ session: 's', email: 'a@b.org', until: 5 }, 'sign-in-totp');
    expect(unseal(token, 'sign-in-totp')).toEqual({ session: 's', email: 'a@b.org', until: 5 });
    expect(unseal(token, 'cursor')).toBeUndefined();
  });

  it('refuse a changed value, a changed signature, and malformed tokens', () => {
    const token = seal({ email: 'a@b.org' }, 'p');
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ email: 'victim@b.org' })).toString('base64url');
    expect(unseal(`${forged}.${mac}`, 'p')).toBeUndefined();
    expect(unseal(`${payload}.${mac?.slice(0, -2)}xx`, 'p')).toBeUndefined();
    for (const bad of [undefined, '', 'abc', `${payload}.`, `.${mac}`, `${token}.extra`]) expect(unseal(bad, 'p')).toBeUndefined();
  });
});
