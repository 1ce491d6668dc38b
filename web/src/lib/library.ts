import type { InferResponseType } from 'hono/client';
import { query } from '@solidjs/router';
import { PRACTICE_THEMES, type PracticeTheme } from '../../../shared/practice-themes';
import { t } from '../i18n';
import { api, isStatus, unwrap } from './api';

/** The library of good practices (issue 14): its list, one practice, and the words for its codes. */

export type LibraryFilters = { theme?: PracticeTheme; country?: string; language?: string; mine?: 'true' };
export type Practice = InferResponseType<(typeof api.practices)[':id']['$get'], 200>;
export type PracticeCard = InferResponseType<typeof api.practices.$get, 200>['items'][number];

/** One page of the library; pass the previous page's nextCursor for the next one. */
export const getLibraryPage = query(
  (filters: LibraryFilters, cursor?: string) => unwrap(api.practices.$get({ query: { ...filters, cursor } })),
  'library',
);

/** A practice as she may read it, or null when it is not shared with her (404). */
export const getPractice = query(async (id: string) => {
  try {
    return await unwrap(api.practices[':id'].$get({ param: { id } }));
  } catch (e) {
    if (isStatus(e, 404)) return null;
    throw e;
  }
}, 'practice');

export const asTheme = (v: string | undefined): PracticeTheme | undefined => PRACTICE_THEMES.find((x) => x === v);
export const themeName = (theme: PracticeTheme): string => t(`library.theme.${theme}`);
export const themeOptions = () => PRACTICE_THEMES.map((value) => ({ value, label: themeName(value) }));
export const audienceName = (a: 'members' | 'practitioners' | 'board'): string => t(`library.audience.${a}`);
export const stateName = (s: 'pending' | 'published' | 'rejected' | 'removed'): string => t(`library.state.${s}`);

/** The author as members read it: an anonymous practice names nobody, in her language. */
export const authorWords = (p: { identity: 'named' | 'anonymous'; authorName: string; authorId?: string | null }): string =>
  p.identity === 'anonymous' && !p.authorId ? t('library.anonymous') : p.authorName;
