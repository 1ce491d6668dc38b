import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';

/** Pending applications, oldest first; pass nextCursor for the next page. */
export const getPendingApplications = query(
  (cursor?: string) => unwrap(api.board.applications.$get({ query: { status: 'pending', cursor } })),
  'applications',
);

export const preloadApplications = () => void getPendingApplications();
