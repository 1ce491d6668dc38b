export { absentCheck, activeMemberCheck } from '../lib/conditions';
import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { MatchReason, MentorCard } from '../../shared/matching';
import { decodeCursor, encodeCursor, type Page } from '../lib/cursor';
import { TABLE, db, fromAttr, getMany, madeIf, queryAll, recordOf, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';
import { type MemberRecord, offerFacetKeys } from '../members/repository';

/**
 * Storage of mentorships. Every state change is one transaction whose conditions carry the
 * invariants: the mentorship's own state and version, the pair lock (one open request per pair),
 * the mentor's accepted count against her capacity, and the mentee's pending and active counts.
 */

export const MENTORSHIP_STATES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired', 'completed', 'ended', 'suspended'] as const;
export type MentorshipState = (typeof MENTORSHIP_STATES)[number];

export type MentorshipRecord = {
  id: string;
  mentorId: string;
  menteeId: string;
  state: MentorshipState;
  message: string;
  goals: { shortTerm: string; mediumTerm: string; longTerm: string };
  proposedBy?: 'board';
  cohortId?: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  decidedAt?: string;
  declineReason?: 'no_time' | 'not_my_expertise' | 'other';
  declineNote?: string;
  closedBy?: string;
  closeReason?: string;
  /** Which side erased her account: what she wrote is gone, and she is shown as a former member. */
  erased?: 'mentor' | 'mentee';
  version: number;
};

export type Stats = { accepted?: number; pending?: number; active?: number };

export async function getMentorship(id: string): Promise<MentorshipRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.mentorship(id)), ConsistentRead: true });
  return res.Item ? recordOf<MentorshipRecord>(res.Item) : undefined;
}

/**
 * Counters by member. `consistent: false` halves the read cost where a slightly old count is
 * harmless (ranking suggestions: the request's own transaction checks capacity again).
 */
export async function getStats(
  memberIds: { mentor?: string[]; mentee?: string[] },
  consistent = true,
): Promise<{ mentor: Map<string, Stats>; mentee: Map<string, Stats> }> {
  const wanted = [
    ...(memberIds.mentor ?? []).map((id) => ({ kind: 'mentor' as const, id, key: keys.mentorStats(id) })),
    ...(memberIds.mentee ?? []).map((id) => ({ kind: 'mentee' as const, id, key: keys.menteeStats(id) })),
  ];
  const out = { mentor: new Map<string, Stats>(), mentee: new Map<string, Stats>() };
  for (const raw of await getMany(
    wanted.map((w) => toAttr(w.key)),
    { consistent },
  )) {
    const item = fromAttr<{ pk: string; sk: string } & Stats>(raw);
    const id = item.pk.slice('MEMBER#'.length);
    (item.sk === 'STATS#MENTOR' ? out.mentor : out.mentee).set(id, item);
  }
  return out;
}

export async function transact(items: TransactWriteItem[]): Promise<void> {
  await db.transactWrite({ TransactItems: items });
}

// ---------------------------------------------------------------- transaction pieces

export const put = (item: Record<string, unknown>, condition?: string): TransactWriteItem => ({
  Put: { TableName: TABLE, Item: toAttr(item), ...(condition ? { ConditionExpression: condition } : {}) },
});

export const del = (key: { pk: string; sk: string }): TransactWriteItem => ({ Delete: { TableName: TABLE, Key: toAttr(key) } });

export function mentorshipPut(
  m: MentorshipRecord,
  condition: { expectedVersion?: number; expectedState?: MentorshipState; notExpiredAt?: string },
) {
  const conditions: string[] = [];
  const vals: Record<string, unknown> = {};
  if (condition.expectedVersion === undefined) conditions.push('attribute_not_exists(pk)');
  else {
    conditions.push('version = :v');
    vals[':v'] = condition.expectedVersion;
  }
  if (condition.expectedState) {
    conditions.push('#state = :s');
    vals[':s'] = condition.expectedState;
  }
  if (condition.notExpiredAt) {
    conditions.push('expiresAt > :now');
    vals[':now'] = condition.notExpiredAt;
  }
  return {
    Put: {
      TableName: TABLE,
      Item: toAttr({
        ...keys.mentorship(m.id),
        ...keys.mentorshipIndexes(m.mentorId, m.menteeId, m.createdAt, m.id),
        entity: 'mentorship',
        ...m,
      }),
      ConditionExpression: conditions.join(' AND '),
      ...(condition.expectedState ? { ExpressionAttributeNames: { '#state': 'state' } } : {}),
      ...(Object.keys(vals).length ? { ExpressionAttributeValues: values(vals) } : {}),
    },
  } satisfies TransactWriteItem;
}

/**
 * Adds `delta` to a counter. With `below`, the update holds only while the counter is below that
 * bound (a missing counter counts as 0): that is how capacity and request limits are enforced.
 */
export function counterUpdate(
  key: { pk: string; sk: string },
  field: 'accepted' | 'pending' | 'active',
  delta: number,
  below?: number,
  also?: { field: 'pending' | 'active'; delta: number },
): TransactWriteItem {
  const names: Record<string, string> = { '#f': field };
  const vals: Record<string, unknown> = { ':d': delta, ':entity': 'stats', ':one': 1 };
  let update = 'ADD #f :d, version :one SET entity = :entity';
  if (also) {
    names['#g'] = also.field;
    vals[':e'] = also.delta;
    update = 'ADD #f :d, #g :e, version :one SET entity = :entity';
  }
  let condition: string | undefined;
  if (below !== undefined) {
    vals[':max'] = below;
    condition = below > 0 ? '(attribute_not_exists(#f) OR #f < :max)' : '#f < :max';
  }
  return {
    Update: {
      TableName: TABLE,
      Key: toAttr(key),
      UpdateExpression: update,
      ...(condition ? { ConditionExpression: condition } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values(vals),
    },
  };
}

/**
 * Holds only while the mentor still offers exactly this capacity and is an active member; with
 * `version`, also while her record is at the version read (so her offer facets, which an accept
 * counts in the same transaction, are the ones that version lists).
 */
export function mentorOfferCheck(mentorId: string, capacity: number, version?: number, notSuspendedAt?: string): TransactWriteItem {
  const vals: Record<string, unknown> = { ':active': 'active', ':true': true, ':cap': capacity };
  if (version !== undefined) vals[':v'] = version;
  if (notSuspendedAt !== undefined) Object.assign(vals, { ':suspend': 'suspend', ':now': notSuspendedAt });
  const names: Record<string, string> = { '#status': 'status', '#m': 'mentoring', '#o': 'offering', '#a': 'active', '#c': 'capacity' };
  if (notSuspendedAt !== undefined) Object.assign(names, { '#san': 'sanction', '#st': 'type', '#until': 'until' });
  return {
    ConditionCheck: {
      TableName: TABLE,
      Key: toAttr(keys.member(mentorId)),
      ConditionExpression: [
        '#status = :active AND #m.#o.#a = :true AND #m.#o.#c = :cap',
        ...(version === undefined ? [] : ['version = :v']),
        // A suspension sanction keeps her status `active` (it ends by itself at its date).
        ...(notSuspendedAt === undefined ? [] : ['(attribute_not_exists(#san) OR #san.#st <> :suspend OR #san.#until <= :now)']),
      ].join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values(vals),
    },
  };
}

/** Holds only while a member's record is at the version read (absent, if it was absent). */
export function memberVersionCheck(memberId: string, version: number | undefined): TransactWriteItem {
  return {
    ConditionCheck: {
      TableName: TABLE,
      Key: toAttr(keys.member(memberId)),
      ConditionExpression: version === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(version === undefined ? {} : { ExpressionAttributeValues: values({ ':v': version }) }),
    },
  };
}

/**
 * Moves the accepted count each of her offer facets carries by `delta`, beside the STATS#MENTOR
 * counter: suggestions rank from the facets alone. Each facet must still exist (never creates a
 * bare one); with a check of her record's version (the caller's) they are all of her facets.
 */
export function offerFacetCounts(mentor: MemberRecord | undefined, delta: number): TransactWriteItem[] {
  return offerFacetKeys(mentor).map((key) => ({
    Update: {
      TableName: TABLE,
      Key: toAttr(key),
      UpdateExpression: 'ADD accepted :d',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: values({ ':d': delta }),
    },
  }));
}

/** Holds only while the mentee's plan is shared with this mentorship and has this goal (issue 12). */
export function planGoalCheck(menteeId: string, mentorshipId: string, goalId: string): TransactWriteItem {
  return {
    ConditionCheck: {
      TableName: TABLE,
      Key: toAttr(keys.plan(menteeId)),
      ConditionExpression: 'contains(sharing.mentorships, :m) AND contains(goalIds, :g)',
      ExpressionAttributeValues: values({ ':m': mentorshipId, ':g': goalId }),
    },
  };
}

// ---------------------------------------------------------------- lists

type ListOpts = { limit: number; cursor?: string; scope: string; state?: MentorshipState; now: string };

/** Pending past its expiry is listed as expired: the state filter is applied on read. */
function stateFilter(state: MentorshipState | undefined, now: string) {
  if (!state) return {};
  if (state === 'pending') {
    return {
      FilterExpression: '#state = :s AND expiresAt > :now',
      names: { '#state': 'state' },
      vals: { ':s': 'pending', ':now': now },
    };
  }
  if (state === 'expired') {
    return {
      FilterExpression: '#state = :s OR (#state = :p AND expiresAt <= :now)',
      names: { '#state': 'state' },
      vals: { ':s': 'expired', ':p': 'pending', ':now': now },
    };
  }
  return { FilterExpression: '#state = :s', names: { '#state': 'state' }, vals: { ':s': state } };
}

async function listBy(index: 'gsi1' | 'gsi2' | 'gsi3', partition: string, opts: ListOpts): Promise<Page<MentorshipRecord>> {
  const f = stateFilter(opts.state, opts.now);
  const res = await db.query({
    TableName: TABLE,
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk`,
    ...(f.FilterExpression ? { FilterExpression: f.FilterExpression, ExpressionAttributeNames: f.names } : {}),
    ExpressionAttributeValues: values({ ':pk': partition, ...(f.vals ?? {}) }),
    ScanIndexForward: false,
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return { items: (res.Items ?? []).map((i) => recordOf<MentorshipRecord>(i)), nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

export const listAsMentor = (mentorId: string, opts: ListOpts) => listBy('gsi1', `MENTORSHIPS#MENTOR#${mentorId}`, opts);
export const listAsMentee = (menteeId: string, opts: ListOpts) => listBy('gsi2', `MENTORSHIPS#MENTEE#${menteeId}`, opts);
export const listAll = (opts: ListOpts) => listBy('gsi3', 'MENTORSHIPS', opts);

/**
 * A candidate from the offer index: her mentor card and accepted count. An item written before
 * cards existed holds her whole profile as `card` (and a count only if an accept or an end moved
 * it since, counted from nothing: not to be trusted); scripts/backfill-mentor-cards.ts rewrites those.
 */
export type OfferEntry = { card: MentorCard; accepted: number } | { card: MemberRecord; accepted?: number };

/** Whether an entry holds a mentor card (as every offer facet written since cards exist does). */
export const holdsCard = (e: OfferEntry): e is { card: MentorCard; accepted: number } => 'visible' in e.card;

/**
 * The first `limit` mentors (by name) of one offer partition (a topic or a language), read
 * eventually consistently: ranking may be a moment old, the request's transaction checks again.
 */
export async function offerCandidates(partition: string, limit: number): Promise<OfferEntry[]> {
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: values({ ':pk': partition }),
    ProjectionExpression: 'card, accepted',
    Limit: limit,
  });
  return (res.Items ?? []).map((raw) => fromAttr<OfferEntry>(raw));
}

/** A mentee's open (pending, not yet expired, or accepted) mentorships, all of them (at most a handful). */
export async function openOfMentee(menteeId: string): Promise<MentorshipRecord[]> {
  const items = await queryAll({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    FilterExpression: '#state IN (:p, :a)',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: values({ ':pk': `MENTORSHIPS#MENTEE#${menteeId}`, ':p': 'pending', ':a': 'accepted' }),
  });
  return items.map((i) => recordOf<MentorshipRecord>(i));
}

/** Pending requests whose expiry has passed, oldest first: the sweeper's work list. */
export async function dueForExpiry(now: string, limit: number): Promise<string[]> {
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND sk < :now',
    ExpressionAttributeValues: values({ ':pk': keys.expiryPartition, ':now': now }),
    Limit: limit,
  });
  return (res.Items ?? []).map((i) => fromAttr<{ mentorshipId: string }>(i).mentorshipId);
}

// ---------------------------------------------------------------- check-ins, feedback, cohorts

export type CheckIn = {
  id: string;
  mentorshipId: string;
  authorId: string;
  date: string;
  notes: string;
  nextSteps: string;
  /** A goal of the mentee's plan it concerns (issue 12), and whose plan: listed under that goal. */
  goalId?: string;
  menteeId?: string;
  createdAt: string;
  updatedAt?: string;
  version: number;
};

/** A check-in as stored: its key, and its place in the by-meeting-date index. */
function checkInItem(c: CheckIn) {
  return {
    ...keys.checkIn(c.mentorshipId, c.id),
    ...keys.checkInIndex(c.mentorshipId, c.date, c.createdAt, c.id),
    ...(c.goalId && c.menteeId ? keys.planCheckInIndex(c.menteeId, c.goalId, c.date, c.id) : {}),
    entity: 'checkIn',
    ...c,
  };
}

/** Creates a check-in (never over an existing one), or replaces it at the version it was read. */
export function checkInPut(c: CheckIn, expectedVersion?: number): TransactWriteItem {
  return {
    Put: {
      TableName: TABLE,
      Item: toAttr(checkInItem(c)),
      ...(expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :v', ExpressionAttributeValues: values({ ':v': expectedVersion }) }),
    },
  };
}

export function checkInDelete(c: Pick<CheckIn, 'mentorshipId' | 'id'>, expectedVersion: number): TransactWriteItem {
  return {
    Delete: {
      TableName: TABLE,
      Key: toAttr(keys.checkIn(c.mentorshipId, c.id)),
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: values({ ':v': expectedVersion }),
    },
  };
}

export async function getCheckIn(mentorshipId: string, id: string): Promise<CheckIn | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.checkIn(mentorshipId, id)), ConsistentRead: true });
  return res.Item ? recordOf<CheckIn>(res.Item) : undefined;
}

/** A mentorship's check-ins, the latest meeting first. */
export async function listCheckIns(mentorshipId: string, opts: { limit: number; cursor?: string; scope: string }): Promise<Page<CheckIn>> {
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.checkInIndex(mentorshipId, '', '', '').gsi1pk }),
    ScanIndexForward: false,
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return { items: (res.Items ?? []).map((i) => recordOf<CheckIn>(i)), nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

export type Feedback = {
  mentorshipId: string;
  memberId: string;
  /** Which side she was on, and the pair, as they were when she gave it. */
  role?: 'mentor' | 'mentee';
  mentorId?: string;
  menteeId?: string;
  state?: 'completed' | 'ended';
  rating: number;
  text: string;
  at: string;
};

/** Her feedback, once: never over feedback she already gave. Indexed for the board's list. */
export function feedbackPut(f: Feedback): TransactWriteItem {
  return put(
    {
      ...keys.feedback(f.mentorshipId, f.memberId),
      ...keys.feedbackIndex(f.at, f.mentorshipId, f.memberId),
      entity: 'feedback',
      version: 1,
      ...f,
    },
    'attribute_not_exists(pk)',
  );
}

/** Every feedback given, newest first: the board's list. */
export async function listAllFeedback(opts: { limit: number; cursor?: string; scope: string }): Promise<Page<Feedback>> {
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.feedbackIndex('', '', '').gsi1pk }),
    ScanIndexForward: false,
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return { items: (res.Items ?? []).map(feedbackOf), nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

export async function listFeedback(mentorshipId: string): Promise<Feedback[]> {
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: values({ ':pk': keys.mentorship(mentorshipId).pk, ':p': 'FEEDBACK#' }),
  });
  return (res.Items ?? []).map(feedbackOf);
}

/** A stored feedback item, answered with a feedback's own fields only (not its version). */
function feedbackOf(item: Record<string, AttributeValue>): Feedback {
  const f = recordOf<Feedback>(item);
  return {
    mentorshipId: f.mentorshipId,
    memberId: f.memberId,
    ...(f.role ? { role: f.role, mentorId: f.mentorId, menteeId: f.menteeId, state: f.state } : {}),
    rating: f.rating,
    text: f.text,
    at: f.at,
  };
}

export type CohortRecord = {
  id: string;
  state: 'draft' | 'published';
  createdBy: string;
  createdAt: string;
  menteeIds: string[];
  mentorIds: string[];
  pairs: { menteeId: string; mentorId: string; score: number; reasons: MatchReason[] }[];
  unassigned: { menteeId: string; reason: string }[];
  totalScore: number;
  published?: { created: string[]; skipped: { menteeId: string; mentorId: string; reason: string }[]; at: string };
  /** Held while one publish runs; stripped from every answer. */
  publishing?: { token: string; until: string };
  version: number;
};

export async function getCohort(id: string): Promise<CohortRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.cohort(id)), ConsistentRead: true });
  return res.Item ? recordOf<CohortRecord>(res.Item) : undefined;
}

/**
 * Takes the right to publish a draft: only while it is a draft and nobody else holds an unexpired
 * lease, on the version the caller read. An adjustment is refused while the lease stands (its own
 * condition), so the pairs published are the pairs read; the version moves when the publish ends.
 * Returns false when another publish holds it or the draft is already published.
 */
export function claimCohortPublish(id: string, token: string, version: number, now: string, until: string): Promise<boolean> {
  return madeIf(
    db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.cohort(id)),
      UpdateExpression: 'SET publishing = :lease',
      ConditionExpression: '#state = :draft AND version = :v AND (attribute_not_exists(publishing) OR publishing.#until < :now)',
      ExpressionAttributeNames: { '#state': 'state', '#until': 'until' },
      ExpressionAttributeValues: values({ ':lease': { token, until }, ':draft': 'draft', ':now': now, ':v': version }),
    }),
  );
}

/** Records the outcome of a publish, only by the holder of the lease. Returns false when it lost it. */
export function finishCohortPublish(id: string, token: string, published: NonNullable<CohortRecord['published']>): Promise<boolean> {
  return madeIf(
    db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.cohort(id)),
      UpdateExpression: 'SET #state = :published, published = :result REMOVE publishing ADD version :one',
      ConditionExpression: '#state = :draft AND publishing.#token = :token',
      ExpressionAttributeNames: { '#state': 'state', '#token': 'token' },
      ExpressionAttributeValues: values({ ':published': 'published', ':result': published, ':one': 1, ':draft': 'draft', ':token': token }),
    }),
  );
}

/** Gives back a publish lease after a failure, only by its holder. */
export async function releaseCohortPublish(id: string, token: string): Promise<void> {
  await madeIf(
    db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.cohort(id)),
      UpdateExpression: 'REMOVE publishing',
      ConditionExpression: 'publishing.#token = :token',
      ExpressionAttributeNames: { '#token': 'token' },
      ExpressionAttributeValues: values({ ':token': token }),
    }),
  );
}

/** The mentorship holding a pair's open-request lock, if any. */
export async function openMentorshipOfPair(mentorId: string, menteeId: string): Promise<string | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.pairLock(mentorId, menteeId)), ConsistentRead: true });
  return res.Item ? fromAttr<{ mentorshipId: string }>(res.Item).mentorshipId : undefined;
}
