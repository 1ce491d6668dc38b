import type { MentorshipState } from '../../../shared/schemas';

/* Apart from the rest of lib/mentorship, so that a route's data file can use it without loading more. */

/** The order in which states are grouped: what needs attention first, closed ones last. */
export const MENTORSHIP_STATES: readonly MentorshipState[] = [
  'pending',
  'accepted',
  'completed',
  'ended',
  'declined',
  'withdrawn',
  'expired',
  'suspended',
];

export const asMentorshipState = (v: string | undefined): MentorshipState | undefined => MENTORSHIP_STATES.find((s) => s === v);
