import { agendaRoutes, eventRoutes, seriesRoutes } from '../events/routes';
import { conversationRoutes, unreadConversationRoutes } from '../conversations/routes';
import { createApi } from '../lib/http';
import { planRoutes, sharedPlanRoutes } from '../plan/routes';

/**
 * The growth programme (issue 12) in AWS: development plans, events and series, agendas and the
 * conversations of accepted mentorships. One Lambda function, so that the mentorship and members
 * functions (already near the bundle budget) carry none of it; API Gateway sends it the paths
 * listed for `programme` in infra/stacks/app-stack.ts (more specific routes win over `{proxy+}`).
 * Each area mounts its sub-app here and in functions/app.ts. A meeting's calendar file
 * (conversations/calendar-routes.ts) is not here: it carries `ics`, and belongs with the events'
 * calendar files in their own function.
 */
export const programmeApi = createApi()
  .route('/api/plan', planRoutes)
  .route('/api/members', sharedPlanRoutes)
  .route('/api/events', eventRoutes)
  .route('/api/series', seriesRoutes)
  .route('/api/agenda', agendaRoutes)
  .route('/api/mentorships', conversationRoutes)
  .route('/api/conversations', unreadConversationRoutes);
