import { handle } from 'hono/aws-lambda';
import { calendarRoutes } from '../events/calendar-routes';
import { createApi } from '../lib/http';

/** The programme's calendar files (GET /api/events/{id}/calendar), apart for the size of the `ics` package. */
export const handler = handle(createApi().route('/api/events', calendarRoutes));
