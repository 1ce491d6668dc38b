import * as z from 'zod/mini';
// `lazy` from its own module: schemas.ts imports this file (the queue and the export name practices),
// so a top-level call into schemas.ts here would run before that module has.
import { lazy } from './lazy';
import { AudienceSchema, CountrySchema, IdentitySchema, LanguageSchema, LimitSchema } from './schemas';
import { normalizeText } from './text';
import { PRACTICE_THEMES, type PracticeTheme } from './practice-themes';

/*
 * The library of good practices (issue 14): structured entries members submit, the board reviews
 * (the same queue and held-content rules as posts), members read in their audience, mark useful and
 * discuss. Same conventions as shared/schemas.ts (zod/mini, built lazily on first use).
 */

export { PRACTICE_THEMES, type PracticeTheme };

export const PRACTICE_LIMITS = { title: 200, summary: 1000, section: 20_000, countries: 20 } as const;

const text = (max: number) => z.string().check(z.maxLength(max), z.overwrite(normalizeText));
const required = (max: number, message: string) => z.pipe(text(max), z.string().check(z.minLength(1, { message })));
const cursor = () => z.optional(z.string().check(z.maxLength(2048)));
const unique = <T extends z.ZodMiniType<string>>(item: T, min: number, max: number) =>
  z.array(item).check(
    z.minLength(min, { message: 'Choose at least one.' }),
    z.maxLength(max),
    z.refine((xs) => new Set(xs).size === xs.length, { message: 'Remove the duplicates.', params: { code: 'duplicate_items' } }),
  );

export const PracticeThemeSchema = /* @__PURE__ */ lazy(() => z.enum(PRACTICE_THEMES));
/** Waiting for the board, readable in its audience, refused by the board, or withdrawn by its author. */
export const PracticeStateSchema = /* @__PURE__ */ lazy(() => z.enum(['pending', 'published', 'rejected', 'removed']));

/** The fields a revision is made of (a submission and every edit). */
const contentFields = () => ({
  title: required(PRACTICE_LIMITS.title, 'Give the practice a title.'),
  summary: required(PRACTICE_LIMITS.summary, 'Write a short summary.'),
  countries: unique(CountrySchema, 1, PRACTICE_LIMITS.countries),
  themes: unique(PracticeThemeSchema, 1, PRACTICE_THEMES.length),
  done: required(PRACTICE_LIMITS.section, 'Say what was done.'),
  worked: required(PRACTICE_LIMITS.section, 'Say what worked.'),
  didNotWork: z._default(text(PRACTICE_LIMITS.section), ''),
  language: LanguageSchema,
  /** Whether members may write to her through the platform about it (never an address; not offered when anonymous). */
  contact: z._default(z.boolean(), false),
});

export const PracticeInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    ...contentFields(),
    identity: z._default(IdentitySchema, 'named'),
    audience: z._default(AudienceSchema, 'members'),
  }),
);
export type PracticeInput = z.infer<typeof PracticeInputSchema>;

/** An edit by the author: any of the fields, at the practice's `version`; it goes back to the board. */
export const PracticeEditSchema = /* @__PURE__ */ lazy(() => {
  const f = contentFields();
  return z.strictObject({
    title: z.optional(f.title),
    summary: z.optional(f.summary),
    countries: z.optional(f.countries),
    themes: z.optional(f.themes),
    done: z.optional(f.done),
    worked: z.optional(f.worked),
    didNotWork: z.optional(text(PRACTICE_LIMITS.section)),
    language: z.optional(f.language),
    contact: z.optional(z.boolean()),
    identity: z.optional(IdentitySchema),
    audience: z.optional(AudienceSchema),
    version: z.int().check(z.minimum(1)),
  });
});
export type PracticeEdit = z.infer<typeof PracticeEditSchema>;

export const PracticeListQuerySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    limit: LimitSchema,
    cursor: cursor(),
    theme: z.optional(PracticeThemeSchema),
    country: z.optional(CountrySchema),
    language: z.optional(LanguageSchema),
    /** `true`: her own practices, whatever their state, newest first (filters do not apply). */
    mine: z.optional(z.enum(['true', 'false'])),
  }),
);
export type PracticeListQuery = z.infer<typeof PracticeListQuerySchema>;

export const PracticeFileSchema = /* @__PURE__ */ lazy(() =>
  z.object({ id: z.string(), name: z.string(), type: z.string(), size: z.number() }),
);

/** A practice's own content, as answered: the same fields in a practice and in each of its revisions. */
const answeredContent = () => ({
  title: z.string(),
  summary: z.string(),
  countries: z.array(z.string()),
  themes: z.array(PracticeThemeSchema),
  done: z.string(),
  worked: z.string(),
  didNotWork: z.string(),
  language: z.string(),
  contact: z.boolean(),
  identity: IdentitySchema,
});

/**
 * A practice as the caller may see it. Members read its last published revision; its author and
 * the board read the latest one (`state` is that revision's) and learn whether an earlier one is
 * still live. `authorId` is null for an anonymous practice, except to the board and its author.
 */
export const PracticeSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    ...answeredContent(),
    authorId: z.nullable(z.string()),
    authorName: z.string(),
    audience: AudienceSchema,
    state: PracticeStateSchema,
    files: z.array(PracticeFileSchema),
    useful: z.number(),
    /** Whether she marked it useful (only on a single practice, not in lists). */
    markedUseful: z.optional(z.boolean()),
    version: z.number(),
    /** Which revision this is (1 for the first submission). */
    revision: z.number(),
    /** To the author and the board, while a newer revision waits: the revision members still read. */
    liveRevision: z.optional(z.nullable(z.number())),
    heldReasons: z.optional(z.array(z.string())),
    moderationReason: z.optional(z.string()),
    threadId: z.nullable(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.nullable(z.string()),
  }),
);
export type Practice = z.infer<typeof PracticeSchema>;

/** A card in the library's list: what a member chooses by, not the whole text. */
export const PracticeSummarySchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    countries: z.array(z.string()),
    themes: z.array(PracticeThemeSchema),
    language: z.string(),
    identity: IdentitySchema,
    authorName: z.string(),
    audience: AudienceSchema,
    state: PracticeStateSchema,
    useful: z.number(),
    revision: z.number(),
    publishedAt: z.nullable(z.string()),
    updatedAt: z.string(),
  }),
);
export type PracticeSummary = z.infer<typeof PracticeSummarySchema>;

/** One revision of a practice as submitted, with the board's decision on it (author and board only). */
export const PracticeRevisionSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    revision: z.number(),
    ...answeredContent(),
    audience: AudienceSchema,
    state: PracticeStateSchema,
    heldReasons: z.array(z.string()),
    moderationReason: z.optional(z.string()),
    createdAt: z.string(),
    decidedAt: z.optional(z.string()),
  }),
);
export type PracticeRevision = z.infer<typeof PracticeRevisionSchema>;

/** The discussion thread of a practice. */
export const PracticeThreadSchema = /* @__PURE__ */ lazy(() => z.object({ threadId: z.string(), state: z.string() }));
