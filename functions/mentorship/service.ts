import { isDeepStrictEqual } from 'node:util';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import {
  byRank,
  type Ineligible,
  type MatchReason,
  type MenteeSide,
  type MentorCard,
  type MentorSide,
  ineligibility,
  mentorCard,
  scoreMatch,
} from '../../shared/matching';
import { languages as languageList } from '../../shared/meta';
import type { MentorAvailability, Profile } from '../../shared/schemas';
import type { Page } from '../lib/cursor';
import { counted, elapsed } from '../insights/counters';
import { TABLE, failedConditions, isTransactionConflict, toAttr, values } from '../lib/db';
import type { ConflictReason } from '../../shared/error-codes';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { keys } from '../lib/keys';
import type { Session } from '../lib/session';
import { type MemberRecord, type MemberView, blockedEitherWay, getMember, getMemberViews, listBlockRelations } from '../members/repository';
import { memberIdOrNotFound, viewOf } from '../members/service';
import { AUDIT_ATTEMPTS, auditAppend, auditBackoff, readHead } from '../moderation/audit';
import { notificationPut } from '../notifications/repository';
import { REQUEST_EXPIRY_DAYS } from '../../shared/meta';
import { cancelMeetings } from '../conversations/meetings';
import { forgetOfferPools, offerPool } from './offer-pools';
import * as repo from './repository';
import type { MentorshipRecord, MentorshipState } from './repository';

/** The rules of mentorship in one place. */
export const RULES = {
  /** A request nobody answers expires after this long. */
  expiryDays: REQUEST_EXPIRY_DAYS,
  /** Pending requests a mentee may have at once. */
  maxPendingPerMentee: 3,
  /** Accepted mentorships a mentee may hold; reaching it withdraws her other pending requests. */
  maxActivePerMentee: 2,
  /** Candidates read per topic or language partition for suggestions: bounds the read cost. */
  candidatesPerPartition: 40,
  /** Suggestions read this many more profiles than asked for, to fill a page when one is dropped. */
  suggestionSpares: 3,
} as const;

/** Pending past its expiry reads as expired, before the sweeper has written it. */
export function effectiveState(m: MentorshipRecord, now = new Date().toISOString()): MentorshipState {
  return m.state === 'pending' && m.expiresAt <= now ? 'expired' : m.state;
}

export type MentorshipView = Omit<MentorshipRecord, 'declineNote'> & { declineNote?: string; feedback?: repo.Feedback[] };

function viewFor(m: MentorshipRecord): MentorshipView {
  return { ...m, state: effectiveState(m) };
}

/** The mentorship if the caller may see it: its two parties and the board; anyone else 404. */
async function visible(session: Session, rawId: string | undefined): Promise<MentorshipRecord> {
  const id = rawId && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(rawId) ? rawId : undefined;
  const m = id ? await repo.getMentorship(id) : undefined;
  if (!m) throw new NotFoundError();
  if (m.mentorId !== session.userId && m.menteeId !== session.userId && !session.isBoard) throw new NotFoundError();
  return m;
}

export async function get(session: Session, id: string | undefined): Promise<MentorshipView> {
  const m = await visible(session, id);
  const view = viewFor(m);
  const isParty = m.mentorId === session.userId || m.menteeId === session.userId;
  // Feedback is written for the board alone.
  if (session.isBoard && !isParty) return { ...view, feedback: await repo.listFeedback(m.id) };
  return view;
}

export async function list(
  session: Session,
  q: { as: 'mentor' | 'mentee'; state?: MentorshipState; limit: number; cursor?: string },
): Promise<Page<MentorshipView>> {
  const now = new Date().toISOString();
  const scope = `ms:${session.userId}:${q.as}:${q.state ?? ''}`;
  const opts = { limit: q.limit, cursor: q.cursor, scope, state: q.state, now };
  const page = q.as === 'mentor' ? await repo.listAsMentor(session.userId, opts) : await repo.listAsMentee(session.userId, opts);
  return { items: page.items.map((m) => viewFor(m)), nextCursor: page.nextCursor };
}

export async function listForBoard(q: { state?: MentorshipState; limit: number; cursor?: string }): Promise<Page<MentorshipView>> {
  const now = new Date().toISOString();
  const page = await repo.listAll({ limit: q.limit, cursor: q.cursor, scope: `ms:board:${q.state ?? ''}`, state: q.state, now });
  return { items: page.items.map((m) => viewFor(m)), nextCursor: page.nextCursor };
}

// ---------------------------------------------------------------- matching

const languageName = (() => {
  let names: Map<string, string> | undefined;
  return (code: string) => {
    names ??= new Map(languageList().map((l) => [l.code, l.label]));
    return names.get(code) ?? code;
  };
})();

export function menteeSide(m: MemberRecord): MenteeSide {
  const seeking = m.mentoring?.seeking;
  return {
    id: m.id,
    country: m.country,
    organization: m.organization,
    languages: m.languages,
    timezone: m.timezone,
    seeking: {
      topics: seeking?.topics ?? [],
      goals: seeking?.goals ?? m.goals ?? { shortTerm: '', mediumTerm: '', longTerm: '' },
      sameCountryOnly: seeking?.sameCountryOnly ?? false,
      outsideOrganizationOnly: seeking?.outsideOrganizationOnly ?? false,
    },
  };
}

export function mentorSide(m: MemberRecord, accepted: number, viewerId: string, partner = false): MentorSide {
  const shown = viewOf(m, { id: viewerId, isBoard: false }, partner);
  return {
    id: m.id,
    status: m.status,
    country: m.country,
    organization: m.organization,
    languages: m.languages,
    offering: m.mentoring?.offering ?? { active: false, capacity: 0, topics: [], languages: [] },
    accepted,
    visible: { id: m.id, country: shown.country, timezone: shown.timezone, languages: shown.languages },
  };
}

export type Suggestion = { mentor: Profile; score: number; reasons: MatchReason[] };

/**
 * Ranked mentor suggestions. Candidates come from the offer index (a bounded Query per topic she
 * seeks and per language she speaks, first by name), whose small mentor cards carry what ranking
 * needs, her accepted count included; so the cost does not grow with the network. Then the hard
 * filters, the score, a deterministic order, and the profiles of the few ranked first.
 *
 * Every read here is eventually consistent but hers: a ranking a moment old breaks no rule,
 * since asking (request) checks offer, capacity, blocks and the pair lock again in its transaction.
 */
export async function suggestions(session: Session, limit: number, caller?: MemberRecord): Promise<Suggestion[]> {
  // The route's guard has read her record already (`caller`); read it only when called without.
  const me = caller ?? (await getMember(session.userId));
  if (me?.status !== 'active') throw new ForbiddenError('Your membership is not active yet.', 'membership_not_active');
  const mentee = menteeSide(me);
  const partitions = [
    ...mentee.seeking.topics.map((t) => keys.facetPartition('offerTopic', t)),
    ...mentee.languages.map((l) => keys.facetPartition('offerLanguage', l.toLowerCase())),
  ];
  const pools = () => Promise.all(partitions.map((pk) => offerPool(pk, RULES.candidatesPerPartition)));
  const [pages, blocks, open] = await Promise.all([pools(), listBlockRelations(me.id), repo.openOfMentee(me.id)]);
  const skip = new Set([...blocks.all, ...open.filter((m) => effectiveState(m) !== 'expired').map((m) => m.mentorId)]);
  const first = await rankAndRead(me, mentee, pages, skip, limit);
  if (!first.stale) return first.shown;
  // A card shown differs from her profile as read now (this instance's pools are a moment old):
  // rank again from pools read now, so nothing she changed (a field hidden, her offer withdrawn)
  // shows through a card kept from before.
  forgetOfferPools();
  return (await rankAndRead(me, mentee, await pools(), skip, limit)).shown;
}

/**
 * Ranks the candidates of `pages` but those in `skip` (blocked either way, an open request), then
 * reads the profiles of the best few to show them as they stand. `stale` when a card ranked differs
 * from the card her profile makes now.
 */
async function rankAndRead(
  me: MemberRecord,
  mentee: MenteeSide,
  pages: repo.OfferEntry[][],
  skip: Set<string>,
  limit: number,
): Promise<{ shown: Suggestion[]; stale: boolean }> {
  const candidates = new Map<string, repo.OfferEntry>();
  for (const entry of pages.flat()) if (entry.card.id !== me.id) candidates.set(entry.card.id, entry);
  const mentors = await mentorSides([...candidates.values()]);
  const at = new Date();
  const ranked: (Omit<Suggestion, 'mentor'> & { mentorId: string; mentor: MentorSide })[] = [];
  for (const mentor of mentors) {
    if (skip.has(mentor.id)) continue;
    if (ineligibility(mentee, mentor)) continue;
    const { score, reasons } = scoreMatch(mentee, mentor, { at, languageName });
    ranked.push({ mentorId: mentor.id, mentor, score, reasons });
  }
  // The best `limit` are read with their profiles; a mentor suspended by a sanction (rare) keeps
  // her index entries and status, and is dropped here and replaced by the next best, up to a few
  // spares, so that the page is not left short.
  ranked.sort(byRank);
  const most = Math.min(ranked.length, limit + RULES.suggestionSpares);
  const shown: Suggestion[] = [];
  let stale = false;
  for (let from = 0; shown.length < limit && from < most; ) {
    const batch = ranked.slice(from, Math.min(most, from + limit - shown.length));
    from += batch.length;
    const profiles = await getMemberViews(
      batch.map((s) => s.mentorId),
      false,
    );
    for (const { mentor, score, reasons } of batch) {
      const profile = profiles.get(mentor.id);
      if (profile && !isDeepStrictEqual(mentorCard(profile), cardOf(mentor))) stale = true;
      // Gone, no longer active or suspended since the index was read: not suggested.
      if (profile?.status === 'active' && !suspendedNow(profile))
        shown.push({ mentor: viewOf(profile, { id: me.id, isBoard: false }), score, reasons });
    }
  }
  return { shown, stale };
}

/** The card a mentor was ranked from: her side of the match without the count kept beside it. */
const cardOf = ({ accepted: _accepted, ...card }: MentorSide): MentorCard => card;

/** Whether a sanction suspends her now: she keeps status `active`, but may not be asked or suggested. */
function suspendedNow(m: Pick<MemberView, 'id' | 'sanction'>, at = new Date().toISOString()): boolean {
  return m.sanction?.type === 'suspend' && m.sanction.until > at;
}

/**
 * Candidates as ranking sees them. An entry written before mentor cards existed (a whole profile)
 * is made into one, with its count read from STATS#MENTOR, until the backfill has run.
 */
async function mentorSides(entries: repo.OfferEntry[]): Promise<MentorSide[]> {
  const legacy = entries.flatMap((e) => (repo.holdsCard(e) ? [] : [e.card.id]));
  const stats = legacy.length ? (await repo.getStats({ mentor: legacy }, false)).mentor : new Map<string, repo.Stats>();
  return entries.map((e) =>
    repo.holdsCard(e) ? { ...e.card, accepted: e.accepted } : { ...mentorCard(e.card), accepted: stats.get(e.card.id)?.accepted ?? 0 },
  );
}

/**
 * Whether she may ask this member for mentoring now (a member's page offers it only then): the
 * same checks a request makes, read without writing. 404 for a member she cannot see.
 */
export async function availability(session: Session, rawMentorId: string | undefined): Promise<MentorAvailability> {
  const mentorId = memberIdOrNotFound(rawMentorId);
  const mentor = await getMember(mentorId);
  if (mentor?.status !== 'active') throw new NotFoundError();
  if (mentorId === session.userId) return { available: false, reason: 'self' };
  if (await blockedEitherWay(session.userId, mentorId)) throw new NotFoundError();
  const offering = mentor.mentoring?.offering;
  if (!offering?.active || offering.capacity <= 0 || suspendedNow(mentor)) return { available: false, reason: 'not_offering' };
  const openId = await repo.openMentorshipOfPair(mentorId, session.userId);
  const open = openId ? await repo.getMentorship(openId) : undefined;
  if (open && effectiveState(open) !== 'expired') return { available: false, reason: 'open_request', mentorshipId: open.id };
  const stats = await repo.getStats({ mentor: [mentorId] });
  if ((stats.mentor.get(mentorId)?.accepted ?? 0) >= offering.capacity) return { available: false, reason: 'at_capacity' };
  return { available: true };
}

// ---------------------------------------------------------------- requests

type CreateInput = { mentorId: string; message: string; goals: MentorshipRecord['goals'] };

/**
 * A mentee asks a mentor. One transaction: the mentorship, the pair lock (one open request per
 * pair), the mentee's pending count (at most 3), the mentor's offer and free capacity, the
 * expiry entry, the partner links and the mentor's notification.
 */
export async function request(session: Session, input: CreateInput, proposed?: { cohortId: string }): Promise<MentorshipView> {
  const mentorId = memberIdOrNotFound(input.mentorId);
  if (mentorId === session.userId)
    throw new ValidationError('You cannot ask yourself.', [{ path: 'mentorId', code: 'self_target', message: 'Choose another member.' }]);
  const [me, mentor] = await Promise.all([getMember(session.userId), getMember(mentorId)]);
  if (me?.status !== 'active') throw new ForbiddenError('Your membership is not active yet.', 'membership_not_active');
  if (mentor?.status !== 'active' || (await blockedEitherWay(me.id, mentorId))) throw new NotFoundError();
  await expireDueOf(me.id);
  const offering = mentor.mentoring?.offering;
  if (!offering?.active || offering.capacity <= 0 || suspendedNow(mentor))
    throw new ConflictError('not_offering', 'This member is not offering mentoring now.');
  const stats = await repo.getStats({ mentor: [mentorId] });
  if ((stats.mentor.get(mentorId)?.accepted ?? 0) >= offering.capacity)
    throw new ConflictError('at_capacity', 'This mentor has no free place now.');

  const now = new Date();
  const at = now.toISOString();
  const m: MentorshipRecord = {
    id: ulid(),
    mentorId,
    menteeId: me.id,
    state: 'pending',
    message: input.message,
    // A board proposal carries what she wrote she is seeking, so the mentor sees her goals.
    goals: proposed ? (me.mentoring?.seeking?.goals ?? me.goals ?? input.goals) : input.goals,
    ...(proposed ? { proposedBy: 'board' as const, cohortId: proposed.cohortId } : {}),
    createdAt: at,
    updatedAt: at,
    expiresAt: new Date(now.getTime() + RULES.expiryDays * 86_400_000).toISOString(),
    version: 1,
  };
  const items: TransactWriteItem[] = [
    repo.mentorshipPut(m, {}),
    repo.put({ ...keys.pairLock(mentorId, me.id), entity: 'pairLock', version: 1, mentorshipId: m.id }, 'attribute_not_exists(pk)'),
    repo.counterUpdate(keys.menteeStats(me.id), 'pending', 1, RULES.maxPendingPerMentee),
    repo.mentorOfferCheck(mentorId, offering.capacity, undefined, at),
    {
      ConditionCheck: {
        TableName: TABLE,
        Key: toAttr(keys.mentorStats(mentorId)),
        ConditionExpression: 'attribute_not_exists(accepted) OR accepted < :cap',
        ExpressionAttributeValues: values({ ':cap': offering.capacity }),
      },
    },
    repo.put({ ...keys.expiry(m.expiresAt, m.id), entity: 'expiry', version: 1, mentorshipId: m.id }),
    repo.put({ ...keys.partner(me.id, mentorId, m.id), entity: 'partner', version: 1 }),
    repo.put({ ...keys.partner(mentorId, me.id, m.id), entity: 'partner', version: 1 }),
    notificationPut(mentorId, 'mentorship.received', `/mentorships/${m.id}`, at),
    ...(proposed ? [notificationPut(me.id, 'mentorship.proposed', `/mentorships/${m.id}`, at)] : []),
  ];
  // Her status and the blocks either way were read above; held here too, so a suspension or a
  // block that lands meanwhile still stops the request (suggestions read neither consistently).
  const guardsAt = items.length;
  items.push(
    repo.activeMemberCheck(me.id),
    repo.absentCheck(keys.blockOut(me.id, mentorId)),
    repo.absentCheck(keys.blockIn(me.id, mentorId)),
    // Last, so the indexes above stay those the failures below are read by.
    counted('requests', at, 'requested'),
  );
  try {
    await repo.transact(items);
  } catch (e) {
    const failed = failedConditions(e);
    if (!failed) throw e;
    if (failed.includes(guardsAt + 1) || failed.includes(guardsAt + 2)) throw new NotFoundError();
    if (failed.includes(guardsAt)) throw new ForbiddenError('Your membership is not active yet.', 'membership_not_active');
    if (failed.includes(1)) throw new ConflictError('open_request_exists', 'You already have an open request with this mentor.');
    if (failed.includes(2))
      throw new ConflictError('too_many_pending', `You can have ${RULES.maxPendingPerMentee} requests waiting at once.`);
    if (failed.includes(4)) throw new ConflictError('at_capacity', 'This mentor has no free place now.');
    if (failed.includes(3)) throw new ConflictError('not_offering', 'This member is not offering mentoring now.');
    // Only the new record's own id clashed: nothing was written, and asking again makes a new one.
    if (failed.includes(0)) throw new UnavailableError();
    throw new ConflictError('request_clashed');
  }
  return viewFor(m);
}

/** The cleanup every transition out of an open state shares. */
function closeItems(m: MentorshipRecord, from: MentorshipState): TransactWriteItem[] {
  return [
    repo.del(keys.pairLock(m.mentorId, m.menteeId)),
    repo.del(keys.partner(m.menteeId, m.mentorId, m.id)),
    repo.del(keys.partner(m.mentorId, m.menteeId, m.id)),
    ...(from === 'pending'
      ? [repo.del(keys.expiry(m.expiresAt, m.id)), repo.counterUpdate(keys.menteeStats(m.menteeId), 'pending', -1)]
      : [repo.counterUpdate(keys.mentorStats(m.mentorId), 'accepted', -1), repo.counterUpdate(keys.menteeStats(m.menteeId), 'active', -1)]),
  ];
}

type Actor = 'mentor' | 'mentee' | 'either' | 'board';

/** Who may act: 404 when she cannot see it, 403 when she can see it but not do this. */
async function forAction(session: Session, id: string | undefined, actor: Actor): Promise<MentorshipRecord> {
  const m = await visible(session, id);
  const ok =
    actor === 'mentor'
      ? m.mentorId === session.userId
      : actor === 'mentee'
        ? m.menteeId === session.userId
        : actor === 'either'
          ? m.mentorId === session.userId || m.menteeId === session.userId
          : session.isBoard;
  if (!ok) throw new ForbiddenError('This is for the other party of the mentorship to do.', 'not_your_part');
  return m;
}

/** The reason a mentorship is not in one of these states, as listed in shared/error-codes.ts. */
const NOT_IN = {
  pending: 'not_pending',
  accepted: 'not_accepted',
  'pending,accepted': 'not_pending_or_accepted',
  'completed,ended': 'not_completed_or_ended',
} as const satisfies Record<string, ConflictReason>;

function mustBe(m: MentorshipRecord, ...states: ['pending'] | ['accepted'] | ['pending', 'accepted'] | ['completed', 'ended']) {
  const state = effectiveState(m);
  if (!(states as readonly MentorshipState[]).includes(state))
    throw new ConflictError(NOT_IN[states.join(',') as keyof typeof NOT_IN], `This mentorship is ${state}.`, { state });
}

/**
 * Runs a transition's transaction. A condition that failed is the caller's to explain; a
 * transaction that only collided with another one touching the same items is tried again, since
 * its conditions may well still hold.
 */
async function commit(items: TransactWriteItem[], onCancel: (failed: number[]) => never): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await repo.transact(items);
      return;
    } catch (e) {
      const failed = failedConditions(e);
      if (failed?.length) onCancel(failed);
      if (!isTransactionConflict(e) || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}

const stale = (): never => {
  throw new ConflictError('stale_state', 'This mentorship changed meanwhile. Reload and try again.');
};

/** Her record moved between its read and the transaction that counted in her offer facets: read it again. */
class MentorMoved extends Error {}
const MENTOR_ATTEMPTS = 5;

/**
 * The mentor accepts. The transaction moves the request to accepted only while it is pending and
 * unexpired, raises her accepted count only while it is below her capacity, and the mentee's
 * active count only while it is below the limit. However many accepts race, never more. Her offer
 * facets count the new mentorship in the same transaction (suggestions rank from them).
 */
export async function accept(session: Session, id: string | undefined): Promise<MentorshipView> {
  const m = await forAction(session, id, 'mentor');
  mustBe(m, 'pending');
  if (await blockedEitherWay(m.mentorId, m.menteeId)) await closeBlocked(m);
  const at = new Date().toISOString();
  const next: MentorshipRecord = { ...m, state: 'accepted', decidedAt: at, updatedAt: at, version: m.version + 1 };
  for (let attempt = 1; ; attempt++) {
    const mentor = await getMember(m.mentorId);
    // No place at all unless she is active and offering: then only her count's condition fails, not a retry.
    const capacity = mentor?.status === 'active' && mentor.mentoring?.offering?.active ? mentor.mentoring.offering.capacity : 0;
    const items = [
      repo.mentorshipPut(next, { expectedVersion: m.version, expectedState: 'pending', notExpiredAt: at }),
      repo.counterUpdate(keys.mentorStats(m.mentorId), 'accepted', 1, capacity),
      repo.mentorOfferCheck(m.mentorId, capacity, mentor?.version),
      repo.counterUpdate(keys.menteeStats(m.menteeId), 'active', 1, RULES.maxActivePerMentee, { field: 'pending', delta: -1 }),
      repo.del(keys.expiry(m.expiresAt, m.id)),
      repo.activeMemberCheck(m.menteeId),
      notificationPut(m.menteeId, 'mentorship.accepted', `/mentorships/${m.id}`, at),
      // A block either way that lands meanwhile stops it too.
      repo.absentCheck(keys.blockOut(m.mentorId, m.menteeId)),
      repo.absentCheck(keys.blockIn(m.mentorId, m.menteeId)),
    ];
    const facets = repo.offerFacetCounts(mentor, 1);
    const counts = [counted('requests', at, 'accepted', { ms: elapsed(m.createdAt, at) }), counted('mentorships', at, 'started')];
    try {
      await commit([...items, ...facets, ...counts], (failed) => {
        if (failed.includes(0)) return stale();
        // Only her record (or a facet it lists) failed, not her count: she edited her profile meanwhile.
        const moved = failed.some((i) => i >= items.length) || (failed.includes(2) && !failed.includes(1));
        if (moved && attempt < MENTOR_ATTEMPTS) throw new MentorMoved();
        if (failed.includes(1) || failed.includes(2))
          throw new ConflictError('at_capacity', 'You have no free place: raise your capacity or end a mentorship first.');
        if (failed.includes(3)) throw new ConflictError('mentee_at_limit', 'She already has the most mentorships she can hold.');
        if (failed.includes(5)) throw new ConflictError('mentee_not_active', 'This member is not active now.');
        if (failed.includes(7) || failed.includes(8)) throw new Blocked();
        return stale();
      });
      break;
    } catch (e) {
      // Withdrawn only for a block that is really there now, not for a check that merely clashed.
      if (e instanceof Blocked) {
        if (await blockedEitherWay(m.mentorId, m.menteeId)) await closeBlocked(m);
        stale();
      }
      if (!(e instanceof MentorMoved)) throw e;
    }
  }
  await withdrawOthersIfAtLimit(m.menteeId);
  return viewFor(next);
}

class Blocked extends Error {}

/**
 * A request between two members one of whom has since blocked the other can never be accepted:
 * it is withdrawn, quietly (a block is never announced to the blocked side), and the mentor is
 * told only that it is no longer pending.
 */
async function closeBlocked(m: MentorshipRecord): Promise<never> {
  const closed = await transition(m, 'withdrawn', { closedBy: 'system', closeReason: 'unavailable' }, []).catch((e: unknown) => {
    if (!(e instanceof ConflictError)) throw e;
    return undefined;
  });
  throw new ConflictError('not_pending', `This mentorship is ${closed?.state ?? 'no longer pending'}.`, {
    state: closed?.state ?? 'withdrawn',
  });
}

/** When a mentee holds her limit of accepted mentorships, her other pending requests are withdrawn. */
async function withdrawOthersIfAtLimit(menteeId: string): Promise<void> {
  const stats = await repo.getStats({ mentee: [menteeId] });
  if ((stats.mentee.get(menteeId)?.active ?? 0) < RULES.maxActivePerMentee) return;
  for (const listed of (await repo.openOfMentee(menteeId)).filter((o) => o.state === 'pending')) {
    // The index may lag; the record itself is read consistently before it is changed.
    const m = await repo.getMentorship(listed.id);
    if (m?.state !== 'pending') continue;
    await transition(m, 'withdrawn', { closedBy: 'system', closeReason: 'mentee_at_limit' }, [
      notificationPut(m.mentorId, 'mentorship.withdrawn', `/mentorships/${m.id}`, new Date().toISOString()),
    ]).catch((e: unknown) => {
      // Already moved on (declined, expired, accepted and refused): nothing to withdraw.
      if (!(e instanceof ConflictError)) throw e;
    });
  }
}

/**
 * Moves an open mentorship to a closed state with its cleanup, conditioned on its version. Ending
 * an accepted one frees the mentor a place: her offer facets count one fewer in the same
 * transaction, with a check that her record (which lists those facets) did not move meanwhile.
 */
async function transition(
  m: MentorshipRecord,
  to: MentorshipState,
  fields: Partial<MentorshipRecord>,
  extra: TransactWriteItem[],
): Promise<MentorshipRecord> {
  const from = m.state;
  const at = new Date().toISOString();
  const next: MentorshipRecord = { ...m, ...fields, state: to, updatedAt: at, version: m.version + 1 };
  const items = [
    repo.mentorshipPut(next, { expectedVersion: m.version, expectedState: from }),
    ...closeItems(m, from),
    ...extra,
    ...outcomeCounts(m, next, at),
  ];
  if (from !== 'accepted') {
    await commit(items, stale);
    return next;
  }
  for (let attempt = 1; ; attempt++) {
    const mentor = await getMember(m.mentorId);
    const index = [repo.memberVersionCheck(m.mentorId, mentor?.version), ...repo.offerFacetCounts(mentor, -1)];
    try {
      await commit([...items, ...index], (failed) => {
        if (attempt < MENTOR_ATTEMPTS && failed.every((i) => i >= items.length)) throw new MentorMoved();
        return stale();
      });
      // An accepted mentorship that ends takes its agreed meetings out of both agendas.
      await cancelMeetings(m, at);
      return next;
    } catch (e) {
      if (!(e instanceof MentorMoved)) throw e;
    }
  }
}

/**
 * The insights' counts of a transition: a request's outcome (and, when the mentor answered, how
 * long she took), or an accepted mentorship that ended. A request the board suspended counts
 * as neither: it is no answer.
 */
function outcomeCounts(m: MentorshipRecord, next: MentorshipRecord, at: string): TransactWriteItem[] {
  if (m.state === 'accepted') return [counted('mentorships', at, 'ended')];
  if (next.state === 'declined')
    return [counted('requests', at, `declined|${next.declineReason ?? 'other'}`, { ms: elapsed(m.createdAt, at) })];
  if (next.state === 'expired' || next.state === 'withdrawn') return [counted('requests', at, next.state)];
  return [];
}

export async function decline(
  session: Session,
  id: string | undefined,
  input: { reason: 'no_time' | 'not_my_expertise' | 'other'; note?: string },
): Promise<MentorshipView> {
  const m = await forAction(session, id, 'mentor');
  mustBe(m, 'pending');
  const at = new Date().toISOString();
  const next = await transition(m, 'declined', { decidedAt: at, declineReason: input.reason, declineNote: input.note }, [
    notificationPut(m.menteeId, 'mentorship.declined', `/mentorships/${m.id}`, at),
  ]);
  return viewFor(next);
}

export async function withdraw(session: Session, id: string | undefined): Promise<MentorshipView> {
  const m = await forAction(session, id, 'mentee');
  mustBe(m, 'pending');
  const next = await transition(m, 'withdrawn', { closedBy: session.userId }, [
    notificationPut(m.mentorId, 'mentorship.withdrawn', `/mentorships/${m.id}`, new Date().toISOString()),
  ]);
  return viewFor(next);
}

export async function close(session: Session, id: string | undefined, to: 'completed' | 'ended'): Promise<MentorshipView> {
  const m = await forAction(session, id, 'either');
  mustBe(m, 'accepted');
  const other = m.mentorId === session.userId ? m.menteeId : m.mentorId;
  const next = await transition(m, to, { closedBy: session.userId }, [
    notificationPut(other, `mentorship.${to}`, `/mentorships/${m.id}`, new Date().toISOString()),
  ]);
  return viewFor(next);
}

/** The board suspends an open mentorship; both parties are told, and the audit log records it. */
export async function suspend(session: Session, id: string | undefined, reason: string): Promise<MentorshipView> {
  const m = await forAction(session, id, 'board');
  if (m.mentorId === session.userId || m.menteeId === session.userId) {
    throw new ForbiddenError('Another board member acts on a mentorship you are part of.', 'own_mentorship');
  }
  mustBe(m, 'pending', 'accepted');
  for (let attempt = 0; attempt < AUDIT_ATTEMPTS; attempt++) {
    const current = attempt === 0 ? m : await repo.getMentorship(m.id);
    if (!current) throw new NotFoundError();
    mustBe(current, 'pending', 'accepted');
    const at = new Date().toISOString();
    const audit = auditAppend(
      await readHead(),
      {
        actorId: session.userId,
        action: 'mentorship.suspend',
        targetType: 'mentorship',
        targetId: m.id,
        reason,
        before: { state: current.state },
        after: { state: 'suspended' },
      },
      at,
    );
    try {
      const next = await transition(current, 'suspended', { closedBy: session.userId, closeReason: reason }, [
        ...audit,
        notificationPut(m.mentorId, 'mentorship.suspended', `/mentorships/${m.id}`, at),
        notificationPut(m.menteeId, 'mentorship.suspended', `/mentorships/${m.id}`, at),
      ]);
      return viewFor(next);
    } catch (e) {
      // A moved audit head is retried; a moved mentorship is re-read and judged again.
      if (!(e instanceof ConflictError)) throw e;
      await auditBackoff(attempt);
    }
  }
  throw new UnavailableError();
}

// ---------------------------------------------------------------- expiry

/** Writes `expired` on one due request; a request that moved on meanwhile is left alone. */
async function expireOne(id: string): Promise<boolean> {
  const m = await repo.getMentorship(id);
  if (!m || effectiveState(m) !== 'expired' || m.state !== 'pending') return false;
  const at = new Date().toISOString();
  try {
    await transition(m, 'expired', {}, [
      notificationPut(m.menteeId, 'mentorship.expired', `/mentorships/${m.id}`, at),
      notificationPut(m.mentorId, 'mentorship.expired', `/mentorships/${m.id}`, at),
    ]);
    return true;
  } catch (e) {
    if (e instanceof ConflictError) return false;
    throw e;
  }
}

/** Expires a mentee's own overdue requests before she asks again, so they stop counting. */
async function expireDueOf(menteeId: string): Promise<void> {
  const now = new Date().toISOString();
  for (const m of await repo.openOfMentee(menteeId)) if (m.state === 'pending' && m.expiresAt <= now) await expireOne(m.id);
}

/** The sweeper: expires every overdue request, a page at a time. Returns how many it expired. */
export async function sweepExpired(maxBatches = 20): Promise<number> {
  let expired = 0;
  for (let i = 0; i < maxBatches; i++) {
    const due = await repo.dueForExpiry(new Date().toISOString(), 25);
    if (!due.length) break;
    for (const id of due) if (await expireOne(id)) expired++;
    if (due.length < 25) break;
  }
  return expired;
}

// ---------------------------------------------------------------- check-ins and feedback

/** The latest calendar day anywhere on Earth (UTC+14): a meeting on a later day has not happened yet. */
function latestToday(now = Date.now()): string {
  return new Date(now + 14 * 3_600_000).toISOString().slice(0, 10);
}

function notInFuture(date: string): void {
  if (date > latestToday())
    throw new ValidationError('A check-in records a meeting that has happened.', [
      { path: 'date', code: 'date_in_future', message: 'The meeting date cannot be in the future.' },
    ]);
}

/** The mentorship, when the caller is one of its two members (the board: 403, anyone else: 404). */
async function asParty(session: Session, id: string | undefined): Promise<MentorshipRecord> {
  const m = await visible(session, id);
  if (m.mentorId !== session.userId && m.menteeId !== session.userId)
    throw new ForbiddenError('Check-ins are private to the two of them.', 'parties_only');
  return m;
}

export async function addCheckIn(
  session: Session,
  id: string | undefined,
  input: { date: string; notes: string; nextSteps: string; goalId?: string },
): Promise<repo.CheckIn> {
  const m = await asParty(session, id);
  mustBe(m, 'accepted');
  notInFuture(input.date);
  const c: repo.CheckIn = {
    id: ulid(),
    mentorshipId: m.id,
    authorId: session.userId,
    ...input,
    ...(input.goalId ? { menteeId: m.menteeId } : {}),
    createdAt: new Date().toISOString(),
    version: 1,
  };
  // A goal only of a plan she shares with this mentorship, checked in the write itself.
  const goal = input.goalId ? [repo.planGoalCheck(m.menteeId, m.id, input.goalId)] : [];
  try {
    await repo.transact([
      repo.checkInPut(c),
      repo.activeMemberCheck(session.userId),
      ...goal,
      counted('checkins', c.createdAt, 'checkins'),
    ]);
  } catch (e) {
    const failed = failedConditions(e);
    if (failed?.includes(2))
      throw new ValidationError('The goal is not in a plan shared with this mentorship.', [
        { path: 'goalId', code: 'goal_not_shared', message: 'Choose a goal of the plan shared with this mentorship.' },
      ]);
    // Only a clash of fresh ids fails the first condition: nothing was written, try again.
    if (failed?.includes(0)) throw new UnavailableError();
    // She was suspended (or left) between the guard's read and this write.
    if (failed?.includes(1)) throw new ForbiddenError('Your membership is not active.', 'membership_not_active');
    throw e;
  }
  return c;
}

/** A check-in its author may change: 404 when it is not on this mentorship, 403 for the other member. */
async function ownCheckIn(session: Session, id: string | undefined, rawCheckInId: string | undefined) {
  const m = await asParty(session, id);
  const checkInId = rawCheckInId && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(rawCheckInId) ? rawCheckInId : undefined;
  const c = checkInId ? await repo.getCheckIn(m.id, checkInId) : undefined;
  if (!c) throw new NotFoundError();
  if (c.authorId !== session.userId) throw new ForbiddenError('Only who wrote a check-in may change it.', 'not_author');
  mustBe(m, 'accepted');
  return c;
}

const staleCheckIn = (): never => {
  throw new ConflictError('stale_version', 'This check-in changed meanwhile. Reload and try again.');
};

export async function editCheckIn(
  session: Session,
  id: string | undefined,
  checkInId: string | undefined,
  input: { date?: string; notes?: string; nextSteps?: string; version: number },
): Promise<repo.CheckIn> {
  const c = await ownCheckIn(session, id, checkInId);
  if (c.version !== input.version) staleCheckIn();
  const { version: _v, ...changes } = input;
  const next: repo.CheckIn = { ...c, ...changes, updatedAt: new Date().toISOString(), version: c.version + 1 };
  notInFuture(next.date);
  await commit([repo.checkInPut(next, c.version), repo.activeMemberCheck(session.userId)], (failed) => {
    if (failed.includes(1)) throw new ForbiddenError('Your membership does not allow this now.', 'membership_not_active');
    return staleCheckIn();
  });
  return next;
}

export async function deleteCheckIn(
  session: Session,
  id: string | undefined,
  checkInId: string | undefined,
  version: number,
): Promise<void> {
  const c = await ownCheckIn(session, id, checkInId);
  if (c.version !== version) staleCheckIn();
  await commit([repo.checkInDelete(c, version), repo.activeMemberCheck(session.userId)], (failed) => {
    if (failed.includes(1)) throw new ForbiddenError('Your membership does not allow this now.', 'membership_not_active');
    return staleCheckIn();
  });
}

export async function listCheckIns(session: Session, id: string | undefined, q: { limit: number; cursor?: string }) {
  const m = await asParty(session, id);
  return repo.listCheckIns(m.id, { ...q, scope: `checkins:${m.id}` });
}

export async function addFeedback(
  session: Session,
  id: string | undefined,
  input: { rating: number; text: string },
): Promise<repo.Feedback> {
  const m = await forAction(session, id, 'either');
  mustBe(m, 'completed', 'ended');
  const f: repo.Feedback = {
    mentorshipId: m.id,
    memberId: session.userId,
    role: m.mentorId === session.userId ? 'mentor' : 'mentee',
    mentorId: m.mentorId,
    menteeId: m.menteeId,
    state: m.state === 'completed' ? 'completed' : 'ended',
    ...input,
    at: new Date().toISOString(),
  };
  try {
    await repo.transact([repo.feedbackPut(f), counted('feedback', f.at, `rating|${f.rating}`)]);
  } catch (e) {
    if (failedConditions(e)?.length) throw new ConflictError('feedback_given', 'You have already sent your feedback.');
    throw e;
  }
  return f;
}

/**
 * The board's list of every feedback given at the end of a mentorship, newest first. Written for
 * the board alone: a board member who was a party to a mentorship does not read its feedback here.
 */
export async function listFeedbackForBoard(session: Session, q: { limit: number; cursor?: string }): Promise<Page<repo.Feedback>> {
  const page = await repo.listAllFeedback({ ...q, scope: 'feedback:board' });
  const mine = (f: repo.Feedback) => f.mentorId === session.userId || f.menteeId === session.userId;
  return { items: page.items.filter((f) => !mine(f)), nextCursor: page.nextCursor };
}

export type { Ineligible };

/** What the erased member wrote on a mentorship goes; the other side sees a former member. */
function scrubbed(m: MentorshipRecord, memberId: string): Partial<MentorshipRecord> {
  return m.menteeId === memberId
    ? { erased: 'mentee', message: '', goals: { shortTerm: '', mediumTerm: '', longTerm: '' } }
    : { erased: 'mentor', declineNote: undefined };
}

/** Deletes the check-ins and the feedback she wrote on one mentorship; the other member's stay. */
async function deleteWordsOf(mentorshipId: string, memberId: string): Promise<void> {
  await repo.transact([repo.del(keys.feedback(mentorshipId, memberId))]);
  let cursor: string | undefined;
  do {
    const page = await repo.listCheckIns(mentorshipId, { limit: 50, cursor, scope: `erase:${memberId}:${mentorshipId}` });
    const hers = page.items.filter((c) => c.authorId === memberId).map((c) => repo.del(keys.checkIn(mentorshipId, c.id)));
    for (let i = 0; i < hers.length; i += 25) await repo.transact(hers.slice(i, i + 25));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * Before an account is erased, every mentorship she was part of loses what she wrote (her request
 * message and goals, her decline note, her check-ins and feedback) and names her a former member; her open ones
 * end: pending requests are withdrawn (or declined, when she was asked) and accepted ones ended,
 * each with the other party told, so no one waits on a member who is gone and every counter and
 * pair lock is released.
 */
export async function closeAllOf(memberId: string): Promise<void> {
  const now = new Date().toISOString();
  for (const list of [repo.listAsMentor, repo.listAsMentee]) {
    let cursor: string | undefined;
    do {
      const scope = `erase:${memberId}`;
      const page = await list(memberId, { limit: 50, cursor, scope, now });
      for (const listed of page.items) await closeAndScrub(listed.id, memberId, now);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
}

async function closeAndScrub(id: string, memberId: string, now: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const m = await repo.getMentorship(id);
    if (!m) return;
    try {
      if (m.state === 'pending' || m.state === 'accepted') {
        const to: MentorshipState = m.state === 'accepted' ? 'ended' : m.mentorId === memberId ? 'declined' : 'withdrawn';
        const other = m.mentorId === memberId ? m.menteeId : m.mentorId;
        await transition(m, to, { ...scrubbed(m, memberId), closedBy: 'former member', closeReason: 'account_erased' }, [
          notificationPut(other, `mentorship.${to}`, `/mentorships/${m.id}`, now),
        ]);
      } else {
        const next: MentorshipRecord = { ...m, ...scrubbed(m, memberId), updatedAt: now, version: m.version + 1 };
        await commit([repo.mentorshipPut(next, { expectedVersion: m.version })], stale);
      }
      await deleteWordsOf(m.id, memberId);
      return;
    } catch (e) {
      // It moved meanwhile (accepted, expired, …): read it again and close what it is now.
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new UnavailableError();
}
