import { fileRoutes } from '../files/routes';
import { registerFileOwner } from '../files/service';
import { ForbiddenError, NotFoundError } from '../lib/errors';
import type { Session } from '../lib/session';
import type { MemberRecord } from '../members/repository';
import { readable } from './service';
import type { Reader } from './view';

/*
 * A practice's attachments (issue 14): its author attaches them (at most five, 10 MiB each); whoever
 * may read the practice downloads them, as for the practice itself (audience; a held one only to
 * the author and the board). Mounted at /api/practices/:id/files (functions/app.ts and
 * functions/files/api.ts).
 */
function readerOf(session: Session, member: MemberRecord | undefined): Reader {
  // Only active members read the library (the routes' guards say so too).
  if (member?.status !== 'active') throw new NotFoundError();
  return { session, kind: member.kind };
}

registerFileOwner('practice', {
  assertCanUpload: async (session, id, member) => {
    const p = await readable(readerOf(session, member), id);
    if (!p.authorId || p.authorId !== session.userId) throw new ForbiddenError('Only the author does this.', 'not_author');
  },
  assertCanRead: async (session, id, member) => {
    await readable(readerOf(session, member), id);
  },
});

export const practiceFileRoutes = fileRoutes('practice');
