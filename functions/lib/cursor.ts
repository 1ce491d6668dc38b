import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { config } from './config';
import { nodeCrypto } from './crypto';
import { ValidationError } from './errors';

/**
 * Opaque, signed list cursors. A cursor carries DynamoDB's LastEvaluatedKey and the scope of the
 * query it belongs to (route, filter, caller); the HMAC makes a tampered or transplanted cursor
 * a 400 instead of a read of someone else's key range.
 */
const sign = (payload: string) => nodeCrypto().createHmac('sha256', config.CURSOR_SECRET).update(payload).digest('base64url');

export function encodeCursor(key: Record<string, AttributeValue> | undefined, scope: string): string | null {
  if (!key) return null;
  const payload = Buffer.from(JSON.stringify({ k: key, s: scope })).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

export function decodeCursor(cursor: string | undefined, scope: string): Record<string, AttributeValue> | undefined {
  if (cursor === undefined) return undefined;
  const bad = new ValidationError('The cursor is not valid.', [{ path: 'cursor', message: 'Not a cursor from this list.' }]);
  const [payload, mac] = cursor.split('.');
  if (!payload || !mac) throw bad;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !nodeCrypto().timingSafeEqual(expected, given)) throw bad;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { k?: unknown; s?: unknown };
    if (parsed.s !== scope || typeof parsed.k !== 'object' || parsed.k === null) throw bad;
    return parsed.k as Record<string, AttributeValue>;
  } catch {
    throw bad;
  }
}

export type Page<T> = { items: T[]; nextCursor: string | null };
