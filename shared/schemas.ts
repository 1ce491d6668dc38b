import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { IDLE_MINUTES } from './discretion';
import type { DetailCode } from './error-codes';
import { LOCALE_TAGS, type Locale } from './locales';
import { lazy } from './lazy';
import { PracticeRevisionSchema, PracticeSchema } from './practice-schemas';
import { COUNTRY_CODES, EXPERTISE_CODES, isLanguageTag, isTimeZone } from './meta';
import { type AudienceLevel, PASSWORD_MIN_LENGTH, VISIBILITY_FIELDS, type VisibilityField } from './profile-fields';
import { hasLoneSurrogate, hasVisibleCharacter, normalizeName, normalizeText } from './text';

export {
  type AudienceLevel,
  DEFAULT_VISIBILITY,
  PASSWORD_MIN_LENGTH,
  VISIBILITY_FIELDS,
  type Visibility,
  type VisibilityField,
} from './profile-fields';

/*
 * The zod schemas both the API (validation at the edge, OpenAPI) and the web app (forms, types)
 * use. A schema named FooSchema has the inferred type Foo.
 *
 * Written with `zod/mini` (functions instead of methods: `z.optional(x)`, `x.check(z.maxLength(n))`)
 * because it is what a Lambda pays for at cold start: zod "classic" made importing a handler
 * 10-13x slower than a bare Hono handler (issue #2's budget is 2x). Mini ships no default messages,
 * so the English locale is configured here, once, for every importer.
 */
z.config(en());

export { lazy } from './lazy';

/**
 * A refinement's English message and its stable detail code (shared/error-codes.ts), which the API
 * answers in `details[].code` so the app can word it in the member's language.
 */
const rule = (code: DetailCode, message: string) => ({ message, params: { code } });

/**
 * A string of at most `max` characters, normalised (NFC, controls stripped, trimmed). An overwrite
 * rather than a transform, so that its output is still typed `string` in the OpenAPI document.
 */
const shortText = (max: number) => z.string().check(z.maxLength(max), z.overwrite(normalizeText));

/** `shortText(max)` that must not end up empty. */
const requiredText = (max: number, message: string) => z.pipe(shortText(max), z.string().check(z.minLength(1, { message })));

/** An id from a path or body: non-empty, bounded. */
const id = () => z.string().check(z.minLength(1), z.maxLength(64));

const cursor = () => z.optional(z.string().check(z.maxLength(2048)));

/** A whole number within [min, max]. */
const intIn = (min: number, max?: number) => z.int().check(z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));

// ---------------------------------------------------------------- auth

export const EmailSchema = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email({ message: 'Enter a valid email address.' })),
    z.transform((e: string) => e.toLowerCase()),
  ),
);

export const PasswordSchema = /* @__PURE__ */ lazy(() =>
  z
    .string()
    .check(
      z.minLength(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` }),
      z.maxLength(256, { message: 'Use at most 256 characters.' }),
    ),
);

export const SignUpSchema = /* @__PURE__ */ lazy(() => z.strictObject({ email: EmailSchema, password: PasswordSchema }));
export const SignInSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ email: EmailSchema, password: z.string().check(z.minLength(1), z.maxLength(256)) }),
);
export const ConfirmSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ email: EmailSchema, code: z.string().check(z.trim(), z.minLength(1), z.maxLength(16)) }),
);

/** Forgotten password, step one: the address to send a reset code to. */
export const ForgotPasswordSchema = /* @__PURE__ */ lazy(() => z.strictObject({ email: EmailSchema }));
/** Forgotten password, step two: the emailed code and the new password. */
export const ResetPasswordSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ email: EmailSchema, code: z.string().check(z.trim(), z.minLength(1), z.maxLength(16)), password: PasswordSchema }),
);
/** A signed-in member changes her password: the current one, then the new one. */
export const ChangePasswordSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ currentPassword: z.string().check(z.minLength(1), z.maxLength(256)), newPassword: PasswordSchema }),
);

export const UserSchema = /* @__PURE__ */ lazy(() => z.object({ id: z.string(), email: z.string(), roles: z.array(z.string()) }));
export type User = z.infer<typeof UserSchema>;
/** The answer to a sign-up: empty, the same for a new address and a taken one. */
export const SignedUpSchema = /* @__PURE__ */ lazy(() => z.strictObject({}));
/** The answer to a sign-in. */
export const SignedInSchema = /* @__PURE__ */ lazy(() => z.object({ user: UserSchema }));

/**
 * A six-digit code from an authenticator app. Spaces are dropped first: apps show the code as
 * "123 456" and people type it that way.
 */
export const TotpCodeSchema = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.pipe(
      z.string().check(z.maxLength(20)),
      z.transform((s: string) => s.replace(/\s+/g, '')),
    ),
    z.string().check(z.regex(/^\d{6}$/, { message: 'Enter the 6-digit code from your authenticator app.' })),
  ),
);
/** The answer to a sign-in that needs an authenticator code next (202). */
export const SignInChallengeSchema = /* @__PURE__ */ lazy(() => z.object({ challenge: z.literal('totp') }));
export const SignInCodeSchema = /* @__PURE__ */ lazy(() => z.strictObject({ code: TotpCodeSchema }));
/** One device she is signed in on: since when, and whether it is the one asking (no device details are kept). */
export const SessionSchema = /* @__PURE__ */ lazy(() => z.object({ startedAt: z.string(), current: z.boolean() }));
/** How many of her other sessions were ended. */
export const SessionsEndedSchema = /* @__PURE__ */ lazy(() => z.object({ ended: z.int().check(z.minimum(0)) }));
/**
 * Discreet mode on this device: end this session once it has gone unused for so many minutes
 * (2, 5, 15 or 30), or `null` for no limit beyond the session's own.
 */
export const SessionIdleSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ idleMinutes: z.nullable(z.literal([...IDLE_MINUTES], { message: 'Choose 2, 5, 15 or 30 minutes, or none.' })) }),
);
export type SessionIdle = z.infer<typeof SessionIdleSchema>;
/** Two-step sign-in: whether her account asks for an authenticator code. */
export const MfaStatusSchema = /* @__PURE__ */ lazy(() => z.object({ totp: z.boolean() }));
export type MfaStatus = z.infer<typeof MfaStatusSchema>;
/** A new authenticator secret: as text to type in, and as an otpauth:// address for a QR code. */
export const TotpSetupSchema = /* @__PURE__ */ lazy(() => z.object({ secret: z.string(), uri: z.string() }));
/** Setting up an authenticator app starts with her password: an open session alone is not enough. */
export const TotpStartSchema = /* @__PURE__ */ lazy(() => z.strictObject({ password: z.string().check(z.minLength(1), z.maxLength(256)) }));
export const TotpConfirmSchema = /* @__PURE__ */ lazy(() => z.strictObject({ code: TotpCodeSchema }));
/** Turning two-step sign-in off takes both factors again, so a borrowed session cannot do it. */
export const TotpDisableSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ password: z.string().check(z.minLength(1), z.maxLength(256)), code: TotpCodeSchema }),
);

// ---------------------------------------------------------------- members

export const KindSchema = /* @__PURE__ */ lazy(() => z.enum(['practitioner', 'champion']));
export type Kind = z.infer<typeof KindSchema>;

export const MemberStatusSchema = /* @__PURE__ */ lazy(() => z.enum(['pending', 'active', 'declined', 'suspended', 'deactivated']));
export type MemberStatus = z.infer<typeof MemberStatusSchema>;

export const AudienceLevelSchema = /* @__PURE__ */ lazy(() => z.enum(['board', 'partners', 'members'] satisfies AudienceLevel[]));

export const VisibilitySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject(
    Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, z.optional(AudienceLevelSchema)])) as Record<
      VisibilityField,
      z.ZodMiniOptional<typeof AudienceLevelSchema>
    >,
  ),
);

export const DisplayNameSchema = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.pipe(
      z.string().check(
        z.maxLength(200),
        z.refine(
          (n) => !hasLoneSurrogate(n),
          rule('lone_surrogate', 'The name holds a broken character (a lone surrogate); type it again.'),
        ),
      ),
      z.transform(normalizeName),
    ),
    z
      .string()
      .check(
        z.minLength(1, { message: 'Enter a name.' }),
        z.maxLength(60, { message: 'Use at most 60 characters.' }),
        z.refine(hasVisibleCharacter, rule('no_visible_character', 'Use at least one visible letter: the name shows nothing.')),
      ),
  ),
);

export const CountrySchema = /* @__PURE__ */ lazy(() =>
  z.string().check(z.refine((c) => COUNTRY_CODES.has(c), rule('invalid_country', 'Use an ISO 3166-1 alpha-2 country code.'))),
);
export const ExpertiseSchema = /* @__PURE__ */ lazy(() => z.enum(EXPERTISE_CODES));
export const LanguageSchema = /* @__PURE__ */ lazy(() =>
  z.string().check(z.refine(isLanguageTag, rule('invalid_language', 'Use a BCP-47 language tag.'))),
);
export const TimezoneSchema = /* @__PURE__ */ lazy(() =>
  z.string().check(z.refine(isTimeZone, rule('invalid_time_zone', 'Use a canonical IANA time zone, such as Asia/Kolkata.'))),
);

const NO_GOALS = { shortTerm: '', mediumTerm: '', longTerm: '' };

export const GoalsSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    shortTerm: z._default(shortText(500), ''),
    mediumTerm: z._default(shortText(500), ''),
    longTerm: z._default(shortText(500), ''),
  }),
);
export type Goals = z.infer<typeof GoalsSchema>;

const uniqueList = <T extends z.ZodMiniType<string>>(item: T, max: number) =>
  z.array(item).check(
    z.maxLength(max),
    z.refine((xs) => new Set(xs).size === xs.length, rule('duplicate_items', 'Remove the duplicates.')),
  );

export const MentoringSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    offering: z._default(
      z.strictObject({
        active: z._default(z.boolean(), false),
        capacity: z._default(intIn(0, 10), 0),
        topics: z._default(uniqueList(ExpertiseSchema, 12), []),
        languages: z._default(uniqueList(LanguageSchema, 10), []),
      }),
      { active: false, capacity: 0, topics: [], languages: [] },
    ),
    seeking: z._default(
      z.strictObject({
        active: z._default(z.boolean(), false),
        topics: z._default(uniqueList(ExpertiseSchema, 12), []),
        goals: z._default(GoalsSchema, NO_GOALS),
        sameCountryOnly: z._default(z.boolean(), false),
        outsideOrganizationOnly: z._default(z.boolean(), false),
      }),
      { active: false, topics: [], goals: NO_GOALS, sameCountryOnly: false, outsideOrganizationOnly: false },
    ),
  }),
);
export type Mentoring = z.infer<typeof MentoringSchema>;

/** The body of PUT /api/members/me. status, roles and id are not in it: sending them is a 400. */
export const ProfileInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    displayName: z.optional(DisplayNameSchema),
    kind: z.optional(KindSchema),
    country: z.optional(CountrySchema),
    organization: z.optional(shortText(120)),
    jobTitle: z.optional(shortText(120)),
    bio: z.optional(shortText(2000)),
    expertise: z.optional(uniqueList(ExpertiseSchema, 12)),
    languages: z.optional(uniqueList(LanguageSchema, 10)),
    timezone: z.optional(TimezoneSchema),
    goals: z.optional(GoalsSchema),
    mentoring: z.optional(MentoringSchema),
    visibility: z.optional(VisibilitySchema),
    statement: z.optional(requiredText(4000, 'Tell the board about your work.')),
    version: z.optional(intIn(1)),
  }),
);
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

export const CompletionSchema = /* @__PURE__ */ lazy(() => z.object({ seriesId: z.string(), title: z.string(), completedAt: z.string() }));
export type Completion = z.infer<typeof CompletionSchema>;

/** A profile as the API returns it. Fields the viewer may not see are absent. */
export const ProfileSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    displayName: z.string(),
    kind: KindSchema,
    country: z.optional(z.string()),
    organization: z.optional(z.string()),
    jobTitle: z.optional(z.string()),
    bio: z.optional(z.string()),
    expertise: z.optional(z.array(z.string())),
    languages: z.optional(z.array(z.string())),
    timezone: z.optional(z.string()),
    goals: z.optional(GoalsSchema),
    mentoring: z.optional(MentoringSchema),
    /** The series she attended every part of (issue 12); shown as her `visibility.programme` allows. */
    completions: z.optional(z.array(CompletionSchema)),
    visibility: z.optional(z.record(z.string(), AudienceLevelSchema)),
    status: z.optional(MemberStatusSchema),
    version: z.optional(z.int()),
  }),
);
export type Profile = z.infer<typeof ProfileSchema>;

export const MeSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    status: MemberStatusSchema,
    profile: z.nullable(ProfileSchema),
    decisionReason: z.optional(z.string()),
    /** A read-only or suspension sanction in force, with the board's reason. */
    sanction: z.optional(z.object({ type: z.enum(['read_only', 'suspend']), until: z.string(), reason: z.string() })),
    /**
     * Declined only: from when she may apply once more (ISO time), or null when a second
     * application was declined too and the decision is final.
     */
    reapplyFrom: z.optional(z.nullable(z.string())),
  }),
);
export type Me = z.infer<typeof MeSchema>;

/** A sanction as the member it is about sees it (never which board member decided it). */
export const OwnSanctionSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    type: z.enum(['warn', 'read_only', 'suspend']),
    reason: z.string(),
    until: z.optional(z.string()),
    at: z.string(),
  }),
);

/** A sanction as the board sees it on the member's page: whether it is in force, and its early end. */
export const BoardSanctionSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    type: z.enum(['warn', 'read_only', 'suspend']),
    reason: z.string(),
    until: z.optional(z.string()),
    at: z.string(),
    inForce: z.boolean(),
    lifted: z.optional(z.object({ at: z.string(), reason: z.string() })),
  }),
);
export type BoardSanction = z.infer<typeof BoardSanctionSchema>;

// ---------------------------------------------------------------- lists

/** `?limit=` of a list: a whole number in [1, 50], `fallback` when absent. */
const limit = (fallback: number) => z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50)), fallback);

export const LimitSchema = /* @__PURE__ */ lazy(() => limit(20));
export const PageQuerySchema = /* @__PURE__ */ lazy(() => z.strictObject({ limit: LimitSchema, cursor: cursor() }));

export const DirectoryQuerySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    limit: LimitSchema,
    cursor: cursor(),
    expertise: z.optional(ExpertiseSchema),
    country: z.optional(CountrySchema),
    language: z.optional(LanguageSchema),
    kind: z.optional(KindSchema),
  }),
);
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>;

export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  lazy(() => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) }));

export const BlockSchema = /* @__PURE__ */ lazy(() => z.object({ memberId: z.string(), displayName: z.string(), at: z.string() }));
export type Block = z.infer<typeof BlockSchema>;

/** The answer to erasing the account (202). */
export const ErasedSchema = /* @__PURE__ */ lazy(() => z.object({ status: z.literal('erased') }));

/**
 * Everything a member wrote or owns (GET /api/members/me/export). Her stored profile and
 * notifications are exported as stored (less the table's keys), so their fields stay open.
 */
export const ExportSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    exportedAt: z.string(),
    account: z.object({ id: z.string(), email: z.string() }),
    profile: z.nullable(z.record(z.string(), z.unknown())),
    blocks: z.array(BlockSchema),
    notifications: z.array(z.record(z.string(), z.unknown())),
    /** The programme's events (issue 12): her registrations and attendance, her feedback, the series she completed. */
    events: z.object({
      registrations: z.array(z.record(z.string(), z.unknown())),
      feedback: z.array(z.record(z.string(), z.unknown())),
      completions: z.array(z.record(z.string(), z.unknown())),
    }),
    /** The files she attached (issue 14): to which practice or event, their names, types and sizes. */
    files: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        type: z.string(),
        size: z.number(),
        ownerKind: z.string(),
        ownerId: z.string(),
        state: z.string(),
        createdAt: z.string(),
      }),
    ),
    posts: z.array(
      z.object({
        id: z.string(),
        threadId: z.string(),
        opening: z.boolean(),
        identity: z.enum(['named', 'anonymous']),
        body: z.string(),
        state: z.string(),
        createdAt: z.string(),
        updatedAt: z.string(),
      }),
    ),
    mentorships: z.array(
      z.object({
        id: z.string(),
        role: z.enum(['mentor', 'mentee']),
        state: MentorshipStateSchema,
        message: z.string(),
        goals: GoalsSchema,
        createdAt: z.string(),
        updatedAt: z.string(),
        checkIns: z.array(z.object({ date: z.string(), notes: z.string(), nextSteps: z.string(), byMe: z.boolean(), at: z.string() })),
        myFeedback: z.array(z.object({ rating: z.int(), text: z.string(), at: z.string() })),
        /** What she wrote in the mentorship's conversation (issue 12); never the other member's words. */
        myMessages: z.array(
          z.object({
            at: z.string(),
            body: z.string(),
            editedAt: z.optional(z.string()),
            proposals: z.optional(z.array(z.string())),
            meeting: z.optional(z.string()),
          }),
        ),
      }),
    ),
    sessions: z.array(z.object({ startedAt: z.string() })),
    boardMessages: z.array(
      z.object({ body: z.string(), at: z.string(), state: z.string(), reply: z.optional(z.string()), handledAt: z.optional(z.string()) }),
    ),
    sanctions: z.array(z.object({ type: z.string(), reason: z.string(), until: z.optional(z.string()), at: z.string() })),
    /** Her saved preferences (language, email), or null when she never saved any. */
    preferences: z.nullable(PreferencesSchema),
    /** Her development plan (issue 12), or null when she never wrote one. */
    plan: z.nullable(z.record(z.string(), z.unknown())),
    /** The practices she submitted (issue 14), every revision of each, and the ones she marked useful. */
    library: z.object({
      practices: z.array(
        z.object({
          id: z.string(),
          state: z.string(),
          useful: z.number(),
          createdAt: z.string(),
          updatedAt: z.string(),
          revisions: z.array(PracticeRevisionSchema),
        }),
      ),
      usefulMarks: z.array(z.string()),
    }),
  }),
);

// ---------------------------------------------------------------- board

export const ApplicationsQuerySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    status: z._default(z.enum(['pending', 'approved', 'declined']), 'pending'),
    limit: LimitSchema,
    cursor: cursor(),
  }),
);

export const DecidedSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    memberId: z.string(),
    status: z.enum(['active', 'declined']),
    decision: z.enum(['approve', 'decline']),
    decidedAt: z.string(),
    reason: z.optional(z.string()),
  }),
);

/** What waits for the board: pending applications, held posts and open report cases. */
export const BoardSummarySchema = /* @__PURE__ */ lazy(() =>
  z.object({ applications: z.number(), heldPosts: z.number(), openCases: z.number(), openMessages: z.number() }),
);
export type BoardSummary = z.infer<typeof BoardSummarySchema>;

export const ApplicationSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    memberId: z.string(),
    profile: ProfileSchema,
    statement: z.string(),
    submittedAt: z.string(),
    decision: z.optional(z.enum(['approve', 'decline'])),
    reason: z.optional(z.string()),
    decidedAt: z.optional(z.string()),
  }),
);
export type Application = z.infer<typeof ApplicationSchema>;

export const DecisionSchema = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({
      decision: z.enum(['approve', 'decline']),
      reason: z.optional(shortText(1000)),
    })
    .check(
      z.refine((d) => d.decision === 'approve' || (d.reason !== undefined && d.reason.length > 0), {
        ...rule('required', 'Give the applicant a reason when declining.'),
        path: ['reason'],
      }),
    ),
);

const CodeLabelSchema = /* @__PURE__ */ lazy(() => z.object({ code: z.string(), label: z.string() }));
export const MetaSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    expertise: z.array(CodeLabelSchema),
    countries: z.array(CodeLabelSchema),
    languages: z.array(CodeLabelSchema),
  }),
);

/** GET /api/openapi.json: an OpenAPI 3.0 document (its own schema is the OpenAPI specification's). */
export const OpenApiDocumentSchema = /* @__PURE__ */ lazy(() =>
  z.looseObject({
    openapi: z.string(),
    info: z.object({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
);

export const ErrorSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.optional(
        z.array(
          z.object({
            path: z.string(),
            message: z.string(),
            code: z.optional(z.string()),
            params: z.optional(z.record(z.string(), z.unknown())),
          }),
        ),
      ),
    }),
  }),
);

// ---------------------------------------------------------------- mentorship

export const MentorshipStateSchema = /* @__PURE__ */ lazy(() =>
  z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'expired', 'completed', 'ended', 'suspended']),
);
export type MentorshipState = z.infer<typeof MentorshipStateSchema>;

export const MentorshipRequestSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    mentorId: id(),
    message: requiredText(2000, 'Write a short message to the mentor.'),
    goals: z._default(GoalsSchema, NO_GOALS),
  }),
);

export const MentorshipListQuerySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    as: z.enum(['mentor', 'mentee']),
    state: z.optional(MentorshipStateSchema),
    limit: LimitSchema,
    cursor: cursor(),
  }),
);

export const BoardMentorshipListQuerySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    state: z.optional(MentorshipStateSchema),
    limit: LimitSchema,
    cursor: cursor(),
  }),
);

export const DeclineSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    reason: z.enum(['no_time', 'not_my_expertise', 'other']),
    note: z.optional(shortText(1000)),
  }),
);

export const ReasonSchema = /* @__PURE__ */ lazy(() => z.strictObject({ reason: requiredText(1000, 'Give a reason.') }));

export const CheckInInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    date: z.iso.date(),
    notes: requiredText(4000, 'Write what you talked about.'),
    nextSteps: z._default(shortText(2000), ''),
    /** A goal of the mentee's plan this meeting concerns; only when she shares the plan with this mentorship. */
    goalId: z.optional(id()),
  }),
);

export const CheckInEditSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    date: z.optional(z.iso.date()),
    notes: z.optional(requiredText(4000, 'Write what you talked about.')),
    nextSteps: z.optional(shortText(2000)),
    version: intIn(1),
  }),
);

/** `?version=` of a delete: the version of the record as the caller read it. */
export const VersionQuerySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ version: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)) }),
);

export const FeedbackInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    rating: intIn(1, 5),
    text: z._default(shortText(4000), ''),
  }),
);

export const MentorshipSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    mentorId: z.string(),
    menteeId: z.string(),
    state: MentorshipStateSchema,
    message: z.string(),
    goals: GoalsSchema,
    proposedBy: z.optional(z.literal('board')),
    cohortId: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    expiresAt: z.string(),
    decidedAt: z.optional(z.string()),
    closedBy: z.optional(z.string()),
    closeReason: z.optional(z.string()),
    declineReason: z.optional(z.string()),
    declineNote: z.optional(z.string()),
    /** The side whose member erased her account: shown as a former member, her words gone. */
    erased: z.optional(z.enum(['mentor', 'mentee'])),
    /** Both parties' feedback, to the board only (the board's view of a mentorship it is not part of). */
    feedback: z.optional(z.array(FeedbackSchema)),
    version: z.int(),
  }),
);
export type Mentorship = z.infer<typeof MentorshipSchema>;

/** Feedback a member gave the board when a mentorship ended: never shown to the other member. */
export const FeedbackSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    mentorshipId: z.string(),
    memberId: z.string(),
    role: z.optional(z.enum(['mentor', 'mentee'])),
    mentorId: z.optional(z.string()),
    menteeId: z.optional(z.string()),
    state: z.optional(z.enum(['completed', 'ended'])),
    rating: z.int(),
    text: z.string(),
    at: z.string(),
  }),
);
export type Feedback = z.infer<typeof FeedbackSchema>;

export const CheckInSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    mentorshipId: z.string(),
    authorId: z.string(),
    date: z.string(),
    notes: z.string(),
    nextSteps: z.string(),
    goalId: z.optional(z.string()),
    menteeId: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.optional(z.string()),
    version: z.int(),
  }),
);

export const MatchReasonSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    code: z.enum(['topics', 'goals', 'language', 'timezone', 'capacity', 'country']),
    detail: z.string(),
    topics: z.optional(z.array(z.string())),
    languages: z.optional(z.array(z.string())),
    hours: z.optional(z.number()),
    free: z.optional(z.int()),
  }),
);

export const SuggestionsQuerySchema = /* @__PURE__ */ lazy(() => z.strictObject({ limit: limit(10) }));

export const SuggestionSchema = /* @__PURE__ */ lazy(() =>
  z.object({ mentor: ProfileSchema, score: z.number(), reasons: z.array(MatchReasonSchema) }),
);

export const SuggestionListSchema = /* @__PURE__ */ lazy(() => z.object({ items: z.array(SuggestionSchema) }));

/** Whether the caller may ask a member for mentoring now, and if not, why. */
export const MentorAvailabilitySchema = /* @__PURE__ */ lazy(() =>
  z.object({
    available: z.boolean(),
    reason: z.optional(z.enum(['self', 'not_offering', 'at_capacity', 'open_request'])),
    /** Her open request or mentorship with this mentor, when there is one. */
    mentorshipId: z.optional(z.string()),
  }),
);
export type MentorAvailability = z.infer<typeof MentorAvailabilitySchema>;

/** A pair of a draft that publishing did not make into a request, and why (the pair's score and reasons as drafted). */
export const SkippedPairSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    menteeId: z.string(),
    mentorId: z.string(),
    reason: z.string(),
    score: z.optional(z.number()),
    reasons: z.optional(z.array(MatchReasonSchema)),
  }),
);

export const PublishedCohortSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    created: z.array(z.string()),
    skipped: z.array(SkippedPairSchema),
  }),
);

export const CohortInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    menteeIds: z.array(id()).check(z.minLength(1), z.maxLength(200)),
    mentorIds: z.array(id()).check(z.minLength(1), z.maxLength(100)),
  }),
);

export const CohortPairsSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    pairs: z.array(z.strictObject({ menteeId: id(), mentorId: id() })).check(z.maxLength(200)),
    version: intIn(1),
  }),
);

export const CohortSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    state: z.enum(['draft', 'published']),
    createdBy: z.string(),
    createdAt: z.string(),
    menteeIds: z.array(z.string()),
    mentorIds: z.array(z.string()),
    published: z.optional(
      z.object({
        created: z.array(z.string()),
        skipped: z.array(SkippedPairSchema),
        at: z.string(),
      }),
    ),
    pairs: z.array(z.object({ menteeId: z.string(), mentorId: z.string(), score: z.number(), reasons: z.array(MatchReasonSchema) })),
    unassigned: z.array(z.object({ menteeId: z.string(), reason: z.string() })),
    totalScore: z.number(),
    version: z.int(),
  }),
);

// ---------------------------------------------------------------- discussion

export const AudienceSchema = /* @__PURE__ */ lazy(() => z.enum(['members', 'practitioners', 'board']));
export const IdentitySchema = /* @__PURE__ */ lazy(() => z.enum(['named', 'anonymous']));
/** Published, waiting for the board (held), hidden by the board, or removed by its author. */
export const PostStateSchema = /* @__PURE__ */ lazy(() => z.enum(['published', 'pending', 'hidden', 'removed']));
export const PostBodySchema = /* @__PURE__ */ lazy(() => requiredText(20_000, 'Write something first.'));

export const SpaceInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    name: requiredText(80, 'Name the space.'),
    description: z._default(shortText(500), ''),
    audience: AudienceSchema,
  }),
);
export const ThreadInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    title: requiredText(200, 'Give the thread a title.'),
    body: PostBodySchema,
    identity: z._default(IdentitySchema, 'named'),
  }),
);
export const PostInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ body: PostBodySchema, identity: z._default(IdentitySchema, 'named') }),
);
export const PostEditSchema = /* @__PURE__ */ lazy(() => z.strictObject({ body: PostBodySchema, version: intIn(1) }));

export const SpaceSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    audience: AudienceSchema,
    createdAt: z.string(),
    audienceSize: z.optional(z.number()),
  }),
);
export const ThreadSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    spaceId: z.string(),
    title: z.string(),
    authorId: z.nullable(z.string()),
    authorName: z.string(),
    identity: IdentitySchema,
    state: PostStateSchema,
    locked: z.boolean(),
    pinned: z.boolean(),
    replyCount: z.number(),
    lastPostAt: z.string(),
    version: z.number(),
    /** Why a new thread was held for the board (to its author, when it was). */
    heldReasons: z.optional(z.array(z.string())),
  }),
);
export const PostSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    threadId: z.string(),
    authorId: z.nullable(z.string()),
    authorName: z.string(),
    identity: IdentitySchema,
    body: z.string(),
    state: PostStateSchema,
    heldReasons: z.optional(z.array(z.string())),
    moderationReason: z.optional(z.string()),
    version: z.number(),
    createdAt: z.string(),
  }),
);

// ---------------------------------------------------------------- moderation

export const AuditEntrySchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    at: z.string(),
    actorId: z.string(),
    /** Null once the board member has erased her account. */
    actorName: z.nullable(z.string()),
    action: z.string(),
    targetType: z.enum(['post', 'thread', 'member', 'case', 'rules', 'space', 'mentorship', 'message', 'announcement', 'practice']),
    targetId: z.string(),
    /** For a post: the thread it is in. */
    threadId: z.optional(z.string()),
    /** Whom the decision was about (a member, or a post's or thread's real author); name null once erased. */
    about: z.optional(z.object({ id: z.string(), name: z.nullable(z.string()) })),
    reason: z.string(),
  }),
);
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

const threadRef = () => z.object({ id: z.string(), title: z.string() });

/** An item of the board's moderation queue: a held post, or an open report case with its subject. */
export const QueueItemSchema = /* @__PURE__ */ lazy(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('post'),
      id: z.string(),
      post: PostSchema,
      heldReasons: z.array(z.string()),
      thread: z.nullable(threadRef()),
    }),
    z.object({
      type: z.literal('case'),
      id: z.string(),
      targetType: ReportTargetSchema,
      targetId: z.string(),
      reports: z.array(z.object({ reason: z.string(), note: z.string(), at: z.string() })),
      openedAt: z.string(),
      subject: z.nullable(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('post'), thread: z.nullable(threadRef()), post: PostSchema }),
          z.object({
            type: z.literal('thread'),
            thread: threadRef(),
            authorName: z.string(),
            identity: IdentitySchema,
            state: PostStateSchema,
          }),
          z.object({ type: z.literal('member'), memberId: z.string(), displayName: z.string(), status: MemberStatusSchema }),
          /** The reported part of a conversation (one message, or its latest messages when reported), never the rest. */
          z.object({
            type: z.literal('conversation'),
            mentorshipId: z.string(),
            messages: z.array(
              z.object({
                id: z.string(),
                authorId: z.string(),
                /** Null once the author's account is erased. */
                authorName: z.nullable(z.string()),
                body: z.string(),
                at: z.string(),
                editedAt: z.optional(z.string()),
                deleted: z.boolean(),
              }),
            ),
          }),
        ]),
      ),
    }),
    /** A practice waiting for the board (issue 14): its latest revision, its real author, and why it was held. */
    z.object({ type: z.literal('practice'), id: z.string(), practice: PracticeSchema, heldReasons: z.array(z.string()) }),
    z.object({
      type: z.literal('message'),
      id: z.string(),
      /** `displayName` is null for an account that has not written a profile yet. */
      from: z.object({ memberId: z.string(), displayName: z.nullable(z.string()) }),
      body: z.string(),
      at: z.string(),
    }),
  ]),
);

/** What can be reported; a message or a whole conversation of a mentorship since issue 12. */
export const ReportTargetSchema = /* @__PURE__ */ lazy(() => z.enum(['post', 'thread', 'member', 'message', 'conversation']));

export const ReportInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    /** `message` and `conversation` (issue 12): only one of the conversation's two members may report it. */
    targetType: z.enum(['post', 'thread', 'member', 'message', 'conversation']),
    targetId: id(),
    /** For a message: the mentorship whose conversation it is in. */
    mentorshipId: z.optional(id()),
    reason: z.enum(['harassment', 'personal_data', 'unsafe', 'off_topic', 'spam', 'other']),
    note: z._default(shortText(2000), ''),
  }),
);
/** The answer to a report: the report, and the case it joined (the reporter sees nothing else of the case). */
export const ReportSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    caseId: z.string(),
    state: z.literal('open'),
    targetType: ReportTargetSchema,
    targetId: z.string(),
    reason: z.string(),
    at: z.string(),
  }),
);
/** A resolved case. */
export const ResolvedCaseSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    state: z.enum(['open', 'resolved']),
    outcome: z.optional(z.enum(['actioned', 'dismissed'])),
    targetType: ReportTargetSchema,
    targetId: z.string(),
  }),
);
/** A sanction as the board sees it once made. */
export const SanctionSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    memberId: z.string(),
    type: z.enum(['warn', 'read_only', 'suspend']),
    until: z.optional(z.string()),
    reason: z.string(),
    by: z.string(),
    at: z.string(),
  }),
);
/** The held-content rules: the watched words, at their version. */
export const RulesSchema = /* @__PURE__ */ lazy(() => z.object({ watchedWords: z.array(z.string()), version: z.int() }));

export const ResolveInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    outcome: z.enum(['actioned', 'dismissed']),
    reason: requiredText(1000, 'Give a reason.'),
  }),
);
export const SanctionInputSchema = /* @__PURE__ */ lazy(() =>
  z
    .strictObject({
      type: z.enum(['warn', 'read_only', 'suspend']),
      until: z.optional(z.iso.datetime({ offset: true })),
      reason: requiredText(1000, 'Give a reason.'),
    })
    .check(
      z.refine((s) => s.type === 'warn' || (s.until !== undefined && new Date(s.until).getTime() > Date.now()), {
        ...rule('date_in_past', 'A read-only or suspension sanction needs a date in the future.'),
        path: ['until'],
      }),
    ),
);
export const RulesInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    watchedWords: z.array(z.pipe(shortText(80), z.string().check(z.minLength(1)))).check(z.maxLength(500)),
    version: intIn(0),
  }),
);

// ---------------------------------------------------------------- notifications

export const NotificationSchema = /* @__PURE__ */ lazy(() =>
  z.object({ id: z.string(), type: z.string(), at: z.string(), read: z.boolean(), link: z.string() }),
);
/** A notification id in a path: a ULID. */
export const NotificationIdSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/)) }),
);

// ---------------------------------------------------------------- applying again, and writing to the board

/** A declined applicant's second application: her profile as it stands, with a new statement. */
export const ReapplyInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ statement: requiredText(4000, 'Tell the board about your work.'), version: intIn(1) }),
);
export const ReapplySchema = /* @__PURE__ */ lazy(() =>
  z.object({ memberId: z.string(), status: MemberStatusSchema, statement: z.string(), submittedAt: z.string(), version: z.number() }),
);
export type Reapply = z.infer<typeof ReapplySchema>;

/** Settings the board changes: how long a declined applicant waits before she may apply again. */
export const BoardSettingsSchema = /* @__PURE__ */ lazy(() => z.object({ reapplyAfterDays: z.number(), version: z.number() }));
export type BoardSettings = z.infer<typeof BoardSettingsSchema>;
export const BoardSettingsInputSchema = /* @__PURE__ */ lazy(() => z.strictObject({ reapplyAfterDays: intIn(0, 3650), version: intIn(0) }));

/** A private message to the advisory board, as its sender sees it. */
export const BoardMessageSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    body: z.string(),
    at: z.string(),
    state: z.enum(['open', 'handled']),
    /** The board's answer, once it has handled the message (never which board member wrote it). */
    reply: z.optional(z.string()),
    handledAt: z.optional(z.string()),
  }),
);
export type BoardMessage = z.infer<typeof BoardMessageSchema>;
export const BoardMessageInputSchema = /* @__PURE__ */ lazy(() => z.strictObject({ body: requiredText(4000, 'Write your message.') }));
export const BoardMessageReplySchema = /* @__PURE__ */ lazy(() => z.strictObject({ reply: requiredText(4000, 'Write a reply.') }));

// ---------------------------------------------------------------- preferences

/** An interface language of shared/locales.ts; any other tag is a 400 (`invalid_enum`, with the options). */
export const LocaleSchema = /* @__PURE__ */ lazy(() => z.enum(LOCALE_TAGS as [Locale, ...Locale[]]));

/** Email settings: stored and returned here; the email channel (issue 13) reads them. */
export const EmailPreferencesSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    enabled: z.boolean(),
    digest: z.enum(['daily', 'weekly']),
    wording: z.enum(['neutral', 'detailed']),
    reminders: z.boolean(),
    nudges: z.boolean(),
  }),
);
export type EmailPreferences = z.infer<typeof EmailPreferencesSchema>;

/** Her preferences, kept with her account so they follow her to any device. `version` 0: never saved. */
export const PreferencesSchema = /* @__PURE__ */ lazy(() =>
  z.object({ locale: LocaleSchema, email: EmailPreferencesSchema, version: z.int() }),
);
export type Preferences = z.infer<typeof PreferencesSchema>;

/** PUT /api/members/me/preferences: the fields it names are replaced (email field by field), at the `version` read. */
export const PreferencesInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    locale: z.optional(LocaleSchema),
    email: z.optional(
      z.strictObject({
        enabled: z.optional(z.boolean()),
        digest: z.optional(z.enum(['daily', 'weekly'])),
        wording: z.optional(z.enum(['neutral', 'detailed'])),
        reminders: z.optional(z.boolean()),
        nudges: z.optional(z.boolean()),
      }),
    ),
    version: intIn(0),
  }),
);
export type PreferencesInput = z.infer<typeof PreferencesInputSchema>;
