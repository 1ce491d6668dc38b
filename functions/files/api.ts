import { eventFileRoutes } from '../events/files';
import { createApi } from '../lib/http';
import { practiceFileRoutes } from '../practices/files';

/**
 * Attachments (issue 14) in AWS: one Lambda function for the files of every owner, so that only
 * it holds the bucket's permissions and carries the S3 code (the programme function lists an
 * event's files from the table and nothing more). API Gateway sends it the owners' `…/files`
 * paths listed for `files` in infra/stacks/app-stack.ts; each owner's file routes are mounted
 * here and in functions/app.ts.
 */
export const filesApi = createApi().route('/api/events/:id/files', eventFileRoutes).route('/api/practices/:id/files', practiceFileRoutes);
