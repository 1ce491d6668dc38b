import { NotFoundError, ValidationError } from '../lib/errors';
import * as repo from './repository';

/**
 * What a report of a conversation gives the board: the reported part, never the rest. A report of
 * a message keeps that message as it stood when reported (an edit or a deletion afterwards cannot
 * take the evidence away); a report of the whole conversation keeps its latest messages at that
 * moment (at most `CONVERSATION_EXCERPT`, each cut at `EXCERPT_CHARS`), never what is written
 * after. The board reads them from the case, and cannot open the conversation itself.
 */
export const CONVERSATION_EXCERPT = 20;
export const EXCERPT_CHARS = 3000;

export type ReportedMessage = { id: string; authorId: string; body: string; at: string; editedAt?: string; deleted: boolean };

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

const shown = (m: repo.MessageRecord, cut?: number): ReportedMessage => ({
  id: m.id,
  authorId: m.authorId,
  body: m.deleted ? '' : cut ? m.body.slice(0, cut) : m.body,
  at: m.at,
  ...(m.editedAt ? { editedAt: m.editedAt } : {}),
  deleted: m.deleted === true,
});

/**
 * Checks that the reporter is one of the conversation's two members (404 for anyone else) and
 * returns whom the case is about (the other member) and the reported part.
 */
export async function reportedPart(
  reporterId: string,
  input: { targetType: 'message' | 'conversation'; targetId: string; mentorshipId?: string },
): Promise<{ subjectId: string; mentorshipId: string; messages: ReportedMessage[] }> {
  const mentorshipId = input.targetType === 'conversation' ? input.targetId : input.mentorshipId;
  if (!mentorshipId) {
    throw new ValidationError('Say which conversation the message is in.', [
      { path: 'mentorshipId', code: 'required', message: 'Give the mentorship of the message.' },
    ]);
  }
  if (!ULID.test(mentorshipId) || !ULID.test(input.targetId)) throw new NotFoundError();
  const ctx = await repo.readContext(mentorshipId, reporterId, (m) => (m.mentorId === reporterId ? m.menteeId : m.mentorId));
  const m = ctx.mentorship;
  if (!m || (m.mentorId !== reporterId && m.menteeId !== reporterId)) throw new NotFoundError();
  const subjectId = m.mentorId === reporterId ? m.menteeId : m.mentorId;
  if (input.targetType === 'message') {
    const message = await repo.getMessage(mentorshipId, input.targetId);
    if (!message) throw new NotFoundError();
    if (message.authorId === reporterId) {
      throw new ValidationError('Report a message the other member wrote.', [
        { path: 'targetId', code: 'self_target', message: 'This message is yours.' },
      ]);
    }
    return { subjectId, mentorshipId, messages: [shown(message)] };
  }
  const page = await repo.latestMessages(mentorshipId, { limit: CONVERSATION_EXCERPT, scope: `report:${mentorshipId}` });
  return { subjectId, mentorshipId, messages: page.items.reverse().map((x) => shown(x, EXCERPT_CHARS)) };
}
