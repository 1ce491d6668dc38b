import { Hono } from 'hono/tiny';
import type * as z from 'zod/mini';
import {
  AuditEntrySchema,
  PageQuerySchema,
  PostEditSchema,
  PostInputSchema,
  PostSchema,
  QueueItemSchema,
  ReasonSchema,
  SpaceInputSchema,
  SpaceSchema,
  ThreadInputSchema,
  ThreadSchema,
  pageOf,
} from '../../shared/schemas';
import { activeMember, activeMemberReading, boardMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { type ErrorStatus, DOCS, describe, type RouteDoc, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import { auditPage } from '../moderation/service';
import * as discussion from './service';

const viewer = (c: { var: Env['Variables'] }): discussion.Viewer => ({ session: c.var.session, member: c.var.member });
const doc = (summary: string, status: number, schema?: z.ZodMiniType, errors: ErrorStatus[] = []): RouteDoc => ({
  summary,
  tags: ['discussion'],
  responses: { [status]: { description: summary, ...(schema ? { schema } : {}) } },
  errors,
});

export const spaceRoutes = new Hono<Env>()
  .get(
    '/',
    describe(DOCS && doc('The spaces the caller may see', 200, pageOf(SpaceSchema))),
    activeMember,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(SpaceSchema), await discussion.listSpaces(viewer(c), c.req.valid('query')), 200),
  )
  .post(
    '/',
    describe(DOCS && doc('Create a space with an audience (board)', 201, SpaceSchema)),
    boardMember,
    validate('json', SpaceInputSchema),
    async (c) => respond(c, SpaceSchema, await discussion.createSpace(viewer(c), c.req.valid('json')), 201),
  )
  .get(
    '/:id/threads',
    describe(DOCS && doc('Threads of a space, pinned first, then newest activity', 200, pageOf(ThreadSchema))),
    activeMember,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(ThreadSchema), await discussion.listThreads(viewer(c), c.req.param('id'), c.req.valid('query')), 200),
  )
  .post(
    '/:id/threads',
    describe(DOCS && doc('Start a thread (held for review when the rules say so)', 201, ThreadSchema, [429])),
    activeMember,
    validate('json', ThreadInputSchema),
    async (c) => respond(c, ThreadSchema, await discussion.createThread(viewer(c), c.req.param('id'), c.req.valid('json')), 201),
  );

export const threadRoutes = new Hono<Env>()
  .get('/:id', describe(DOCS && doc('A thread', 200, ThreadSchema)), activeMember, async (c) =>
    respond(c, ThreadSchema, await discussion.getThread(viewer(c), c.req.param('id')), 200),
  )
  .get(
    '/:id/posts',
    describe(DOCS && doc('Posts of a thread, oldest first', 200, pageOf(PostSchema))),
    activeMemberReading((c) => discussion.threadReadKeys(c.req.param('id'))),
    validate('query', PageQuerySchema),
    async (c) =>
      respond(c, pageOf(PostSchema), await discussion.listPosts(viewer(c), c.req.param('id'), c.req.valid('query'), c.var.also), 200),
  )
  .post(
    '/:id/posts',
    describe(DOCS && doc('Reply (409 when the thread is locked)', 201, PostSchema, [429])),
    activeMember,
    validate('json', PostInputSchema),
    async (c) => respond(c, PostSchema, await discussion.reply(viewer(c), c.req.param('id'), c.req.valid('json')), 201),
  );

export const postRoutes = new Hono<Env>()
  .patch(
    '/:id',
    describe(DOCS && doc('Edit an own post at its version', 200, PostSchema)),
    activeMember,
    validate('json', PostEditSchema),
    async (c) => respond(c, PostSchema, await discussion.editPost(viewer(c), c.req.param('id'), c.req.valid('json')), 200),
  )
  .delete('/:id', describe(DOCS && doc('Remove an own post', 200, PostSchema)), activeMember, async (c) =>
    respond(c, PostSchema, await discussion.removePost(viewer(c), c.req.param('id')), 200),
  );

export const moderationRoutes = new Hono<Env>()
  .get(
    '/queue',
    describe(DOCS && doc('Held posts and open report cases with their subjects, oldest first (board)', 200, pageOf(QueueItemSchema))),
    boardMember,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(QueueItemSchema), await discussion.moderationQueue(viewer(c), c.req.valid('query')), 200),
  )
  .post(
    '/posts/:id/approve',
    describe(DOCS && doc('Approve a held post', 200, PostSchema)),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(c, PostSchema, await discussion.decidePost(viewer(c), c.req.param('id'), 'approve', c.req.valid('json').reason), 200),
  )
  .post(
    '/posts/:id/reject',
    describe(DOCS && doc('Reject a held post (the author sees the reason)', 200, PostSchema)),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(c, PostSchema, await discussion.decidePost(viewer(c), c.req.param('id'), 'reject', c.req.valid('json').reason), 200),
  )
  .post(
    '/posts/:id/hide',
    describe(DOCS && doc('Hide a published post (the author sees the reason)', 200, PostSchema)),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(c, PostSchema, await discussion.hideOrRestore(viewer(c), c.req.param('id'), 'hide', c.req.valid('json').reason), 200),
  )
  .post(
    '/posts/:id/restore',
    describe(DOCS && doc('Restore a hidden post', 200, PostSchema)),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(c, PostSchema, await discussion.hideOrRestore(viewer(c), c.req.param('id'), 'restore', c.req.valid('json').reason), 200),
  )
  .post(
    '/threads/:id/lock',
    describe(DOCS && doc('Lock a thread', 200, ThreadSchema)),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(c, ThreadSchema, await discussion.threadAction(viewer(c), c.req.param('id'), 'lock', c.req.valid('json').reason), 200),
  )
  .post(
    '/threads/:id/unlock',
    describe(DOCS && doc('Unlock a thread', 200, ThreadSchema)),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(c, ThreadSchema, await discussion.threadAction(viewer(c), c.req.param('id'), 'unlock', c.req.valid('json').reason), 200),
  )
  .post(
    '/threads/:id/pin',
    describe(DOCS && doc('Pin a thread', 200, ThreadSchema)),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(c, ThreadSchema, await discussion.threadAction(viewer(c), c.req.param('id'), 'pin', c.req.valid('json').reason), 200),
  )
  .post(
    '/threads/:id/unpin',
    describe(DOCS && doc('Unpin a thread', 200, ThreadSchema)),
    boardMember,
    validate('json', ReasonSchema),
    async (c) =>
      respond(c, ThreadSchema, await discussion.threadAction(viewer(c), c.req.param('id'), 'unpin', c.req.valid('json').reason), 200),
  )
  .get(
    '/audit',
    describe(DOCS && doc('The audit log, newest first (append-only)', 200, pageOf(AuditEntrySchema))),
    boardMember,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(AuditEntrySchema), await auditPage(c.req.valid('query')), 200),
  );
