import { Hono } from 'hono/tiny';
import {
  BlockSchema,
  DirectoryQuerySchema,
  MeSchema,
  OwnSanctionSchema,
  PageQuerySchema,
  PreferencesInputSchema,
  PreferencesSchema,
  ProfileInputSchema,
  ProfileSchema,
  ReapplyInputSchema,
  ReapplySchema,
  pageOf,
} from '../../shared/schemas';
import { activeMember, signedIn, signedInReading } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import * as preferences from './preferences';
import * as members from './service';

export const meRoutes = new Hono<Env>().get(
  '/',
  describe(
    DOCS && {
      summary: 'The signed-in account, its roles, status and profile',
      tags: ['members'],
      responses: { 200: { description: 'Me', schema: MeSchema } },
    },
  ),
  signedIn,
  async (c) => respond(c, MeSchema, await members.getMe(c.var.session, c.var.record), 200),
);

export const memberRoutes = new Hono<Env>()
  .put(
    '/me',
    describe(
      DOCS && {
        summary: 'Create (first call: application, status pending) or replace the own profile',
        tags: ['members'],
        responses: { 200: { description: 'The profile', schema: ProfileSchema } },
      },
    ),
    signedIn,
    validate('json', ProfileInputSchema),
    async (c) => respond(c, ProfileSchema, await members.putProfile(c.var.session, c.req.valid('json')), 200),
  )
  .post(
    '/me/application',
    describe(
      DOCS && {
        summary: 'Apply again after a decline: once, from the date in GET /api/me `reapplyFrom` (409 before it)',
        tags: ['members'],
        responses: { 201: { description: 'The new application, pending', schema: ReapplySchema } },
      },
    ),
    signedIn,
    validate('json', ReapplyInputSchema),
    async (c) => respond(c, ReapplySchema, await members.reapply(c.var.session, c.req.valid('json')), 201),
  )
  .get(
    '/me',
    describe(
      DOCS && {
        summary: 'The own full profile',
        tags: ['members'],
        responses: { 200: { description: 'The profile', schema: ProfileSchema } },
        errors: [404],
      },
    ),
    signedIn,
    async (c) => {
      const me = await members.getMe(c.var.session, c.var.record);
      if (!me.profile) return c.json({ error: { code: 'not_found', message: 'You have no profile yet.' } }, 404);
      return respond(c, ProfileSchema, me.profile, 200);
    },
  )
  .get(
    '/me/blocks',
    describe(
      DOCS && {
        summary: 'The members the caller blocked, with their names as they were',
        tags: ['members'],
        responses: { 200: { description: 'Page', schema: pageOf(BlockSchema) } },
      },
    ),
    activeMember,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(BlockSchema), await members.listBlocks(c.var.session, c.req.valid('query')), 200),
  )
  .get(
    '/me/sanctions',
    describe(
      DOCS && {
        summary: 'The sanctions about the caller, newest first, each with the board’s reason (open to a suspended member)',
        tags: ['members'],
        responses: { 200: { description: 'Page', schema: pageOf(OwnSanctionSchema) } },
      },
    ),
    signedIn,
    validate('query', PageQuerySchema),
    async (c) => respond(c, pageOf(OwnSanctionSchema), await members.listOwnSanctions(c.var.session, c.req.valid('query')), 200),
  )
  .get(
    '/me/preferences',
    describe(
      DOCS && {
        summary: 'Her preferences (language, email); before the first save, the defaults with her browser’s language',
        tags: ['members'],
        responses: { 200: { description: 'Preferences', schema: PreferencesSchema } },
      },
    ),
    signedIn,
    async (c) => respond(c, PreferencesSchema, await preferences.getPreferences(c.var.session, c.req.header('accept-language')), 200),
  )
  .put(
    '/me/preferences',
    describe(
      DOCS && {
        summary: 'Replace the preferences the body names, at the version read (409 stale_version when it changed)',
        tags: ['members'],
        responses: { 200: { description: 'Preferences', schema: PreferencesSchema } },
      },
    ),
    signedIn,
    validate('json', PreferencesInputSchema),
    async (c) =>
      respond(
        c,
        PreferencesSchema,
        await preferences.putPreferences(c.var.session, c.req.valid('json'), c.req.header('accept-language')),
        200,
      ),
  )
  .put(
    '/me/blocks/:id',
    describe(
      DOCS && {
        summary: 'Block a member (invisible to them, mutual in effect)',
        tags: ['members'],
        responses: { 204: { description: 'Blocked' } },
      },
    ),
    activeMember,
    async (c) => {
      await members.block(c.var.session, c.req.param('id'));
      return c.body(null, 204);
    },
  )
  .delete(
    '/me/blocks/:id',
    describe(DOCS && { summary: 'Remove a block', tags: ['members'], responses: { 204: { description: 'Unblocked' } } }),
    activeMember,
    async (c) => {
      await members.unblock(c.var.session, c.req.param('id'));
      return c.body(null, 204);
    },
  )
  .get(
    '/:id',
    describe(
      DOCS && {
        summary: "A member's profile, with only the fields the viewer may see",
        tags: ['members'],
        responses: { 200: { description: 'Profile', schema: ProfileSchema } },
      },
    ),
    signedInReading((c, userId) => members.profileReadKeys(userId, c.req.param('id'))),
    async (c) => respond(c, ProfileSchema, await members.getProfile(c.var.session, c.req.param('id'), c.var.record, c.var.also), 200),
  )
  .get(
    '/',
    describe(
      DOCS && {
        summary: 'The member directory, filtered and paged',
        tags: ['members'],
        responses: { 200: { description: 'Page', schema: pageOf(ProfileSchema) } },
      },
    ),
    signedIn,
    validate('query', DirectoryQuerySchema),
    async (c) => respond(c, pageOf(ProfileSchema), await members.directory(c.var.session, c.req.valid('query'), c.var.record), 200),
  );
