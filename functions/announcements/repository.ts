import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Announcement } from '../../shared/announcement-schemas';
import type { Page } from '../lib/cursor';
import { TABLE, db, fromAttr, newestFirst, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';

/** Board announcements: one partition, newest first (keys.announcement). */

export type AnnouncementRecord = Announcement & { authorId: string };

const view = (i: Record<string, AttributeValue>): Announcement => {
  const a = fromAttr<AnnouncementRecord>(i);
  return { id: a.id, title: a.title, body: a.body, at: a.at };
};

/** The transaction item that writes a new announcement (never overwriting one). */
export function announcementPut(a: AnnouncementRecord): TransactWriteItem {
  return {
    Put: {
      TableName: TABLE,
      Item: toAttr({ ...keys.announcement(a.id), entity: 'announcement', version: 1, ...a }),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getAnnouncement(id: string): Promise<Announcement | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.announcement(id)) });
  return res.Item ? view(res.Item) : undefined;
}

export function listAnnouncements(page: { limit: number; cursor?: string; scope: string }): Promise<Page<Announcement>> {
  return newestFirst(keys.announcementPartition, keys.announcementPrefix, page, view);
}

/**
 * Calls `each` with the ids of the active members, a page at a time: the directory's `all` facet
 * holds one item per active member (and none for anyone else), read for the member id alone.
 */
export async function forEachActiveMemberPage(each: (ids: string[]) => Promise<void>): Promise<void> {
  let start: Record<string, AttributeValue> | undefined;
  do {
    const res = await db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: values({ ':pk': keys.facetPartition('all') }),
      ProjectionExpression: 'memberId',
      Limit: 500,
      ExclusiveStartKey: start,
    });
    const ids = (res.Items ?? []).map((i) => fromAttr<{ memberId?: string }>(i).memberId).filter((id): id is string => !!id);
    if (ids.length) await each(ids);
    start = res.LastEvaluatedKey;
  } while (start);
}

/** The ids of every account with email on: the sparse GSI3 index, a page at a time. */
export async function emailOnMemberIds(): Promise<Set<string>> {
  const out = new Set<string>();
  let start: Record<string, AttributeValue> | undefined;
  do {
    const res = await db.query({
      TableName: TABLE,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: values({ ':pk': keys.emailOnPartition }),
      ProjectionExpression: 'gsi3sk',
      ExclusiveStartKey: start,
    });
    for (const i of res.Items ?? []) {
      const id = fromAttr<{ gsi3sk?: string }>(i).gsi3sk;
      if (id) out.add(id);
    }
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** DynamoDB's limit on items in one transaction. */
const TRANSACTION_MAX = 100;

/**
 * Writes the in-app notice of announcement `id` for each of `memberIds`. The notice's id is the
 * announcement's (a ULID, so it sorts by time with her other notifications): writing it again, as
 * a retried fan-out does, leaves one notice, not two.
 */
export async function writeNotices(memberIds: string[], id: string, at: string): Promise<void> {
  for (let i = 0; i < memberIds.length; i += TRANSACTION_MAX) {
    const items = memberIds.slice(i, i + TRANSACTION_MAX).map(
      (memberId): TransactWriteItem => ({
        Put: {
          TableName: TABLE,
          Item: toAttr({
            ...keys.notification(memberId, id),
            entity: 'notification',
            version: 1,
            id,
            type: 'announcement',
            at,
            read: false,
            link: `/announcements/${id}`,
          }),
        },
      }),
    );
    await db.transactWrite({ TransactItems: items });
  }
}
