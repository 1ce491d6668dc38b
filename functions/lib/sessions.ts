import type { Page } from './cursor';
import { TABLE, db, isConditionFailure, newestFirst, queryAll, toAttr, values } from './db';
import { UnavailableError } from './errors';
import { ulid } from './ids';
import { keys } from './keys';

/**
 * The devices she is signed in on, as items in her partition: a request counts as signed in only
 * while its session item exists. Cognito's tokens alone cannot be taken back before they expire
 * (and a refresh token lives 30 days), so this is what makes "sign out everywhere", a password
 * change or reset, and turning on two-step sign-in end the other sessions at once, in AWS and
 * locally alike.
 */

/** As long as Cognito's refresh token: a session cannot outlive the token that renews it. */
export const SESSION_SECONDS = 30 * 24 * 3600;

/** Starts a session for a sign-in that just succeeded; answers its id (a ULID: her sessions list by time; 80 random bits). */
export async function startSession(userId: string): Promise<string> {
  const now = Date.now();
  const sessionId = ulid(now);
  try {
    await db.putItem({
      TableName: TABLE,
      Item: toAttr({
        ...keys.session(userId, sessionId),
        entity: 'session',
        version: 1,
        startedAt: new Date(now).toISOString(),
        // DynamoDB removes it by itself once the refresh token behind it has expired.
        ttl: Math.floor(now / 1000) + SESSION_SECONDS,
      }),
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  } catch (e) {
    // Only a clash of two random ids: nothing was written, and signing in again makes a new one.
    if (isConditionFailure(e)) throw new UnavailableError();
    throw e;
  }
  return sessionId;
}

/** Whether the session still stands. Read strongly: a session just ended must not work once more. */
export async function sessionLive(userId: string, sessionId: string): Promise<boolean> {
  const res = await db.getItem({
    TableName: TABLE,
    Key: toAttr(keys.session(userId, sessionId)),
    ConsistentRead: true,
    ProjectionExpression: 'pk',
  });
  return !!res.Item;
}

/** Her sessions, newest first; `current` marks the one asking. */
export async function listSessions(
  userId: string,
  currentId: string | undefined,
  page: { limit: number; cursor?: string },
): Promise<Page<{ startedAt: string; current: boolean }>> {
  return newestFirst(keys.member(userId).pk, keys.sessionPrefix, { ...page, scope: `sessions#${userId}` }, (i) => ({
    startedAt: i.startedAt?.S ?? '',
    current: i.sk?.S === `${keys.sessionPrefix}${currentId}`,
  }));
}

export async function endSession(userId: string, sessionId: string): Promise<void> {
  await db.deleteItem({ TableName: TABLE, Key: toAttr(keys.session(userId, sessionId)) });
}

/** Ends every session of hers but `except` (her current one, when she stays signed in); answers how many. */
export async function endSessions(userId: string, except?: string): Promise<number> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
    ExpressionAttributeValues: values({ ':pk': keys.member(userId).pk, ':s': keys.sessionPrefix }),
    ProjectionExpression: 'pk, sk',
    ConsistentRead: true,
  });
  const others = items.map((i) => (i.sk?.S ?? '').slice(keys.sessionPrefix.length)).filter((id) => id && id !== except);
  // All of them or none (a member has a handful; a transaction holds 100): a failure must not
  // leave some devices signed out and others not. A session already gone is no error.
  for (let i = 0; i < others.length; i += 100) {
    await db.transactWrite({
      TransactItems: others.slice(i, i + 100).map((id) => ({ Delete: { TableName: TABLE, Key: toAttr(keys.session(userId, id)) } })),
    });
  }
  return others.length;
}
