import { describe, expect, it } from 'vitest';
import { commonPasswordCount, weakPasswordReason } from '../../functions/auth/passwords';
import { decodeCursor, encodeCursor } from '../../functions/lib/cursor';

describe('cursors', () => {
  it('round-trip within their scope and refuse tampering or another scope', () => {
    const key = { pk: { S: 'DIR#all' }, sk: { S: 'amina#1' } };
    const c = encodeCursor(key, 'scope-a') ?? '';
    expect(decodeCursor(c, 'scope-a')).toEqual(key);
    expect(() => decodeCursor(c, 'scope-b')).toThrow(/cursor/);
    const [payload] = c.split('.');
    const forged = Buffer.from(JSON.stringify({ k: { pk: { S: 'MEMBER#x' }, sk: { S: 'PROFILE' } }, s: 'scope-a' })).toString('base64url');
    expect(() => decodeCursor(`${forged}.${c.split('.')[1]}`, 'scope-a')).toThrow(/cursor/);
    expect(() => decodeCursor(`${payload}`, 'scope-a')).toThrow(/cursor/);
    expect(encodeCursor(undefined, 'x')).toBeNull();
  });
});

describe('common passwords', () => {
  it('refuses a list of well over 10,000 common passwords, password1234 among them', async () => {
    expect(await commonPasswordCount()).toBeGreaterThan(10_000);
    expect(await weakPasswordReason('password1234', 'a@b.org')).toEqual({
      code: 'common_password',
      message: expect.stringMatching(/common/),
    });
    expect(await weakPasswordReason('a long and unusual passphrase', 'a@b.org')).toBeNull();
    expect(await weakPasswordReason('sadia.rahimi-2026', 'sadia.rahimi@example.org')).toEqual({
      code: 'password_contains_email',
      message: expect.stringMatching(/email/),
    });
  });
});
