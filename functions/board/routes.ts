import { Hono } from 'hono/tiny';
import {
  ApplicationSchema,
  ApplicationsQuerySchema,
  BoardSummarySchema,
  DecidedSchema,
  DecisionSchema,
  pageOf,
} from '../../shared/schemas';
import { boardMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import { memberIdOrNotFound } from '../members/service';
import * as board from './service';

export const boardRoutes = new Hono<Env>()
  .get(
    '/summary',
    describe(
      DOCS && {
        summary: 'What waits for the board: pending applications, held posts, open report cases and unanswered messages',
        tags: ['board'],
        responses: { 200: { description: 'Counts', schema: BoardSummarySchema } },
      },
    ),
    boardMember,
    async (c) => respond(c, BoardSummarySchema, await board.summary(), 200),
  )
  .get(
    '/applications',
    describe(
      DOCS && {
        summary: 'Applications by status, oldest first',
        tags: ['board'],
        responses: { 200: { description: 'Page', schema: pageOf(ApplicationSchema) } },
      },
    ),
    boardMember,
    validate('query', ApplicationsQuerySchema),
    async (c) => respond(c, pageOf(ApplicationSchema), await board.listApplications(c.var.session, c.req.valid('query')), 200),
  )
  .post(
    '/applications/:memberId/decision',
    describe(
      DOCS && {
        summary: 'Approve or decline a pending application (reason required to decline)',
        tags: ['board'],
        responses: { 200: { description: 'Decided', schema: DecidedSchema } },
      },
    ),
    boardMember,
    validate('json', DecisionSchema),
    async (c) => {
      const id = memberIdOrNotFound(c.req.param('memberId'));
      const { decision, reason } = c.req.valid('json');
      return respond(c, DecidedSchema, await board.decide(c.var.session, id, decision, reason), 200);
    },
  );
