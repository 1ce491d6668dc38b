import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ValidationError } from './errors';
import { seal, unseal } from './seal';

/**
 * Opaque, signed list cursors. A cursor carries DynamoDB's LastEvaluatedKey and the scope of the
 * query it belongs to (route, filter, caller); the HMAC makes a tampered or transplanted cursor
 * a 400 instead of a read of someone else's key range.
 */
export function encodeCursor(key: Record<string, AttributeValue> | undefined, scope: string): string | null {
  return key ? seal({ k: key, s: scope }, 'cursor') : null;
}

export function decodeCursor(cursor: string | undefined, scope: string): Record<string, AttributeValue> | undefined {
  if (cursor === undefined) return undefined;
  const parsed = unseal(cursor, 'cursor') as { k?: unknown; s?: unknown } | undefined;
  if (parsed?.s !== scope || typeof parsed.k !== 'object' || parsed.k === null) {
    throw new ValidationError('The cursor is not valid.', [
      { path: 'cursor', code: 'invalid_cursor', message: 'Not a cursor from this list.' },
    ]);
  }
  return parsed.k as Record<string, AttributeValue>;
}

export type Page<T> = { items: T[]; nextCursor: string | null };
