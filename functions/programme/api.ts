import { agendaRoutes, eventRoutes, seriesRoutes } from '../events/routes';
import { createApi } from '../lib/http';
import { planRoutes, sharedPlanRoutes } from '../plan/routes';

/**
 * The growth programme (issue 12) in AWS: development plans, events, series and agendas, in one
 * Lambda function, so that the mentorship and members functions carry none of it; API Gateway
 * sends it the paths listed for `programme` in infra/stacks/app-stack.ts (more specific routes win
 * over `{proxy+}`). Each area mounts its sub-app here and in functions/app.ts. The conversations
 * of mentorships are a function of their own (handlers/conversations.ts), and calendar files
 * (which carry `ics`) another (handlers/calendar.ts): together they took this one past its budget.
 */
export const programmeApi = createApi()
  .route('/api/plan', planRoutes)
  .route('/api/members', sharedPlanRoutes)
  .route('/api/events', eventRoutes)
  .route('/api/series', seriesRoutes)
  .route('/api/agenda', agendaRoutes);
