export { absentCheck, activeMemberCheck } from '../lib/conditions';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { decodeCursor, encodeCursor, type Page } from '../lib/cursor';
import { TABLE, db, fromAttr, getMany, queryAll, recordOf, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';

/**
 * Storage of the conversations of mentorships: messages in the mentorship's partition (so the
 * conversation is one Query, and nothing of it sits where another member's reads go), and each
 * member's own unread marker in her partition.
 */

export type MessageRecord = {
  id: string;
  mentorshipId: string;
  authorId: string;
  body: string;
  at: string;
  editedAt?: string;
  deleted?: boolean;
  /** Set when its author erased her account: the place stays, the words are gone. */
  erased?: boolean;
  proposals?: { startsAt: string }[];
  acceptedProposal?: { startsAt: string; endsAt: string; acceptedAt: string; acceptedBy: string };
  version: number;
};

type Other = { id: string; status: string; sanction?: { type: string; until: string } };

/** What a conversation's rules need, read in one strongly consistent round trip. */
export type Context = {
  mentorship?: {
    id: string;
    mentorId: string;
    menteeId: string;
    state: string;
    erased?: 'mentor' | 'mentee';
  };
  other?: Other;
  blocked: boolean;
};

/** The mentorship, the other member's record and the blocks between the two, in one BatchGetItem. */
export async function readContext(
  mentorshipId: string,
  callerId: string,
  otherOf: (m: NonNullable<Context['mentorship']>) => string,
): Promise<Context> {
  const first = await getMany([toAttr(keys.mentorship(mentorshipId))]);
  const m = first[0] ? fromAttr<NonNullable<Context['mentorship']>>(first[0]) : undefined;
  if (!m) return { blocked: false } satisfies Context;
  const otherId = otherOf(m);
  const rest = await getMany([
    toAttr(keys.member(otherId)),
    toAttr(keys.blockOut(callerId, otherId)),
    toAttr(keys.blockIn(callerId, otherId)),
  ]);
  const items = rest.map((i) => fromAttr<{ pk: string; sk: string } & Record<string, unknown>>(i));
  const member = items.find((i) => i.sk === 'PROFILE');
  return {
    mentorship: { id: m.id, mentorId: m.mentorId, menteeId: m.menteeId, state: m.state, erased: m.erased },
    other: member ? { id: otherId, status: String(member.status), sanction: member.sanction as Other['sanction'] } : undefined,
    blocked: items.some((i) => i.sk.startsWith(keys.blockPrefix)),
  } satisfies Context;
}

export async function getMessage(mentorshipId: string, id: string): Promise<MessageRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.message(mentorshipId, id)), ConsistentRead: true });
  return res.Item ? recordOf<MessageRecord>(res.Item) : undefined;
}

/** One page of a conversation read from its latest message backwards; the service turns each page oldest first. */
export async function latestMessages(
  mentorshipId: string,
  opts: { limit: number; cursor?: string; scope: string },
): Promise<Page<MessageRecord>> {
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: values({ ':pk': keys.mentorship(mentorshipId).pk, ':p': keys.messagePrefix }),
    ScanIndexForward: false,
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return { items: (res.Items ?? []).map((i) => recordOf<MessageRecord>(i)), nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope) };
}

/** Every message of a conversation, oldest first: for an export or an erasure, never a request's list. */
export async function allMessages(mentorshipId: string): Promise<MessageRecord[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: values({ ':pk': keys.mentorship(mentorshipId).pk, ':p': keys.messagePrefix }),
  });
  return items.map((i) => recordOf<MessageRecord>(i));
}

const messageItem = (m: MessageRecord) => ({ ...keys.message(m.mentorshipId, m.id), entity: 'message', ...m });

/** A new message (never over another), or the message replaced at the version it was read. */
export function messagePut(
  m: MessageRecord,
  expected?: { version: number; extra?: string; vals?: Record<string, unknown> },
): TransactWriteItem {
  if (!expected) return { Put: { TableName: TABLE, Item: toAttr(messageItem(m)), ConditionExpression: 'attribute_not_exists(pk)' } };
  return {
    Put: {
      TableName: TABLE,
      Item: toAttr(messageItem(m)),
      ConditionExpression: `version = :v${expected.extra ? ` AND ${expected.extra}` : ''}`,
      ExpressionAttributeValues: values({ ':v': expected.version, ...(expected.vals ?? {}) }),
    },
  };
}

/** Holds only while the mentorship is in this state. */
export function mentorshipStateCheck(mentorshipId: string, state: string): TransactWriteItem {
  return {
    ConditionCheck: {
      TableName: TABLE,
      Key: toAttr(keys.mentorship(mentorshipId)),
      ConditionExpression: '#state = :s',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: values({ ':s': state }),
    },
  };
}

export type Mark = { mentorshipId: string; unread: boolean; lastAt?: string; seenAt?: string };

export async function getMark(memberId: string, mentorshipId: string): Promise<Mark | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.conversationMark(memberId, mentorshipId)), ConsistentRead: true });
  return res.Item ? recordOf<Mark>(res.Item) : undefined;
}

/**
 * Marks a conversation unread for the member a message went to. `firstUnread` holds the write to
 * the marker being read (or absent) at that moment, so of two messages racing only one carries
 * the notification; the other retries without it.
 */
export function markUnread(memberId: string, mentorshipId: string, at: string, firstUnread: boolean): TransactWriteItem {
  return {
    Update: {
      TableName: TABLE,
      Key: toAttr(keys.conversationMark(memberId, mentorshipId)),
      UpdateExpression: 'SET entity = :e, mentorshipId = :m, unread = :t, lastAt = :at',
      ...(firstUnread ? { ConditionExpression: 'attribute_not_exists(unread) OR unread = :f' } : { ConditionExpression: 'unread = :t' }),
      ExpressionAttributeValues: values({
        ':e': 'conversationMark',
        ':m': mentorshipId,
        ':t': true,
        ':at': at,
        ...(firstUnread ? { ':f': false } : {}),
      }),
    },
  };
}

/** She opened the conversation: nothing waits for her there any more. */
export async function markSeen(memberId: string, mentorshipId: string, at: string): Promise<void> {
  await db.updateItem({
    TableName: TABLE,
    Key: toAttr(keys.conversationMark(memberId, mentorshipId)),
    UpdateExpression: 'SET entity = :e, mentorshipId = :m, unread = :f, seenAt = :at',
    ExpressionAttributeValues: values({ ':e': 'conversationMark', ':m': mentorshipId, ':f': false, ':at': at }),
  });
}

/** How many of her conversations hold something unopened: one Query of her few markers. */
export async function countUnread(memberId: string): Promise<number> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    FilterExpression: 'unread = :t',
    ExpressionAttributeValues: values({ ':pk': keys.member(memberId).pk, ':p': keys.conversationMarkPrefix, ':t': true }),
    ProjectionExpression: 'mentorshipId',
  });
  return items.length;
}

/** A meeting in one member's agenda (GET /api/agenda lists them with her events). */
export function agendaPut(memberId: string, mentorshipId: string, messageId: string, startsAt: string, endsAt: string): TransactWriteItem {
  return {
    Put: {
      TableName: TABLE,
      Item: toAttr({
        ...keys.agendaItem(memberId, startsAt, 'meeting', mentorshipId),
        entity: 'agendaItem',
        version: 1,
        kind: 'meeting',
        refId: mentorshipId,
        messageId,
        startsAt,
        endsAt,
      }),
      // One meeting of a mentorship at one time: a second acceptance of the same time is refused.
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export const agendaDelete = (memberId: string, mentorshipId: string, startsAt: string): TransactWriteItem => ({
  Delete: { TableName: TABLE, Key: toAttr(keys.agendaItem(memberId, startsAt, 'meeting', mentorshipId)) },
});

export async function transact(items: TransactWriteItem[]): Promise<void> {
  await db.transactWrite({ TransactItems: items });
}
