import * as z from 'zod/mini';
import { CountrySchema, LanguageSchema, LimitSchema, lazy } from './schemas';
import { normalizeText } from './text';
import { SEARCH_KINDS, SEARCH_THEMES, type SearchKind } from './search-kinds';

/*
 * Search across what she may open (issue 14): practices, threads, posts, events and members.
 */

export { SEARCH_KINDS, SEARCH_THEMES, type SearchKind };

/** Longest query: a sentence, not a document. */
export const SEARCH_QUERY_MAX = 200;

export const SearchQuerySchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    // Trimmed and NFC first, so two spaces are not a query.
    q: z.pipe(z.string().check(z.maxLength(SEARCH_QUERY_MAX), z.overwrite(normalizeText)), z.string().check(z.minLength(2))),
    kind: z.optional(z.enum(SEARCH_KINDS)),
    country: z.optional(CountrySchema),
    theme: z.optional(z.enum(SEARCH_THEMES)),
    language: z.optional(LanguageSchema),
    /** Dates (`YYYY-MM-DD`, UTC), both ends included. */
    from: z.optional(z.iso.date()),
    to: z.optional(z.iso.date()),
    limit: LimitSchema,
    cursor: z.optional(z.string().check(z.maxLength(2048))),
  }),
);
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** Where the words she typed are, as UTF-16 offsets into the text they belong to: the app marks them, never HTML. */
export const SearchMatchSchema = /* @__PURE__ */ lazy(() => z.object({ start: z.int(), end: z.int() }));

export const SearchResultSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    kind: z.enum(SEARCH_KINDS),
    id: z.string(),
    title: z.string(),
    /** Plain text: a short window of the document around the first match (empty for a member). */
    excerpt: z.string(),
    /** The matches in `excerpt`. */
    matches: z.array(SearchMatchSchema),
    /** The matches in `title`. */
    titleMatches: z.array(SearchMatchSchema),
    link: z.string(),
    at: z.string(),
  }),
);
export type SearchResult = z.infer<typeof SearchResultSchema>;
