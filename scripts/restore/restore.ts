import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  QueryCommand,
  RestoreTableToPointInTimeCommand,
  ScanCommand,
  waitUntilTableExists,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { keys } from '../../functions/lib/keys';
import { type AuditEntry, firstBrokenEntry } from '../../functions/moderation/audit-chain';

/*
 * The restore drill (README, Backups): put the table as it was at a point in time into a new
 * table, then check the copy before anyone points the API at it. In AWS the point-in-time restore
 * is DynamoDB's own; DynamoDB Local has no backups, so locally "a point in time" is a copy of its
 * data directory taken then, and restoring copies that copy's items into a new table. The checks
 * are the same either way.
 *
 * Scans are right here and nowhere else: an operator's one-off job reads the whole table on purpose.
 */

/** DynamoDB's point-in-time restore of `source` as it was at `at` into a new table `target`, waited for. */
export async function restoreToPointInTime(client: DynamoDBClient, opts: { source: string; target: string; at: Date }): Promise<void> {
  await client.send(
    new RestoreTableToPointInTimeCommand({
      SourceTableName: opts.source,
      TargetTableName: opts.target,
      RestoreDateTime: opts.at,
      // The restored table keeps the source's encryption and on-demand billing; PITR, TTL, tags and
      // alarms are not restored and must be set again before it serves (README, Backups).
    }),
  );
  // A restore of a small table takes tens of minutes in AWS.
  await waitUntilTableExists({ client, maxWaitTime: 4 * 60 * 60, minDelay: 20, maxDelay: 60 }, { TableName: opts.target });
}

/** Locally: a new table `target` in `into`, with the schema and every item of `source` in the snapshot `from`. */
export async function restoreFromSnapshot(
  from: DynamoDBClient,
  into: DynamoDBClient,
  opts: { source: string; target: string },
): Promise<void> {
  const { Table: table } = await from.send(new DescribeTableCommand({ TableName: opts.source }));
  if (!table?.KeySchema || !table.AttributeDefinitions) throw new Error(`the snapshot has no table ${opts.source}`);
  await into.send(
    new CreateTableCommand({
      TableName: opts.target,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: table.KeySchema,
      AttributeDefinitions: table.AttributeDefinitions,
      GlobalSecondaryIndexes: table.GlobalSecondaryIndexes?.map((g) => ({
        IndexName: g.IndexName,
        KeySchema: g.KeySchema,
        Projection: g.Projection,
      })),
    }),
  );
  await waitUntilTableExists({ client: into, maxWaitTime: 120 }, { TableName: opts.target });
  for await (const items of scanPages(from, opts.source)) {
    for (let i = 0; i < items.length; i += 25) {
      let pending: WriteRequest[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const res = await into.send(new BatchWriteItemCommand({ RequestItems: { [opts.target]: pending } }));
        pending = res.UnprocessedItems?.[opts.target] ?? [];
      }
    }
  }
}

async function* scanPages(client: DynamoDBClient, table: string, projection?: string): AsyncGenerator<Record<string, AttributeValue>[]> {
  let start: Record<string, AttributeValue> | undefined;
  do {
    const res = await client.send(
      new ScanCommand({
        TableName: table,
        ExclusiveStartKey: start,
        ConsistentRead: true,
        ...(projection ? { ProjectionExpression: projection } : {}),
      }),
    );
    yield res.Items ?? [];
    start = res.LastEvaluatedKey;
  } while (start);
}

export type TableCheck = {
  table: string;
  /** Items per entity type (the `entity` attribute every item carries), and `(none)` for the rest. */
  counts: Record<string, number>;
  total: number;
  /** Entries in the audit chain, and the first broken one (null when the whole chain holds). */
  auditEntries: number;
  auditBroken: number | null;
  /** Each entry's hash by sequence number: a restored chain must be a prefix of the live one. */
  auditHashes: string[];
};

/** Counts a table's items per entity and walks its audit chain end to end. */
export async function checkTable(client: DynamoDBClient, table: string): Promise<TableCheck> {
  const counts: Record<string, number> = {};
  let total = 0;
  for await (const items of scanPages(client, table, 'entity')) {
    for (const item of items) {
      const entity = item.entity?.S ?? '(none)';
      counts[entity] = (counts[entity] ?? 0) + 1;
      total++;
    }
  }
  const auditHashes: string[] = [];
  const auditBroken = await firstBrokenEntry(async (start) => {
    const res = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
        ExpressionAttributeValues: { ':pk': { S: keys.auditHead().pk }, ':e': { S: 'E#' } },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    const items = (res.Items ?? []).map((i) => unmarshall(i) as AuditEntry);
    for (const e of items) auditHashes.push(e.hash);
    return { items, next: res.LastEvaluatedKey };
  });
  return {
    table,
    counts: Object.fromEntries(Object.entries(counts).sort()),
    total,
    auditEntries: auditHashes.length,
    auditBroken,
    auditHashes,
  };
}

/**
 * What an operator must know before switching to the restored table: its chain holds, it is the
 * live chain up to the restore point (nothing rewritten, nothing inserted), and how far it is behind.
 */
export function compareToLive(restored: TableCheck, live: TableCheck): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  if (restored.auditBroken !== null) problems.push(`the restored audit chain breaks at entry ${restored.auditBroken}`);
  if (live.auditBroken !== null) problems.push(`the live audit chain breaks at entry ${live.auditBroken}`);
  if (restored.auditEntries > live.auditEntries) problems.push('the restored table has audit entries the live one has not');
  const diverges = restored.auditHashes.findIndex((h, i) => live.auditHashes[i] !== h);
  if (diverges >= 0) problems.push(`the restored audit chain differs from the live one at entry ${diverges + 1}`);
  if (restored.total === 0) problems.push('the restored table is empty');
  return { ok: problems.length === 0, problems };
}
