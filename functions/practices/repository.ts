import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { PracticeTheme } from '../../shared/practice-schemas';
import { decodeCursor, encodeCursor, type Page } from '../lib/cursor';
import { TABLE, db, fromAttr, queryAll, recordOf, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';

/** Storage of practices, their revisions and the useful marks. */

export type Audience = 'members' | 'practitioners' | 'board';
export type PracticeState = 'pending' | 'published' | 'rejected' | 'removed';

/** What one revision says: the fields an author writes. */
export type PracticeContent = {
  title: string;
  summary: string;
  countries: string[];
  themes: PracticeTheme[];
  done: string;
  worked: string;
  didNotWork: string;
  language: string;
  contact: boolean;
  identity: 'named' | 'anonymous';
  audience: Audience;
};

/** The revision members read: published content and its number. */
export type LiveRevision = PracticeContent & { revision: number; publishedAt: string };

/**
 * The head item of a practice. Its own fields are the latest revision's (what the author and the
 * board see); `live` is the last published revision, which members read, kept on the same item so a
 * read or a list is one item per practice.
 */
export type PracticeRecord = PracticeContent & {
  id: string;
  authorId: string;
  authorName: string;
  state: PracticeState;
  revision: number;
  heldReasons: string[];
  moderationReason?: string;
  live?: LiveRevision;
  useful: number;
  threadId?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type RevisionRecord = PracticeContent & {
  practiceId: string;
  revision: number;
  state: PracticeState;
  heldReasons: string[];
  moderationReason?: string;
  createdAt: string;
  decidedAt?: string;
};

/** The one practice item, or undefined. Exported for search (the integrator wires it). */
export async function getPractice(id: string): Promise<PracticeRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.practice(id)), ConsistentRead: true });
  return res.Item ? recordOf<PracticeRecord>(res.Item) : undefined;
}

/** The full head item: listed while it has a live revision, queued while its latest one waits. */
export function practicePut(p: PracticeRecord, expectedVersion?: number): TransactWriteItem {
  return {
    Put: {
      TableName: TABLE,
      Item: toAttr({
        ...keys.practice(p.id),
        ...(p.live && p.state !== 'removed' ? keys.practiceListIndex(p.live.publishedAt, p.id) : {}),
        ...(p.authorId ? keys.practiceAuthorIndex(p.authorId, p.createdAt, p.id) : {}),
        ...(p.state === 'pending' ? keys.practiceQueueIndex(p.updatedAt, p.id) : {}),
        entity: 'practice',
        ...p,
      }),
      ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: values({ ':v': expectedVersion }) }),
    },
  };
}

/** A revision as submitted; written once, then only its decision is set. */
export const revisionPut = (r: RevisionRecord): TransactWriteItem => ({
  Put: {
    TableName: TABLE,
    Item: toAttr({ ...keys.practiceRevision(r.practiceId, r.revision), entity: 'practiceRevision', version: 1, ...r }),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The board's decision on a revision, recorded on the revision itself (the history keeps it). */
export const revisionDecided = (
  id: string,
  revision: number,
  state: PracticeState,
  reason: string | undefined,
  at: string,
): TransactWriteItem => ({
  Update: {
    TableName: TABLE,
    Key: toAttr(keys.practiceRevision(id, revision)),
    UpdateExpression: `SET #state = :state, decidedAt = :at${reason === undefined ? '' : ', moderationReason = :reason'} ADD version :one`,
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: values({ ':state': state, ':at': at, ':one': 1, ...(reason === undefined ? {} : { ':reason': reason }) }),
  },
});

/** Every revision of a practice, oldest first, paged. */
export async function listRevisions(id: string, opts: { limit: number; cursor?: string; scope: string }): Promise<Page<RevisionRecord>> {
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: values({ ':pk': keys.practicePartition(id), ':prefix': keys.practiceRevisionPrefix }),
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return { items: (res.Items ?? []).map((i) => recordOf<RevisionRecord>(i)), nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

/**
 * Practices with a live revision, newest publication first, in the given audiences and matching
 * the filters (all on the live revision, the one members read). One Query on one partition.
 */
export async function listPublished(opts: {
  limit: number;
  cursor?: string;
  scope: string;
  audiences: Audience[];
  theme?: string;
  country?: string;
  language?: string;
}): Promise<Page<PracticeRecord>> {
  const filters = ['#live.#audience IN (:a0, :a1, :a2)'];
  const names: Record<string, string> = { '#live': 'live', '#audience': 'audience' };
  const vals: Record<string, unknown> = {
    ':pk': keys.practicesPublished,
    ':a0': opts.audiences[0] ?? '-',
    ':a1': opts.audiences[1] ?? '-',
    ':a2': opts.audiences[2] ?? '-',
  };
  if (opts.theme) {
    filters.push('contains(#live.themes, :theme)');
    vals[':theme'] = opts.theme;
  }
  if (opts.country) {
    filters.push('contains(#live.countries, :country)');
    vals[':country'] = opts.country;
  }
  if (opts.language) {
    filters.push('#live.#language = :language');
    names['#language'] = 'language';
    vals[':language'] = opts.language;
  }
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    FilterExpression: filters.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values(vals),
    ScanIndexForward: false,
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return { items: (res.Items ?? []).map((i) => recordOf<PracticeRecord>(i)), nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

/** Her own practices, newest first, whatever their state. */
export async function listByAuthor(
  authorId: string,
  opts: { limit: number; cursor?: string; scope: string },
): Promise<Page<PracticeRecord>> {
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.practicesOfAuthor(authorId) }),
    ScanIndexForward: false,
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return { items: (res.Items ?? []).map((i) => recordOf<PracticeRecord>(i)), nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

/** Every practice she wrote (anonymous ones too: they are hers), for her export and erasure. */
export async function allByAuthor(authorId: string): Promise<PracticeRecord[]> {
  const items = await queryAll({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.practicesOfAuthor(authorId) }),
  });
  return items.map((i) => recordOf<PracticeRecord>(i));
}

export async function hasMarkedUseful(practiceId: string, memberId: string): Promise<boolean> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.practiceUseful(practiceId, memberId)), ConsistentRead: true });
  return Boolean(res.Item);
}

/**
 * Her mark and the count, in one transaction: the mark's condition makes a second mark (or a
 * second unmark) cancel the whole of it, so the count moves exactly once per member.
 */
export async function setUseful(practiceId: string, memberId: string, on: boolean): Promise<void> {
  const mark = keys.practiceUseful(practiceId, memberId);
  await db.transactWrite({
    TransactItems: [
      on
        ? {
            Put: {
              TableName: TABLE,
              Item: toAttr({
                ...mark,
                ...keys.practiceUsefulIndex(memberId, practiceId),
                entity: 'practiceUseful',
                practiceId,
                version: 1,
              }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }
        : { Delete: { TableName: TABLE, Key: toAttr(mark), ConditionExpression: 'attribute_exists(pk)' } },
      {
        Update: {
          TableName: TABLE,
          Key: toAttr(keys.practice(practiceId)),
          UpdateExpression: 'ADD useful :d',
          ConditionExpression: on ? 'attribute_exists(pk)' : 'attribute_exists(pk) AND useful > :zero',
          ExpressionAttributeValues: values(on ? { ':d': 1 } : { ':d': -1, ':zero': 0 }),
        },
      },
    ],
  });
}

/** The practices she marked useful (ids only), for her export and erasure. */
export async function usefulMarksOf(memberId: string): Promise<string[]> {
  const items = await queryAll({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.usefulOfMember(memberId) }),
  });
  return items.map((i) => fromAttr<{ practiceId: string }>(i).practiceId);
}

/** Links the practice to its discussion thread, once: written in the thread's own transaction. */
export const threadLinked = (practiceId: string, threadId: string): TransactWriteItem => ({
  Update: {
    TableName: TABLE,
    Key: toAttr(keys.practice(practiceId)),
    UpdateExpression: 'SET threadId = :t',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(threadId)',
    ExpressionAttributeValues: values({ ':t': threadId }),
  },
});

export const FORMER_MEMBER = 'Former member';

/**
 * On erasure her practices stay in the library (others found them useful) but lose her: no author
 * id, no name, no author index entry, and no offer to be written to. Revisions never carry her.
 */
export async function detachAuthor(authorId: string): Promise<number> {
  let count = 0;
  for (const p of await allByAuthor(authorId)) {
    await db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.practice(p.id)),
      UpdateExpression: `SET authorId = :none, authorName = :former, contact = :false${p.live ? ', live.contact = :false' : ''} ADD version :one REMOVE gsi2pk, gsi2sk`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: values({ ':none': '', ':former': FORMER_MEMBER, ':false': false, ':one': 1 }),
    });
    count++;
  }
  return count;
}

/** Takes back every useful mark of hers, each with its count. */
export async function removeUsefulMarks(memberId: string): Promise<void> {
  for (const practiceId of await usefulMarksOf(memberId)) {
    try {
      await setUseful(practiceId, memberId, false);
    } catch (e) {
      // Already gone (a second erasure pass): nothing to take back.
      if (!(e instanceof Error && e.name === 'TransactionCanceledException')) throw e;
    }
  }
}

export async function transact(items: TransactWriteItem[]): Promise<void> {
  await db.transactWrite({ TransactItems: items });
}
