import { Hono } from 'hono/tiny';
import {
  AgendaItemSchema,
  AgendaQuerySchema,
  AttendanceInputSchema,
  AttendanceResultSchema,
  EventFeedbackInputSchema,
  EventFeedbackPageSchema,
  EventFeedbackSchema,
  EventInputSchema,
  EventListQuerySchema,
  EventPatchSchema,
  EventSchema,
  MaterialsInputSchema,
  RegistrationResultSchema,
  RegistrationRowSchema,
  RegistrationsQuerySchema,
  SeriesDetailSchema,
  SeriesFeedbackSchema,
  SeriesInputSchema,
  SeriesSchema,
} from '../../shared/events-schemas';
import { PageQuerySchema, pageOf } from '../../shared/schemas';
import { activeMember, boardMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, type RouteDoc, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import * as events from './service';

const oneEvent = (summary: string, status = 200): RouteDoc => ({
  summary,
  tags: ['programme'],
  responses: { [status]: { description: 'The event', schema: EventSchema } },
});

/** The programme's events (issue 12): mounted at /api/events. */
export const eventRoutes = new Hono<Env>()
  .post(
    '/',
    describe(DOCS && oneEvent('The board creates an event (a webinar, or a coaching session online or in person)', 201)),
    boardMember,
    validate('json', EventInputSchema),
    async (c) => respond(c, EventSchema, await events.createEvent(c.var.session, c.req.valid('json')), 201),
  )
  .get(
    '/',
    describe(
      DOCS && {
        summary: 'Events whose audience includes her, by start: upcoming by default, past with `to`',
        tags: ['programme'],
        responses: { 200: { description: 'Page', schema: pageOf(EventSchema) } },
      },
    ),
    activeMember,
    validate('query', EventListQuerySchema),
    async (c) => respond(c, pageOf(EventSchema), await events.listEvents(c.var.session, c.var.member, c.req.valid('query')), 200),
  )
  .get('/:id', describe(DOCS && oneEvent('An event: to its audience, its hosts and the board')), activeMember, async (c) =>
    respond(c, EventSchema, await events.getEvent(c.var.session, c.var.member, c.req.param('id')), 200),
  )
  .patch(
    '/:id',
    describe(DOCS && oneEvent('The board edits an event (with its version)')),
    activeMember,
    validate('json', EventPatchSchema),
    async (c) =>
      respond(c, EventSchema, await events.updateEvent(c.var.session, c.var.member, c.req.param('id'), c.req.valid('json')), 200),
  )
  .post(
    '/:id/registration',
    describe(
      DOCS && {
        summary: 'Register, or join the waiting list when every place is taken',
        tags: ['programme'],
        responses: { 201: { description: 'Registered or waiting', schema: RegistrationResultSchema } },
      },
    ),
    activeMember,
    async (c) => respond(c, RegistrationResultSchema, await events.register(c.var.session, c.var.member, c.req.param('id')), 201),
  )
  .delete(
    '/:id/registration',
    describe(
      DOCS && {
        summary: 'Cancel her registration or her place on the waiting list (the first waiting takes a freed place)',
        tags: ['programme'],
        responses: { 204: { description: 'Cancelled' } },
      },
    ),
    activeMember,
    async (c) => {
      await events.cancel(c.var.session, c.var.member, c.req.param('id'));
      return c.body(null, 204);
    },
  )
  .post(
    '/:id/attendance',
    describe(
      DOCS && {
        summary: 'The board or a host marks who attended (or, with attended: false, who did not)',
        tags: ['programme'],
        responses: { 200: { description: 'Marked', schema: AttendanceResultSchema } },
      },
    ),
    activeMember,
    validate('json', AttendanceInputSchema),
    async (c) =>
      respond(
        c,
        AttendanceResultSchema,
        await events.markAttendance(c.var.session, c.var.member, c.req.param('id'), c.req.valid('json')),
        200,
      ),
  )
  .patch(
    '/:id/materials',
    describe(DOCS && oneEvent('The board or a host shares the materials (links) once the event has begun')),
    activeMember,
    validate('json', MaterialsInputSchema),
    async (c) =>
      respond(c, EventSchema, await events.setMaterials(c.var.session, c.var.member, c.req.param('id'), c.req.valid('json')), 200),
  )
  .post(
    '/:id/feedback',
    describe(
      DOCS && {
        summary: 'Her feedback on an event she attended (once)',
        tags: ['programme'],
        responses: { 201: { description: 'Given', schema: EventFeedbackSchema } },
      },
    ),
    activeMember,
    validate('json', EventFeedbackInputSchema),
    async (c) =>
      respond(c, EventFeedbackSchema, await events.giveFeedback(c.var.session, c.var.member, c.req.param('id'), c.req.valid('json')), 201),
  )
  .get(
    '/:id/feedback',
    describe(
      DOCS && {
        summary: 'The board: the feedback on an event (counts, average, comments without names)',
        tags: ['programme'],
        responses: { 200: { description: 'Summary and page', schema: EventFeedbackPageSchema } },
      },
    ),
    activeMember,
    validate('query', PageQuerySchema),
    async (c) =>
      respond(
        c,
        EventFeedbackPageSchema,
        await events.feedbackPage(c.var.session, c.var.member, c.req.param('id'), c.req.valid('query')),
        200,
      ),
  )
  .get(
    '/:id/registrations',
    describe(
      DOCS && {
        summary: 'The board or a host: registrations, the waiting list and attendance',
        tags: ['programme'],
        responses: { 200: { description: 'Page', schema: pageOf(RegistrationRowSchema) } },
      },
    ),
    activeMember,
    validate('query', RegistrationsQuerySchema),
    async (c) =>
      respond(
        c,
        pageOf(RegistrationRowSchema),
        await events.registrations(c.var.session, c.var.member, c.req.param('id'), c.req.valid('query')),
        200,
      ),
  );

/** Series of events: mounted at /api/series. */
export const seriesRoutes = new Hono<Env>()
  .post(
    '/',
    describe(
      DOCS && {
        summary: 'The board creates a series',
        tags: ['programme'],
        responses: { 201: { description: 'Created', schema: SeriesSchema } },
      },
    ),
    boardMember,
    validate('json', SeriesInputSchema),
    async (c) => respond(c, SeriesSchema, await events.createSeries(c.var.session, c.req.valid('json')), 201),
  )
  .get(
    '/',
    describe(
      DOCS && {
        summary: 'The series, newest first',
        tags: ['programme'],
        responses: { 200: { description: 'Page', schema: pageOf(SeriesSchema) } },
      },
    ),
    activeMember,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(SeriesSchema), await events.listSeries(c.req.valid('query')), 200),
  )
  .get(
    '/:id',
    describe(
      DOCS && {
        summary: 'A series: its parts she may see and her progress',
        tags: ['programme'],
        responses: { 200: { description: 'The series', schema: SeriesDetailSchema } },
      },
    ),
    activeMember,
    async (c) => respond(c, SeriesDetailSchema, await events.getSeriesDetail(c.var.session, c.var.member, c.req.param('id')), 200),
  )
  .get(
    '/:id/feedback',
    describe(
      DOCS && {
        summary: 'The board: registrations, attendance and feedback per part of a series',
        tags: ['programme'],
        responses: { 200: { description: 'Per part and overall', schema: SeriesFeedbackSchema } },
      },
    ),
    boardMember,
    async (c) => respond(c, SeriesFeedbackSchema, await events.seriesFeedback(c.var.session, c.var.member, c.req.param('id')), 200),
  );

/** Her agenda: mounted at /api/agenda. */
export const agendaRoutes = new Hono<Env>().get(
  '/',
  describe(
    DOCS && {
      summary: 'Her agenda from a date: events she is registered for and meetings agreed in her mentorships',
      tags: ['programme'],
      responses: { 200: { description: 'Page', schema: pageOf(AgendaItemSchema) } },
    },
  ),
  activeMember,
  validate('query', AgendaQuerySchema),
  async (c) => respond(c, pageOf(AgendaItemSchema), await events.agenda(c.var.session, c.req.valid('query')), 200),
);
