import * as z from 'zod/mini';
import { lazy } from './schemas';

/*
 * The board's insights (issue 14): counts by month, each small count suppressed. Same conventions
 * as shared/schemas.ts (zod/mini, built lazily on first use).
 */

/** The most months one answer spans. */
export const MAX_INSIGHT_MONTHS = 24;

const month = () => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Use a month as yyyy-mm.' }));

/** `from` and `to` are months (yyyy-mm), at most 24 of them; by default the last 12. */
export const InsightsQuerySchema = /* @__PURE__ */ lazy(() => z.strictObject({ from: z.optional(month()), to: z.optional(month()) }));

/** One number: a count, a mean, or nothing when it is suppressed (`suppressed: true`) or does not apply. */
export const InsightCellSchema = /* @__PURE__ */ lazy(() =>
  z.object({ value: z.nullable(z.number()), suppressed: z.optional(z.literal(true)) }),
);
export type InsightCell = z.infer<typeof InsightCellSchema>;

export const InsightPointSchema = /* @__PURE__ */ lazy(() =>
  z.object({ at: z.string(), value: z.nullable(z.number()), suppressed: z.optional(z.literal(true)) }),
);

/** A chart's line: a table's column over its rows (months, or ratings). */
export const InsightSeriesSchema = /* @__PURE__ */ lazy(() => z.object({ name: z.string(), points: z.array(InsightPointSchema) }));
export type InsightSeries = z.infer<typeof InsightSeriesSchema>;

/**
 * A table: column ids (the app words them), rows labelled by a month (yyyy-mm), a country code or
 * a rating, and the totals row where the columns add up (a column that does not, such as a running
 * total or a mean, has `value: null` there without `suppressed`, or the mean over the whole range).
 */
export const InsightTableSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    columns: z.array(z.string()),
    rows: z.array(z.object({ label: z.string(), cells: z.array(InsightCellSchema) })),
    totals: z.nullable(z.array(InsightCellSchema)),
  }),
);
export type InsightTable = z.infer<typeof InsightTableSchema>;

export const INSIGHT_TABLES = [
  'members',
  'countries',
  'applications',
  'requests',
  'mentorships',
  'feedback',
  'events',
  'discussion',
  'moderation',
] as const;
export type InsightTableId = (typeof INSIGHT_TABLES)[number];

export const InsightsSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    from: z.string(),
    to: z.string(),
    series: z.array(InsightSeriesSchema),
    tables: z.object({
      members: InsightTableSchema,
      countries: InsightTableSchema,
      applications: InsightTableSchema,
      requests: InsightTableSchema,
      mentorships: InsightTableSchema,
      feedback: InsightTableSchema,
      events: InsightTableSchema,
      discussion: InsightTableSchema,
      moderation: InsightTableSchema,
    }),
  }),
);
export type Insights = z.infer<typeof InsightsSchema>;
