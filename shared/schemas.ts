import * as z from 'zod';
import { COUNTRY_CODES, EXPERTISE_CODES, isLanguageTag, isTimeZone } from './meta';
import { type AudienceLevel, PASSWORD_MIN_LENGTH, VISIBILITY_FIELDS, type VisibilityField } from './profile-fields';
import { normalizeName, normalizeText } from './text';

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
 */

// ---------------------------------------------------------------- auth

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address.' }))
  .transform((e) => e.toLowerCase());

export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(256, { message: 'Use at most 256 characters.' });

export const SignUpSchema = z.strictObject({ email: EmailSchema, password: PasswordSchema });
export const SignInSchema = z.strictObject({ email: EmailSchema, password: z.string().min(1).max(256) });
export const ConfirmSchema = z.strictObject({ email: EmailSchema, code: z.string().trim().min(1).max(16) });

export const UserSchema = z.object({ id: z.string(), email: z.string(), roles: z.array(z.string()) });
export type User = z.infer<typeof UserSchema>;

// ---------------------------------------------------------------- members

export const KindSchema = z.enum(['practitioner', 'champion']);
export type Kind = z.infer<typeof KindSchema>;

export const MemberStatusSchema = z.enum(['pending', 'active', 'declined', 'suspended', 'deactivated']);
export type MemberStatus = z.infer<typeof MemberStatusSchema>;

export const AudienceLevelSchema = z.enum(['board', 'partners', 'members'] satisfies AudienceLevel[]);

export const VisibilitySchema = z.strictObject(
  Object.fromEntries(VISIBILITY_FIELDS.map((f) => [f, AudienceLevelSchema.optional()])) as Record<
    VisibilityField,
    z.ZodOptional<typeof AudienceLevelSchema>
  >,
);

const shortText = (max: number) => z.string().max(max).transform(normalizeText);

export const DisplayNameSchema = z
  .string()
  .max(200)
  .transform(normalizeName)
  .pipe(z.string().min(1, { message: 'Enter a name.' }).max(60, { message: 'Use at most 60 characters.' }));

export const CountrySchema = z.string().refine((c) => COUNTRY_CODES.has(c), { message: 'Use an ISO 3166-1 alpha-2 country code.' });
export const ExpertiseSchema = z.enum(EXPERTISE_CODES);
export const LanguageSchema = z.string().refine(isLanguageTag, { message: 'Use a BCP-47 language tag.' });
export const TimezoneSchema = z.string().refine(isTimeZone, { message: 'Use an IANA time zone.' });

export const GoalsSchema = z.strictObject({
  shortTerm: shortText(500).default(''),
  mediumTerm: shortText(500).default(''),
  longTerm: shortText(500).default(''),
});
export type Goals = z.infer<typeof GoalsSchema>;

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, { message: 'Remove the duplicates.' });

export const MentoringSchema = z.strictObject({
  offering: z
    .strictObject({
      active: z.boolean().default(false),
      capacity: z.number().int().min(0).max(10).default(0),
      topics: uniqueList(ExpertiseSchema, 12).default([]),
      languages: uniqueList(LanguageSchema, 10).default([]),
    })
    .default({ active: false, capacity: 0, topics: [], languages: [] }),
  seeking: z
    .strictObject({
      active: z.boolean().default(false),
      topics: uniqueList(ExpertiseSchema, 12).default([]),
      goals: GoalsSchema.default({ shortTerm: '', mediumTerm: '', longTerm: '' }),
      sameCountryOnly: z.boolean().default(false),
      outsideOrganizationOnly: z.boolean().default(false),
    })
    .default({
      active: false,
      topics: [],
      goals: { shortTerm: '', mediumTerm: '', longTerm: '' },
      sameCountryOnly: false,
      outsideOrganizationOnly: false,
    }),
});
export type Mentoring = z.infer<typeof MentoringSchema>;

/** The body of PUT /api/members/me. status, roles and id are not in it: sending them is a 400. */
export const ProfileInputSchema = z.strictObject({
  displayName: DisplayNameSchema.optional(),
  kind: KindSchema.optional(),
  country: CountrySchema.optional(),
  organization: shortText(120).optional(),
  jobTitle: shortText(120).optional(),
  bio: shortText(2000).optional(),
  expertise: uniqueList(ExpertiseSchema, 12).optional(),
  languages: uniqueList(LanguageSchema, 10).optional(),
  timezone: TimezoneSchema.optional(),
  goals: GoalsSchema.optional(),
  mentoring: MentoringSchema.optional(),
  visibility: VisibilitySchema.optional(),
  statement: shortText(4000)
    .pipe(z.string().min(1, { message: 'Tell the board about your work.' }))
    .optional(),
  version: z.number().int().min(1).optional(),
});
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

/** A profile as the API returns it. Fields the viewer may not see are absent. */
export const ProfileSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  kind: KindSchema,
  country: z.string().optional(),
  organization: z.string().optional(),
  jobTitle: z.string().optional(),
  bio: z.string().optional(),
  expertise: z.array(z.string()).optional(),
  languages: z.array(z.string()).optional(),
  timezone: z.string().optional(),
  goals: GoalsSchema.optional(),
  mentoring: MentoringSchema.optional(),
  visibility: z.record(z.string(), AudienceLevelSchema).optional(),
  status: MemberStatusSchema.optional(),
  version: z.number().int().optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  status: MemberStatusSchema,
  profile: ProfileSchema.nullable(),
  decisionReason: z.string().optional(),
});
export type Me = z.infer<typeof MeSchema>;

// ---------------------------------------------------------------- lists

export const LimitSchema = z.coerce.number().int().min(1).max(50).default(20);
export const PageQuerySchema = z.strictObject({ limit: LimitSchema, cursor: z.string().max(2048).optional() });

export const DirectoryQuerySchema = z.strictObject({
  limit: LimitSchema,
  cursor: z.string().max(2048).optional(),
  expertise: ExpertiseSchema.optional(),
  country: CountrySchema.optional(),
  language: LanguageSchema.optional(),
  kind: KindSchema.optional(),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const BlockSchema = z.object({ memberId: z.string(), displayName: z.string(), at: z.string() });
export type Block = z.infer<typeof BlockSchema>;

// ---------------------------------------------------------------- board

export const ApplicationsQuerySchema = z.strictObject({
  status: z.enum(['pending', 'approved', 'declined']).default('pending'),
  limit: LimitSchema,
  cursor: z.string().max(2048).optional(),
});

export const ApplicationSchema = z.object({
  memberId: z.string(),
  profile: ProfileSchema,
  statement: z.string(),
  submittedAt: z.string(),
  decision: z.enum(['approve', 'decline']).optional(),
  reason: z.string().optional(),
  decidedAt: z.string().optional(),
});
export type Application = z.infer<typeof ApplicationSchema>;

export const DecisionSchema = z
  .strictObject({
    decision: z.enum(['approve', 'decline']),
    reason: shortText(1000).optional(),
  })
  .refine((d) => d.decision === 'approve' || (d.reason && d.reason.length > 0), {
    message: 'Give the applicant a reason when declining.',
    path: ['reason'],
  });

export const MetaSchema = z.object({
  expertise: z.array(z.object({ code: z.string(), label: z.string() })),
  countries: z.array(z.object({ code: z.string(), label: z.string() })),
  languages: z.array(z.object({ code: z.string(), label: z.string() })),
});

export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

// ---------------------------------------------------------------- mentorship

export const MentorshipStateSchema = z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'expired', 'completed', 'ended', 'suspended']);
export type MentorshipState = z.infer<typeof MentorshipStateSchema>;

export const MentorshipRequestSchema = z.strictObject({
  mentorId: z.string().min(1).max(64),
  message: shortText(2000).pipe(z.string().min(1, { message: 'Write a short message to the mentor.' })),
  goals: GoalsSchema.default({ shortTerm: '', mediumTerm: '', longTerm: '' }),
});

export const MentorshipListQuerySchema = z.strictObject({
  as: z.enum(['mentor', 'mentee']),
  state: MentorshipStateSchema.optional(),
  limit: LimitSchema,
  cursor: z.string().max(2048).optional(),
});

export const BoardMentorshipListQuerySchema = z.strictObject({
  state: MentorshipStateSchema.optional(),
  limit: LimitSchema,
  cursor: z.string().max(2048).optional(),
});

export const DeclineSchema = z.strictObject({
  reason: z.enum(['no_time', 'not_my_expertise', 'other']),
  note: shortText(1000).optional(),
});

export const ReasonSchema = z.strictObject({ reason: shortText(1000).pipe(z.string().min(1, { message: 'Give a reason.' })) });

export const CheckInInputSchema = z.strictObject({
  date: z.iso.date(),
  notes: shortText(4000).pipe(z.string().min(1, { message: 'Write what you talked about.' })),
  nextSteps: shortText(2000).default(''),
});

export const FeedbackInputSchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  text: shortText(4000).default(''),
});

export const MentorshipSchema = z.object({
  id: z.string(),
  mentorId: z.string(),
  menteeId: z.string(),
  state: MentorshipStateSchema,
  message: z.string(),
  goals: GoalsSchema,
  proposedBy: z.literal('board').optional(),
  cohortId: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
  decidedAt: z.string().optional(),
  closedBy: z.string().optional(),
  closeReason: z.string().optional(),
  declineReason: z.string().optional(),
  declineNote: z.string().optional(),
  version: z.number().int(),
});
export type Mentorship = z.infer<typeof MentorshipSchema>;

export const MatchReasonSchema = z.object({ code: z.string(), detail: z.string() });

export const SuggestionsQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const SuggestionSchema = z.object({ mentor: ProfileSchema, score: z.number(), reasons: z.array(MatchReasonSchema) });

export const CohortInputSchema = z.strictObject({
  menteeIds: z.array(z.string().min(1).max(64)).min(1).max(200),
  mentorIds: z.array(z.string().min(1).max(64)).min(1).max(100),
});

export const CohortPairsSchema = z.strictObject({
  pairs: z.array(z.strictObject({ menteeId: z.string().min(1).max(64), mentorId: z.string().min(1).max(64) })).max(200),
  version: z.number().int().min(1),
});

export const CohortSchema = z.object({
  id: z.string(),
  state: z.enum(['draft', 'published']),
  createdBy: z.string(),
  createdAt: z.string(),
  menteeIds: z.array(z.string()),
  mentorIds: z.array(z.string()),
  published: z
    .object({
      created: z.array(z.string()),
      skipped: z.array(z.object({ menteeId: z.string(), mentorId: z.string(), reason: z.string() })),
      at: z.string(),
    })
    .optional(),
  pairs: z.array(z.object({ menteeId: z.string(), mentorId: z.string(), score: z.number(), reasons: z.array(MatchReasonSchema) })),
  unassigned: z.array(z.object({ menteeId: z.string(), reason: z.string() })),
  totalScore: z.number(),
  version: z.number().int(),
});

// ---------------------------------------------------------------- discussion

export const AudienceSchema = z.enum(['members', 'practitioners', 'board']);
export const IdentitySchema = z.enum(['named', 'anonymous']);
const PostBodySchema = shortText(20_000).pipe(z.string().min(1, { message: 'Write something first.' }));

export const SpaceInputSchema = z.strictObject({
  name: shortText(80).pipe(z.string().min(1, { message: 'Name the space.' })),
  description: shortText(500).default(''),
  audience: AudienceSchema,
});
export const ThreadInputSchema = z.strictObject({
  title: shortText(200).pipe(z.string().min(1, { message: 'Give the thread a title.' })),
  body: PostBodySchema,
  identity: IdentitySchema.default('named'),
});
export const PostInputSchema = z.strictObject({ body: PostBodySchema, identity: IdentitySchema.default('named') });
export const PostEditSchema = z.strictObject({ body: PostBodySchema, version: z.number().int().min(1) });

export const SpaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  audience: AudienceSchema,
  audienceSize: z.number().optional(),
});
export const ThreadSchema = z.object({
  id: z.string(),
  spaceId: z.string(),
  title: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  identity: IdentitySchema,
  state: z.string(),
  locked: z.boolean(),
  pinned: z.boolean(),
  replyCount: z.number(),
  lastPostAt: z.string(),
  version: z.number(),
});
export const PostSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  identity: IdentitySchema,
  body: z.string(),
  state: z.string(),
  heldReasons: z.array(z.string()).optional(),
  moderationReason: z.string().optional(),
  version: z.number(),
  createdAt: z.string(),
});

// ---------------------------------------------------------------- moderation

export const ReportInputSchema = z.strictObject({
  targetType: z.enum(['post', 'thread', 'member']),
  targetId: z.string().min(1).max(64),
  reason: z.enum(['harassment', 'personal_data', 'unsafe', 'off_topic', 'spam', 'other']),
  note: shortText(2000).default(''),
});
export const ResolveInputSchema = z.strictObject({
  outcome: z.enum(['actioned', 'dismissed']),
  reason: shortText(1000).pipe(z.string().min(1, { message: 'Give a reason.' })),
});
export const SanctionInputSchema = z
  .strictObject({
    type: z.enum(['warn', 'read_only', 'suspend']),
    until: z.iso.datetime({ offset: true }).optional(),
    reason: shortText(1000).pipe(z.string().min(1, { message: 'Give a reason.' })),
  })
  .refine((s) => s.type === 'warn' || (s.until !== undefined && new Date(s.until).getTime() > Date.now()), {
    message: 'A read-only or suspension sanction needs a date in the future.',
    path: ['until'],
  });
export const RulesInputSchema = z.strictObject({
  watchedWords: z.array(shortText(80).pipe(z.string().min(1))).max(500),
  version: z.number().int().min(0),
});
