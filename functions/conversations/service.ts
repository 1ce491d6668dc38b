import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import {
  type ConversationState,
  EDIT_WINDOW_MINUTES,
  MEETING_MINUTES,
  type Message,
  type MessageInput,
  type MessagePage,
} from '../../shared/conversation-schemas';
import { clock } from '../lib/clock';
import { failedConditions, isTransactionConflict } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { keys } from '../lib/keys';
import type { Session } from '../lib/session';
import * as throttle from '../lib/throttle';
import { notificationPut } from '../notifications/repository';
import * as repo from './repository';
import type { Context, MessageRecord } from './repository';

/**
 * The rules of a mentorship's conversation: only its two members read or write it (anyone else,
 * the board included, gets 404); they write only while the mentorship is accepted and nothing
 * stands between them (a block, a suspension); an author edits within 15 minutes and deletes
 * at any time; a proposed meeting is accepted once, by the other member, into both agendas.
 * Nothing here tells one member what the other has seen or is doing: no receipts, no presence.
 */

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** Messages a member may send a minute, across her conversations: a flood is harassment too. */
export const MESSAGES_PER_MINUTE = Number(process.env.MESSAGES_PER_MINUTE ?? 20);

type Party = { ctx: Required<Pick<Context, 'mentorship'>> & Context; otherId: string };

/** The conversation, when the caller is one of its two members; 404 for anyone else. */
async function asParty(session: Session, rawId: string | undefined): Promise<Party> {
  if (!rawId || !ULID.test(rawId)) throw new NotFoundError();
  const me = session.userId;
  const ctx = await repo.readContext(rawId, me, (m) => (m.mentorId === me ? m.menteeId : m.mentorId));
  const m = ctx.mentorship;
  if (!m || (m.mentorId !== me && m.menteeId !== me)) throw new NotFoundError();
  return { ctx: { ...ctx, mentorship: m }, otherId: m.mentorId === me ? m.menteeId : m.mentorId };
}

const inForce = (s: { type: string; until: string } | undefined, now: string) => s?.type === 'suspend' && s.until > now;

/** Whether the two may write now, and if not, why. */
export function stateOf(ctx: Context, now = new Date(clock.now()).toISOString()): ConversationState {
  const state = ctx.mentorship?.state;
  if (state === 'completed' || state === 'ended') return 'read_only';
  if (state === 'suspended') return 'closed';
  if (state !== 'accepted') return 'not_started';
  const other = ctx.other;
  if (ctx.blocked || !other || other.status !== 'active' || inForce(other.sanction, now)) return 'closed';
  return 'open';
}

function mustBeOpen(ctx: Context): void {
  const state = stateOf(ctx);
  if (state === 'read_only')
    throw new ConflictError('conversation_read_only', 'This mentorship has ended: its conversation can be read, not written.');
  if (state === 'closed') throw new ConflictError('conversation_closed', 'This conversation is closed: no new messages can be written.');
  if (state === 'not_started') throw new ConflictError('not_accepted', 'The conversation opens once the mentorship is accepted.');
}

export function viewOf(m: MessageRecord): Message {
  const gone = m.deleted === true;
  return {
    id: m.id,
    authorId: m.authorId,
    body: gone ? '' : m.body,
    at: m.at,
    ...(m.editedAt && !gone ? { editedAt: m.editedAt } : {}),
    deleted: gone,
    ...(m.proposals?.length && !gone ? { proposals: m.proposals } : {}),
    ...(m.acceptedProposal
      ? {
          acceptedProposal: {
            startsAt: m.acceptedProposal.startsAt,
            endsAt: m.acceptedProposal.endsAt,
            acceptedAt: m.acceptedProposal.acceptedAt,
          },
        }
      : {}),
    version: m.version,
  };
}

/**
 * A page of the conversation: the first page is the latest messages, each page oldest first, and
 * `nextCursor` leads to earlier ones ("load earlier"). Opening the latest page clears her own
 * unread marker; the other member never learns it.
 */
export async function list(session: Session, id: string | undefined, q: { limit: number; cursor?: string }): Promise<MessagePage> {
  const { ctx } = await asParty(session, id);
  const m = ctx.mentorship;
  const page = await repo.latestMessages(m.id, { ...q, scope: `messages:${m.id}:${session.userId}` });
  if (q.cursor === undefined) await repo.markSeen(session.userId, m.id, new Date(clock.now()).toISOString());
  return { items: page.items.reverse().map(viewOf), nextCursor: page.nextCursor, state: stateOf(ctx) };
}

/** Proposed times as UTC instants, each in the future, earliest first. */
function proposalsOf(raw: string[] | undefined): { startsAt: string }[] | undefined {
  if (!raw?.length) return undefined;
  const now = clock.now();
  const details = raw.flatMap((p, i) =>
    new Date(p).getTime() <= now
      ? [{ path: `proposals.${i}`, code: 'date_in_past' as const, message: 'Propose a time in the future.' }]
      : [],
  );
  if (details.length) throw new ValidationError('Propose times in the future.', details);
  return raw
    .map((p) => new Date(p).toISOString())
    .sort()
    .map((startsAt) => ({ startsAt }));
}

/** The writes that keep a conversation's rules at the moment of writing: held in the same transaction. */
function guards(m: NonNullable<Context['mentorship']>, me: string, other: string): TransactWriteItem[] {
  return [
    repo.mentorshipStateCheck(m.id, 'accepted'),
    repo.absentCheck(keys.blockOut(me, other)),
    repo.absentCheck(keys.blockIn(me, other)),
    repo.activeMemberCheck(other),
    repo.activeMemberCheck(me),
  ];
}

/** Maps a failed guard (by its index from `at`) to what the member is told. */
function guardFailure(failed: number[], at: number): void {
  if (failed.includes(at)) throw new ConflictError('stale_state', 'This mentorship changed meanwhile. Reload and try again.');
  if (failed.some((i) => i > at && i < at + 4)) throw new ConflictError('conversation_closed', 'This conversation is closed.');
  if (failed.includes(at + 4)) throw new ForbiddenError('Your membership does not allow this now.', 'membership_not_active');
}

export async function send(session: Session, id: string | undefined, input: MessageInput): Promise<Message> {
  const { ctx, otherId } = await asParty(session, id);
  const m = ctx.mentorship;
  mustBeOpen(ctx);
  const proposals = proposalsOf(input.proposals);
  await throttle.consume('message', session.userId, MESSAGES_PER_MINUTE, 60);
  const at = new Date(clock.now()).toISOString();
  const message: MessageRecord = {
    id: ulid(clock.now()),
    mentorshipId: m.id,
    authorId: session.userId,
    body: input.body,
    at,
    ...(proposals ? { proposals } : {}),
    version: 1,
  };
  const link = `/mentorships/${m.id}`;
  for (let attempt = 0; attempt < 4; attempt++) {
    // One notification per conversation until she opens it: only the message that finds her
    // marker read carries one; a burst after it only keeps the marker unread.
    const firstUnread = !(await repo.getMark(otherId, m.id))?.unread;
    const items: TransactWriteItem[] = [
      repo.messagePut(message),
      ...guards(m, session.userId, otherId),
      repo.markUnread(otherId, m.id, at, firstUnread),
      ...(firstUnread ? [notificationPut(otherId, 'conversation.message', link, at)] : []),
    ];
    try {
      await repo.transact(items);
      return viewOf(message);
    } catch (e) {
      const failed = failedConditions(e);
      if (!failed && !isTransactionConflict(e)) throw e;
      if (failed?.includes(0)) throw new UnavailableError();
      if (failed) guardFailure(failed, 1);
      // Her marker moved meanwhile (another message, or she opened it): read it again.
    }
  }
  throw new UnavailableError();
}

/** A message of this conversation the caller wrote: 404 when it is not here, 403 for the other member. */
async function ownMessage(session: Session, id: string | undefined, rawMessageId: string | undefined) {
  const party = await asParty(session, id);
  const message = rawMessageId && ULID.test(rawMessageId) ? await repo.getMessage(party.ctx.mentorship.id, rawMessageId) : undefined;
  if (!message) throw new NotFoundError();
  if (message.authorId !== session.userId) throw new ForbiddenError('Only who wrote a message may change it.', 'not_author');
  if (message.deleted) throw new ConflictError('message_deleted', 'This message has been deleted.');
  return { ...party, message };
}

const staleMessage = (): never => {
  throw new ConflictError('stale_version', 'This message changed meanwhile. Reload and try again.');
};

export async function edit(
  session: Session,
  id: string | undefined,
  messageId: string | undefined,
  input: { body: string; version?: number },
): Promise<Message> {
  const { ctx, otherId, message } = await ownMessage(session, id, messageId);
  if (clock.now() - Date.parse(message.at) > EDIT_WINDOW_MINUTES * 60_000)
    throw new ConflictError('edit_window_passed', `A message can be edited for ${EDIT_WINDOW_MINUTES} minutes after it is sent.`);
  if (input.version !== undefined && input.version !== message.version) staleMessage();
  mustBeOpen(ctx);
  const next: MessageRecord = { ...message, body: input.body, editedAt: new Date(clock.now()).toISOString(), version: message.version + 1 };
  try {
    await repo.transact([repo.messagePut(next, { version: message.version }), ...guards(ctx.mentorship, session.userId, otherId)]);
  } catch (e) {
    const failed = failedConditions(e);
    if (!failed) throw e;
    if (failed.includes(0)) staleMessage();
    guardFailure(failed, 1);
    throw e;
  }
  return viewOf(next);
}

/**
 * Deletes her message: its place stays, shown as deleted, with no words. Always allowed to its
 * author, even once the conversation is closed: taking back what she wrote is hers to do. A
 * meeting already agreed in it stays agreed (it is in both agendas).
 */
export async function remove(session: Session, id: string | undefined, messageId: string | undefined): Promise<Message> {
  const { message } = await ownMessage(session, id, messageId);
  const { proposals: _p, editedAt: _e, ...rest } = message;
  const next: MessageRecord = { ...rest, body: '', deleted: true, version: message.version + 1 };
  try {
    await repo.transact([repo.messagePut(next, { version: message.version })]);
  } catch (e) {
    if (failedConditions(e)?.length) staleMessage();
    throw e;
  }
  return viewOf(next);
}

/**
 * The other member accepts one of the proposed times: the message records it and the meeting goes
 * into both agendas, in one transaction conditioned on no time having been accepted yet, so of two
 * acceptances at once exactly one succeeds.
 */
export async function accept(
  session: Session,
  id: string | undefined,
  rawMessageId: string | undefined,
  input: { startsAt: string },
): Promise<Message> {
  const { ctx, otherId } = await asParty(session, id);
  const m = ctx.mentorship;
  const message = rawMessageId && ULID.test(rawMessageId) ? await repo.getMessage(m.id, rawMessageId) : undefined;
  if (!message?.proposals?.length && !message?.acceptedProposal) throw new NotFoundError();
  if (message.authorId === session.userId) throw new ForbiddenError('The other member accepts a time you proposed.', 'own_proposal');
  if (message.deleted) throw new ConflictError('message_deleted', 'This message has been deleted.');
  if (message.acceptedProposal) throw new ConflictError('proposal_accepted', 'A time has already been agreed for this proposal.');
  const startsAt = new Date(input.startsAt).toISOString();
  if (!message.proposals?.some((p) => p.startsAt === startsAt))
    throw new ValidationError('Accept one of the proposed times.', [
      { path: 'startsAt', code: 'not_proposed', message: 'This time was not proposed.' },
    ]);
  if (Date.parse(startsAt) <= clock.now()) throw new ConflictError('proposal_passed', 'This time has already passed.');
  mustBeOpen(ctx);
  const acceptedAt = new Date(clock.now()).toISOString();
  const endsAt = new Date(Date.parse(startsAt) + MEETING_MINUTES * 60_000).toISOString();
  const next: MessageRecord = {
    ...message,
    acceptedProposal: { startsAt, endsAt, acceptedAt, acceptedBy: session.userId },
    version: message.version + 1,
  };
  const items: TransactWriteItem[] = [
    repo.messagePut(next, { version: message.version, extra: 'attribute_not_exists(acceptedProposal)' }),
    repo.agendaPut(m.mentorId, m.id, message.id, startsAt, endsAt),
    repo.agendaPut(m.menteeId, m.id, message.id, startsAt, endsAt),
    ...guards(m, session.userId, otherId),
    notificationPut(message.authorId, 'conversation.meeting', `/mentorships/${m.id}`, acceptedAt),
  ];
  try {
    await repo.transact(items);
  } catch (e) {
    const failed = failedConditions(e);
    if (!failed) throw e;
    if (failed.includes(0)) {
      const now = await repo.getMessage(m.id, message.id);
      if (now?.acceptedProposal) throw new ConflictError('proposal_accepted', 'A time has already been agreed for this proposal.');
      if (now?.deleted) throw new ConflictError('message_deleted', 'This message has been deleted.');
      staleMessage();
    }
    // Another proposal of this mentorship was agreed for the very same time.
    if (failed.includes(1) || failed.includes(2)) throw new ConflictError('proposal_accepted', 'A meeting is already agreed at this time.');
    guardFailure(failed, 3);
    throw e;
  }
  return viewOf(next);
}

export async function unreadCount(session: Session): Promise<{ count: number }> {
  return { count: await repo.countUnread(session.userId) };
}
