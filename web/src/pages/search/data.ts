import { query, type RoutePreloadFuncArgs, type SearchParams } from '@solidjs/router';
import { SEARCH_KINDS, SEARCH_THEMES, type SearchKind } from '../../../../shared/search-kinds';
import { api, unwrap } from '../../lib/api';

export type SearchFilters = {
  q: string;
  kind?: SearchKind;
  country?: string;
  theme?: (typeof SEARCH_THEMES)[number];
  language?: string;
  from?: string;
  to?: string;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The search in the address (?q=&kind=&country=&theme=&language=&from=&to=); unknown codes are ignored. */
export function searchFrom(search: SearchParams): SearchFilters {
  const kind = one(search.kind);
  const theme = one(search.theme);
  const from = one(search.from);
  const to = one(search.to);
  return {
    q: one(search.q) ?? '',
    kind: SEARCH_KINDS.find((k) => k === kind),
    country: one(search.country),
    theme: SEARCH_THEMES.find((t) => t === theme),
    language: one(search.language),
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
  };
}

/** Whether the words are enough to search (the API refuses fewer than two characters). */
export const searchable = (q: string) => [...q.trim()].length >= 2;

/** One page of results; pass the previous page's nextCursor for the next one. Null before she typed enough. */
export const getSearchPage = query(async (filters: SearchFilters, cursor?: string) => {
  if (!searchable(filters.q)) return null;
  return unwrap(api.search.$get({ query: { ...filters, q: filters.q.trim(), cursor } }));
}, 'search');

export const preloadSearch = ({ location }: RoutePreloadFuncArgs) => void getSearchPage(searchFrom(location.query));
