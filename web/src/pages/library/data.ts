import type { RoutePreloadFuncArgs, SearchParams } from '@solidjs/router';
import { asTheme, getLibraryPage, type LibraryFilters } from '../../lib/library';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** The filters in the address (?theme=&country=&language=, or ?mine=true); unknown themes are ignored. */
export function filtersFrom(search: SearchParams): LibraryFilters {
  if (one(search.mine) === 'true') return { mine: 'true' };
  return { theme: asTheme(one(search.theme)), country: one(search.country), language: one(search.language) };
}

export const preloadLibrary = ({ location }: RoutePreloadFuncArgs) => void getLibraryPage(filtersFrom(location.query));
