import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { api, isStatus, unwrap } from '../../lib/api';

/** A mentorship the caller is part of (or the board), or null when she cannot see it (404). */
export const getMentorship = query(async (id: string) => {
  try {
    return await unwrap(api.mentorships[':id'].$get({ param: { id } }));
  } catch (e) {
    if (isStatus(e, 404)) return null;
    throw e;
  }
}, 'mentorship');

/** The check-in log of an accepted mentorship, newest first. */
export const getCheckIns = query(
  (id: string) => unwrap(api.mentorships[':id']['check-ins'].$get({ param: { id }, query: { limit: '50' } })),
  'check-ins',
);

/** The next page of check-ins, for "Load more". */
export const fetchCheckInsPage = (id: string, cursor: string) =>
  unwrap(api.mentorships[':id']['check-ins'].$get({ param: { id }, query: { limit: '50', cursor } }));

export const preloadMentorship = ({ params }: RoutePreloadFuncArgs) => void getMentorship(params.id ?? '');
