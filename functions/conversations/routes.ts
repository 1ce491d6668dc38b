import { Hono } from 'hono/tiny';
import {
  AcceptProposalSchema,
  MessageEditSchema,
  MessageInputSchema,
  MessagePageSchema,
  MessageSchema,
  UnreadConversationsSchema,
} from '../../shared/conversation-schemas';
import { PageQuerySchema } from '../../shared/schemas';
import { activeMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import * as conversations from './service';

const tags = ['conversations'];

/** The conversation of a mentorship, mounted at /api/mentorships (its paths end in /messages). */
export const conversationRoutes = new Hono<Env>()
  .get(
    '/:id/messages',
    describe(
      DOCS && {
        summary: 'A page of the conversation (its two members only): the latest first page, each page oldest first',
        tags,
        responses: { 200: { description: 'Page', schema: MessagePageSchema } },
      },
    ),
    activeMember,
    validate('query', PageQuerySchema),
    async (c) => respond(c, MessagePageSchema, await conversations.list(c.var.session, c.req.param('id'), c.req.valid('query')), 200),
  )
  .post(
    '/:id/messages',
    describe(
      DOCS && {
        summary: 'Write a message, which may propose up to three future meeting times (409 unless the conversation is open; 20 a minute)',
        tags,
        responses: { 201: { description: 'Sent', schema: MessageSchema } },
        errors: [429],
      },
    ),
    activeMember,
    validate('json', MessageInputSchema),
    async (c) => respond(c, MessageSchema, await conversations.send(c.var.session, c.req.param('id'), c.req.valid('json')), 201),
  )
  .patch(
    '/:id/messages/:messageId',
    describe(
      DOCS && {
        summary: 'Edit a message (its author, within 15 minutes of sending it)',
        tags,
        responses: { 200: { description: 'Edited', schema: MessageSchema } },
      },
    ),
    activeMember,
    validate('json', MessageEditSchema),
    async (c) =>
      respond(
        c,
        MessageSchema,
        await conversations.edit(c.var.session, c.req.param('id'), c.req.param('messageId'), c.req.valid('json')),
        200,
      ),
  )
  .delete(
    '/:id/messages/:messageId',
    describe(
      DOCS && {
        summary: 'Delete a message (its author): its place stays, shown as deleted',
        tags,
        responses: { 200: { description: 'Deleted', schema: MessageSchema } },
      },
    ),
    activeMember,
    async (c) => respond(c, MessageSchema, await conversations.remove(c.var.session, c.req.param('id'), c.req.param('messageId')), 200),
  )
  .post(
    '/:id/messages/:messageId/accept',
    describe(
      DOCS && {
        summary: 'Accept one of the times the other member proposed: the meeting goes into both agendas (once)',
        tags,
        responses: { 200: { description: 'Accepted', schema: MessageSchema } },
      },
    ),
    activeMember,
    validate('json', AcceptProposalSchema),
    async (c) =>
      respond(
        c,
        MessageSchema,
        await conversations.accept(c.var.session, c.req.param('id'), c.req.param('messageId'), c.req.valid('json')),
        200,
      ),
  );

/** How many conversations hold something she has not opened: the menu's count. */
export const unreadConversationRoutes = new Hono<Env>().get(
  '/unread',
  describe(
    DOCS && {
      summary: 'How many of her conversations have messages she has not opened yet (never shown to the other member)',
      tags,
      responses: { 200: { description: 'Count', schema: UnreadConversationsSchema } },
    },
  ),
  activeMember,
  async (c) => respond(c, UnreadConversationsSchema, await conversations.unreadCount(c.var.session), 200),
);
