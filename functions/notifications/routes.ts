import { Hono } from 'hono';
import * as z from 'zod';
import { PageQuerySchema, pageOf } from '../../shared/schemas';
import { signedIn } from '../lib/guards';
import type { Env } from '../lib/http';
import { describe } from '../lib/openapi';
import { validate } from '../lib/validation';
import { listNotifications, markRead } from './repository';

const NotificationSchema = z.object({ id: z.string(), type: z.string(), at: z.string(), read: z.boolean(), link: z.string() });
const IdParam = z.strictObject({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/) });

export const notificationRoutes = new Hono<Env>()
  .get(
    '/',
    describe({
      summary: 'Own notifications, newest first',
      tags: ['notifications'],
      responses: { 200: { description: 'Page', schema: pageOf(NotificationSchema) } },
    }),
    signedIn,
    validate('query', PageQuerySchema),
    async (c) => {
      const q = c.req.valid('query');
      const userId = c.var.session.userId;
      return c.json(await listNotifications(userId, { limit: q.limit, cursor: q.cursor, scope: `notif:${userId}` }), 200);
    },
  )
  .post(
    '/:id/read',
    describe({ summary: 'Mark a notification read', tags: ['notifications'], responses: { 204: { description: 'Read' } } }),
    signedIn,
    async (c) => {
      const parsed = IdParam.safeParse(c.req.param());
      if (!parsed.success) return c.json({ error: { code: 'not_found', message: 'Not found.' } }, 404);
      await markRead(c.var.session.userId, parsed.data.id);
      return c.body(null, 204);
    },
  );
