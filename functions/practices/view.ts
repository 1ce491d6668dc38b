import type { Practice, PracticeRevision, PracticeSummary } from '../../shared/practice-schemas';
import type { Session } from '../lib/session';
import type { Audience, PracticeContent, PracticeRecord, RevisionRecord } from './repository';

/**
 * How a practice is shown to whom: pure functions, shared by the library's routes and the board's
 * moderation queue (which the discussion function serves), so neither imports the other's rules.
 */

/** Who reads: her session and her kind (the practitioners' audience is not for champions). */
export type Reader = { session: Session; kind: 'practitioner' | 'champion' };

/** What members see instead of an anonymous author's name (as for posts; the app words it). */
export const ANONYMOUS_NAME = 'Anonymous member';

export const audiencesOf = (r: Reader): Audience[] =>
  r.session.isBoard ? ['members', 'practitioners', 'board'] : r.kind === 'practitioner' ? ['members', 'practitioners'] : ['members'];

export const inAudience = (audience: Audience, r: Reader): boolean => audiencesOf(r).includes(audience);

/** The author and the board read the latest revision; everyone else only a published one. */
export const privileged = (p: PracticeRecord, r: Reader): boolean =>
  r.session.isBoard || (p.authorId !== '' && p.authorId === r.session.userId);

/**
 * The practice as she may read it, or undefined when she may not: outside its audience, or with no
 * published revision she could read (held, rejected and removed ones are for the author and the
 * board only). Exported for search and files (the integrator wires them).
 */
export function readableBy(p: PracticeRecord, r: Reader): boolean {
  if (privileged(p, r)) return true;
  return p.state !== 'removed' && p.live !== undefined && inAudience(p.live.audience, r);
}

/** A practice's own content, without what the head item adds (state, revisions, counts). */
export const contentOf = (c: PracticeContent): PracticeContent => ({
  title: c.title,
  summary: c.summary,
  countries: c.countries,
  themes: c.themes,
  done: c.done,
  worked: c.worked,
  didNotWork: c.didNotWork,
  language: c.language,
  contact: c.contact,
  identity: c.identity,
  audience: c.audience,
});

function author(p: PracticeRecord, identity: 'named' | 'anonymous', r: Reader) {
  const show = identity === 'named' || privileged(p, r);
  return {
    authorId: show && p.authorId ? p.authorId : null,
    authorName: identity === 'anonymous' && !r.session.isBoard && p.authorId !== r.session.userId ? ANONYMOUS_NAME : p.authorName,
  };
}

/** A readable practice (check readableBy first) as the API answers with it. */
export function practiceView(
  p: PracticeRecord,
  r: Reader,
  extra: { files?: Practice['files']; markedUseful?: boolean; live?: boolean } = {},
): Practice {
  // Members read the live revision; the author and the board the latest, except in the library's list.
  const own = privileged(p, r) && !(extra.live && p.live);
  const shown = own || !p.live ? { ...contentOf(p), revision: p.revision } : { ...contentOf(p.live), revision: p.live.revision };
  return {
    id: p.id,
    ...shown,
    ...author(p, shown.identity, r),
    // An anonymous author offers no contact to members, whatever the flag says.
    contact: shown.contact && shown.identity === 'named',
    state: own ? p.state : 'published',
    files: extra.files ?? [],
    useful: p.useful,
    ...(extra.markedUseful === undefined ? {} : { markedUseful: extra.markedUseful }),
    version: p.version,
    ...(own && p.live && p.live.revision !== p.revision ? { liveRevision: p.live.revision } : {}),
    ...(own && p.heldReasons.length ? { heldReasons: p.heldReasons } : {}),
    ...(own && p.moderationReason ? { moderationReason: p.moderationReason } : {}),
    threadId: p.threadId ?? null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    publishedAt: p.live?.publishedAt ?? null,
  };
}

/** A card of the library's list (the published revision for members; the latest for her own list). */
export function practiceSummary(p: PracticeRecord, r: Reader, live: boolean): PracticeSummary {
  const v = practiceView(p, r, { live });
  return {
    id: v.id,
    title: v.title,
    summary: v.summary,
    countries: v.countries,
    themes: v.themes,
    language: v.language,
    identity: v.identity,
    authorName: v.authorName,
    audience: v.audience,
    state: v.state,
    useful: v.useful,
    revision: v.revision,
    publishedAt: v.publishedAt,
    updatedAt: v.updatedAt,
  };
}

export const revisionView = (r: RevisionRecord): PracticeRevision => ({
  revision: r.revision,
  ...contentOf(r),
  state: r.state,
  heldReasons: r.heldReasons,
  ...(r.moderationReason ? { moderationReason: r.moderationReason } : {}),
  createdAt: r.createdAt,
  ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
});
