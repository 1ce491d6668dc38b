import type { Practice } from '../../shared/practice-schemas';
import { ForbiddenError, NotFoundError } from '../lib/errors';
import type { Session } from '../lib/session';
import { getMember } from '../members/repository';
import { practiceFiles, readable } from './service';
import { type Reader, practiceView } from './view';

/**
 * Who may read a practice, and who may change it, for the domains that hang things on one (files,
 * search). Both answer the practice as the caller may see it.
 */

export type PracticeView = Practice;

async function readerOf(session: Session): Promise<Reader> {
  const member = await getMember(session.userId);
  // Only active members read the library (the routes' guards say so too).
  if (member?.status !== 'active') throw new NotFoundError();
  return { session, kind: member.kind };
}

/** NotFound unless she may read it (audience; held, rejected and removed ones only to the author and the board). */
export async function practiceForReader(session: Session, id: string): Promise<PracticeView> {
  const r = await readerOf(session);
  const p = await readable(r, id);
  return practiceView(p, r, { files: await practiceFiles(p.id) });
}

/** NotFound if she may not read it; Forbidden if she may read it but did not write it. */
export async function practiceForAuthor(session: Session, id: string): Promise<PracticeView> {
  const r = await readerOf(session);
  const p = await readable(r, id);
  if (!p.authorId || p.authorId !== session.userId) throw new ForbiddenError('Only the author does this.', 'not_author');
  return practiceView(p, r, { files: await practiceFiles(p.id) });
}
