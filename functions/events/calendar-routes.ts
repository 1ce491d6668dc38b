import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { ValidationError } from '../lib/errors';
import { activeMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe } from '../lib/openapi';
import { calendar } from './calendar';

/**
 * `?title=` of the calendar route (`neutral`, the default, or `full`), checked by hand with the
 * answers `validate()` gives: this function's bundle carries the `ics` package, and zod (with the
 * shared schemas' locale) on top of it would take the bundle past its 150 kB budget.
 */
function titleChoice(c: Context): 'neutral' | 'full' {
  const query = c.req.queries();
  const unknown = Object.keys(query).filter((k) => k !== 'title');
  if (unknown.length)
    throw new ValidationError('Some fields are not valid.', [
      { path: 'query', code: 'unknown_field', message: `Unknown field: ${unknown.join(', ')}.`, params: { fields: unknown } },
    ]);
  const given = query.title;
  if (given === undefined) return 'neutral';
  const [value] = given;
  if (given.length === 1 && (value === 'neutral' || value === 'full')) return value;
  throw new ValidationError('Some fields are not valid.', [
    { path: 'title', code: 'invalid_enum', message: 'Use neutral or full.', params: { options: ['neutral', 'full'] } },
  ]);
}

/**
 * The calendar file, mounted at /api/events beside the events API; in AWS its own function, so
 * that the `ics` package stays out of the programme function's bundle.
 */
export const calendarRoutes = new Hono<Env>().get(
  '/:id/calendar',
  describe(
    DOCS && {
      summary:
        'The event as a calendar file for a registered member: titled "Meeting" unless she asks for the full title (?title=full; the default is ?title=neutral)',
      tags: ['programme'],
      responses: { 200: { description: 'An iCalendar file', mediaType: 'text/calendar' } },
      errors: [400],
    },
  ),
  activeMember,
  async (c) => {
    const body = await calendar(c.var.session, c.var.member, c.req.param('id'), titleChoice(c));
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="event.ics"',
    });
  },
);
