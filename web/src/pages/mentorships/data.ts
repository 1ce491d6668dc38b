import { query } from '@solidjs/router';
import type { MentorshipState } from '../../../../shared/schemas';
import { api, unwrap } from '../../lib/api';

/** One page of the caller's mentorships on one side (mentor or mentee), newest first. */
export const getMyMentorships = query(
  (as: 'mentor' | 'mentee', state?: MentorshipState, cursor?: string) =>
    unwrap(api.mentorships.$get({ query: { as, state, cursor, limit: '50' } })),
  'my-mentorships',
);

export const preloadMentorships = () => {
  void getMyMentorships('mentee');
  void getMyMentorships('mentor');
};
