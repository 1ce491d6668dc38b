import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Page } from '../lib/cursor';
import { TABLE, db, fromAttr, isConditionFailure, newestFirst, toAttr, values } from '../lib/db';
import { NotFoundError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { keys } from '../lib/keys';

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
      Item: toAttr({ ...keys.notification(memberId, id), entity: 'notification', version: 1, id, type, at, read: false, link }),
    },
  };
}

export async function listNotifications(
  memberId: string,
  opts: { limit: number; cursor?: string; scope: string },
): Promise<Page<Notification>> {
  return newestFirst(keys.member(memberId).pk, keys.notificationPrefix, opts, (i) => {
    const n = fromAttr<Notification>(i);
    return { id: n.id, type: n.type, at: n.at, read: n.read, link: n.link };
  });
}

export async function markRead(memberId: string, id: string): Promise<void> {
  try {
    await db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.notification(memberId, id)),
      UpdateExpression: 'SET #r = :t',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#r': 'read' },
      ExpressionAttributeValues: values({ ':t': true }),
    });
  } catch (e) {
    if (isConditionFailure(e)) throw new NotFoundError();
    throw e;
  }
}
