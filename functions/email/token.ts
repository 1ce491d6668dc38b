import { nodeCrypto } from '../lib/crypto';
import { emailSettings } from './settings';

/**
 * The unsubscribe token: her member id and what it is for, signed with HMAC-SHA256, base64url.
 * It needs no session and never expires (a link in an old email must still work); it can do one
 * thing only, turn her email off, so a leaked one costs her nothing but emails. Its purpose is
 * signed too, so a token made for something else one day can never unsubscribe, nor the reverse.
 */
const PURPOSE = 'unsubscribe';

const mac = (payload: string, secret = emailSettings().EMAIL_TOKEN_SECRET) =>
  nodeCrypto().createHmac('sha256', secret).update(payload).digest();

/** The signing secret, or none where email is not set up (AWS without emailDomain): no token is then ours. */
function secretOrNone(): string | undefined {
  try {
    return emailSettings().EMAIL_TOKEN_SECRET;
  } catch {
    return undefined;
  }
}

export function unsubscribeToken(memberId: string): string {
  const payload = `${PURPOSE}.${memberId}`;
  return `${Buffer.from(memberId, 'utf8').toString('base64url')}.${mac(payload).toString('base64url')}`;
}

/** The member a token was made for, or undefined when it is malformed or not ours. */
export function memberOfToken(token: string): string | undefined {
  const [id64, sig64, ...rest] = token.split('.');
  if (!id64 || !sig64 || rest.length > 0 || !/^[A-Za-z0-9_-]+$/.test(id64) || !/^[A-Za-z0-9_-]+$/.test(sig64)) return undefined;
  const memberId = Buffer.from(id64, 'base64url').toString('utf8');
  if (!memberId || Buffer.from(memberId, 'utf8').toString('base64url') !== id64) return undefined;
  const secret = secretOrNone();
  if (!secret) return undefined;
  const given = Buffer.from(sig64, 'base64url');
  const expected = mac(`${PURPOSE}.${memberId}`, secret);
  if (given.length !== expected.length || !nodeCrypto().timingSafeEqual(given, expected)) return undefined;
  return memberId;
}
