import { Hono } from 'hono/tiny';
import { FileSummarySchema, FileUploadInputSchema, FileUploadSchema } from '../../shared/files-schemas';
import { activeMember } from '../lib/guards';
import type { Env } from '../lib/http';
import { DOCS, describe, respond } from '../lib/openapi';
import { validate } from '../lib/validation';
import { type FileOwner, complete, deleteFile, downloadUrl, requestUpload } from './service';

const OWNER_WORDS: Record<FileOwner['kind'], string> = { practice: 'a good practice', event: 'an event (its materials)' };

/**
 * The attachments of one kind of owner, mounted under the owner's path (`/api/practices/:id/files`,
 * `/api/events/:id/files`): `:id` is the owner's. Who may upload and read is the owner's rule
 * (registerFileOwner); the rest is the same for every owner.
 */
export function fileRoutes(kind: FileOwner['kind']) {
  const of = OWNER_WORDS[kind];
  const tags = ['files'];
  return new Hono<Env>()
    .post(
      '/',
      describe(
        DOCS && {
          summary: `Attach a file to ${of}: a presigned POST to send it straight to storage (PDF, Office, OpenDocument, text, CSV, PNG, JPEG, WebP; 10 MiB each, 5 per owner)`,
          tags,
          responses: { 201: { description: 'The file’s id and its upload form', schema: FileUploadSchema } },
          errors: [409],
        },
      ),
      activeMember,
      validate('json', FileUploadInputSchema),
      async (c) =>
        respond(c, FileUploadSchema, await requestUpload(kind, c.var.session, c.var.member, c.req.param('id'), c.req.valid('json')), 201),
    )
    .post(
      '/:fileId/complete',
      describe(
        DOCS && {
          summary: `After the upload: the file attached to ${of} is checked (size, first bytes); a file that fails is deleted (400)`,
          tags,
          responses: { 200: { description: 'Checked: listed and downloadable from now on', schema: FileSummarySchema } },
          errors: [409],
        },
      ),
      activeMember,
      async (c) =>
        respond(c, FileSummarySchema, await complete(kind, c.var.session, c.var.member, c.req.param('id'), c.req.param('fileId')), 200),
    )
    .get(
      '/:fileId',
      describe(
        DOCS && {
          summary: `Download a file of ${of}: a redirect to a five-minute link that saves it (never shown inline)`,
          tags,
          responses: { 302: { description: 'To the download link (`location`)' } },
        },
      ),
      activeMember,
      async (c) => {
        const url = await downloadUrl(kind, c.var.session, c.var.member, c.req.param('id'), c.req.param('fileId'));
        return c.redirect(url, 302);
      },
    )
    .delete(
      '/:fileId',
      describe(
        DOCS && {
          summary: `Remove a file of ${of}: the member who attached it, or the board`,
          tags,
          responses: { 204: { description: 'Removed' } },
          errors: [409],
        },
      ),
      activeMember,
      async (c) => {
        await deleteFile(kind, c.var.session, c.var.member, c.req.param('id'), c.req.param('fileId'));
        return c.body(null, 204);
      },
    );
}
