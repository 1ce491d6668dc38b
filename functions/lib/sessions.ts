import type { IdleMinutes } from '../../shared/discretion';
import { clock } from './clock';
import type { Page } from './cursor';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TABLE, db, getMany, isConditionFailure, madeIf, newestFirst, queryAll, toAttr, values } from './db';
import { UnauthenticatedError, UnavailableError } from './errors';
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

/**
 * How often a session with an idle limit records that it was used: at most one write per 30
 * seconds per device, however many requests she makes. The limit is minutes long, so being up to
 * 30 seconds behind costs nothing.
 */
const USE_RECORDED_EVERY_MS = 30_000;

/**
 * Whether the session still stands. Read strongly: a session just ended must not work once more.
 * A session with an idle limit (discreet mode) that has gone unused for longer ends here, for
 * good; one in use records the time, at most every 30 seconds, with a conditional write so that
 * requests arriving together make one write between them.
 */
export async function sessionLive(userId: string, sessionId: string): Promise<boolean> {
  const key = toAttr(keys.session(userId, sessionId));
  const res = await db.getItem({
    TableName: TABLE,
    Key: key,
    ConsistentRead: true,
    ProjectionExpression: 'pk, idleMinutes, lastUsedAt',
  });
  return stillStands(key, res.Item);
}

/**
 * sessionLive, with more items read in the same strongly consistent BatchGetItem: every
 * signed-in request needs her session and her member record (and some routes an item or two
 * more), and one round trip (one request signed, sent and parsed) costs half of two. Answers
 * whether the session stands and each other item, in the order asked, undefined where none exists.
 */
export async function sessionLiveWith(
  userId: string,
  sessionId: string,
  others: readonly Record<string, AttributeValue>[],
): Promise<[boolean, (Record<string, AttributeValue> | undefined)[]]> {
  const key = toAttr(keys.session(userId, sessionId));
  const same = (a: Record<string, AttributeValue>, b: Record<string, AttributeValue>) => a.pk?.S === b.pk?.S && a.sk?.S === b.sk?.S;
  // BatchGetItem refuses a list that names one key twice (her own profile is also her record).
  const wanted = [key, ...others].filter((k, i, all) => all.findIndex((o) => same(o, k)) === i);
  const items = await getMany(wanted, { consistent: true });
  const live = await stillStands(
    key,
    items.find((i) => same(i, key)),
  );
  return [live, others.map((o) => items.find((i) => same(i, o)))];
}

/** Whether the session item read as `item` still stands; ends an idle one and records use (see sessionLive). */
async function stillStands(key: Record<string, AttributeValue>, item: Record<string, AttributeValue> | undefined): Promise<boolean> {
  if (!item) return false;
  const idleMinutes = Number(item.idleMinutes?.N ?? Number.NaN);
  if (!Number.isFinite(idleMinutes)) return true;
  const now = clock.now();
  const lastUsedAt = Number(item.lastUsedAt?.N ?? 0);
  if (now - lastUsedAt > idleMinutes * 60_000) {
    await db.deleteItem({ TableName: TABLE, Key: key });
    return false;
  }
  if (now - lastUsedAt >= USE_RECORDED_EVERY_MS) {
    // Another request recording the same moment (or a sign-out in between) is no failure.
    await madeIf(
      db.updateItem({
        TableName: TABLE,
        Key: key,
        UpdateExpression: 'SET lastUsedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND lastUsedAt <= :due',
        ExpressionAttributeValues: values({ ':now': now, ':due': now - USE_RECORDED_EVERY_MS }),
      }),
    );
  }
  return true;
}

/**
 * Sets or clears this session's idle limit, counting from now. A session ended meanwhile (signed
 * out elsewhere) is a 401, never a session brought back.
 */
export async function setIdleLimit(userId: string, sessionId: string, idleMinutes: IdleMinutes | null): Promise<void> {
  const update =
    idleMinutes === null
      ? { UpdateExpression: 'REMOVE idleMinutes, lastUsedAt' }
      : {
          UpdateExpression: 'SET idleMinutes = :idle, lastUsedAt = :now',
          ExpressionAttributeValues: values({ ':idle': idleMinutes, ':now': clock.now() }),
        };
  const made = await madeIf(
    db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.session(userId, sessionId)),
      ConditionExpression: 'attribute_exists(pk)',
      ...update,
    }),
  );
  if (!made) throw new UnauthenticatedError();
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
