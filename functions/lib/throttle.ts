import { sha256 } from './crypto';
import { TABLE, db, isConditionFailure, toAttr, values } from './db';
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

/**
 * Counts one event before it happens; throws 429 when the window already holds `limit` events.
 * The count and the test are one conditional update, so however many calls arrive at once, at
 * most `limit` of them get through.
 */
export async function consume(kind: string, subject: string, limit: number, windowSeconds: number): Promise<void> {
  await reserve(kind, subject, limit, windowSeconds);
}

/** A try counted in advance, which can be given back when it turns out not to count. */
export type Reservation = { release: () => Promise<void> };

/**
 * Reserve, then try: counts the try first (as `consume` does) and hands back a reservation.
 * Checking first and counting after the try would let every concurrent try through before any
 * of them was counted.
 */
export async function reserve(kind: string, subject: string, limit: number, windowSeconds: number): Promise<Reservation> {
  const w = windowOf(windowSeconds);
  const key = toAttr(keys.throttle(kind, subjectOf(subject), w.start));
  try {
    await db.updateItem({
      TableName: TABLE,
      Key: key,
      UpdateExpression: 'ADD #n :one SET #ttl = :ttl, entity = :entity, version = :one',
      ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
      ExpressionAttributeNames: { '#n': 'count', '#ttl': 'ttl' },
      ExpressionAttributeValues: values({ ':one': 1, ':limit': limit, ':ttl': w.start + windowSeconds * 2, ':entity': 'throttle' }),
    });
  } catch (e) {
    if (isConditionFailure(e)) throw new RateLimitedError(w.retryAfter);
    throw e;
  }
  // The release goes to the window the try was counted in, even if a new one has begun since.
  const release = async () => {
    try {
      await db.updateItem({
        TableName: TABLE,
        Key: key,
        UpdateExpression: 'ADD #n :minus',
        ConditionExpression: '#n > :zero',
        ExpressionAttributeNames: { '#n': 'count' },
        ExpressionAttributeValues: values({ ':minus': -1, ':zero': 0 }),
      });
    } catch (e) {
      // Expired and gone, or already at zero: there is nothing to give back.
      if (!isConditionFailure(e)) throw e;
    }
  };
  return { release };
}
