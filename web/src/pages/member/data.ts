import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { api, isStatus, unwrap } from '../../lib/api';

/** A member's profile as the caller may see it, or null when it is not visible (404). */
export const getMember = query(async (id: string) => {
  try {
    return await unwrap(api.members[':id'].$get({ param: { id } }));
  } catch (e) {
    if (isStatus(e, 404)) return null;
    throw e;
  }
}, 'member');

export const preloadMember = ({ params }: RoutePreloadFuncArgs) => void getMember(params.id ?? '');
