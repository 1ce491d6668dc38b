import { PRACTICE_THEMES } from './practice-themes';

/*
 * What a search can be narrowed to, on its own without zod (see practice-themes.ts): the web app's
 * search page and its data import these.
 */

export const SEARCH_KINDS = ['practice', 'thread', 'post', 'event', 'member'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The library's themes: one list, the practices' (the contract's codes). */
export const SEARCH_THEMES = PRACTICE_THEMES;
