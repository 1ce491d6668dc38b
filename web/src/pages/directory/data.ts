import { query, type RoutePreloadFuncArgs, type SearchParams } from '@solidjs/router';
import type { ExpertiseCode } from '../../../../shared/meta';
import { EXPERTISE_CODES } from '../../../../shared/meta';
import type { Kind } from '../../../../shared/schemas';
import { api, unwrap } from '../../lib/api';
import { asKind } from '../../lib/kinds';

export type DirectoryFilters = { expertise?: ExpertiseCode; country?: string; language?: string; kind?: Kind };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The filters in the address (?expertise=&country=&language=&kind=); unknown codes are ignored. */
export function filtersFrom(search: SearchParams): DirectoryFilters {
  const expertise = one(search.expertise);
  return {
    expertise: EXPERTISE_CODES.find((c) => c === expertise),
    country: one(search.country),
    language: one(search.language),
    kind: asKind(one(search.kind)),
  };
}

/** One page of the directory; pass the previous page's nextCursor for the next one. */
export const getDirectoryPage = query(
  (filters: DirectoryFilters, cursor?: string) => unwrap(api.members.$get({ query: { ...filters, cursor } })),
  'directory',
);

export const preloadDirectory = ({ location }: RoutePreloadFuncArgs) => void getDirectoryPage(filtersFrom(location.query));
