import { Hono } from 'hono/tiny';
import {
  BoardMessageInputSchema,
  BoardMessageReplySchema,
  BoardMessageSchema,
  BoardSettingsInputSchema,
  BoardSettingsSchema,
  PageQuerySchema,
  pageOf,
} from '../../shared/schemas';
import { boardMember, signedIn } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import * as messages from './messages';
import * as settings from './settings';

/** Her messages to the board: mounted at /api/members/me/board-messages (any signed-in account). */
export const ownBoardMessageRoutes = new Hono<Env>()
  .post(
    '/',
    describe(
      DOCS && {
        summary: 'Send the advisory board a private message (any signed-in account; a few an hour)',
        errors: [429],
        tags: ['board'],
        responses: { 201: { description: 'The message', schema: BoardMessageSchema } },
      },
    ),
    signedIn,
    validate('json', BoardMessageInputSchema),
    async (c) => respond(c, BoardMessageSchema, await messages.send(c.var.session, c.req.valid('json')), 201),
  )
  .get(
    '/',
    describe(
      DOCS && {
        summary: 'Her own messages to the board, newest first, with the board’s replies',
        tags: ['board'],
        responses: { 200: { description: 'Page', schema: pageOf(BoardMessageSchema) } },
      },
    ),
    signedIn,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(BoardMessageSchema), await messages.listOwn(c.var.session, c.req.valid('query')), 200),
  )
  .get(
    '/:id',
    describe(
      DOCS && {
        summary: 'One of her own messages to the board (another account’s: 404)',
        tags: ['board'],
        responses: { 200: { description: 'The message', schema: BoardMessageSchema } },
      },
    ),
    signedIn,
    async (c) => respond(c, BoardMessageSchema, await messages.getOwn(c.var.session, c.req.param('id')), 200),
  );

/** The board answers a message from its queue: mounted at /api/moderation/messages. */
export const boardMessageModerationRoutes = new Hono<Env>().post(
  '/:id/handle',
  describe(
    DOCS && {
      summary: 'Reply to a message to the board and mark it handled; the sender is notified (board)',
      tags: ['moderation'],
      responses: { 200: { description: 'The message', schema: BoardMessageSchema } },
    },
  ),
  boardMember,
  validate('json', BoardMessageReplySchema),
  async (c) => respond(c, BoardMessageSchema, await messages.handle(c.var.session.userId, c.req.param('id'), c.req.valid('json')), 200),
);

/** The board's own settings: mounted at /api/board/settings. */
export const boardSettingsRoutes = new Hono<Env>()
  .get(
    '/',
    describe(
      DOCS && {
        summary: 'The board’s settings (the waiting period before a declined applicant may apply again)',
        tags: ['board'],
        responses: { 200: { description: 'Settings', schema: BoardSettingsSchema } },
      },
    ),
    boardMember,
    async (c) => respond(c, BoardSettingsSchema, await settings.getSettings(), 200),
  )
  .put(
    '/',
    describe(
      DOCS && {
        summary: 'Replace the board’s settings at their version (audited)',
        tags: ['board'],
        responses: { 200: { description: 'Settings', schema: BoardSettingsSchema } },
      },
    ),
    boardMember,
    validate('json', BoardSettingsInputSchema),
    async (c) => respond(c, BoardSettingsSchema, await settings.updateSettings(c.var.session.userId, c.req.valid('json')), 200),
  );
