import { lambdaHandler } from '../lib/lambda';
import { conversationCalendarRoutes } from '../conversations/calendar-routes';
import { calendarRoutes } from '../events/calendar-routes';
import { createApi } from '../lib/http';

/**
 * The programme's calendar files (an event's, a meeting agreed in a mentorship conversation), in
 * a function of their own: the `ics` package they are made with ships beside it (nodeModules).
 */
export const handler = lambdaHandler(
  createApi().route('/api/events', calendarRoutes).route('/api/mentorships', conversationCalendarRoutes),
);
