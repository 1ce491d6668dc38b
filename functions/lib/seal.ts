import { config } from './config';
import { nodeCrypto } from './crypto';

/**
 * Tamper-evident tokens the server hands out and reads back (list cursors, the sign-in challenge):
 * the value as base64url JSON, then an HMAC-SHA256 under CURSOR_SECRET. The purpose is part of the
 * signed text, so a token made for one use is never accepted for another. Signed, not encrypted:
 * nothing secret from its holder goes in.
 */
const mac = (purpose: string, payload: string) =>
  nodeCrypto().createHmac('sha256', config.CURSOR_SECRET).update(`${purpose}\n${payload}`).digest('base64url');

export function seal(value: unknown, purpose: string): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${mac(purpose, payload)}`;
}

/** The sealed value, or undefined for a missing, malformed or tampered token, or one made for another purpose. */
export function unseal(token: string | undefined, purpose: string): unknown {
  const [payload, given, extra] = token?.split('.') ?? [];
  if (!payload || !given || extra !== undefined) return undefined;
  const a = Buffer.from(mac(purpose, payload));
  const b = Buffer.from(given);
  if (a.length !== b.length || !nodeCrypto().timingSafeEqual(a, b)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
