import type { ErrorDetail } from '../../shared/error-codes';
import { PLAN_LIMITS, type Plan, type PlanInput, goalsFromPlan, goalsFromProfile, sameGoals } from '../../shared/plan-schemas';
import { failedConditions, isTransactionConflict } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '../lib/errors';
import { ulid } from '../lib/ids';
import type { Session } from '../lib/session';
import { type MemberRecord, getMember } from '../members/repository';
import * as repo from './repository';
import type { LinkedCheckIn, MentorshipLink, PlanRecord } from './repository';

/*
 * The rules of the personal development plan (issue 12). Private by default; she shares it whole
 * with the board and/or with her mentor in any accepted mentorship of hers, and a mentorship's
 * sharing lasts only while that mentorship is accepted: every read checks its state then.
 */

const MENTORSHIP_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Member ids are Cognito subs (as members/service.ts checks; not imported, to keep its weight out of this function). */
const MEMBER_ID = /^[A-Za-z0-9-]{1,64}$/;
const WRITE_ATTEMPTS = 3;

const emptyPlan = (memberId: string): PlanRecord => ({
  memberId,
  vision: '',
  goals: [],
  strengths: [],
  growth: [],
  reflections: [],
  sharing: { board: false, mentorships: [] },
  goalIds: [],
  createdAt: '',
  updatedAt: '',
  version: 0,
});

/** Whether the member record's goals (both places matching reads) already say what the plan does. */
function inStep(m: MemberRecord, plan: PlanRecord): boolean {
  const derived = goalsFromPlan(plan.goals);
  return sameGoals(m.goals, derived) && (m.mentoring?.seeking === undefined || sameGoals(m.mentoring.seeking.goals, derived));
}

/**
 * Writes `next` over the plan read at `expected`, with the profile's goals kept in step in the
 * same transaction. Returns false when the plan moved meanwhile (the caller decides: a 409 for
 * her PUT, a re-read for a migration). A member record that moved is read again and retried.
 */
async function commit(member: MemberRecord, next: PlanRecord, expected: number): Promise<boolean> {
  let m = member;
  for (let attempt = 1; ; attempt++) {
    const second = inStep(m, next) ? repo.activeCheck(m.id) : repo.memberGoalsUpdate(m, goalsFromPlan(next.goals), next.updatedAt);
    try {
      await repo.transact([repo.planPut(next, expected), second]);
      return true;
    } catch (e) {
      const failed = failedConditions(e);
      if (failed?.includes(0)) return false;
      if (failed?.includes(1) || isTransactionConflict(e)) {
        const fresh = await getMember(m.id);
        if (fresh?.status !== 'active') throw new ForbiddenError('Your membership is not active.', 'membership_not_active');
        if (attempt >= WRITE_ATTEMPTS) throw new UnavailableError();
        m = fresh;
        continue;
      }
      throw e;
    }
  }
}

/**
 * Her plan as stored; before her first write, the goals her profile held become its goals (one
 * per horizon and text) and are stored at once, so there is one place for goals from then on.
 * Used on every read and write of her own plan and by scripts/migrate-goals-to-plan.ts.
 */
export async function ensurePlan(member: MemberRecord): Promise<PlanRecord> {
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
    const stored = await repo.getPlan(member.id);
    if (stored) return stored;
    const legacy = goalsFromProfile(member.mentoring?.seeking?.goals, member.goals);
    if (legacy.length === 0) return emptyPlan(member.id);
    const now = new Date().toISOString();
    const goals = legacy.map((g) => ({ id: ulid(), ...g, actions: [], status: 'not_started' as const, notes: '' }));
    const plan: PlanRecord = {
      ...emptyPlan(member.id),
      goals,
      goalIds: goals.map((g) => g.id),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    if (await commit(member, plan, 0)) return plan;
  }
  throw new UnavailableError();
}

/** The plan as the API answers it; `sharing` only for her, and the check-ins each reader may see. */
function viewOf(p: PlanRecord, checkIns: LinkedCheckIn[], sharing?: PlanRecord['sharing']): Plan {
  const byGoal = new Map<string, LinkedCheckIn[]>();
  for (const c of checkIns) byGoal.set(c.goalId, [...(byGoal.get(c.goalId) ?? []), c]);
  const summary = (notes: string) =>
    notes.length > PLAN_LIMITS.checkInSummary ? `${notes.slice(0, PLAN_LIMITS.checkInSummary - 1)}…` : notes;
  return {
    memberId: p.memberId,
    vision: p.vision,
    goals: p.goals.map((g) => ({
      ...g,
      checkIns: (byGoal.get(g.id) ?? [])
        .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id))
        .slice(0, PLAN_LIMITS.checkInsPerGoal)
        .map((c) => ({ id: c.id, mentorshipId: c.mentorshipId, date: c.date, summary: summary(c.notes) })),
    })),
    strengths: p.strengths,
    growth: p.growth,
    reflections: p.reflections,
    ...(sharing ? { sharing } : {}),
    ...(p.updatedAt ? { updatedAt: p.updatedAt } : {}),
    version: p.version,
  };
}

/** Her mentorships, of those named, that are accepted now: the ones sharing still reaches. */
const acceptedOfHers = (links: MentorshipLink[], memberId: string) =>
  new Set(links.filter((l) => l.menteeId === memberId && l.state === 'accepted').map((l) => l.id));

/**
 * Her own plan. She sees every check-in that concerns her goals, from any of her mentorships,
 * ended ones included: they are her own meetings, which she can read on each mentorship anyway.
 * Sharing lists only the mentorships it still reaches (an ended one has dropped out).
 */
export async function getOwn(member: MemberRecord): Promise<Plan> {
  const plan = await ensurePlan(member);
  const [links, checkIns] = await Promise.all([
    repo.getMentorshipLinks(plan.sharing.mentorships),
    plan.version ? repo.linkedCheckIns(member.id) : Promise.resolve([]),
  ]);
  const live = acceptedOfHers(links, member.id);
  return viewOf(plan, checkIns, { board: plan.sharing.board, mentorships: plan.sharing.mentorships.filter((id) => live.has(id)) });
}

/** The ids a body names for items of `kind` must be ids of her stored items of that kind, each once. */
function checkIds(named: { id?: string; path: string }[], known: Set<string>, details: ErrorDetail[]) {
  const seen = new Set<string>();
  for (const { id, path } of named) {
    if (id === undefined) continue;
    if (!known.has(id) || seen.has(id))
      details.push({ path, code: 'invalid_value', message: 'This id names no item of your plan (leave it out for a new one).' });
    seen.add(id);
  }
}

/**
 * Replaces her plan at `input.version`. New goals, actions and reflections get ids here; sent ids
 * must be hers. Sharing may name only her own accepted mentorships (as the mentee); one she
 * shared with that has since ended is dropped rather than refused, so her next save still works.
 */
export async function put(member: MemberRecord, input: PlanInput): Promise<Plan> {
  const prev = await ensurePlan(member);
  if (input.version !== prev.version)
    throw new ConflictError('stale_version', 'Your plan changed since you opened it. Reload and try again.');

  const details: ErrorDetail[] = [];
  const now = new Date().toISOString();
  const storedActions = new Set(prev.goals.flatMap((g) => g.actions.map((a) => a.id)));
  const storedReflections = new Map(prev.reflections.map((r) => [r.id, r]));
  checkIds(
    input.goals.map((g, i) => ({ id: g.id, path: `goals.${i}.id` })),
    new Set(prev.goalIds),
    details,
  );
  checkIds(
    input.goals.flatMap((g, i) => g.actions.map((a, j) => ({ id: a.id, path: `goals.${i}.actions.${j}.id` }))),
    storedActions,
    details,
  );
  checkIds(
    input.reflections.map((r, i) => ({ id: r.id, path: `reflections.${i}.id` })),
    new Set(storedReflections.keys()),
    details,
  );
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  input.reflections.forEach((r, i) => {
    if (r.at && r.at > tomorrow)
      details.push({ path: `reflections.${i}.at`, code: 'date_in_future', message: 'A reflection is dated today or before.' });
  });

  const named = input.sharing.mentorships;
  if (new Set(named).size !== named.length)
    details.push({ path: 'sharing.mentorships', code: 'duplicate_items', message: 'Remove the duplicates.' });
  const links = await repo.getMentorshipLinks([...new Set(named.filter((id) => MENTORSHIP_ID.test(id)))]);
  const live = acceptedOfHers(links, member.id);
  const wasShared = new Set(prev.sharing.mentorships);
  const mentorships: string[] = [];
  named.forEach((id, i) => {
    if (live.has(id)) {
      if (!mentorships.includes(id)) mentorships.push(id);
    } else if (!wasShared.has(id)) {
      details.push({
        path: `sharing.mentorships.${i}`,
        code: 'not_shareable',
        message: 'You can share your plan only with a mentor of yours, in an accepted mentorship.',
      });
    }
  });
  if (details.length) throw new ValidationError('Some parts of the plan are not valid.', details);

  const goals = input.goals.map((g) => ({
    id: g.id ?? ulid(),
    horizon: g.horizon,
    title: g.title,
    actions: g.actions.map((a) => ({ id: a.id ?? ulid(), text: a.text, ...(a.due ? { due: a.due } : {}), done: a.done })),
    status: g.status,
    notes: g.notes,
  }));
  const next: PlanRecord = {
    memberId: member.id,
    vision: input.vision,
    goals,
    strengths: input.strengths,
    growth: input.growth,
    reflections: input.reflections.map((r) => ({
      id: r.id ?? ulid(),
      at: r.at ?? (r.id ? storedReflections.get(r.id)?.at : undefined) ?? now,
      text: r.text,
    })),
    sharing: { board: input.sharing.board, mentorships },
    goalIds: goals.map((g) => g.id),
    createdAt: prev.createdAt || now,
    updatedAt: now,
    version: prev.version + 1,
  };
  if (!(await commit(member, next, prev.version)))
    throw new ConflictError('stale_version', 'Your plan changed since you opened it. Reload and try again.');
  return viewOf(next, await repo.linkedCheckIns(member.id), next.sharing);
}

/**
 * Her plan as another member may read it: the board when she shares it with the board; her
 * mentor while a mentorship she shares it with is accepted (its state is read now, so sharing
 * ends when the mentorship ends). Anyone else: 404, as if there were no plan. A mentor sees the
 * check-ins of his own mentorship with her; the board none (check-in notes are the pair's alone).
 */
export async function getShared(session: Session, caller: MemberRecord, rawId: string | undefined): Promise<Plan> {
  if (!rawId || !MEMBER_ID.test(rawId)) throw new NotFoundError();
  const ownerId = rawId;
  if (ownerId === session.userId) return getOwn(caller);
  const [owner, plan] = await Promise.all([getMember(ownerId), repo.getPlan(ownerId)]);
  if (!plan || owner?.status !== 'active') throw new NotFoundError();
  const links = await repo.getMentorshipLinks(plan.sharing.mentorships);
  const live = acceptedOfHers(links, ownerId);
  const mine = links.filter((l) => live.has(l.id) && l.mentorId === session.userId).map((l) => l.id);
  if (mine.length > 0) {
    const checkIns = (await repo.linkedCheckIns(ownerId)).filter((c) => mine.includes(c.mentorshipId));
    return viewOf(plan, checkIns);
  }
  if (session.isBoard && plan.sharing.board) return viewOf(plan, []);
  throw new NotFoundError();
}
