import { query } from '@solidjs/router';
import { api, unwrap } from '../../lib/api';
import { getOwnProfile } from '../profile/data';

/** Ranked mentor suggestions for the caller, each with its reasons. */
export const getSuggestions = query(() => unwrap(api.matches.suggestions.$get({ query: { limit: '20' } })), 'suggestions');

export const preloadMentors = () => {
  void getSuggestions();
  // Her seeking goals prefill the request.
  void getOwnProfile();
};
