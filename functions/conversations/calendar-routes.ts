import { Hono } from 'hono/tiny';
import { activeMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe } from '../lib/openapi';
import { meetingCalendar } from './calendar';

/**
 * The calendar file of an agreed meeting, mounted at /api/mentorships. In AWS it belongs to the
 * calendar function (with the events' calendar files), so that `ics` stays out of the programme
 * function; it takes no body or query, so no validator (and no zod) comes with it.
 */
export const conversationCalendarRoutes = new Hono<Env>().get(
  '/:id/messages/:messageId/calendar',
  describe(
    DOCS && {
      summary: 'The agreed meeting as a calendar file (its two members), titled "Meeting" and naming no one',
      tags: ['conversations'],
      responses: { 200: { description: 'An iCalendar file', mediaType: 'text/calendar' } },
    },
  ),
  activeMember,
  async (c) => {
    const ics = await meetingCalendar(c.var.session, c.req.param('id'), c.req.param('messageId'));
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="meeting.ics"',
    });
  },
);
