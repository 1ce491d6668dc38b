import { createHmac } from 'node:crypto';

/**
 * RFC 6238 codes (HMAC-SHA1, 30-second steps, 6 digits), as an authenticator app makes them from
 * the base32 secret Cognito hands out: the tests act as her phone.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(secret: string): Buffer {
  const clean = secret.toUpperCase().replace(/[\s=]/g, '');
  let bits = '';
  for (const ch of clean) {
    const v = BASE32.indexOf(ch);
    if (v < 0) throw new Error(`not base32: ${ch}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => Number.parseInt(b, 2)));
}

export function totp(secret: string, at = Date.now(), digits = 6): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** digits).padStart(digits, '0');
}

/** A code that is surely wrong now: the one from ten minutes ago, unless it happens to match. */
export function wrongCode(secret: string): string {
  const now = totp(secret);
  const old = totp(secret, Date.now() - 600_000);
  return old === now ? String((Number(now) + 1) % 1_000_000).padStart(6, '0') : old;
}
