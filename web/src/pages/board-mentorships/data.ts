import { query, type RoutePreloadFuncArgs, type SearchParams } from '@solidjs/router';
import type { MentorshipState } from '../../../../shared/schemas';
import { api, unwrap } from '../../lib/api';
import { asMentorshipState } from '../../lib/mentorship-states';

/** The state filter in the address (`?state=`); unknown values mean every state. */
export function stateFrom(search: SearchParams): MentorshipState | undefined {
  return asMentorshipState(Array.isArray(search.state) ? search.state[0] : search.state);
}

/** One page of every mentorship in the network (states only: the board never sees check-in notes). */
export const getBoardMentorships = query(
  (state?: MentorshipState, cursor?: string) => unwrap(api.board.mentorships.$get({ query: { state, cursor } })),
  'board-mentorships',
);

export const preloadBoardMentorships = ({ location }: RoutePreloadFuncArgs) => void getBoardMentorships(stateFrom(location.query));

/** One page of the feedback members gave at the end of their mentorships (the board only). */
export const getBoardFeedback = query(
  (cursor?: string) => unwrap(api.board.mentorships.feedback.$get({ query: { cursor } })),
  'board-feedback',
);
