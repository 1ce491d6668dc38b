import { query } from '@solidjs/router';
import { api, isStatus, unwrap } from '../../lib/api';

/** Her own development plan (version 0 before she first writes it). */
export const getOwnPlan = query(() => unwrap(api.plan.$get()), 'own-plan');

/** A member's plan shared with the caller, or null when it is not (404: not shared, or no plan). */
export const getSharedPlan = query(async (memberId: string) => {
  try {
    return await unwrap(api.members[':id'].plan.$get({ param: { id: memberId } }));
  } catch (e) {
    if (isStatus(e, 404)) return null;
    throw e;
  }
}, 'shared-plan');

/** Her accepted mentorships as mentee: the ones she may share her plan with. */
export const getShareableMentorships = query(
  () => unwrap(api.mentorships.$get({ query: { as: 'mentee', state: 'accepted', limit: '50' } })),
  'shareable-mentorships',
);

export type { Plan } from '../../../../shared/plan-schemas';

export const preloadPlan = () => {
  void getOwnPlan();
  void getShareableMentorships();
};
