import { Hono } from 'hono/tiny';
import type * as z from 'zod/mini';
import {
  PracticeEditSchema,
  PracticeInputSchema,
  PracticeListQuerySchema,
  PracticeRevisionSchema,
  PracticeSchema,
  PracticeSummarySchema,
  PracticeThreadSchema,
} from '../../shared/practice-schemas';
import { PageQuerySchema, ReasonSchema, pageOf } from '../../shared/schemas';
import { activeMember, boardMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { type ErrorStatus, DOCS, describe, type RouteDoc, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import * as practices from './service';

const viewer = (c: { var: Env['Variables'] }): practices.Viewer => ({ session: c.var.session, member: c.var.member });
const doc = (summary: string, status: number, schema?: z.ZodMiniType, errors: ErrorStatus[] = []): RouteDoc => ({
  summary,
  tags: ['knowledge'],
  responses: { [status]: { description: summary, ...(schema ? { schema } : {}) } },
  errors,
});

export const practiceRoutes = new Hono<Env>()
  .get(
    '/',
    describe(
      DOCS &&
        doc(
          'Published practices in her audiences, newest first, by theme, country and language; or her own (mine=true)',
          200,
          pageOf(PracticeSummarySchema),
        ),
    ),
    activeMember,
    validate('query', PracticeListQuerySchema),
    async (c) => respond(c, pageOf(PracticeSummarySchema), await practices.list(viewer(c), c.req.valid('query')), 200),
  )
  .post(
    '/',
    describe(DOCS && doc('Submit a practice (it waits for the board; the board’s own are published at once)', 201, PracticeSchema, [429])),
    activeMember,
    validate('json', PracticeInputSchema),
    async (c) => respond(c, PracticeSchema, await practices.submit(viewer(c), c.req.valid('json')), 201),
  )
  .get('/:id', describe(DOCS && doc('A practice as she may read it', 200, PracticeSchema)), activeMember, async (c) =>
    respond(c, PracticeSchema, await practices.get(viewer(c), c.req.param('id')), 200),
  )
  .patch(
    '/:id',
    describe(DOCS && doc('Edit an own practice at its version: a new revision, back to the board', 200, PracticeSchema, [429])),
    activeMember,
    validate('json', PracticeEditSchema),
    async (c) => respond(c, PracticeSchema, await practices.edit(viewer(c), c.req.param('id'), c.req.valid('json')), 200),
  )
  .delete(
    '/:id',
    describe(DOCS && doc('Withdraw an own practice: members no longer read it; the history stays', 200, PracticeSchema)),
    activeMember,
    async (c) => respond(c, PracticeSchema, await practices.withdraw(viewer(c), c.req.param('id')), 200),
  )
  .get(
    '/:id/versions',
    describe(DOCS && doc('Every revision of a practice, oldest first (its author and the board)', 200, pageOf(PracticeRevisionSchema))),
    activeMember,
    validate('query', PageQuerySchema),
    async (c) =>
      respond(c, pageOf(PracticeRevisionSchema), await practices.revisions(viewer(c), c.req.param('id'), c.req.valid('query')), 200),
  )
  .put('/:id/useful', describe(DOCS && doc('Mark it useful (once per member; again is a no-op)', 204)), activeMember, async (c) => {
    await practices.useful(viewer(c), c.req.param('id'), true);
    return c.body(null, 204);
  })
  .delete('/:id/useful', describe(DOCS && doc('Take back her useful mark', 204)), activeMember, async (c) => {
    await practices.useful(viewer(c), c.req.param('id'), false);
    return c.body(null, 204);
  })
  .post(
    '/:id/thread',
    describe(DOCS && doc('Open (or find) the practice’s discussion thread', 200, PracticeThreadSchema, [429])),
    activeMember,
    async (c) => respond(c, PracticeThreadSchema, await practices.openThread(viewer(c), c.req.param('id')), 200),
  );

export const practiceModerationRoutes = new Hono<Env>()
  .post(
    '/:id/approve',
    describe(DOCS && doc('Publish the practice’s waiting revision (audited)', 200, PracticeSchema)),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(c, PracticeSchema, await practices.decide(viewer(c), c.req.param('id'), 'approve', c.req.valid('json').reason), 200),
  )
  .post(
    '/:id/reject',
    describe(DOCS && doc('Reject the practice’s waiting revision; the author sees the reason (audited)', 200, PracticeSchema)),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(c, PracticeSchema, await practices.decide(viewer(c), c.req.param('id'), 'reject', c.req.valid('json').reason), 200),
  );
