import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { BoardMessage } from '../../shared/schemas';
import type { Page } from '../lib/cursor';
import { TABLE, db, failedConditions, fromAttr, newestFirst, toAttr, values } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { keys } from '../lib/keys';
import type { Session } from '../lib/session';
import * as throttle from '../lib/throttle';
import { withAudit } from '../moderation/audit';
import { notificationPut, withBoardNotices } from '../notifications/repository';

/**
 * Private messages to the advisory board from any signed-in account, applicants included. A
 * message lives in its sender's partition, so she lists, exports and erases it with the rest of
 * her data; while open it also sits in the board's moderation queue. The board answers it once:
 * the reply and the handling are one audited transaction that also notifies her.
 */

export const BOARD_MESSAGE_RULES = {
  /** Messages one account may send the board per hour (the window counts before sending). */
  perHour: Number(process.env.BOARD_MESSAGES_PER_HOUR ?? 3),
} as const;

export type BoardMessageRecord = {
  id: string;
  memberId: string;
  body: string;
  at: string;
  state: 'open' | 'handled';
  reply?: string;
  handledAt?: string;
  handledBy?: string;
  version: number;
};

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The sender's view: never which board member answered. */
export const messageView = (m: BoardMessageRecord): BoardMessage => ({
  id: m.id,
  body: m.body,
  at: m.at,
  state: m.state,
  ...(m.reply !== undefined ? { reply: m.reply } : {}),
  ...(m.handledAt ? { handledAt: m.handledAt } : {}),
});

const messagePut = (m: BoardMessageRecord, expectedVersion?: number): TransactWriteItem => ({
  Put: {
    TableName: TABLE,
    Item: toAttr({
      ...keys.boardMessage(m.memberId, m.id),
      ...keys.boardMessageIndex(m.id),
      ...(m.state === 'open' ? keys.queueIndex(m.at, 'message', m.id) : {}),
      entity: 'boardMessage',
      ...m,
    }),
    ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v AND #s = :open',
    ...(expectedVersion === undefined
      ? {}
      : { ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: values({ ':v': expectedVersion, ':open': 'open' }) }),
  },
});

const recordOfItem = (item: Record<string, unknown>): BoardMessageRecord => {
  const { pk: _p, sk: _s, gsi1pk: _a, gsi1sk: _b, gsi3pk: _c, gsi3sk: _d, entity: _e, ...m } = item;
  return m as unknown as BoardMessageRecord;
};

/** Sends the board a message. The throttle reserves its slot before anything is written. */
export async function send(session: Session, input: { body: string }): Promise<BoardMessage> {
  await throttle.consume('board-message', session.userId, BOARD_MESSAGE_RULES.perHour, 3600);
  const m: BoardMessageRecord = {
    id: ulid(),
    memberId: session.userId,
    body: input.body,
    at: new Date().toISOString(),
    state: 'open',
    version: 1,
  };
  const { items, followUp } = await withBoardNotices([messagePut(m)], 'board.message', session.userId, m.at);
  try {
    await db.transactWrite({ TransactItems: items });
  } catch (e) {
    // Only a clash of a fresh id: nothing was written, and sending again makes a new one.
    if (failedConditions(e)?.length) throw new UnavailableError();
    throw e;
  }
  await followUp();
  return messageView(m);
}

/** Her own messages to the board, newest first. */
export async function listOwn(session: Session, q: { limit: number; cursor?: string }): Promise<Page<BoardMessage>> {
  return newestFirst(keys.member(session.userId).pk, keys.boardMessagePrefix, { ...q, scope: `board-messages:${session.userId}` }, (i) =>
    messageView(recordOfItem(fromAttr(i))),
  );
}

/** One of her own messages; another account's id is simply not found. */
export async function getOwn(session: Session, rawId: string | undefined): Promise<BoardMessage> {
  if (!rawId || !ULID.test(rawId)) throw new NotFoundError();
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.boardMessage(session.userId, rawId)), ConsistentRead: true });
  if (!res.Item) throw new NotFoundError();
  return messageView(recordOfItem(fromAttr(res.Item)));
}

/** A message by id alone (the board's side), through GSI1, then read consistently from its partition. */
async function findById(id: string): Promise<BoardMessageRecord | undefined> {
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.boardMessageIndex(id).gsi1pk }),
    ProjectionExpression: 'pk, sk',
    Limit: 1,
  });
  const key = res.Items?.[0] ? fromAttr<{ pk: string; sk: string }>(res.Items[0]) : undefined;
  if (!key) return undefined;
  const item = await db.getItem({ TableName: TABLE, Key: toAttr({ pk: key.pk, sk: key.sk }), ConsistentRead: true });
  return item.Item ? recordOfItem(fromAttr(item.Item)) : undefined;
}

/**
 * The board answers a message and marks it handled. One reply per message: a second board
 * member answering at the same time gets 409. She is notified; the audit log records it.
 */
export async function handle(boardMemberId: string, rawId: string | undefined, input: { reply: string }): Promise<BoardMessage> {
  const found = rawId && ULID.test(rawId) ? await findById(rawId) : undefined;
  if (!found) throw new NotFoundError();
  if (found.memberId === boardMemberId) throw new ForbiddenError('Another board member answers your own message.', 'own_message');
  if (found.state !== 'open') throw new ConflictError('already_handled', 'This message has already been answered.');
  let next = found;
  await withAudit(
    boardMemberId,
    async (at) => {
      const current = await findById(found.id);
      if (current?.state !== 'open') throw new ConflictError('already_handled', 'This message has already been answered.');
      next = { ...current, state: 'handled', reply: input.reply, handledAt: at, handledBy: boardMemberId, version: current.version + 1 };
      return [messagePut(next, current.version), notificationPut(current.memberId, 'boardMessage.answered', '/contact-board', at)];
    },
    {
      action: 'message.handle',
      targetType: 'message',
      targetId: found.id,
      reason: '',
      before: { state: 'open' },
      after: { state: 'handled' },
    },
  );
  return messageView(next);
}
