import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { encodeCursor, type Page } from '../lib/cursor';
import { TABLE, db, fromAttr, madeIf, newestFirst, queryAll, toAttr, values } from '../lib/db';
import { NotFoundError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { keys } from '../lib/keys';
import { log } from '../lib/log';

/**
 * In-app notifications. They carry a type and a link into the app, never another member's name
 * or any text, so nothing personal leaves with them if they are ever pushed outside the app.
 */
export type Notification = { id: string; type: string; at: string; read: boolean; link: string };

/** A transaction item that notifies `memberId`; it joins the transaction of the event itself. */
export function notificationPut(memberId: string, type: string, link: string, at: string): TransactWriteItem {
  const id = ulid();
  return {
    Put: {
      TableName: TABLE,
      Item: toAttr({
        ...keys.notification(memberId, id),
        ...keys.newsIndex(at, memberId, id),
        entity: 'notification',
        version: 1,
        id,
        type,
        at,
        read: false,
        link,
      }),
    },
  };
}

/** What waits for the board, and the page that shows it. */
export const BOARD_NOTICES = {
  'board.application': '/board/applications',
  'board.held': '/board/moderation',
  'board.case': '/board/moderation',
  'board.message': '/board/moderation',
} as const;
export type BoardNoticeType = keyof typeof BOARD_NOTICES;

/** A transaction's limit on items (DynamoDB TransactWriteItems). */
const MAX_TRANSACTION_ITEMS = 100;

/** The board members (from the roster their profile saves keep), fewest reads: one Query of a small partition. */
async function boardMemberIds(): Promise<string[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: values({ ':pk': keys.boardRosterPartition, ':prefix': keys.boardRosterPrefix }),
  });
  return items.map((i) => fromAttr<{ memberId: string }>(i).memberId);
}

const boardNoticePut = (memberId: string, type: BoardNoticeType, at: string, id = ulid()): TransactWriteItem => ({
  // Unconditional and overwritten: a notice still unread stays one notice, and writing it twice
  // leaves what writing it once does, so a follow-up may be repeated.
  Put: {
    TableName: TABLE,
    Item: toAttr({
      ...keys.boardNotice(memberId, type),
      ...keys.newsIndex(at, memberId, id),
      entity: 'boardNotice',
      version: 1,
      id,
      type,
      at,
      read: false,
      link: BOARD_NOTICES[type],
    }),
  },
});

/**
 * `items` with a notice of `type` for every board member but `actorId` (she knows what she did),
 * and what to do once they are written.
 *
 * The board is small (10–20), so the notices join the change's own transaction: the change and
 * the board hearing of it happen together or not at all. Only when they would not fit in one
 * transaction (100 items) do the rest follow after it, as a follow-up that may run again: the
 * Board menu's counts stay the source of truth, so a follow-up that fails is logged, not answered
 * as a failure of a change already made.
 */
export async function withBoardNotices(
  items: TransactWriteItem[],
  type: BoardNoticeType,
  actorId: string,
  at: string,
): Promise<{ items: TransactWriteItem[]; followUp: () => Promise<void> }> {
  const notices = (await boardMemberIds()).filter((id) => id !== actorId).map((id) => boardNoticePut(id, type, at));
  const room = Math.max(0, MAX_TRANSACTION_ITEMS - items.length);
  const rest = notices.slice(room);
  return {
    items: [...items, ...notices.slice(0, room)],
    followUp: async () => {
      for (let i = 0; i < rest.length; i += MAX_TRANSACTION_ITEMS) {
        await db.transactWrite({ TransactItems: rest.slice(i, i + MAX_TRANSACTION_ITEMS) }).catch((e: unknown) => {
          log.warn('board notices not written', { type, error: e instanceof Error ? e.name : 'unknown' });
        });
      }
    },
  };
}

const viewOf = (i: Record<string, AttributeValue>): Notification => {
  const n = fromAttr<Notification>(i);
  return { id: n.id, type: n.type, at: n.at, read: n.read, link: n.link };
};

/** The fields a notification shows: a page reads only these (its items also carry keys, index keys and bookkeeping). */
const SHOWN: readonly (keyof Notification)[] = ['id', 'type', 'at', 'read', 'link'];

async function boardNoticesOf(memberId: string): Promise<Notification[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: values({ ':pk': keys.member(memberId).pk, ':prefix': keys.boardNoticePrefix }),
  });
  return items.map(viewOf);
}

/**
 * Her notifications, newest first. A board member's notices of what waits for her (one per type,
 * a handful at most) are merged into the first page by time; they are read alongside the page,
 * and only for the board (the roster that writes them holds board members alone).
 *
 * The first page still holds at most `limit` items: the notices take their places and her own
 * notifications fill the rest (at least one), and the cursor then continues after the last one
 * shown, so nothing is skipped and nothing comes twice.
 */
export async function listNotifications(
  memberId: string,
  opts: { limit: number; cursor?: string; scope: string; board: boolean },
): Promise<Page<Notification>> {
  const { board: isBoard, ...pageOpts } = opts;
  const [page, board] = await Promise.all([
    newestFirst(keys.member(memberId).pk, keys.notificationPrefix, { ...pageOpts, fields: SHOWN }, viewOf),
    isBoard && !opts.cursor ? boardNoticesOf(memberId) : [],
  ]);
  if (!board.length) return page;
  const notices = board.slice(0, Math.max(0, opts.limit - 1));
  const own = page.items.slice(0, opts.limit - notices.length);
  const last = own.at(-1);
  const nextCursor =
    own.length < page.items.length && last ? encodeCursor(toAttr(keys.notification(memberId, last.id)), opts.scope) : page.nextCursor;
  return { items: [...own, ...notices].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)), nextCursor };
}

const readUpdate = (key: { pk: string; sk: string }, condition: string, id?: string) => ({
  TableName: TABLE,
  Key: toAttr(key),
  UpdateExpression: 'SET #r = :t',
  ConditionExpression: condition,
  ExpressionAttributeNames: { '#r': 'read' },
  ExpressionAttributeValues: values({ ':t': true, ...(id ? { ':id': id } : {}) }),
});

export async function markRead(memberId: string, id: string): Promise<void> {
  if (await madeIf(db.updateItem(readUpdate(keys.notification(memberId, id), 'attribute_exists(pk)')))) return;
  const notice = (await boardNoticesOf(memberId)).find((n) => n.id === id);
  if (!notice) throw new NotFoundError();
  // Conditioned on the id: a notice overwritten meanwhile by a new arrival stays unread.
  if (!(await madeIf(db.updateItem(readUpdate(keys.boardNotice(memberId, notice.type), 'id = :id', id))))) throw new NotFoundError();
}
