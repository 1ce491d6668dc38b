import { type MatchReason, capacityReason, ineligibility, scoreMatch } from '../../shared/matching';
import { languages as languageList } from '../../shared/meta';
import { TABLE, failedConditions, toAttr, values } from '../lib/db';
import { ConflictError, type ErrorDetail, ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { keys } from '../lib/keys';
import type { Session } from '../lib/session';
import { type MemberRecord, getMembers, listBlockRelations } from '../members/repository';
import { optimiseCohort } from './optimiser';
import * as repo from './repository';
import type { CohortRecord } from './repository';
import { RULES, effectiveState, menteeSide, mentorSide, request } from './service';

/**
 * Whole-cohort matching for the board: every eligible pair scored as in suggestions, then the
 * exact optimiser picks the assignment with the highest total score within every mentor's free
 * places. The board sees each pair's score and reasons and why anyone is left out, may adjust
 * the pairs, and publishes them as pending requests marked "proposed by the board".
 */

const languageName = (code: string) => languageList().find((l) => l.code === code)?.label ?? code;

/** A cohort as the board sees it: without the lease a running publish holds. */
type Cohort = Omit<CohortRecord, 'publishing'>;

/** Why a pair cannot be made: the English for the board's draft, and a stable code for the app. */
type PairInfo = { score: number; reasons: MatchReason[] } | { why: string; code: string };

/** Runs `fn` over `items` with at most `n` at once (each mentee's reads are a few queries). */
async function inBatches<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += n) out.push(...(await Promise.all(items.slice(i, i + n).map(fn))));
  return out;
}

/** Everything needed to judge every pair of a cohort, read once. */
async function evaluate(menteeIds: string[], mentorIds: string[]) {
  const members = await getMembers([...menteeIds, ...mentorIds]);
  const stats = await repo.getStats({ mentor: mentorIds, mentee: menteeIds });
  const perMentee = new Map(
    await inBatches(menteeIds, 10, async (id) => {
      const [blocks, open] = await Promise.all([listBlockRelations(id), repo.openOfMentee(id)]);
      const withOpen = new Set(open.filter((m) => effectiveState(m) !== 'expired').map((m) => m.mentorId));
      return [id, { blocks: blocks.all, withOpen }] as const;
    }),
  );
  const at = new Date();
  const menteeProblem = new Map<string, string>();
  const menteeProblemCode = new Map<string, string>();
  const problem = (id: string, code: string, why: string) => {
    menteeProblem.set(id, why);
    menteeProblemCode.set(id, code);
  };
  for (const id of menteeIds) {
    const m = members.get(id);
    const s = stats.mentee.get(id);
    if (m?.status !== 'active') problem(id, 'mentee_not_active', 'not an active member');
    else if ((s?.active ?? 0) >= RULES.maxActivePerMentee) problem(id, 'mentee_at_limit', 'already holds the most mentorships she can');
    else if ((s?.pending ?? 0) >= RULES.maxPendingPerMentee) problem(id, 'too_many_pending', 'already has the most requests waiting');
  }
  const slots = mentorIds.map((id) => {
    const m = members.get(id);
    const offering = m?.status === 'active' ? m.mentoring?.offering : undefined;
    const free = offering?.active ? Math.max(0, offering.capacity - (stats.mentor.get(id)?.accepted ?? 0)) : 0;
    return { id, slots: free };
  });
  const info = (menteeId: string, mentorId: string): PairInfo => {
    const why = menteeProblem.get(menteeId);
    if (why) return { why, code: menteeProblemCode.get(menteeId) ?? 'mentee_not_active' };
    const mentee = members.get(menteeId) as MemberRecord;
    const mentor = members.get(mentorId);
    if (!mentor) return { why: 'mentor not found', code: 'mentor_not_found' };
    const extra = perMentee.get(menteeId);
    if (extra?.blocks.has(mentorId)) return { why: 'blocked', code: 'blocked' };
    if (extra?.withOpen.has(mentorId)) return { why: 'already has an open request with this mentor', code: 'open_request_exists' };
    const side = mentorSide(mentor, stats.mentor.get(mentorId)?.accepted ?? 0, menteeId);
    const bad = ineligibility(menteeSide(mentee), side);
    if (bad) return { why: bad.replace(/_/g, ' '), code: bad };
    return scoreMatch(menteeSide(mentee), side, { at, languageName });
  };
  return { info, slots, menteeProblem };
}

/**
 * Each pair's "has room for N more" counts the places the draft's earlier pairs already take from
 * the same mentor, so that the board does not read "room for 2" on a mentor's second mentee of two.
 */
function countPlacements<P extends { mentorId: string; reasons: MatchReason[] }>(pairs: P[]): P[] {
  const placed = new Map<string, number>();
  return pairs.map((p) => {
    const before = placed.get(p.mentorId) ?? 0;
    placed.set(p.mentorId, before + 1);
    if (!before) return p;
    return {
      ...p,
      reasons: p.reasons.map((r) => (r.code === 'capacity' && r.free !== undefined ? capacityReason(Math.max(0, r.free - before)) : r)),
    };
  });
}

function unassignedReason(menteeId: string, mentorIds: string[], info: (a: string, b: string) => PairInfo, problem?: string): string {
  if (problem) return problem;
  const whys = mentorIds.map((m) => info(menteeId, m)).flatMap((i) => ('why' in i ? [i.why] : []));
  if (whys.length === mentorIds.length) {
    const counts = new Map<string, number>();
    for (const w of whys) counts.set(w, (counts.get(w) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'no eligible mentor';
    return `no eligible mentor in this cohort (mostly: ${top})`;
  }
  return 'the mentors she could have were better used for others, or had no free place';
}

export async function createCohort(session: Session, input: { menteeIds: string[]; mentorIds: string[] }): Promise<Cohort> {
  const menteeIds = [...new Set(input.menteeIds)];
  const mentorIds = [...new Set(input.mentorIds)];
  const { info, slots, menteeProblem } = await evaluate(menteeIds, mentorIds);
  const scored = new Map<string, PairInfo>();
  const pairInfo = (a: string, b: string) => {
    const k = `${a}|${b}`;
    if (!scored.has(k)) scored.set(k, info(a, b));
    return scored.get(k) as PairInfo;
  };
  const result = optimiseCohort({
    mentees: menteeIds,
    mentors: slots,
    score: (a, b) => {
      const i = pairInfo(a, b);
      return 'why' in i ? null : i.score;
    },
  });
  const cohort: CohortRecord = {
    id: ulid(),
    state: 'draft',
    createdBy: session.userId,
    createdAt: new Date().toISOString(),
    menteeIds,
    mentorIds,
    pairs: countPlacements(
      result.pairs.map((p) => {
        const i = pairInfo(p.menteeId, p.mentorId);
        return { ...p, reasons: 'why' in i ? [] : i.reasons };
      }),
    ),
    unassigned: result.unassigned.map((id) => ({ menteeId: id, reason: unassignedReason(id, mentorIds, pairInfo, menteeProblem.get(id)) })),
    totalScore: Math.round(result.totalScore * 100) / 100,
    version: 1,
  };
  try {
    await repo.transact([repo.put({ ...keys.cohort(cohort.id), entity: 'cohort', ...cohort }, 'attribute_not_exists(pk)')]);
  } catch (e) {
    // Only a clash of two fresh ids: nothing was written, and drafting again makes a new one.
    if (failedConditions(e)?.length) throw new UnavailableError();
    throw e;
  }
  return cohort;
}

export async function getCohort(rawId: string | undefined): Promise<Cohort> {
  const id = rawId && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(rawId) ? rawId : undefined;
  const c = id ? await repo.getCohort(id) : undefined;
  if (!c) throw new NotFoundError();
  const { publishing: _lease, ...cohort } = c;
  return cohort;
}

/** The board's adjustment: the pairs she wants, each checked and scored again. */
export async function adjustCohort(
  rawId: string | undefined,
  input: { pairs: { menteeId: string; mentorId: string }[]; version: number },
): Promise<Cohort> {
  const c = await getCohort(rawId);
  if (c.state !== 'draft') throw new ConflictError('published', 'This cohort has been published.');
  const { info, slots } = await evaluate(c.menteeIds, c.mentorIds);
  const left = new Map(slots.map((s) => [s.id, s.slots]));
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  const pairs: CohortRecord['pairs'] = [];
  input.pairs.forEach((p, i) => {
    if (!c.menteeIds.includes(p.menteeId) || !c.mentorIds.includes(p.mentorId))
      details.push({ path: `pairs.${i}`, code: 'not_in_cohort', message: 'Not in this cohort.' });
    else if (seen.has(p.menteeId)) details.push({ path: `pairs.${i}`, code: 'paired_twice', message: 'This mentee is paired twice.' });
    else if ((left.get(p.mentorId) ?? 0) <= 0)
      details.push({ path: `pairs.${i}`, code: 'no_free_place', message: 'This mentor has no free place left.' });
    else {
      const pi = info(p.menteeId, p.mentorId);
      if ('why' in pi)
        details.push({ path: `pairs.${i}`, code: 'not_eligible', message: `Not eligible: ${pi.why}.`, params: { reason: pi.code } });
      else {
        pairs.push({ ...p, score: pi.score, reasons: pi.reasons });
        left.set(p.mentorId, (left.get(p.mentorId) ?? 0) - 1);
      }
    }
    seen.add(p.menteeId);
  });
  if (details.length) throw new ValidationError('Some pairs cannot be made.', details);
  const next: Cohort = {
    ...c,
    pairs: countPlacements(pairs),
    unassigned: c.menteeIds.filter((id) => !seen.has(id)).map((id) => ({ menteeId: id, reason: 'left unassigned by the board' })),
    totalScore: Math.round(pairs.reduce((s, p) => s + p.score, 0) * 100) / 100,
    version: c.version + 1,
  };
  await saveCohort(next, input.version);
  return next;
}

async function saveCohort(c: CohortRecord, expectedVersion: number) {
  try {
    await repo.transact([
      {
        Put: {
          TableName: TABLE,
          Item: toAttr({ ...keys.cohort(c.id), entity: 'cohort', ...c }),
          // Not while a publish holds it: the pairs it is publishing stay the pairs it read.
          ConditionExpression: 'version = :v AND #state = :draft AND attribute_not_exists(publishing)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: values({ ':v': expectedVersion, ':draft': 'draft' }),
        },
      },
    ]);
  } catch (e) {
    if (failedConditions(e)?.length)
      throw new ConflictError('stale_version', 'The cohort changed meanwhile (or was published). Reload it.');
    throw e;
  }
}

/** How long one publish may hold a draft before another may take it over and finish it. */
const PUBLISH_LEASE_MS = 60_000;
/** How long a publish that found another one running waits for its outcome. */
const PUBLISH_WAIT_MS = 15_000;

type Published = { created: string[]; skipped: { menteeId: string; mentorId: string; reason: string }[] };

const outcome = (c: CohortRecord): Published => ({ created: c.published?.created ?? [], skipped: c.published?.skipped ?? [] });

/** Waits for the publish another call is running, and answers with its outcome. */
async function publishedMeanwhile(id: string): Promise<Published> {
  const until = Date.now() + PUBLISH_WAIT_MS;
  for (let wait = 50; Date.now() < until; wait = Math.min(wait * 2, 500)) {
    const c = await repo.getCohort(id);
    if (c?.state === 'published') return outcome(c);
    if (!c?.publishing || c.publishing.until < new Date().toISOString()) break;
    await new Promise((r) => setTimeout(r, wait));
  }
  throw new ConflictError('publish_in_progress', 'This cohort is being published. Reload it in a moment.');
}

/**
 * Publishes the draft: each pair becomes a pending request proposed by the board, unless it became
 * ineligible. Idempotent and told truthfully under any concurrency: one call holds a lease while it
 * creates the requests; a call that finds the cohort published, or being published, answers with
 * that publish's outcome and creates nothing. A publish that failed half way is finished by the
 * next one once its lease has run out: a request this cohort already made is counted as created,
 * never made twice (the pair lock allows one open request per pair).
 */
export async function publishCohort(rawId: string | undefined): Promise<Published> {
  const { id } = await getCohort(rawId);
  const token = ulid();
  let c: CohortRecord | undefined;
  for (let attempt = 0; !c; attempt++) {
    const current = await repo.getCohort(id);
    if (!current) throw new NotFoundError();
    if (current.state === 'published') return outcome(current);
    const now = Date.now();
    if (current.publishing && current.publishing.until >= new Date(now).toISOString()) return publishedMeanwhile(id);
    // The lease is taken on the version read, so the pairs published are the pairs read.
    const until = new Date(now + PUBLISH_LEASE_MS).toISOString();
    if (await repo.claimCohortPublish(id, token, current.version, new Date(now).toISOString(), until)) c = current;
    else if (attempt >= 4) return publishedMeanwhile(id);
  }
  try {
    return await publishPairs(c, token);
  } catch (e) {
    // Give the lease back at once, so that publishing again finishes the change now rather than
    // when the lease runs out (if even this fails, the lease simply expires).
    await repo.releaseCohortPublish(c.id, token).catch(() => undefined);
    throw e;
  }
}

async function publishPairs(c: CohortRecord, token: string): Promise<Published> {
  const created: string[] = [];
  const skipped: Published['skipped'] = [];
  for (const p of c.pairs) {
    const mentee = { userId: p.menteeId, email: '', groups: [], isBoard: false };
    try {
      const m = await request(
        mentee,
        {
          mentorId: p.mentorId,
          message: 'Proposed by the advisory board as part of a mentoring cohort.',
          goals: { shortTerm: '', mediumTerm: '', longTerm: '' },
        },
        { cohortId: c.id },
      );
      created.push(m.id);
    } catch (e) {
      if (!(e instanceof ConflictError || e instanceof NotFoundError || e instanceof ValidationError || e instanceof ForbiddenError))
        throw e;
      const earlier = e instanceof ConflictError && e.reason === 'open_request_exists' ? await madeByThisCohort(c.id, p) : undefined;
      if (earlier) created.push(earlier);
      else skipped.push({ menteeId: p.menteeId, mentorId: p.mentorId, reason: e instanceof ConflictError ? e.reason : e.message });
    }
  }
  if (!(await repo.finishCohortPublish(c.id, token, { created, skipped, at: new Date().toISOString() }))) return publishedMeanwhile(c.id);
  return { created, skipped };
}

/** The open request of this pair, when this cohort made it (by an earlier, unfinished publish). */
async function madeByThisCohort(cohortId: string, p: { menteeId: string; mentorId: string }): Promise<string | undefined> {
  const id = await repo.openMentorshipOfPair(p.mentorId, p.menteeId);
  const m = id ? await repo.getMentorship(id) : undefined;
  return m?.cohortId === cohortId ? m.id : undefined;
}
