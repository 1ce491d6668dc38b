import { Hono } from 'hono/tiny';
import { NotificationIdSchema, NotificationSchema, PageQuerySchema, pageOf } from '../../shared/schemas';
import { signedIn } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import { listNotifications, markRead } from './repository';

export const notificationRoutes = new Hono<Env>()
  .get(
    '/',
    describe(
      DOCS && {
        summary: 'Own notifications, newest first',
        tags: ['notifications'],
        responses: { 200: { description: 'Page', schema: pageOf(NotificationSchema) } },
      },
    ),
    signedIn,
    validate('query', PageQuerySchema),
    async (c) => {
      const q = c.req.valid('query');
      const userId = c.var.session.userId;
      return respond(
        c,
        pageOf(NotificationSchema),
        await listNotifications(userId, { limit: q.limit, cursor: q.cursor, scope: `notif:${userId}`, board: c.var.session.isBoard }),
        200,
      );
    },
  )
  .post(
    '/:id/read',
    describe(DOCS && { summary: 'Mark a notification read', tags: ['notifications'], responses: { 204: { description: 'Read' } } }),
    signedIn,
    async (c) => {
      const parsed = NotificationIdSchema.safeParse(c.req.param());
      if (!parsed.success) return c.json({ error: { code: 'not_found', message: 'Not found.' } }, 404);
      await markRead(c.var.session.userId, parsed.data.id);
      return c.body(null, 204);
    },
  );
