import { sha256 } from './crypto';
import { TABLE, db, fromAttr, isConditionFailure, toAttr, values } from './db';
import { RateLimitedError } from './errors';
import { keys } from './keys';

/**
 * Fixed-window counters in DynamoDB, so a limit holds across every Lambda instance. The subject
 * is hashed: an email address never becomes part of a key.
 */
const subjectOf = (s: string) => sha256(s, 'base64url').slice(0, 32);

function windowOf(windowSeconds: number, now = Date.now()) {
  const start = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  return { start, retryAfter: Math.max(1, start + windowSeconds - Math.floor(now / 1000)) };
}

/** Counts one event; throws 429 when the window already holds `limit` events. */
export async function consume(kind: string, subject: string, limit: number, windowSeconds: number): Promise<void> {
  const w = windowOf(windowSeconds);
  try {
    await db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.throttle(kind, subjectOf(subject), w.start)),
      UpdateExpression: 'ADD #n :one SET #ttl = :ttl, entity = :entity, version = :one',
      ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
      ExpressionAttributeNames: { '#n': 'count', '#ttl': 'ttl' },
      ExpressionAttributeValues: values({ ':one': 1, ':limit': limit, ':ttl': w.start + windowSeconds * 2, ':entity': 'throttle' }),
    });
  } catch (e) {
    if (isConditionFailure(e)) throw new RateLimitedError(w.retryAfter);
    throw e;
  }
}

/** Throws 429 when the window already holds `limit` events, without counting one. */
export async function check(kind: string, subject: string, limit: number, windowSeconds: number): Promise<void> {
  const w = windowOf(windowSeconds);
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.throttle(kind, subjectOf(subject), w.start)), ConsistentRead: true });
  const count = res.Item ? Number(fromAttr<{ count?: number }>(res.Item).count ?? 0) : 0;
  if (count >= limit) throw new RateLimitedError(w.retryAfter);
}

/** Counts one event without ever refusing (e.g. a failed sign-in). */
export async function record(kind: string, subject: string, windowSeconds: number): Promise<void> {
  const w = windowOf(windowSeconds);
  await db.updateItem({
    TableName: TABLE,
    Key: toAttr(keys.throttle(kind, subjectOf(subject), w.start)),
    UpdateExpression: 'ADD #n :one SET #ttl = :ttl, entity = :entity, version = :one',
    ExpressionAttributeNames: { '#n': 'count', '#ttl': 'ttl' },
    ExpressionAttributeValues: values({ ':one': 1, ':ttl': w.start + windowSeconds * 2, ':entity': 'throttle' }),
  });
}
