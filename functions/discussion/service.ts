import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { METRICS, count } from '../lib/metrics';
import { heldReasons } from '../../shared/held-content';
import type { Page } from '../lib/cursor';
import { counted, elapsed } from '../insights/counters';
import { failedConditions, isTransactionConflict } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError } from '../lib/errors';
import { ulid } from '../lib/ids';
import type { Session } from '../lib/session';
import * as throttle from '../lib/throttle';
import { type MemberRecord, getMembers, networkStats } from '../members/repository';
import { withAudit } from '../moderation/audit';
import { searchChanged } from '../search/changes';
import { notificationPut, withBoardNotices } from '../notifications/repository';
import type { PracticeRecord } from '../practices/repository';
import { practiceView } from '../practices/view';
import * as repo from './repository';
import type { Audience, ListedPost, PostRecord, Space, ThreadRecord } from './repository';

/** The rules of the discussion space in one place. */
export const DISCUSSION_RULES = {
  /** A member's posts are held until this many of hers have been published. */
  heldUntilPublished: 3,
  /** Posts (threads and replies) per member per minute. */
  postsPerMinute: Number(process.env.POSTS_PER_MINUTE ?? 5),
  /** What members see instead of an anonymous author's name. */
  anonymousName: 'Anonymous member',
} as const;

export type Viewer = { session: Session; member: MemberRecord };

/** Who a space is for. The board sees every space. */
export function inAudience(audience: Audience, v: Viewer): boolean {
  if (v.session.isBoard) return true;
  if (audience === 'members') return true;
  if (audience === 'practitioners') return v.member.kind === 'practitioner';
  return false;
}

const audiencesOf = (v: Viewer): Audience[] =>
  v.session.isBoard ? ['members', 'practitioners', 'board'] : v.member.kind === 'practitioner' ? ['members', 'practitioners'] : ['members'];

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

async function visibleSpace(v: Viewer, id: string | undefined): Promise<Space> {
  const space = id && /^[\w-]{1,64}$/.test(id) ? await repo.getSpace(id) : undefined;
  // Outside the audience a space does not exist.
  if (!space || !inAudience(space.audience, v)) throw new NotFoundError();
  return space;
}

/** `read`: the thread as the route's guard read it by threadReadKeys (read here when absent). */
async function visibleThread(
  v: Viewer,
  id: string | undefined,
  read?: readonly (Record<string, AttributeValue> | undefined)[],
): Promise<ThreadRecord> {
  const t = id && ULID.test(id) ? (read ? repo.threadOf(read[0]) : await repo.getThread(id)) : undefined;
  if (!t) throw new NotFoundError();
  await visibleSpace(v, t.spaceId);
  const own = t.authorId === v.session.userId;
  if (t.state !== 'published' && !own && !v.session.isBoard) throw new NotFoundError();
  return t;
}

async function visiblePost(v: Viewer, id: string | undefined): Promise<PostRecord> {
  const p = id && ULID.test(id) ? await repo.getPost(id) : undefined;
  if (!p) throw new NotFoundError();
  await visibleSpace(v, p.spaceId);
  const own = p.authorId === v.session.userId;
  if (p.state !== 'published' && p.state !== 'removed' && !own && !v.session.isBoard) throw new NotFoundError();
  return p;
}

/** The search document a post is part of: the opening post is its thread's. */
const searchDocOf = (p: Pick<PostRecord, 'opening' | 'threadId' | 'id'>) =>
  p.opening ? ({ kind: 'thread', id: p.threadId } as const) : ({ kind: 'post', id: p.id } as const);

/** Where a notice about a post opens: the post itself in its thread (the thread page finds it, however deep). */
const postLink = (p: { threadId: string; id: string }) => `/threads/${p.threadId}#post-${p.id}`;

// ---------------------------------------------------------------- views

/** A space as the API answers with it: the stored item's fields, picked. */
export const spaceView = (s: Space): Space => ({
  id: s.id,
  name: s.name,
  description: s.description,
  audience: s.audience,
  createdAt: s.createdAt,
});

export function threadView(t: ThreadRecord, v: Viewer) {
  const showAuthor = t.identity === 'named' || v.session.isBoard || t.authorId === v.session.userId;
  return {
    id: t.id,
    spaceId: t.spaceId,
    title: t.title,
    authorId: showAuthor && t.authorId ? t.authorId : null,
    authorName: t.identity === 'anonymous' && !v.session.isBoard ? DISCUSSION_RULES.anonymousName : t.authorName,
    identity: t.identity,
    state: t.state,
    locked: t.locked,
    pinned: t.pinned,
    replyCount: t.replyCount,
    lastPostAt: t.lastPostAt,
    version: t.version,
  };
}

export function postView(p: ListedPost, v: Viewer) {
  const own = p.authorId === v.session.userId;
  const showAuthor = p.identity === 'named' || v.session.isBoard || own;
  const privileged = own || v.session.isBoard;
  return {
    id: p.id,
    threadId: p.threadId,
    authorId: showAuthor && p.authorId ? p.authorId : null,
    authorName: p.identity === 'anonymous' && !v.session.isBoard ? DISCUSSION_RULES.anonymousName : p.authorName,
    identity: p.identity,
    // A removed post keeps its place in the thread, not its words.
    body: p.state === 'removed' && !v.session.isBoard ? '' : p.body,
    state: p.state,
    ...(privileged && p.heldReasons.length ? { heldReasons: p.heldReasons } : {}),
    ...(privileged && p.moderationReason ? { moderationReason: p.moderationReason } : {}),
    version: p.version,
    createdAt: p.createdAt,
  };
}

// ---------------------------------------------------------------- reads

/**
 * The spaces she may see, each with how many members its audience holds, so the composer can
 * say who will read a post. The board's own size is not known to the table (a Cognito group).
 */
export async function listSpaces(v: Viewer, q: { limit: number; cursor?: string }) {
  const [page, counts] = await Promise.all([
    repo.listSpaces({ ...q, scope: `spaces:${v.session.userId}`, audiences: audiencesOf(v) }),
    networkStats(),
  ]);
  const size = (a: Audience) => (a === 'members' ? counts.active : a === 'practitioners' ? counts.practitioners : undefined);
  return {
    items: page.items.map((s) => ({ ...spaceView(s), ...(size(s.audience) === undefined ? {} : { audienceSize: size(s.audience) }) })),
    nextCursor: page.nextCursor,
  };
}

export async function listThreads(v: Viewer, spaceId: string | undefined, q: { limit: number; cursor?: string }) {
  const space = await visibleSpace(v, spaceId);
  const page = await repo.listThreads(space.id, {
    ...q,
    scope: `threads:${space.id}:${v.session.userId}`,
    viewerId: v.session.userId,
    board: v.session.isBoard,
  });
  return { items: page.items.map((t) => threadView(t, v)), nextCursor: page.nextCursor };
}

export async function getThread(v: Viewer, id: string | undefined) {
  return threadView(await visibleThread(v, id), v);
}

/** The key a page of posts needs beyond her record, so that the route's guard reads it with her session (one round trip). */
export const threadReadKeys = (threadId: string | undefined) => (threadId && ULID.test(threadId) ? [repo.threadKey(threadId)] : []);

/** `read`: the items of threadReadKeys as the route's guard read them; the thread is read here when absent. */
export async function listPosts(
  v: Viewer,
  threadId: string | undefined,
  q: { limit: number; cursor?: string },
  read?: readonly (Record<string, AttributeValue> | undefined)[],
) {
  // The page is read alongside the thread (both by the thread's id, one round trip instead of
  // two) and shown only once the thread is known to be visible to her; its not-found comes first.
  const [thread, page] = await Promise.allSettled([
    visibleThread(v, threadId, read),
    threadId && ULID.test(threadId)
      ? repo.listPosts(threadId, {
          ...q,
          scope: `posts:${threadId}:${v.session.userId}`,
          viewerId: v.session.userId,
          board: v.session.isBoard,
        })
      : Promise.resolve(undefined),
  ]);
  if (thread.status === 'rejected') throw thread.reason;
  if (page.status === 'rejected') throw page.reason;
  if (!page.value) throw new NotFoundError();
  return { items: page.value.items.map((p) => postView(p, v)), nextCursor: page.value.nextCursor };
}

// ---------------------------------------------------------------- writes

/** Why a member's post must wait for the board; board members' posts never wait. */
async function holdFor(v: Viewer, text: string, identity: 'named' | 'anonymous'): Promise<string[]> {
  if (v.session.isBoard) return [];
  const [published, words] = await Promise.all([repo.publishedCount(v.member.id), repo.watchedWords()]);
  return [
    ...(published < DISCUSSION_RULES.heldUntilPublished ? ['first_posts'] : []),
    ...(identity === 'anonymous' ? ['anonymous'] : []),
    ...heldReasons(text, words),
  ];
}

async function rateLimit(v: Viewer) {
  await throttle.consume('post', v.member.id, DISCUSSION_RULES.postsPerMinute, 60);
}

export async function createSpace(v: Viewer, input: { name: string; description: string; audience: Audience }): Promise<Space> {
  const space: Space = { id: ulid().toLowerCase(), ...input, createdAt: new Date().toISOString() };
  await withAudit(v.session.userId, () => [repo.spacePut(space)], {
    action: 'space.create',
    targetType: 'space',
    targetId: space.id,
    reason: '',
    before: null,
    after: { audience: space.audience },
  });
  return space;
}

/** `items`, with a notice to the board when they hold a post for it. */
const heldNotice = async (items: TransactWriteItem[], held: boolean, v: Viewer, at: string) =>
  held ? withBoardNotices(items, 'board.held', v.session.userId, at) : { items, followUp: async () => {} };

/**
 * `alsoWrite` joins other items to the thread's transaction (a practice linking its discussion
 * thread, functions/practices): the thread and what points at it are written together or not at all.
 */
export async function createThread(
  v: Viewer,
  spaceId: string | undefined,
  input: { title: string; body: string; identity: 'named' | 'anonymous' },
  alsoWrite: (threadId: string) => TransactWriteItem[] = () => [],
) {
  const space = await visibleSpace(v, spaceId);
  await rateLimit(v);
  const held = await holdFor(v, `${input.title}\n${input.body}`, input.identity);
  const at = new Date().toISOString();
  const state = held.length ? 'pending' : 'published';
  const post: PostRecord = {
    id: ulid(),
    threadId: '',
    spaceId: space.id,
    authorId: v.member.id,
    authorName: v.member.displayName,
    identity: input.identity,
    body: input.body,
    state,
    heldReasons: held,
    opening: true,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const thread: ThreadRecord = {
    id: ulid(),
    spaceId: space.id,
    title: input.title,
    authorId: v.member.id,
    authorName: v.member.displayName,
    identity: input.identity,
    state,
    locked: false,
    pinned: false,
    replyCount: 0,
    lastPostAt: at,
    openingPostId: post.id,
    createdAt: at,
    version: 1,
  };
  post.threadId = thread.id;
  const { items, followUp } = await heldNotice(
    [
      repo.threadPut(thread),
      repo.postPut(post),
      ...(state === 'published' ? [repo.publishedIncrement(v.member.id)] : []),
      ...alsoWrite(thread.id),
      counted('discussion', at, 'threads'),
      ...(state === 'pending' ? [counted('moderation', at, 'held')] : []),
    ],
    state === 'pending',
    v,
    at,
  );
  try {
    await repo.transact(items);
  } catch (e) {
    // Only a clash of two fresh ids: nothing was written, and posting again makes new ones.
    if (failedConditions(e)?.length) throw new UnavailableError();
    throw e;
  }
  await followUp();
  searchChanged({ kind: 'thread', id: thread.id });
  if (held.length) count(METRICS.postsHeld);
  return { ...threadView(thread, v), ...(held.length ? { heldReasons: held } : {}) };
}

export async function reply(v: Viewer, threadId: string | undefined, input: { body: string; identity: 'named' | 'anonymous' }) {
  const first = await visibleThread(v, threadId);
  if (first.state !== 'published') throw new ConflictError('thread_not_published', 'This thread is waiting for the board.');
  await rateLimit(v);
  const held = await holdFor(v, input.body, input.identity);
  for (let attempt = 1; attempt <= 5; attempt++) {
    const t = attempt === 1 ? first : await repo.getThread(first.id);
    if (!t) throw new NotFoundError();
    if (t.locked) throw new ConflictError('thread_locked', 'This thread is locked.');
    const at = new Date().toISOString();
    const post: PostRecord = {
      id: ulid(),
      threadId: t.id,
      spaceId: t.spaceId,
      authorId: v.member.id,
      authorName: v.member.displayName,
      identity: input.identity,
      body: input.body,
      state: held.length ? 'pending' : 'published',
      heldReasons: held,
      opening: false,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const { items, followUp } = await heldNotice(
      [
        repo.postPut(post),
        repo.threadReplied(t, at, post.state === 'published'),
        ...(post.state === 'published' ? [repo.publishedIncrement(v.member.id)] : []),
        ...(post.state === 'published' && t.authorId !== v.member.id
          ? [notificationPut(t.authorId, 'thread.reply', postLink(post), at)]
          : []),
        counted('discussion', at, 'posts'),
        ...(post.state === 'pending' ? [counted('moderation', at, 'held')] : []),
      ],
      post.state === 'pending',
      v,
      at,
    );
    try {
      await repo.transact(items);
      await followUp();
      searchChanged(searchDocOf(post));
      if (post.state === 'pending') count(METRICS.postsHeld);
      return postView(post, v);
    } catch (e) {
      if (!failedConditions(e) && !isTransactionConflict(e)) throw e;
    }
  }
  throw new UnavailableError();
}

export async function editPost(v: Viewer, id: string | undefined, input: { body: string; version: number }) {
  const p = await visiblePost(v, id);
  if (p.authorId !== v.session.userId) throw new ForbiddenError('Only the author edits a post.', 'not_author');
  if (p.state === 'removed' || p.state === 'hidden') throw new ConflictError(`post_${p.state}`, `This post is ${p.state}.`);
  // An edit is held again by the same rules: editing cannot slip personal data past the board.
  const held = await holdFor(v, input.body, p.identity);
  const contentHeld = held.filter((r) => r !== 'first_posts' || p.state === 'pending');
  const state = p.state === 'pending' || contentHeld.length ? 'pending' : 'published';
  if (state === 'pending' && p.state === 'published' && p.opening) {
    throw new ConflictError('opening_post_held', 'This edit would hold the opening post; remove the personal data and try again.');
  }
  const at = new Date().toISOString();
  const next: PostRecord = {
    ...p,
    body: input.body,
    state,
    heldReasons: state === 'pending' ? contentHeld : [],
    updatedAt: at,
    version: p.version + 1,
  };
  // Only an edit that newly holds the post tells the board; one still held is already waiting.
  const newlyHeld = state === 'pending' && p.state !== 'pending';
  const { items, followUp } = await heldNotice(
    [repo.postPut(next, input.version), ...(newlyHeld ? [counted('moderation', at, 'held')] : [])],
    newlyHeld,
    v,
    at,
  );
  try {
    await repo.transact(items);
  } catch (e) {
    if (failedConditions(e)?.length)
      throw new ConflictError('stale_version', 'The post changed since you loaded it. Reload and try again.');
    throw e;
  }
  await followUp();
  searchChanged(searchDocOf(next));
  return postView(next, v);
}

export async function removePost(v: Viewer, id: string | undefined) {
  const p = await visiblePost(v, id);
  if (p.authorId !== v.session.userId) throw new ForbiddenError('Only the author removes a post.', 'not_author');
  if (p.state === 'removed') throw new ConflictError('post_removed', 'This post is already removed.');
  const next: PostRecord = { ...p, state: 'removed', updatedAt: new Date().toISOString(), version: p.version + 1 };
  try {
    // A held post its author takes back leaves the board's queue: the insights' queue counts it out.
    await repo.transact([
      repo.postPut(next, p.version),
      ...(p.state === 'pending' ? [counted('moderation', next.updatedAt, 'withdrawn')] : []),
    ]);
  } catch (e) {
    if (failedConditions(e)?.length) throw new ConflictError('stale_version', 'The post changed meanwhile. Reload and try again.');
    throw e;
  }
  searchChanged(searchDocOf(next));
  return postView(next, v);
}

// ---------------------------------------------------------------- moderation of posts and threads

type QueueCase = {
  id: string;
  targetType: 'post' | 'thread' | 'member' | 'message' | 'conversation';
  targetId: string;
  /** A reported message or conversation: the part reported, kept on the case (functions/conversations/reports.ts). */
  excerpt?: {
    mentorshipId: string;
    messages: { id: string; authorId: string; body: string; at: string; editedAt?: string; deleted: boolean }[];
  };
  reports: { reason: string; note: string; at: string }[];
  openedAt: string;
};

/** An open message to the board (functions/board/messages.ts writes it). */
type QueueMessage = { id: string; memberId: string; body: string; at: string };

/**
 * The board's queue: held posts, open report cases and open messages to the board, oldest first. Each item carries what the
 * board needs to decide without leaving the page: the thread it belongs to, the reported post or
 * thread as it stands now (real author included, anonymous or not), or the reported member's
 * name. Everything is read in one batched round trip per kind, whatever the page size.
 */
export async function moderationQueue(v: Viewer, q: { limit: number; cursor?: string }) {
  const page = await repo.listQueue({ ...q, scope: 'queue' });
  const held = page.items.filter((i) => i.entity === 'post') as unknown as PostRecord[];
  const cases = page.items.filter((i) => i.entity === 'case') as unknown as QueueCase[];
  const messages = page.items.filter((i) => i.entity === 'boardMessage') as unknown as QueueMessage[];
  const of = (type: QueueCase['targetType']) => cases.filter((c) => c.targetType === type).map((c) => c.targetId);

  const [first, members] = await Promise.all([
    // Context only (the queue Query decides what is listed): eventually consistent, half the cost.
    repo.getThreadsAndPosts({ threads: [...held.map((p) => p.threadId), ...of('thread')], posts: of('post') }, { consistent: false }),
    getMembers([
      ...of('member'),
      ...messages.map((m) => m.memberId),
      ...cases.flatMap((c) => (c.excerpt ? c.excerpt.messages.map((m) => m.authorId) : [])),
    ]),
  ]);
  const missingThreads = [...first.posts.values()].map((p) => p.threadId).filter((id) => !first.threads.has(id));
  const threads = missingThreads.length
    ? new Map([...first.threads, ...(await repo.getThreadsAndPosts({ threads: missingThreads, posts: [] }, { consistent: false })).threads])
    : first.threads;
  const threadRef = (id: string) => {
    const t = threads.get(id);
    return t ? { id: t.id, title: t.title } : null;
  };

  const subjectOf = (c: QueueCase) => {
    if (c.targetType === 'message' || c.targetType === 'conversation') {
      if (!c.excerpt) return null;
      return {
        type: 'conversation' as const,
        mentorshipId: c.excerpt.mentorshipId,
        messages: c.excerpt.messages.map((m) => ({ ...m, authorName: members.get(m.authorId)?.displayName ?? null })),
      };
    }
    if (c.targetType === 'member') {
      const m = members.get(c.targetId);
      return m ? { type: 'member' as const, memberId: m.id, displayName: m.displayName, status: m.status } : null;
    }
    if (c.targetType === 'post') {
      const p = first.posts.get(c.targetId);
      return p ? { type: 'post' as const, thread: threadRef(p.threadId), post: postView(p, v) } : null;
    }
    const t = threads.get(c.targetId);
    return t
      ? { type: 'thread' as const, thread: { id: t.id, title: t.title }, authorName: t.authorName, identity: t.identity, state: t.state }
      : null;
  };

  return {
    items: page.items.map((item) => {
      if (item.entity === 'post') {
        const p = item as unknown as PostRecord;
        return { type: 'post' as const, id: p.id, post: postView(p, v), heldReasons: p.heldReasons, thread: threadRef(p.threadId) };
      }
      if (item.entity === 'practice') {
        // A practice waiting for the board (functions/practices): the board sees its author, anonymous or not.
        const p = item as unknown as PracticeRecord;
        return {
          type: 'practice' as const,
          id: p.id,
          practice: practiceView(p, { session: v.session, kind: v.member.kind }),
          heldReasons: p.heldReasons,
        };
      }
      if (item.entity === 'boardMessage') {
        const m = item as unknown as QueueMessage;
        // An applicant who has not written a profile yet has no name to show.
        const from = { memberId: m.memberId, displayName: members.get(m.memberId)?.displayName ?? null };
        return { type: 'message' as const, id: m.id, from, body: m.body, at: m.at };
      }
      const c = item as unknown as QueueCase;
      // Reporters stay unnamed, even to the board's queue: the case is about what was reported.
      return {
        type: 'case' as const,
        id: c.id,
        targetType: c.targetType,
        targetId: c.targetId,
        reports: c.reports.map((r) => ({ reason: r.reason, note: r.note, at: r.at })),
        openedAt: c.openedAt,
        // null when the target is gone (an erased account, a deleted thread).
        subject: subjectOf(c),
      };
    }),
    nextCursor: page.nextCursor,
  };
}

/**
 * Approve or reject a held post. The decision is conditioned on the post still being held and
 * on its version, so two board members deciding at once: one wins, the other gets 409.
 */
export async function decidePost(v: Viewer, id: string | undefined, decision: 'approve' | 'reject', reason: string) {
  const p = await visiblePost(v, id);
  if (p.authorId === v.session.userId) throw new ForbiddenError('Another board member decides on your own post.', 'own_post');
  if (p.state !== 'pending') throw new ConflictError('not_pending', 'This post has already been decided.');
  const at = new Date().toISOString();
  const next: PostRecord = {
    ...p,
    state: decision === 'approve' ? 'published' : 'hidden',
    heldReasons: [],
    moderationReason: reason,
    updatedAt: at,
    version: p.version + 1,
  };
  let lost = false;
  await withAudit(
    v.session.userId,
    async () => {
      const current = await repo.getPost(p.id);
      if (current?.state !== 'pending' || current.version !== p.version) {
        lost = true;
        throw new ConflictError('not_pending', 'This post has already been decided.');
      }
      const t = await repo.getThread(p.threadId);
      if (!t) throw new NotFoundError();
      const threadItems = p.opening
        ? [repo.threadPut({ ...t, state: next.state, version: t.version + 1 }, t.version)]
        : decision === 'approve'
          ? [repo.threadReplied(t, at, true, false)]
          : [];
      return [
        repo.postPut(next, p.version),
        ...threadItems,
        ...(decision === 'approve' ? [repo.publishedIncrement(p.authorId)] : []),
        notificationPut(p.authorId, decision === 'approve' ? 'post.approved' : 'post.rejected', postLink(p), at),
        ...(decision === 'approve' && !p.opening && t.authorId !== p.authorId
          ? [notificationPut(t.authorId, 'thread.reply', postLink(p), at)]
          : []),
        // Held since it was last written: its creation, or the edit that held it.
        counted('moderation', at, decision === 'approve' ? 'approved' : 'rejected', { ms: elapsed(p.updatedAt, at) }),
      ];
    },
    { action: `post.${decision}`, targetType: 'post', targetId: p.id, reason, before: { state: 'pending' }, after: { state: next.state } },
  ).catch((e: unknown) => {
    if (lost || e instanceof ConflictError) throw new ConflictError('not_pending', 'This post has already been decided.');
    throw e;
  });
  searchChanged(searchDocOf(next));
  return postView(next, v);
}

/** Hide a published post, or restore a hidden one; the author is told, with the reason. */
export async function hideOrRestore(v: Viewer, id: string | undefined, action: 'hide' | 'restore', reason: string) {
  const p = await visiblePost(v, id);
  if (p.authorId === v.session.userId) throw new ForbiddenError('Another board member acts on your own post.', 'own_post');
  const from = action === 'hide' ? 'published' : 'hidden';
  const to = action === 'hide' ? 'hidden' : 'published';
  if (p.state !== from) throw new ConflictError(`not_${from}`, `This post is ${p.state}.`);
  let next = p;
  await withAudit(
    v.session.userId,
    async () => {
      const current = await repo.getPost(p.id);
      if (current?.state !== from) throw new ConflictError(`not_${from}`, 'Another board member acted on this post meanwhile.');
      next = { ...current, state: to, moderationReason: reason, updatedAt: new Date().toISOString(), version: current.version + 1 };
      const t = current.opening ? await repo.getThread(current.threadId) : undefined;
      return [
        repo.postPut(next, current.version),
        ...(t ? [repo.threadPut({ ...t, state: to, version: t.version + 1 }, t.version)] : []),
        ...(current.authorId
          ? [notificationPut(current.authorId, `post.${action === 'hide' ? 'hidden' : 'restored'}`, postLink(current), next.updatedAt)]
          : []),
      ];
    },
    { action: `post.${action}`, targetType: 'post', targetId: p.id, reason, before: { state: from }, after: { state: to } },
  );
  searchChanged(searchDocOf(next));
  return postView(next, v);
}

/** Lock, unlock, pin or unpin a thread; doing what is already done is a 409. */
export async function threadAction(v: Viewer, id: string | undefined, action: 'lock' | 'unlock' | 'pin' | 'unpin', reason: string) {
  const t = await visibleThread(v, id);
  const field = action === 'lock' || action === 'unlock' ? 'locked' : 'pinned';
  const value = action === 'lock' || action === 'pin';
  const done = ({ lock: 'locked', unlock: 'unlocked', pin: 'pinned', unpin: 'unpinned' } as const)[action];
  if (t[field] === value) throw new ConflictError(`already_${done}`, `This thread is already ${done}.`);
  let next = t;
  await withAudit(
    v.session.userId,
    async () => {
      const current = await repo.getThread(t.id);
      if (!current || current[field] === value) throw new ConflictError(`already_${done}`, `This thread is already ${done}.`);
      next = { ...current, [field]: value, version: current.version + 1 };
      return [repo.threadPut(next, current.version)];
    },
    { action: `thread.${action}`, targetType: 'thread', targetId: t.id, reason, before: { [field]: !value }, after: { [field]: value } },
  );
  return threadView(next, v);
}

export type { Page };
