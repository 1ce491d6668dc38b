import { describe, expect, it } from 'vitest';
import { parseEmailSettings } from '../../functions/email/settings';

const base = { EMAIL_TOKEN_SECRET: 's'.repeat(40), APP_ORIGIN: 'https://cn.example.org/' };

describe('the email settings', () => {
  it('send through SES unless an SMTP host is set, from the configured address', () => {
    expect(parseEmailSettings({ ...base, EMAIL_FROM: 'cn@cn.example.org' })).toMatchObject({
      EMAIL_TRANSPORT: 'ses',
      EMAIL_FROM: 'cn@cn.example.org',
      APP_ORIGIN: 'https://cn.example.org',
    });
    expect(parseEmailSettings({ ...base, SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525' })).toMatchObject({
      EMAIL_TRANSPORT: 'smtp',
      SMTP_PORT: 2525,
      EMAIL_FROM: 'notices@localhost',
    });
  });

  it('fail at once, naming every bad setting', () => {
    expect(() => parseEmailSettings({ EMAIL_TRANSPORT: 'smtp', SMTP_PORT: 'x', EMAIL_FROM: 'Network <a@b.c>' })).toThrow(
      /SMTP_HOST.*SMTP_PORT.*EMAIL_TOKEN_SECRET.*APP_ORIGIN.*EMAIL_FROM/,
    );
    // In AWS the sender must be named: no silent default address.
    expect(() => parseEmailSettings(base)).toThrow(/EMAIL_FROM/);
  });
});

describe('the unsubscribe token', () => {
  it('names its member back, and nobody for a token signed with another secret', async () => {
    process.env.EMAIL_TOKEN_SECRET ??= 't'.repeat(40);
    process.env.APP_ORIGIN ??= 'http://127.0.0.1:3000';
    process.env.SMTP_HOST ??= '127.0.0.1';
    const { memberOfToken, unsubscribeToken } = await import('../../functions/email/token');
    const token = unsubscribeToken('0f3c2a5e-member');
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(memberOfToken(token)).toBe('0f3c2a5e-member');
    expect(memberOfToken(`${Buffer.from('someone-else').toString('base64url')}.${token.split('.')[1]}`)).toBeUndefined();
    expect(memberOfToken(`${token}=`)).toBeUndefined();
  });
});
