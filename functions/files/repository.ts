import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { MAX_FILES_PER_OWNER } from '../../shared/files-schemas';
import { TABLE, db, failedConditions, isTransactionConflict, queryAll, recordOf, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';

/** DynamoDB access for attachments: one function per access pattern. */

export type FileState = 'pending' | 'ready' | 'rejected';

export type FileRecord = {
  id: string;
  ownerKind: string;
  ownerId: string;
  /** A random key of its own: never the file's name, nor the uploader's id. */
  objectKey: string;
  name: string;
  type: string;
  size: number;
  state: FileState;
  /** Absent once her account is erased (the file stays with its owner, nameless). */
  uploaderId?: string;
  /** Why a rejected file was refused, so a later check answers the same reason. */
  refused?: string;
  createdAt: string;
  version: number;
};

/** A rejected file's record is kept a day (a repeated check answers the same), then expires. */
const REJECTED_KEPT_SECONDS = 24 * 3600;
/** How long an object's pointer to its file is kept: its upload form lives five minutes, its event comes at once. */
const OBJECT_POINTER_SECONDS = 24 * 3600;

export type ObjectPointer = { ownerKind: string; ownerId: string; fileId: string };

const countKey = (f: Pick<FileRecord, 'ownerKind' | 'ownerId'>) => toAttr(keys.fileCount(f.ownerKind, f.ownerId));
const fileKey = (f: Pick<FileRecord, 'ownerKind' | 'ownerId' | 'id'>) => toAttr(keys.file(f.ownerKind, f.ownerId, f.id));

function item(f: FileRecord) {
  return toAttr({
    ...keys.file(f.ownerKind, f.ownerId, f.id),
    ...(f.uploaderId ? keys.fileIndex(f.uploaderId, f.createdAt, f.id) : {}),
    entity: 'file',
    ...f,
  });
}

/** Gives a slot back to the owner's count. */
const release = (f: FileRecord): TransactWriteItem => ({
  Update: {
    TableName: TABLE,
    Key: countKey(f),
    UpdateExpression: 'ADD n :minus',
    ConditionExpression: 'n > :zero',
    ExpressionAttributeValues: values({ ':minus': -1, ':zero': 0 }),
  },
});

/**
 * Runs a transaction, trying again (with jitter) while it only clashed with another one on the
 * same items: uploads to one owner all touch its count. Answers false when a condition failed.
 */
async function transact(items: TransactWriteItem[], attempts = 12): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transactWrite({ TransactItems: items });
      return true;
    } catch (e) {
      if (failedConditions(e)?.length) return false;
      if (!isTransactionConflict(e) || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(400, 15 * 2 ** attempt)));
    }
  }
}

/**
 * Records a pending file and takes one of its owner's slots, in one transaction whose condition
 * on the count (`n < 5`) holds for at most five files per owner, however many arrive at once.
 * False when the owner is full.
 */
export function createPending(f: FileRecord): Promise<boolean> {
  return transact([
    {
      Update: {
        TableName: TABLE,
        Key: countKey(f),
        UpdateExpression: 'SET entity = :entity ADD n :one',
        ConditionExpression: 'attribute_not_exists(n) OR n < :max',
        ExpressionAttributeValues: values({ ':entity': 'fileCount', ':one': 1, ':max': MAX_FILES_PER_OWNER }),
      },
    },
    { Put: { TableName: TABLE, Item: item(f), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: TABLE,
        Item: toAttr({
          ...keys.fileObject(f.objectKey),
          entity: 'fileObject',
          ownerKind: f.ownerKind,
          ownerId: f.ownerId,
          fileId: f.id,
          ttl: Math.floor(Date.parse(f.createdAt) / 1000) + OBJECT_POINTER_SECONDS,
        }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]);
}

/** The file an object of the bucket was uploaded for, if a form was ever given for it. */
export async function objectPointer(objectKey: string): Promise<ObjectPointer | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.fileObject(objectKey)), ConsistentRead: true });
  return res.Item ? recordOf<ObjectPointer>(res.Item) : undefined;
}

export async function getFile(ownerKind: string, ownerId: string, id: string): Promise<FileRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.file(ownerKind, ownerId, id)), ConsistentRead: true });
  return res.Item ? recordOf<FileRecord>(res.Item) : undefined;
}

/** Every file record of an owner (at most five live ones, plus rejected ones for a day). */
export async function ownerFiles(ownerKind: string, ownerId: string): Promise<FileRecord[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: values({ ':pk': keys.filesPartition(ownerKind, ownerId), ':prefix': keys.filePrefix }),
    ConsistentRead: true,
  });
  return items.map((i) => recordOf<FileRecord>(i));
}

/** pending → ready, once: false when it was no longer pending. */
export function markReady(f: FileRecord): Promise<boolean> {
  return transact([
    {
      Update: {
        TableName: TABLE,
        Key: fileKey(f),
        UpdateExpression: 'SET #state = :ready, version = version + :one',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: values({ ':ready': 'ready', ':pending': 'pending', ':one': 1 }),
      },
    },
  ]);
}

/** pending → rejected (and why), giving its slot back; the record expires after a day. False when no longer pending. */
export function markRejected(f: FileRecord, now: number, refused: string): Promise<boolean> {
  return transact([
    {
      Update: {
        TableName: TABLE,
        Key: fileKey(f),
        UpdateExpression: 'SET #state = :rejected, refused = :refused, version = version + :one, #ttl = :ttl',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state', '#ttl': 'ttl' },
        ExpressionAttributeValues: values({
          ':rejected': 'rejected',
          ':refused': refused,
          ':pending': 'pending',
          ':one': 1,
          ':ttl': Math.floor(now / 1000) + REJECTED_KEPT_SECONDS,
        }),
      },
    },
    release(f),
  ]);
}

/** Removes a pending or ready file's record and gives its slot back. False when it had changed meanwhile. */
export function removeFile(f: FileRecord): Promise<boolean> {
  return transact([
    {
      Delete: {
        TableName: TABLE,
        Key: fileKey(f),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: values({ ':v': f.version }),
      },
    },
    ...(f.state === 'rejected' ? [] : [release(f)]),
  ]);
}

/** The owner's count itself (after every file of the owner is gone). */
export async function removeCount(ownerKind: string, ownerId: string): Promise<void> {
  await db.deleteItem({ TableName: TABLE, Key: toAttr(keys.fileCount(ownerKind, ownerId)) });
}

/** Every file she uploaded, oldest first (GSI2): for her export and her erasure. */
export async function uploadsOf(memberId: string): Promise<FileRecord[]> {
  const items = await queryAll({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.uploadsOf(memberId) }),
  });
  return items.map((i) => recordOf<FileRecord>(i));
}

/** Takes her id off a file (her erasure): the file stays with its owner; the index entry goes. */
export async function forgetUploader(f: FileRecord): Promise<void> {
  await db
    .updateItem({
      TableName: TABLE,
      Key: fileKey(f),
      UpdateExpression: 'REMOVE uploaderId, gsi2pk, gsi2sk',
      ConditionExpression: 'attribute_exists(pk)',
    })
    .catch((e: unknown) => {
      if (!(e instanceof Error && e.name === 'ConditionalCheckFailedException')) throw e;
    });
}
