import { config } from './config';
import { nodeCrypto } from './crypto';

/**
 * Tamper-evident tokens the server hands out and reads back (list cursors, the sign-in challenge):
 * the value as base64url JSON, then an HMAC-SHA256 under CURSOR_SECRET (or, for one period after a
 * rotation, under CURSOR_SECRET_PREVIOUS). The purpose is part of the
 * signed text, so a token made for one use is never accepted for another. Signed, not encrypted:
 * nothing secret from its holder goes in.
 */
const mac = (key: string, purpose: string, payload: string) =>
  nodeCrypto().createHmac('sha256', key).update(`${purpose}\n${payload}`).digest('base64url');

export function seal(value: unknown, purpose: string): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${mac(config.CURSOR_SECRET, purpose, payload)}`;
}

/** Whether `given` is the MAC of the payload under the current key, or under the one it replaced. */
function signedByUs(purpose: string, payload: string, given: string): boolean {
  const b = Buffer.from(given);
  return [config.CURSOR_SECRET, config.CURSOR_SECRET_PREVIOUS].some((key) => {
    if (!key) return false;
    const a = Buffer.from(mac(key, purpose, payload));
    return a.length === b.length && nodeCrypto().timingSafeEqual(a, b);
  });
}

/** The sealed value, or undefined for a missing, malformed or tampered token, or one made for another purpose. */
export function unseal(token: string | undefined, purpose: string): unknown {
  const [payload, given, extra] = token?.split('.') ?? [];
  if (!payload || !given || extra !== undefined) return undefined;
  if (!signedByUs(purpose, payload, given)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
