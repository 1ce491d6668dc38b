import * as z from 'zod/mini';
import { CountrySchema, KindSchema, LanguageSchema, LimitSchema, lazy } from './schemas';
import { FileSummarySchema } from './files-schemas';
import { normalizeText } from './text';

/*
 * The programme's events and series (issue 12): the board's webinars and coaching sessions, the
 * members' registrations, attendance, materials and feedback, and her agenda. Same conventions as
 * shared/schemas.ts (zod/mini, built lazily on first use).
 */

const text = (max: number) => z.string().check(z.maxLength(max), z.overwrite(normalizeText));
const required = (max: number, message: string) => z.pipe(text(max), z.string().check(z.minLength(1, { message })));
const id = () => z.string().check(z.minLength(1), z.maxLength(64));
const cursor = () => z.optional(z.string().check(z.maxLength(2048)));
const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const unique = <T extends z.ZodMiniType<string>>(item: T, max: number) =>
  z.array(item).check(
    z.maxLength(max),
    z.refine((xs) => new Set(xs).size === xs.length, { message: 'Remove the duplicates.', params: { code: 'duplicate_items' } }),
  );
const instant = () => z.iso.datetime({ offset: true });

/** Links members open (join, materials): https only, so no `javascript:` or plain-text link reaches a page. */
export const HttpsUrlSchema = /* @__PURE__ */ lazy(() =>
  z.string().check(
    z.maxLength(2000),
    z.refine(
      (u) => {
        try {
          return new URL(u).protocol === 'https:';
        } catch {
          return false;
        }
      },
      { message: 'Use an https:// address.', params: { code: 'invalid_format' } },
    ),
  ),
);

export const EVENT_KINDS = ['webinar', 'coaching'] as const;
export const EventKindSchema = /* @__PURE__ */ lazy(() => z.enum(EVENT_KINDS));
export const EventModeSchema = /* @__PURE__ */ lazy(() => z.enum(['online', 'in_person']));

/** Who may see and register: empty is every member; a cohort (memberIds) and/or kinds and countries. */
export const AudienceSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    kinds: z.optional(unique(KindSchema, 2)),
    countries: z.optional(unique(CountrySchema, 60)),
    memberIds: z.optional(unique(id(), 200)),
  }),
);
export type Audience = z.infer<typeof AudienceSchema>;

export const HostsInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    memberIds: z._default(unique(id(), 10), []),
    guests: z._default(z.array(required(120, 'Give the guest’s name.')).check(z.maxLength(10)), []),
  }),
);

export const MaterialSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ title: required(200, 'Give the link a title.'), url: HttpsUrlSchema }),
);
export type Material = z.infer<typeof MaterialSchema>;

export const EventInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    kind: EventKindSchema,
    mode: z._default(EventModeSchema, 'online'),
    title: required(200, 'Give the event a title.'),
    description: z._default(text(4000), ''),
    hosts: z._default(HostsInputSchema, { memberIds: [], guests: [] }),
    startsAt: instant(),
    endsAt: instant(),
    languages: unique(LanguageSchema, 10).check(z.minLength(1)),
    audience: z._default(AudienceSchema, {}),
    capacity: intIn(1, 10000),
    joinUrl: z.optional(HttpsUrlSchema),
    place: z.optional(required(300, 'Give the place.')),
    seriesId: z.optional(id()),
    part: z.optional(intIn(1, 20)),
    joinOpensMinutes: z._default(intIn(0, 1440), 30),
  }),
);
export type EventInput = z.infer<typeof EventInputSchema>;

export const EventPatchSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    mode: z.optional(EventModeSchema),
    title: z.optional(required(200, 'Give the event a title.')),
    description: z.optional(text(4000)),
    hosts: z.optional(HostsInputSchema),
    startsAt: z.optional(instant()),
    endsAt: z.optional(instant()),
    languages: z.optional(unique(LanguageSchema, 10).check(z.minLength(1))),
    audience: z.optional(AudienceSchema),
    capacity: z.optional(intIn(1, 10000)),
    joinUrl: z.optional(z.nullable(HttpsUrlSchema)),
    place: z.optional(z.nullable(required(300, 'Give the place.'))),
    joinOpensMinutes: z.optional(intIn(0, 1440)),
    version: intIn(1, Number.MAX_SAFE_INTEGER),
  }),
);
export type EventPatch = z.infer<typeof EventPatchSchema>;

export const RegistrationStateSchema = /* @__PURE__ */ lazy(() => z.enum(['registered', 'waitlisted', 'attended']));

export const EventSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    id: z.string(),
    seriesId: z.optional(z.string()),
    part: z.optional(z.number()),
    /** How many parts its series has: "part 2 of 4". */
    seriesParts: z.optional(z.number()),
    kind: EventKindSchema,
    mode: EventModeSchema,
    title: z.string(),
    description: z.string(),
    hosts: z.object({ members: z.array(z.object({ id: z.string(), name: z.string() })), guests: z.array(z.string()) }),
    startsAt: z.string(),
    endsAt: z.string(),
    languages: z.array(z.string()),
    /** The cohort's member ids only to the board and the hosts. */
    audience: z.object({
      kinds: z.optional(z.array(z.string())),
      countries: z.optional(z.array(z.string())),
      memberIds: z.optional(z.array(z.string())),
    }),
    capacity: z.number(),
    registered: z.number(),
    waitlisted: z.number(),
    place: z.optional(z.string()),
    joinUrl: z.optional(z.string()),
    /** When the join link appears to a registered member. */
    joinOpensAt: z.string(),
    materials: z.array(z.object({ title: z.string(), url: z.string() })),
    /** Its files (checked attachments, issue 14): on the event's own page (GET /api/events/:id), not in lists. */
    files: z.optional(z.array(FileSummarySchema)),
    myRegistration: z.union([RegistrationStateSchema, z.null()]),
    /** Whether she has given her feedback on it. */
    myFeedback: z.boolean(),
    /** Whether the caller may mark attendance, add materials and see the registrations (the board, a host). */
    canManage: z.boolean(),
    createdAt: z.string(),
    version: z.number(),
  }),
);
export type EventView = z.infer<typeof EventSchema>;

export const EventListQuerySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    from: z.optional(instant()),
    to: z.optional(instant()),
    seriesId: z.optional(id()),
    language: z.optional(LanguageSchema),
    kind: z.optional(EventKindSchema),
    limit: LimitSchema,
    cursor: cursor(),
  }),
);
export type EventListQuery = z.infer<typeof EventListQuerySchema>;

export const RegistrationResultSchema = /* @__PURE__ */ lazy(() => z.object({ state: z.enum(['registered', 'waitlisted']) }));

export const CalendarQuerySchema = /* @__PURE__ */ lazy(() => z.strictObject({ title: z.optional(z.enum(['neutral', 'full'])) }));

export const AttendanceInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ memberIds: unique(id(), 500).check(z.minLength(1)), attended: z._default(z.boolean(), true) }),
);
export const AttendanceResultSchema = /* @__PURE__ */ lazy(() =>
  z.object({ marked: z.array(z.string()), notRegistered: z.array(z.string()) }),
);

export const MaterialsInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ materials: z.array(MaterialSchema).check(z.maxLength(20)), version: intIn(1, Number.MAX_SAFE_INTEGER) }),
);

export const EventFeedbackInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ rating: intIn(1, 5), comment: z._default(text(2000), '') }),
);
export const EventFeedbackSchema = /* @__PURE__ */ lazy(() => z.object({ rating: z.number(), comment: z.string(), at: z.string() }));

export const RegistrationRowSchema = /* @__PURE__ */ lazy(() =>
  z.object({ memberId: z.string(), name: z.string(), state: RegistrationStateSchema, at: z.string() }),
);
export const RegistrationsQuerySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ state: z.optional(RegistrationStateSchema), limit: LimitSchema, cursor: cursor() }),
);

/** Counts and the average of a set of feedback; `ratings[i]` counts the rating i + 1. */
export const FeedbackSummarySchema = /* @__PURE__ */ lazy(() =>
  z.object({ count: z.number(), average: z.nullable(z.number()), ratings: z.array(z.number()) }),
);
export const EventFeedbackPageSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    summary: FeedbackSummarySchema,
    items: z.array(z.object({ rating: z.number(), comment: z.string(), at: z.string() })),
    nextCursor: z.nullable(z.string()),
  }),
);

export const SeriesInputSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    title: required(200, 'Give the series a title.'),
    description: z._default(text(4000), ''),
    parts: intIn(1, 20),
  }),
);
export const SeriesSchema = /* @__PURE__ */ lazy(() =>
  z.object({ id: z.string(), title: z.string(), description: z.string(), parts: z.number(), createdAt: z.string(), version: z.number() }),
);
export type Series = z.infer<typeof SeriesSchema>;
export const SeriesDetailSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    series: SeriesSchema,
    events: z.array(EventSchema),
    progress: z.object({ attended: z.number(), parts: z.number() }),
    /** When she completed every part (recorded on her record; shown to her only). */
    completedAt: z.nullable(z.string()),
  }),
);
export const SeriesFeedbackSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    summary: FeedbackSummarySchema,
    parts: z.array(
      z.object({
        eventId: z.string(),
        part: z.nullable(z.number()),
        title: z.string(),
        registered: z.number(),
        attended: z.number(),
        summary: FeedbackSummarySchema,
      }),
    ),
  }),
);

export const AgendaQuerySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({ from: z.optional(instant()), limit: LimitSchema, cursor: cursor() }),
);
export const AgendaItemSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    kind: z.enum(['event', 'meeting']),
    refId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    /** An event's title; a meeting has none (the app calls it a mentoring meeting). */
    title: z.nullable(z.string()),
    link: z.string(),
  }),
);
export type AgendaItem = z.infer<typeof AgendaItemSchema>;
