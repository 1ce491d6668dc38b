import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TABLE, db, values } from '../lib/db';
import { keys } from '../lib/keys';

/**
 * How many items one index partition holds (optionally of one entity), by Query with
 * Select COUNT: DynamoDB counts server side, a page at a time (1 MB read each). The partitions
 * counted here are work waiting for the board (pending applications, the moderation queue), which
 * the board keeps short by handling it; they are never the whole table.
 */
async function countPartition(index: 'gsi1' | 'gsi3', pk: string, entity?: string): Promise<number> {
  let count = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const res = await db.query({
      TableName: TABLE,
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ...(entity ? { FilterExpression: 'entity = :e' } : {}),
      ExpressionAttributeValues: values({ ':pk': pk, ...(entity ? { ':e': entity } : {}) }),
      Select: 'COUNT',
      ExclusiveStartKey: start,
    });
    count += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return count;
}

export const countPendingApplications = () => countPartition('gsi1', keys.applicationPartition('pending'));
export const countHeldPosts = () => countPartition('gsi3', keys.queuePartition, 'post');
export const countOpenCases = () => countPartition('gsi3', keys.queuePartition, 'case');
export const countOpenMessages = () => countPartition('gsi3', keys.queuePartition, 'boardMessage');
