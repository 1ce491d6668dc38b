import { Hono } from 'hono/tiny';
import {
  AnnouncementAudienceSchema,
  AnnouncementInputSchema,
  AnnouncementSchema,
  AnnouncementSentSchema,
} from '../../shared/announcement-schemas';
import { PageQuerySchema, pageOf } from '../../shared/schemas';
import { activeMember, boardMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import * as announcements from './service';

/** The board writes and lists announcements (mounted at /api/board/announcements). */
export const boardAnnouncementRoutes = new Hono<Env>()
  .post(
    '/',
    describe(
      DOCS && {
        summary: 'Send an announcement to every active member: an in-app notice each, and a neutral email to those with email on',
        tags: ['board'],
        responses: { 201: { description: 'Sent, with how many members were notified', schema: AnnouncementSentSchema } },
      },
    ),
    boardMember,
    validate('json', AnnouncementInputSchema),
    async (c) => {
      const sent = await announcements.sendAnnouncement(c.var.session, c.req.valid('json'));
      return respond(c, AnnouncementSentSchema, { ...sent.announcement, notified: sent.notified, emailed: sent.jobs.length }, 201);
    },
  )
  .get(
    '/',
    describe(
      DOCS && {
        summary: 'Announcements sent, newest first',
        tags: ['board'],
        responses: { 200: { description: 'Page', schema: pageOf(AnnouncementSchema) } },
      },
    ),
    boardMember,
    validate('query', PageQuerySchema),
    async (c) => {
      const q = c.req.valid('query');
      return respond(c, pageOf(AnnouncementSchema), await announcements.listAnnouncements({ ...q, scope: 'announcements' }), 200);
    },
  )
  .get(
    '/audience',
    describe(
      DOCS && {
        summary: 'How many members an announcement would reach now (for the confirm step)',
        tags: ['board'],
        responses: { 200: { description: 'Counts', schema: AnnouncementAudienceSchema } },
      },
    ),
    boardMember,
    async (c) => respond(c, AnnouncementAudienceSchema, await announcements.audience(), 200),
  );

/** Any active member reads an announcement (mounted at /api/announcements). */
export const announcementRoutes = new Hono<Env>().get(
  '/:id',
  describe(
    DOCS && {
      summary: 'A board announcement; 404 if there is none with this id',
      tags: ['notifications'],
      responses: { 200: { description: 'The announcement', schema: AnnouncementSchema } },
    },
  ),
  activeMember,
  async (c) => respond(c, AnnouncementSchema, await announcements.readAnnouncement(c.req.param('id')), 200),
);
