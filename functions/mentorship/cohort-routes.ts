import { Hono } from 'hono/tiny';
import { CohortInputSchema, CohortPairsSchema, CohortSchema, PublishedCohortSchema } from '../../shared/schemas';
import { boardMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import * as cohorts from './cohorts';

/**
 * Whole-cohort matching for the board (`/api/board/cohorts`). Apart from the other mentorship
 * routes so that its optimiser, a board-only tool used a few times a year, is a Lambda function
 * of its own rather than weight on every mentorship request.
 */
export const cohortRoutes = new Hono<Env>()
  .post(
    '/cohorts',
    describe(
      DOCS && {
        summary: 'Draft the best assignment of a cohort of mentees to mentors',
        tags: ['board'],
        responses: { 201: { description: 'Draft', schema: CohortSchema } },
      },
    ),
    boardMember,
    validate('json', CohortInputSchema),
    async (c) => respond(c, CohortSchema, await cohorts.createCohort(c.var.session, c.req.valid('json')), 201),
  )
  .get(
    '/cohorts/:id',
    describe(DOCS && { summary: 'A cohort draft', tags: ['board'], responses: { 200: { description: 'Draft', schema: CohortSchema } } }),
    boardMember,
    async (c) => respond(c, CohortSchema, await cohorts.getCohort(c.req.param('id')), 200),
  )
  .put(
    '/cohorts/:id',
    describe(
      DOCS && {
        summary: 'Adjust the pairs of a draft',
        tags: ['board'],
        responses: { 200: { description: 'Draft', schema: CohortSchema } },
      },
    ),
    boardMember,
    validate('json', CohortPairsSchema),
    async (c) => respond(c, CohortSchema, await cohorts.adjustCohort(c.req.param('id'), c.req.valid('json')), 200),
  )
  .post(
    '/cohorts/:id/publish',
    describe(
      DOCS && {
        summary: 'Publish a draft as pending requests proposed by the board',
        tags: ['board'],
        responses: {
          200: {
            description: 'Published',
            schema: PublishedCohortSchema,
          },
        },
      },
    ),
    boardMember,
    async (c) => respond(c, PublishedCohortSchema, await cohorts.publishCohort(c.req.param('id')), 200),
  );
