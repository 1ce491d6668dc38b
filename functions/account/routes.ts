import { Hono } from 'hono/tiny';
import { ErasedSchema, ExportSchema } from '../../shared/schemas';
import { deleteOwnUser } from '../auth/cognito';
import { UnauthenticatedError } from '../lib/errors';
import { signedIn } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { COOKIE, clearSessionCookies, readCookie } from '../lib/session';
import * as members from '../members/service';
import { exportPractices } from '../practices/service';
import { eraseAccount } from './erase';

/**
 * Her whole account at once: the export of everything she wrote or owns, and erasure. Both span
 * every domain (profile, mentorships, conversations, plan, events, posts), so in AWS they are a
 * function of their own rather than weight every members request carries.
 */
export const accountRoutes = new Hono<Env>()
  .get(
    '/me/export',
    describe(
      DOCS && {
        summary: 'Everything the member wrote or owns, as JSON',
        tags: ['members'],
        responses: { 200: { description: 'Export', schema: ExportSchema } },
      },
    ),
    signedIn,
    async (c) => {
      // A neutral name: a file in a shared phone's downloads must not name the network.
      c.header('content-disposition', 'attachment; filename="export.json"');
      const [data, library] = await Promise.all([members.exportData(c.var.session), exportPractices(c.var.session.userId)]);
      return respond(c, ExportSchema, { ...data, library }, 200);
    },
  )
  .delete(
    '/me',
    describe(
      DOCS && {
        summary: 'Erase the account and its data',
        tags: ['members'],
        responses: { 202: { description: 'Erased', schema: ErasedSchema } },
      },
    ),
    signedIn,
    async (c) => {
      const accessToken = readCookie(c, COOKIE.access);
      if (!accessToken) throw new UnauthenticatedError();
      await eraseAccount(c.var.session.userId);
      await deleteOwnUser(accessToken);
      clearSessionCookies(c);
      return respond(c, ErasedSchema, { status: 'erased' }, 202);
    },
  );
