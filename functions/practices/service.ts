import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { searchChanged } from '../search/changes';
import { counted, elapsed } from '../insights/counters';
import { listFiles } from '../files/service';
import { heldReasons } from '../../shared/held-content';
import type { Practice, PracticeEdit, PracticeInput, PracticeListQuery } from '../../shared/practice-schemas';
import * as discussionRepo from '../discussion/repository';
import { createThread } from '../discussion/service';
import { failedConditions, isTransactionConflict } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { keys } from '../lib/keys';
import type { Session } from '../lib/session';
import * as throttle from '../lib/throttle';
import type { MemberRecord } from '../members/repository';
import { withAudit } from '../moderation/audit';
import { notificationPut, withBoardNotices } from '../notifications/repository';
import * as repo from './repository';
import type { Audience, PracticeContent, PracticeRecord } from './repository';
import { type Reader, audiencesOf, contentOf, practiceSummary, practiceView, privileged, readableBy, revisionView } from './view';

/** The rules of the library in one place. */
export const PRACTICE_RULES = {
  /** Submissions and edits per member per hour (each one waits for the board). */
  writesPerHour: Number(process.env.PRACTICE_WRITES_PER_HOUR ?? 20),
} as const;

export type Viewer = { session: Session; member: MemberRecord };

const reader = (v: Viewer): Reader => ({ session: v.session, kind: v.member.kind });
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const practiceLink = (id: string) => `/library/${id}`;

/**
 * The files of a practice. Returns none until the files domain (functions/files/) is merged; the
 * integrator replaces this body with its listing.
 */
export async function practiceFiles(id: string): Promise<Practice['files']> {
  return listFiles({ kind: 'practice', id });
}

/** The practice if she may read it; 404 otherwise (never reveal that a hidden one exists). */
export async function readable(r: Reader, id: string | undefined): Promise<PracticeRecord> {
  const p = id && ULID.test(id) ? await repo.getPractice(id) : undefined;
  if (!p || !readableBy(p, r)) throw new NotFoundError();
  return p;
}

// ---------------------------------------------------------------- reads

export async function list(v: Viewer, q: PracticeListQuery) {
  const r = reader(v);
  if (q.mine === 'true') {
    const page = await repo.listByAuthor(v.member.id, { limit: q.limit, cursor: q.cursor, scope: `practices:mine:${v.member.id}` });
    return { items: page.items.map((p) => practiceSummary(p, r, false)), nextCursor: page.nextCursor };
  }
  const filters = `${q.theme ?? ''}:${q.country ?? ''}:${q.language ?? ''}`;
  const page = await repo.listPublished({
    limit: q.limit,
    cursor: q.cursor,
    scope: `practices:${filters}:${v.member.id}`,
    audiences: audiencesOf(r),
    theme: q.theme,
    country: q.country,
    language: q.language,
  });
  return { items: page.items.map((p) => practiceSummary(p, r, true)), nextCursor: page.nextCursor };
}

export async function get(v: Viewer, id: string | undefined): Promise<Practice> {
  const r = reader(v);
  const p = await readable(r, id);
  const [files, markedUseful] = await Promise.all([practiceFiles(p.id), repo.hasMarkedUseful(p.id, v.member.id)]);
  return practiceView(p, r, { files, markedUseful });
}

/** Every revision, oldest first: the author's and the board's history of it. */
export async function revisions(v: Viewer, id: string | undefined, q: { limit: number; cursor?: string }) {
  const r = reader(v);
  const p = await readable(r, id);
  if (!privileged(p, r)) throw new ForbiddenError('Only the author and the board see earlier versions.', 'not_author');
  const page = await repo.listRevisions(p.id, { ...q, scope: `practice-revisions:${p.id}:${v.member.id}` });
  return { items: page.items.map(revisionView), nextCursor: page.nextCursor };
}

// ---------------------------------------------------------------- writes

/** Why the board must look at this more closely; the author is shown the same reasons. */
async function holdFor(v: Viewer, c: PracticeContent): Promise<string[]> {
  if (v.session.isBoard) return [];
  const text = [c.title, c.summary, c.done, c.worked, c.didNotWork].join('\n');
  return [...(c.identity === 'anonymous' ? ['anonymous'] : []), ...heldReasons(text, await discussionRepo.watchedWords())];
}

/** `items`, with a notice to the board when they put a practice in its queue. */
const queued = async (items: TransactWriteItem[], pending: boolean, v: Viewer, at: string) =>
  pending ? withBoardNotices(items, 'board.held', v.session.userId, at) : { items, followUp: async () => {} };

/** A member's practice waits for the board; the board's own is published at once. */
export async function submit(v: Viewer, input: PracticeInput): Promise<Practice> {
  await throttle.consume('practice', v.member.id, PRACTICE_RULES.writesPerHour, 3600);
  const content = contentOf(input);
  const held = await holdFor(v, content);
  const at = new Date().toISOString();
  const state = v.session.isBoard ? 'published' : 'pending';
  const p: PracticeRecord = {
    id: ulid(),
    ...content,
    authorId: v.member.id,
    authorName: v.member.displayName,
    state,
    revision: 1,
    heldReasons: held,
    ...(state === 'published' ? { live: { ...content, revision: 1, publishedAt: at } } : {}),
    useful: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const { items, followUp } = await queued(
    [
      repo.practicePut(p),
      repo.revisionPut({
        practiceId: p.id,
        revision: 1,
        ...content,
        state,
        heldReasons: held,
        createdAt: at,
        ...(state === 'published' ? { decidedAt: at } : {}),
      }),
      // The board's insights count the review queue's size and age (functions/insights).
      ...(state === 'pending' ? [counted('moderation', at, 'held')] : []),
    ],
    state === 'pending',
    v,
    at,
  );
  try {
    await repo.transact(items);
  } catch (e) {
    // Only a clash of two fresh ids: nothing was written, and submitting again makes new ones.
    if (failedConditions(e)?.length) throw new UnavailableError();
    throw e;
  }
  // Found by search from now on (or no longer): re-indexed from the table's stream in AWS, here locally.
  searchChanged({ kind: 'practice', id: p.id });
  await followUp();
  return practiceView(p, reader(v), { files: [] });
}

const RANK: Record<Audience, number> = { members: 0, practitioners: 1, board: 2 };
const narrower = (a: Audience, b: Audience): Audience => (RANK[a] >= RANK[b] ? a : b);

/**
 * An edit by the author makes a new revision, which waits for the board (the board's own is
 * published at once); members keep reading the last published one meanwhile. Narrowing who may read
 * it, or hiding her name, protects her at once, so those two apply to the live revision too.
 */
export async function edit(v: Viewer, id: string | undefined, input: PracticeEdit): Promise<Practice> {
  const r = reader(v);
  const p = await readable(r, id);
  if (p.authorId !== v.member.id) throw new ForbiddenError('Only the author edits a practice.', 'not_author');
  if (p.state === 'removed') throw new ConflictError('stale_state', 'This practice was withdrawn.');
  if (input.version !== p.version)
    throw new ConflictError('stale_version', 'The practice changed since you loaded it. Reload and try again.');
  await throttle.consume('practice', v.member.id, PRACTICE_RULES.writesPerHour, 3600);
  const { version: _v, ...changes } = input;
  const content = contentOf({ ...contentOf(p), ...Object.fromEntries(Object.entries(changes).filter(([, x]) => x !== undefined)) });
  const held = await holdFor(v, content);
  const at = new Date().toISOString();
  const state = v.session.isBoard ? 'published' : 'pending';
  const revision = p.revision + 1;
  const live =
    state === 'published'
      ? { ...content, revision, publishedAt: at }
      : p.live && {
          ...p.live,
          audience: narrower(p.live.audience, content.audience),
          identity: content.identity === 'anonymous' ? ('anonymous' as const) : p.live.identity,
          contact: p.live.contact && content.contact,
        };
  const { moderationReason: _m, live: _l, ...rest } = p;
  const next: PracticeRecord = {
    ...rest,
    ...content,
    state,
    revision,
    heldReasons: held,
    ...(live ? { live } : {}),
    updatedAt: at,
    version: p.version + 1,
  };
  const { items, followUp } = await queued(
    [
      repo.practicePut(next, p.version),
      repo.revisionPut({
        practiceId: p.id,
        revision,
        ...content,
        state,
        heldReasons: held,
        createdAt: at,
        ...(state === 'published' ? { decidedAt: at } : {}),
      }),
      // A revision still waiting is replaced by this one: it is withdrawn, not decided.
      ...(p.state === 'pending' ? [repo.revisionDecided(p.id, p.revision, 'removed', undefined, at)] : []),
      ...(state === 'pending' && p.state !== 'pending' ? [counted('moderation', at, 'held')] : []),
      ...(state !== 'pending' && p.state === 'pending' ? [counted('moderation', at, 'withdrawn')] : []),
    ],
    state === 'pending' && p.state !== 'pending',
    v,
    at,
  );
  try {
    await repo.transact(items);
  } catch (e) {
    if (failedConditions(e)?.length || isTransactionConflict(e))
      throw new ConflictError('stale_version', 'The practice changed since you loaded it. Reload and try again.');
    throw e;
  }
  // Found by search from now on (or no longer): re-indexed from the table's stream in AWS, here locally.
  searchChanged({ kind: 'practice', id: next.id });
  await followUp();
  const [files, markedUseful] = await Promise.all([practiceFiles(p.id), repo.hasMarkedUseful(p.id, v.member.id)]);
  return practiceView(next, r, { files, markedUseful });
}

/**
 * The author withdraws her practice: members no longer read it (its live revision goes with it),
 * the board's queue drops it, and the history stays for her and the board.
 */
export async function withdraw(v: Viewer, id: string | undefined): Promise<Practice> {
  const r = reader(v);
  const p = await readable(r, id);
  if (p.authorId !== v.member.id) throw new ForbiddenError('Only the author withdraws a practice.', 'not_author');
  if (p.state === 'removed') throw new ConflictError('stale_state', 'This practice was already withdrawn.');
  const at = new Date().toISOString();
  const next: PracticeRecord = { ...p, state: 'removed', heldReasons: [], updatedAt: at, version: p.version + 1 };
  try {
    await repo.transact([
      repo.practicePut(next, p.version),
      ...(p.state === 'pending'
        ? [repo.revisionDecided(p.id, p.revision, 'removed', undefined, at), counted('moderation', at, 'withdrawn')]
        : []),
    ]);
  } catch (e) {
    if (failedConditions(e)?.length || isTransactionConflict(e))
      throw new ConflictError('stale_version', 'The practice changed meanwhile. Reload and try again.');
    throw e;
  }
  // Found by search from now on (or no longer): re-indexed from the table's stream in AWS, here locally.
  searchChanged({ kind: 'practice', id: next.id });
  return practiceView(next, r, { files: await practiceFiles(p.id) });
}

/**
 * Marks it useful to her, or takes the mark back. Her mark and the count move in one
 * transaction; doing it twice is doing it once (204 either way).
 */
export async function useful(v: Viewer, id: string | undefined, on: boolean): Promise<void> {
  const p = await readable(reader(v), id);
  if (!p.live || p.state === 'removed') throw new ConflictError('not_published', 'This practice is not published yet.');
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      await repo.setUseful(p.id, v.member.id, on);
      return;
    } catch (e) {
      const failed = failedConditions(e);
      // Her mark's condition failed: it is already as asked (nothing to do), unless another of her
      // requests changed it back meanwhile, and then this one tries again.
      if (failed?.includes(0)) {
        if ((await repo.hasMarkedUseful(p.id, v.member.id)) === on) return;
        continue;
      }
      if (failed?.length) throw new NotFoundError();
      if (!isTransactionConflict(e)) throw e;
    }
  }
  throw new UnavailableError();
}

/**
 * The board's decision on the latest revision. Conditioned on the practice's version, so two
 * board members deciding at once: one wins, the other gets 409. A rejection leaves the last
 * published revision where it was.
 */
export async function decide(v: Viewer, id: string | undefined, decision: 'approve' | 'reject', reason: string): Promise<Practice> {
  const r = reader(v);
  const p = await readable(r, id);
  if (p.authorId === v.member.id) throw new ForbiddenError('Another board member decides on your own practice.', 'own_post');
  if (p.state !== 'pending') throw new ConflictError('not_pending', 'This practice has already been decided.');
  let next = p;
  await withAudit(
    v.session.userId,
    async (at) => {
      const current = await repo.getPractice(p.id);
      if (current?.state !== 'pending' || current.version !== p.version) {
        throw new ConflictError('not_pending', 'This practice has already been decided.');
      }
      const state = decision === 'approve' ? 'published' : 'rejected';
      next = {
        ...current,
        state,
        heldReasons: [],
        moderationReason: reason,
        ...(decision === 'approve' ? { live: { ...contentOf(current), revision: current.revision, publishedAt: at } } : {}),
        updatedAt: at,
        version: current.version + 1,
      };
      return [
        repo.practicePut(next, current.version),
        repo.revisionDecided(p.id, current.revision, state, reason, at),
        counted('moderation', at, decision === 'approve' ? 'approved' : 'rejected', { ms: elapsed(current.updatedAt, at) }),
        ...(current.authorId
          ? [notificationPut(current.authorId, decision === 'approve' ? 'practice.approved' : 'practice.rejected', practiceLink(p.id), at)]
          : []),
      ];
    },
    {
      action: `practice.${decision}`,
      targetType: 'practice',
      targetId: p.id,
      reason,
      before: { state: 'pending', revision: p.revision },
      after: { state: decision === 'approve' ? 'published' : 'rejected', revision: p.revision },
    },
  );
  // Found by search from now on (or no longer): re-indexed from the table's stream in AWS, here locally.
  searchChanged({ kind: 'practice', id: next.id });
  return practiceView(next, r, { files: await practiceFiles(p.id) });
}

const LIBRARY_SPACE = {
  members: { name: 'Library', description: 'Discussions of the good practices in the library.' },
  practitioners: { name: 'Library (practitioners)', description: 'Discussions of the practices shared with practitioners.' },
  board: { name: 'Library (board)', description: 'Discussions of the practices shared with the board.' },
} as const;

/** The library's discussion space for an audience, made on first use (written once, never changed). */
async function librarySpace(audience: Audience): Promise<string> {
  const id = keys.librarySpaceId(audience);
  if (await discussionRepo.getSpace(id)) return id;
  try {
    await discussionRepo.transact([
      discussionRepo.spacePut({ id, ...LIBRARY_SPACE[audience], audience, createdAt: new Date().toISOString() }),
    ]);
  } catch (e) {
    // Another request made it first: the same space.
    if (!failedConditions(e)?.length && !isTransactionConflict(e)) throw e;
  }
  return id;
}

/**
 * The practice's discussion thread: opened by the first member who asks, in the library's space
 * of its audience, through the discussion rules (held as any thread would be).
 */
export async function openThread(v: Viewer, id: string | undefined) {
  const p = await readable(reader(v), id);
  if (!p.live || p.state === 'removed') throw new ConflictError('not_published', 'This practice is not published yet.');
  if (p.threadId) return { threadId: p.threadId, state: (await discussionRepo.getThread(p.threadId))?.state ?? 'published' };
  const spaceId = await librarySpace(p.live.audience);
  try {
    const thread = await createThread(
      v,
      spaceId,
      { title: p.live.title.slice(0, 200), body: `${p.live.summary}\n\n${practiceLink(p.id)}`, identity: 'named' },
      (threadId) => [repo.threadLinked(p.id, threadId)],
    );
    return { threadId: thread.id, state: thread.state };
  } catch (e) {
    // Someone opened it a moment earlier (the link's condition cancelled ours): theirs is the thread.
    const winner = e instanceof UnavailableError ? await repo.getPractice(p.id) : undefined;
    if (!winner?.threadId) throw e;
    return { threadId: winner.threadId, state: (await discussionRepo.getThread(winner.threadId))?.state ?? 'published' };
  }
}

// ---------------------------------------------------------------- her data

/** Her practices, every revision of each, and which practices she marked useful. */
export async function exportPractices(memberId: string) {
  const own = await repo.allByAuthor(memberId);
  const practices = [];
  for (const p of own) {
    const revs = [];
    let cursor: string | undefined;
    do {
      const page = await repo.listRevisions(p.id, { limit: 50, cursor, scope: `export:${p.id}` });
      revs.push(...page.items.map(revisionView));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    practices.push({ id: p.id, state: p.state, useful: p.useful, createdAt: p.createdAt, updatedAt: p.updatedAt, revisions: revs });
  }
  return { practices, usefulMarks: await repo.usefulMarksOf(memberId) };
}

/** On erasure: her practices stay, without her; her useful marks are taken back. */
export async function erasePractices(memberId: string): Promise<void> {
  await repo.removeUsefulMarks(memberId);
  await repo.detachAuthor(memberId);
}
