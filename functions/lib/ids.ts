import { nodeCrypto } from './crypto';

/** Crockford's base32, the ULID alphabet. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const MAX_TIME = 2 ** 48 - 1;

/**
 * A ULID (https://github.com/ulid/spec): 48 bits of milliseconds then 80 random bits, 26
 * characters that sort by creation time. Our own ten lines instead of the `ulid` package, whose
 * Node build imports node:crypto at load (see ./crypto.ts).
 */
export function ulid(now: number = Date.now()): string {
  if (!Number.isInteger(now) || now < 0 || now > MAX_TIME) throw new RangeError(`ulid: time out of range: ${now}`);
  let time = '';
  for (let i = 0, t = now; i < TIME_CHARS; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  let random = '';
  // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform.
  for (const byte of nodeCrypto().randomBytes(RANDOM_CHARS)) random += ALPHABET[byte & 31];
  return time + random;
}
