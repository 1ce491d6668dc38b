import { Hono } from 'hono/tiny';
import {
  BoardMentorshipListQuerySchema,
  CheckInEditSchema,
  CheckInInputSchema,
  CheckInSchema,
  DeclineSchema,
  FeedbackInputSchema,
  FeedbackSchema,
  MentorAvailabilitySchema,
  MentorshipListQuerySchema,
  MentorshipRequestSchema,
  MentorshipSchema,
  PageQuerySchema,
  ReasonSchema,
  SuggestionListSchema,
  SuggestionsQuerySchema,
  VersionQuerySchema,
  pageOf,
} from '../../shared/schemas';
import { activeMember, boardMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, type RouteDoc, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import * as mentorships from './service';

const one = (summary: string): RouteDoc => ({
  summary,
  tags: ['mentorship'],
  responses: { 200: { description: 'The mentorship', schema: MentorshipSchema } },
});

export const matchRoutes = new Hono<Env>()
  .get(
    '/suggestions',
    describe(
      DOCS && {
        summary: 'Ranked mentor suggestions, each with its reasons',
        tags: ['mentorship'],
        responses: { 200: { description: 'Suggestions', schema: SuggestionListSchema } },
      },
    ),
    activeMember,
    validate('query', SuggestionsQuerySchema),
    async (c) =>
      respond(
        c,
        SuggestionListSchema,
        { items: await mentorships.suggestions(c.var.session, c.req.valid('query').limit, c.var.member) },
        200,
      ),
  )
  .get(
    '/mentors/:id',
    describe(
      DOCS && {
        summary: 'Whether the caller may ask this member for mentoring now (offering, with a free place, no open request)',
        tags: ['mentorship'],
        responses: { 200: { description: 'Availability', schema: MentorAvailabilitySchema } },
      },
    ),
    activeMember,
    async (c) => respond(c, MentorAvailabilitySchema, await mentorships.availability(c.var.session, c.req.param('id')), 200),
  );

export const mentorshipRoutes = new Hono<Env>()
  .post(
    '/',
    describe(
      DOCS && {
        summary: 'Ask a mentor (the caller is the mentee)',
        tags: ['mentorship'],
        responses: { 201: { description: 'Requested', schema: MentorshipSchema } },
        errors: [404],
      },
    ),
    activeMember,
    validate('json', MentorshipRequestSchema),
    async (c) => respond(c, MentorshipSchema, await mentorships.request(c.var.session, c.req.valid('json')), 201),
  )
  .get(
    '/',
    describe(
      DOCS && {
        summary: 'Own mentorships as mentor or mentee, newest first',
        tags: ['mentorship'],
        responses: { 200: { description: 'Page', schema: pageOf(MentorshipSchema) } },
      },
    ),
    activeMember,
    validate('query', MentorshipListQuerySchema),
    async (c) => respond(c, pageOf(MentorshipSchema), await mentorships.list(c.var.session, c.req.valid('query')), 200),
  )
  .get('/:id', describe(DOCS && one('A mentorship: its two parties and the board')), activeMember, async (c) =>
    respond(c, MentorshipSchema, await mentorships.get(c.var.session, c.req.param('id')), 200),
  )
  .post('/:id/accept', describe(DOCS && one('The mentor accepts (never past her capacity)')), activeMember, async (c) =>
    respond(c, MentorshipSchema, await mentorships.accept(c.var.session, c.req.param('id')), 200),
  )
  .post(
    '/:id/decline',
    describe(DOCS && one('The mentor declines with a reason')),
    activeMember,
    validate('json', DeclineSchema),
    async (c) => respond(c, MentorshipSchema, await mentorships.decline(c.var.session, c.req.param('id'), c.req.valid('json')), 200),
  )
  .post('/:id/withdraw', describe(DOCS && one('The mentee withdraws her pending request')), activeMember, async (c) =>
    respond(c, MentorshipSchema, await mentorships.withdraw(c.var.session, c.req.param('id')), 200),
  )
  .post('/:id/complete', describe(DOCS && one('Either party completes an accepted mentorship')), activeMember, async (c) =>
    respond(c, MentorshipSchema, await mentorships.close(c.var.session, c.req.param('id'), 'completed'), 200),
  )
  .post('/:id/end', describe(DOCS && one('Either party ends an accepted mentorship')), activeMember, async (c) =>
    respond(c, MentorshipSchema, await mentorships.close(c.var.session, c.req.param('id'), 'ended'), 200),
  )
  .post(
    '/:id/suspend',
    describe(DOCS && one('The board suspends an open mentorship')),
    boardMember,
    validate('json', ReasonSchema),
    async (c) => respond(c, MentorshipSchema, await mentorships.suspend(c.var.session, c.req.param('id'), c.req.valid('json').reason), 200),
  )
  .post(
    '/:id/check-ins',
    describe(
      DOCS && {
        summary: 'Log a check-in (the two parties only)',
        tags: ['mentorship'],
        responses: { 201: { description: 'Logged', schema: CheckInSchema } },
      },
    ),
    activeMember,
    validate('json', CheckInInputSchema),
    async (c) => respond(c, CheckInSchema, await mentorships.addCheckIn(c.var.session, c.req.param('id'), c.req.valid('json')), 201),
  )
  .patch(
    '/:id/check-ins/:checkInId',
    describe(
      DOCS && {
        summary: 'Edit a check-in (its author only, at its version)',
        tags: ['mentorship'],
        responses: { 200: { description: 'Edited', schema: CheckInSchema } },
      },
    ),
    activeMember,
    validate('json', CheckInEditSchema),
    async (c) =>
      respond(
        c,
        CheckInSchema,
        await mentorships.editCheckIn(c.var.session, c.req.param('id'), c.req.param('checkInId'), c.req.valid('json')),
        200,
      ),
  )
  .delete(
    '/:id/check-ins/:checkInId',
    describe(
      DOCS && {
        summary: 'Delete a check-in (its author only, at its version)',
        tags: ['mentorship'],
        responses: { 204: { description: 'Deleted' } },
      },
    ),
    activeMember,
    validate('query', VersionQuerySchema),
    async (c) => {
      await mentorships.deleteCheckIn(c.var.session, c.req.param('id'), c.req.param('checkInId'), c.req.valid('query').version);
      return c.body(null, 204);
    },
  )
  .get(
    '/:id/check-ins',
    describe(
      DOCS && {
        summary: 'The check-in log (the two parties only), latest meeting first',
        tags: ['mentorship'],
        responses: { 200: { description: 'Page', schema: pageOf(CheckInSchema) } },
      },
    ),
    activeMember,
    validate('query', PageQuerySchema),
    async (c) =>
      respond(c, pageOf(CheckInSchema), await mentorships.listCheckIns(c.var.session, c.req.param('id'), c.req.valid('query')), 200),
  )
  .post(
    '/:id/feedback',
    describe(
      DOCS && {
        summary: 'Private feedback to the board once the mentorship has ended',
        tags: ['mentorship'],
        responses: { 201: { description: 'Sent', schema: FeedbackSchema } },
      },
    ),
    activeMember,
    validate('json', FeedbackInputSchema),
    async (c) => respond(c, FeedbackSchema, await mentorships.addFeedback(c.var.session, c.req.param('id'), c.req.valid('json')), 201),
  );

export const boardMentorshipRoutes = new Hono<Env>()
  .get(
    '/mentorships',
    describe(
      DOCS && {
        summary: 'Every mentorship and its state (never check-in notes)',
        tags: ['board'],
        responses: { 200: { description: 'Page', schema: pageOf(MentorshipSchema) } },
      },
    ),
    boardMember,
    validate('query', BoardMentorshipListQuerySchema),
    async (c) => respond(c, pageOf(MentorshipSchema), await mentorships.listForBoard(c.req.valid('query')), 200),
  )
  .get(
    '/mentorships/feedback',
    describe(
      DOCS && {
        summary: "Feedback given at the end of mentorships, newest first (each member's rating and comment)",
        tags: ['board'],
        responses: { 200: { description: 'Page', schema: pageOf(FeedbackSchema) } },
      },
    ),
    boardMember,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(FeedbackSchema), await mentorships.listFeedbackForBoard(c.var.session, c.req.valid('query')), 200),
  );
