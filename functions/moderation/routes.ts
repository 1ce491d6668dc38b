import { Hono } from 'hono/tiny';
import type * as z from 'zod/mini';
import {
  BoardSanctionSchema,
  PageQuerySchema,
  pageOf,
  ReasonSchema,
  ReportInputSchema,
  ReportSchema,
  ResolveInputSchema,
  ResolvedCaseSchema,
  RulesInputSchema,
  RulesSchema,
  SanctionInputSchema,
  SanctionSchema,
} from '../../shared/schemas';
import { activeMember, boardMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { type ErrorStatus, DOCS, describe, type RouteDoc, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import * as moderation from './service';

const viewer = (c: { var: Env['Variables'] }) => ({ session: c.var.session, member: c.var.member });
const doc = (summary: string, status: number, schema: z.ZodMiniType, errors: ErrorStatus[] = []): RouteDoc => ({
  summary,
  tags: ['moderation'],
  responses: { [status]: { description: summary, schema } },
  errors,
});

export const reportRoutes = new Hono<Env>().post(
  '/',
  describe(
    DOCS &&
      doc('Report a post, thread or member (3 an hour); the reported member never learns who reported', 201, ReportSchema, [404, 429]),
  ),
  activeMember,
  validate('json', ReportInputSchema),
  async (c) => respond(c, ReportSchema, await moderation.report(viewer(c), c.req.valid('json')), 201),
);

export const caseRoutes = new Hono<Env>()
  .post(
    '/cases/:id/resolve',
    describe(DOCS && doc('Resolve an open case; its reporters are told the outcome', 200, ResolvedCaseSchema)),
    boardMember,
    validate('json', ResolveInputSchema),
    async (c) => respond(c, ResolvedCaseSchema, await moderation.resolveCase(viewer(c), c.req.param('id'), c.req.valid('json')), 200),
  )
  .post(
    '/members/:id/sanctions',
    describe(DOCS && doc('Warn, make read-only until a date, or suspend until a date', 201, SanctionSchema)),
    boardMember,
    validate('json', SanctionInputSchema),
    async (c) => respond(c, SanctionSchema, await moderation.sanction(viewer(c), c.req.param('id'), c.req.valid('json')), 201),
  )
  .get(
    '/members/:id/sanctions',
    describe(
      DOCS && {
        summary: 'Every sanction about a member, newest first: which is in force, which were lifted early (board)',
        tags: ['moderation'],
        responses: { 200: { description: 'Page', schema: pageOf(BoardSanctionSchema) } },
      },
    ),
    boardMember,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(BoardSanctionSchema), await moderation.sanctionsForBoard(c.req.param('id'), c.req.valid('query')), 200),
  )
  .post(
    '/members/:id/sanctions/:sanctionId/lift',
    describe(
      DOCS && {
        summary: 'End a read-only or suspension sanction early, with a reason (audited; 409 when it is no longer in force)',
        tags: ['moderation'],
        responses: { 200: { description: 'Lifted', schema: BoardSanctionSchema } },
      },
    ),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(
        c,
        BoardSanctionSchema,
        await moderation.liftSanction(viewer(c), c.req.param('id'), c.req.param('sanctionId'), c.req.valid('json').reason),
        200,
      ),
  )
  .get('/rules', describe(DOCS && doc('The held-content rules (board-managed watched words)', 200, RulesSchema)), boardMember, async (c) =>
    respond(c, RulesSchema, await moderation.getRules(), 200),
  )
  .put(
    '/rules',
    describe(DOCS && doc('Replace the watched words at the rules’ version', 200, RulesSchema)),
    boardMember,
    validate('json', RulesInputSchema),
    async (c) => respond(c, RulesSchema, await moderation.updateRules(viewer(c), c.req.valid('json')), 200),
  );
