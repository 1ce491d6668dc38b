import { db, madeIf, TABLE, toAttr } from '../lib/db';
import { keys } from '../lib/keys';

/** How long a sent marker is kept: longer than SQS keeps a message and any schedule's overlap. */
const SENT_MARKER_DAYS = 30;

/**
 * Claims a job for sending: a conditional put of its sent marker. False when the marker exists,
 * i.e. the job was (or is being) sent by another delivery, so exactly one of any number of
 * deliveries of one job sends it.
 */
export async function claimJob(jobId: string, at = new Date()): Promise<boolean> {
  return madeIf(
    db.putItem({
      TableName: TABLE,
      Item: toAttr({
        ...keys.emailSent(jobId),
        entity: 'emailSent',
        at: at.toISOString(),
        ttl: Math.floor(at.getTime() / 1000) + SENT_MARKER_DAYS * 86_400,
      }),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** Gives a claim back after a failed send, so that the queue's retry can send it. */
export async function releaseJob(jobId: string): Promise<void> {
  await db.deleteItem({ TableName: TABLE, Key: toAttr(keys.emailSent(jobId)) });
}
