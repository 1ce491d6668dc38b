import { query } from '@solidjs/router';
import { api, isStatus, unwrap } from '../../lib/api';
import { getOwnProfile } from '../profile/data';

/** Ranked mentor suggestions for the caller, each with its reasons. */
export const getSuggestions = query(() => unwrap(api.matches.suggestions.$get({ query: { limit: '20' } })), 'suggestions');

export const preloadMentors = () => {
  void getSuggestions();
  // Her seeking goals prefill the request.
  void getOwnProfile();
};

/** Whether the caller may ask this member for mentoring now; null when she cannot ask anyone (403) or see her (404). */
export const getAvailability = query(async (mentorId: string) => {
  try {
    return await unwrap(api.matches.mentors[':id'].$get({ param: { id: mentorId } }));
  } catch (e) {
    if (isStatus(e, 403) || isStatus(e, 404)) return null;
    throw e;
  }
}, 'mentor-availability');
