import * as z from 'zod/mini';
import { lazy } from './schemas';
import { normalizeText } from './text';

/*
 * The personal development plan (issue 12): one per member, private unless she shares it. Schemas
 * for PUT /api/plan (the body) and for the plan as the API answers it, her own or shared with a reader.
 */

/** Limits that keep one plan one DynamoDB item well under its 400 KB (the body limit is 64 KiB anyway). */
export const PLAN_LIMITS = {
  vision: 2000,
  goals: 30,
  title: 500,
  notes: 4000,
  actions: 20,
  actionText: 500,
  items: 20,
  itemText: 300,
  itemHow: 1000,
  reflections: 100,
  reflectionText: 4000,
  sharedMentorships: 10,
  /** Check-ins shown under each goal, the latest meetings first. */
  checkInsPerGoal: 10,
  /** How much of a check-in's notes the plan shows: a summary; the whole is on the mentorship page. */
  checkInSummary: 280,
} as const;

export const GOAL_HORIZONS = ['short', 'medium', 'long'] as const;
export type GoalHorizon = (typeof GOAL_HORIZONS)[number];
export const GOAL_STATUSES = ['not_started', 'under_way', 'done', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

const text = (max: number) => z.string().check(z.maxLength(max), z.overwrite(normalizeText));
const required = (max: number) => z.pipe(text(max), z.string().check(z.minLength(1, { message: 'Write something here or remove it.' })));
const itemId = () => z.optional(z.string().check(z.minLength(1), z.maxLength(64)));
const list = <T extends z.ZodMiniType>(item: T, max: number) => z._default(z.array(item).check(z.maxLength(max)), []);

export const PlanInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    vision: z._default(text(PLAN_LIMITS.vision), ''),
    goals: list(
      z.strictObject({
        id: itemId(),
        horizon: z.enum(GOAL_HORIZONS),
        title: required(PLAN_LIMITS.title),
        actions: list(
          z.strictObject({
            id: itemId(),
            text: required(PLAN_LIMITS.actionText),
            due: z.optional(z.iso.date()),
            done: z._default(z.boolean(), false),
          }),
          PLAN_LIMITS.actions,
        ),
        status: z._default(z.enum(GOAL_STATUSES), 'not_started'),
        notes: z._default(text(PLAN_LIMITS.notes), ''),
      }),
      PLAN_LIMITS.goals,
    ),
    strengths: list(
      z.strictObject({ text: required(PLAN_LIMITS.itemText), use: z._default(text(PLAN_LIMITS.itemHow), '') }),
      PLAN_LIMITS.items,
    ),
    growth: list(
      z.strictObject({ text: required(PLAN_LIMITS.itemText), how: z._default(text(PLAN_LIMITS.itemHow), '') }),
      PLAN_LIMITS.items,
    ),
    reflections: list(
      z.strictObject({ id: itemId(), at: z.optional(z.iso.datetime()), text: required(PLAN_LIMITS.reflectionText) }),
      PLAN_LIMITS.reflections,
    ),
    sharing: z._default(
      z.strictObject({
        board: z._default(z.boolean(), false),
        mentorships: list(z.string().check(z.minLength(1), z.maxLength(64)), PLAN_LIMITS.sharedMentorships),
      }),
      { board: false, mentorships: [] },
    ),
    version: z.int().check(z.minimum(0)),
  }),
);
export type PlanInput = z.infer<typeof PlanInputSchema>;

/** A check-in of a mentorship that concerns a goal: its meeting date and the start of its notes. */
export const PlanCheckInSchema = /* @__PURE__ */ lazy(() =>
  z.object({ id: z.string(), mentorshipId: z.string(), date: z.string(), summary: z.string() }),
);
export type PlanCheckIn = z.infer<typeof PlanCheckInSchema>;

export const PlanGoalSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    horizon: z.enum(GOAL_HORIZONS),
    title: z.string(),
    actions: z.array(z.object({ id: z.string(), text: z.string(), due: z.optional(z.string()), done: z.boolean() })),
    status: z.enum(GOAL_STATUSES),
    notes: z.string(),
    checkIns: z.array(PlanCheckInSchema),
  }),
);
export type PlanGoal = z.infer<typeof PlanGoalSchema>;

/**
 * A plan as the API answers it. `sharing` is hers alone: a reader (her mentor, the board) gets the
 * plan without it. `version` 0: nothing written yet.
 */
export const PlanSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    memberId: z.string(),
    vision: z.string(),
    goals: z.array(PlanGoalSchema),
    strengths: z.array(z.object({ text: z.string(), use: z.string() })),
    growth: z.array(z.object({ text: z.string(), how: z.string() })),
    reflections: z.array(z.object({ id: z.string(), at: z.string(), text: z.string() })),
    sharing: z.optional(z.object({ board: z.boolean(), mentorships: z.array(z.string()) })),
    updatedAt: z.optional(z.string()),
    version: z.int(),
  }),
);
export type Plan = z.infer<typeof PlanSchema>;

type Goals = { shortTerm: string; mediumTerm: string; longTerm: string };
const HORIZON_FIELD = { short: 'shortTerm', medium: 'mediumTerm', long: 'longTerm' } as const;

/** The most a profile's goals field holds per horizon (GoalsSchema in shared/schemas.ts). */
export const PROFILE_GOAL_LENGTH = 500;

/**
 * The profile's `goals` ({shortTerm, mediumTerm, longTerm}) as the plan makes them: per horizon,
 * the titles of the goals she still holds (not dropped), in her order, joined. Matching and
 * requests read this, so it is kept in step with every plan write.
 */
export function goalsFromPlan(goals: readonly { horizon: GoalHorizon; title: string; status: GoalStatus }[]): Goals {
  const out: Goals = { shortTerm: '', mediumTerm: '', longTerm: '' };
  for (const h of GOAL_HORIZONS) {
    const joined = goals
      .filter((g) => g.horizon === h && g.status !== 'dropped')
      .map((g) => g.title)
      .join('; ');
    out[HORIZON_FIELD[h]] = joined.length > PROFILE_GOAL_LENGTH ? `${joined.slice(0, PROFILE_GOAL_LENGTH - 1)}…` : joined;
  }
  return out;
}

/**
 * The goals a profile held before plans, as plan goals: one per horizon and distinct text (the
 * mentoring `seeking` goals first, then the profile's own), so that nothing she wrote is lost.
 */
export function goalsFromProfile(...sources: (Partial<Goals> | undefined)[]): { horizon: GoalHorizon; title: string }[] {
  const out: { horizon: GoalHorizon; title: string }[] = [];
  for (const h of GOAL_HORIZONS) {
    const seen = new Set<string>();
    for (const s of sources) {
      const title = normalizeText(s?.[HORIZON_FIELD[h]] ?? '');
      if (title && !seen.has(title)) {
        seen.add(title);
        out.push({ horizon: h, title });
      }
    }
  }
  return out;
}

/** Whether two goals objects say the same (after the normalisation every write applies). */
export function sameGoals(a: Partial<Goals> | undefined, b: Partial<Goals> | undefined): boolean {
  return (['shortTerm', 'mediumTerm', 'longTerm'] as const).every((f) => normalizeText(a?.[f] ?? '') === normalizeText(b?.[f] ?? ''));
}
