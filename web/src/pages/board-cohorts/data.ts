import { query, type RoutePreloadFuncArgs, type SearchParams } from '@solidjs/router';
import type { Kind } from '../../../../shared/schemas';
import { api, isStatus, unwrap } from '../../lib/api';

/** The cohort in the address (`?cohort=`), if any. */
export const cohortIdFrom = (search: SearchParams): string | undefined => {
  const v = search.cohort;
  return (Array.isArray(v) ? v[0] : v) || undefined;
};

/** A cohort draft (or published cohort), or null when there is no such cohort (404). */
export const getCohort = query(async (id: string) => {
  try {
    return await unwrap(api.board.cohorts[':id'].$get({ param: { id } }));
  } catch (e) {
    if (isStatus(e, 404)) return null;
    throw e;
  }
}, 'cohort');

/** Members to pick from, 50 at a time, optionally of one kind. The board sees every field, mentoring included. */
export const getCandidates = query(
  (kind?: Kind, cursor?: string) => unwrap(api.members.$get({ query: { kind, cursor, limit: '50' } })),
  'cohort-candidates',
);

export const preloadCohorts = ({ location }: RoutePreloadFuncArgs) => {
  const id = cohortIdFrom(location.query);
  if (id) void getCohort(id);
  else void getCandidates();
};
