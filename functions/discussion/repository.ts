import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '../lib/cursor';
import { TABLE, db, fromAttr, getMany, queryAll, recordOf, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';

/** Storage of spaces, threads and posts. */

export type Audience = 'members' | 'practitioners' | 'board';
export type Space = { id: string; name: string; description: string; audience: Audience; createdAt: string };
export type PostState = 'published' | 'pending' | 'hidden' | 'removed';

export type ThreadRecord = {
  id: string;
  spaceId: string;
  title: string;
  authorId: string;
  authorName: string;
  identity: 'named' | 'anonymous';
  state: PostState;
  locked: boolean;
  pinned: boolean;
  replyCount: number;
  lastPostAt: string;
  openingPostId: string;
  createdAt: string;
  version: number;
};

export type PostRecord = {
  id: string;
  threadId: string;
  spaceId: string;
  authorId: string;
  authorName: string;
  identity: 'named' | 'anonymous';
  body: string;
  state: PostState;
  heldReasons: string[];
  moderationReason?: string;
  opening: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
};

/**
 * Spaces found, for the life of the instance. A space is written once and never changed or
 * removed (spacePut is conditional; nothing updates or deletes one), so a copy cannot go stale,
 * and every read of a thread or its posts is spared a read of its space. A space not found is
 * not kept: it may be created next.
 */
const spaces = new Map<string, Space>();

export async function getSpace(id: string): Promise<Space | undefined> {
  const known = spaces.get(id);
  if (known) return known;
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.space(id)) });
  const space = res.Item ? recordOf<Space>(res.Item) : undefined;
  if (space) spaces.set(id, space);
  return space;
}

/** Spaces in audience order; few enough to read in one page of the index. */
export async function listSpaces(opts: { limit: number; cursor?: string; scope: string; audiences: Audience[] }): Promise<Page<Space>> {
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    FilterExpression: 'audience IN (:a0, :a1, :a2)',
    ExpressionAttributeValues: values({
      ':pk': 'SPACES',
      ':a0': opts.audiences[0] ?? '-',
      ':a1': opts.audiences[1] ?? '-',
      ':a2': opts.audiences[2] ?? '-',
    }),
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return { items: (res.Items ?? []).map((i) => recordOf<Space>(i)), nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

export const spacePut = (s: Space): TransactWriteItem => ({
  Put: {
    TableName: TABLE,
    Item: toAttr({ ...keys.space(s.id), ...keys.spaceIndex(s.audience, s.id), entity: 'space', version: 1, ...s }),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export async function getThread(id: string): Promise<ThreadRecord | undefined> {
  return threadOf((await db.getItem({ TableName: TABLE, Key: threadKey(id), ConsistentRead: true })).Item);
}

/** Where a thread is, for a read made elsewhere (a route's guard reads it with her session, consistently). */
export const threadKey = (id: string): Record<string, AttributeValue> => toAttr(keys.thread(id));
export const threadOf = (item: Record<string, AttributeValue> | undefined): ThreadRecord | undefined =>
  item ? recordOf<ThreadRecord>(item) : undefined;

export async function getPost(id: string): Promise<PostRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.post(id)), ConsistentRead: true });
  return res.Item ? recordOf<PostRecord>(res.Item) : undefined;
}

/**
 * Threads and posts by id, in one batched read per 100; missing ones are absent. `consistent:
 * false` halves the cost where the items only give context (titles, bodies) to a list whose own
 * Query is the source of truth.
 */
export async function getThreadsAndPosts(
  ids: { threads: string[]; posts: string[] },
  opts: { consistent?: boolean } = {},
): Promise<{
  threads: Map<string, ThreadRecord>;
  posts: Map<string, PostRecord>;
}> {
  const wanted = [...new Set(ids.threads)].map((id) => toAttr(keys.thread(id)));
  wanted.push(...[...new Set(ids.posts)].map((id) => toAttr(keys.post(id))));
  const out = { threads: new Map<string, ThreadRecord>(), posts: new Map<string, PostRecord>() };
  for (const raw of await getMany(wanted, { consistent: opts.consistent ?? true })) {
    const entity = fromAttr<{ entity: string }>(raw).entity;
    if (entity === 'thread') {
      const t = recordOf<ThreadRecord>(raw);
      out.threads.set(t.id, t);
    } else if (entity === 'post') {
      const p = recordOf<PostRecord>(raw);
      out.posts.set(p.id, p);
    }
  }
  return out;
}

/** The full item of a thread, with its listing key; `expectedVersion` makes it a conditional write. */
export function threadPut(t: ThreadRecord, expectedVersion?: number): TransactWriteItem {
  return {
    Put: {
      TableName: TABLE,
      Item: toAttr({ ...keys.thread(t.id), ...keys.threadIndex(t.spaceId, t.pinned, t.lastPostAt, t.id), entity: 'thread', ...t }),
      ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: values({ ':v': expectedVersion }) }),
    },
  };
}

/**
 * A reply's effect on its thread: one more reply and newer activity, while the thread is not
 * locked and its pin is as read. No version condition, so simultaneous replies to a busy thread
 * do not refuse each other; a held reply only checks the lock.
 */
export function threadReplied(t: ThreadRecord, at: string, published: boolean, requireUnlocked = true): TransactWriteItem {
  if (!published) {
    return {
      ConditionCheck: {
        TableName: TABLE,
        Key: toAttr(keys.thread(t.id)),
        ConditionExpression: 'locked = :false',
        ExpressionAttributeValues: values({ ':false': false }),
      },
    };
  }
  return {
    Update: {
      TableName: TABLE,
      Key: toAttr(keys.thread(t.id)),
      UpdateExpression: 'ADD replyCount :one, version :one SET lastPostAt = :at, gsi1sk = :sk',
      // An approval of a reply held before a lock still counts it, so only new replies check the lock.
      ConditionExpression: requireUnlocked ? 'locked = :false AND pinned = :pinned' : 'pinned = :pinned',
      ExpressionAttributeValues: values({
        ':one': 1,
        ':at': at,
        ':sk': keys.threadIndex(t.spaceId, t.pinned, at, t.id).gsi1sk,
        ...(requireUnlocked ? { ':false': false } : {}),
        ':pinned': t.pinned,
      }),
    },
  };
}

/** The full item of a post; held posts carry the queue key, others drop it. */
export function postPut(p: PostRecord, expectedVersion?: number): TransactWriteItem {
  return {
    Put: {
      TableName: TABLE,
      Item: toAttr({
        ...keys.post(p.id),
        ...keys.postIndexes(p.threadId, p.authorId, p.createdAt, p.id),
        ...(p.state === 'pending' ? keys.queueIndex(p.updatedAt, 'post', p.id) : {}),
        entity: 'post',
        ...p,
      }),
      ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: values({ ':v': expectedVersion }) }),
    },
  };
}

/** Threads of a space, pinned first then newest activity; held ones only for their author (or everyone, for the board). */
export async function listThreads(
  spaceId: string,
  opts: { limit: number; cursor?: string; scope: string; viewerId: string; board: boolean },
): Promise<Page<ThreadRecord>> {
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ...(opts.board
      ? { ExpressionAttributeValues: values({ ':pk': `SPACE#${spaceId}#THREADS` }) }
      : {
          FilterExpression: '#state = :pub OR authorId = :me',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: values({ ':pk': `SPACE#${spaceId}#THREADS`, ':pub': 'published', ':me': opts.viewerId }),
        }),
    ScanIndexForward: false,
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return { items: (res.Items ?? []).map((i) => recordOf<ThreadRecord>(i)), nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

/** Posts of a thread, oldest first; held and hidden ones only for their author (or everyone, for the board). */
/** What a page of posts shows of each (service postView); the rest of the item is not read. */
export type ListedPost = Pick<
  PostRecord,
  | 'id'
  | 'threadId'
  | 'authorId'
  | 'authorName'
  | 'identity'
  | 'body'
  | 'state'
  | 'heldReasons'
  | 'moderationReason'
  | 'version'
  | 'createdAt'
>;
const LISTED_POST: (keyof ListedPost)[] = [
  'id',
  'threadId',
  'authorId',
  'authorName',
  'identity',
  'body',
  'state',
  'heldReasons',
  'moderationReason',
  'version',
  'createdAt',
];

/**
 * A page of a thread's posts, oldest first. Only what the page shows is read: the index keys
 * (four long strings) and bookkeeping make up much of a post item, and the page's cursor comes
 * back whatever is projected.
 */
export async function listPosts(
  threadId: string,
  opts: { limit: number; cursor?: string; scope: string; viewerId: string; board: boolean },
): Promise<Page<ListedPost>> {
  // Every name through a placeholder: `state` is a reserved word, and so may others be.
  const names = Object.fromEntries(LISTED_POST.map((a) => [`#${a}`, a]));
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ProjectionExpression: Object.keys(names).join(', '),
    ExpressionAttributeNames: names,
    ...(opts.board
      ? { ExpressionAttributeValues: values({ ':pk': `THREAD#${threadId}#POSTS` }) }
      : {
          FilterExpression: '#state IN (:pub, :removed) OR #authorId = :me',
          ExpressionAttributeValues: values({
            ':pk': `THREAD#${threadId}#POSTS`,
            ':pub': 'published',
            ':removed': 'removed',
            ':me': opts.viewerId,
          }),
        }),
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return { items: (res.Items ?? []).map((i) => fromAttr<ListedPost>(i)), nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

/** The moderation queue, oldest first: held posts and open report cases. */
export async function listQueue(opts: { limit: number; cursor?: string; scope: string }): Promise<Page<Record<string, unknown>>> {
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.queuePartition }),
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return {
    items: (res.Items ?? []).map((i) => ({ ...recordOf<Record<string, unknown>>(i), entity: fromAttr<{ entity: string }>(i).entity })),
    nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope),
  };
}

export async function publishedCount(memberId: string): Promise<number> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.posterStats(memberId)), ConsistentRead: true });
  return res.Item ? Number(fromAttr<{ published?: number }>(res.Item).published ?? 0) : 0;
}

export const publishedIncrement = (memberId: string): TransactWriteItem => ({
  Update: {
    TableName: TABLE,
    Key: toAttr(keys.posterStats(memberId)),
    UpdateExpression: 'ADD published :one, version :one SET entity = :e',
    ExpressionAttributeValues: values({ ':one': 1, ':e': 'stats' }),
  },
});

export async function watchedWords(): Promise<string[]> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.heldRules()) });
  return res.Item ? (fromAttr<{ watchedWords?: string[] }>(res.Item).watchedWords ?? []) : [];
}

export async function transact(items: TransactWriteItem[]): Promise<void> {
  await db.transactWrite({ TransactItems: items });
}

export const FORMER_MEMBER = 'Former member';

/**
 * On erasure her posts stay in their threads (others replied to them) but lose her: no author id,
 * no name, no author index entry. Threads she opened lose her the same way.
 */
/** Every post a member wrote (anonymous ones too: they are hers), oldest first, for her export. */
export async function postsByAuthor(authorId: string): Promise<PostRecord[]> {
  const items = await queryAll({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: values({ ':pk': `AUTHOR#${authorId}` }),
  });
  return items.map((i) => recordOf<PostRecord>(i));
}

export async function detachAuthor(authorId: string): Promise<number> {
  let count = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const res = await db.query({
      TableName: TABLE,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: values({ ':pk': `AUTHOR#${authorId}` }),
      ExclusiveStartKey: start,
    });
    for (const raw of res.Items ?? []) {
      const p = recordOf<PostRecord>(raw);
      const detach = (key: { pk: string; sk: string }) => ({
        Update: {
          TableName: TABLE,
          Key: toAttr(key),
          UpdateExpression: 'SET authorId = :none, authorName = :former ADD version :one REMOVE gsi2pk, gsi2sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: values({ ':none': '', ':former': FORMER_MEMBER, ':one': 1 }),
        },
      });
      await db.transactWrite({ TransactItems: [detach(keys.post(p.id)), ...(p.opening ? [detach(keys.thread(p.threadId))] : [])] });
      count++;
    }
    start = res.LastEvaluatedKey;
  } while (start);
  return count;
}
