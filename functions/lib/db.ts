import type {
  AttributeValue,
  BatchGetItemCommandInput,
  BatchGetItemCommandOutput,
  BatchWriteItemCommandInput,
  BatchWriteItemCommandOutput,
  DeleteItemCommandInput,
  DeleteItemCommandOutput,
  DynamoDBClient,
  GetItemCommandInput,
  GetItemCommandOutput,
  PutItemCommandInput,
  PutItemCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  TransactWriteItemsCommandInput,
  TransactWriteItemsCommandOutput,
  UpdateItemCommandInput,
  UpdateItemCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { config } from './config';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import { traced } from './tracing';

/**
 * DynamoDB access for the repositories: one function per operation, taking the SDK's own input
 * types. The SDK (provided by the Lambda runtime) starts loading when this module does, without
 * holding up the rest of the function's init: nearly every first request reads the table, a cold
 * start pays for the SDK anyway, and what loads during Lambda's init phase runs before the first
 * request and overlaps whatever the request waits on first (the token's JWKS). The client is built
 * on the first call and kept for the life of the execution environment.
 */
type Sdk = typeof import('@aws-sdk/client-dynamodb');

const sdkLoading: Promise<Sdk> = import('@aws-sdk/client-dynamodb');
// Seen by dynamo() on the first call; marked handled so a failed load cannot end the process before then.
sdkLoading.catch(() => undefined);

let loaded: Promise<{ sdk: Sdk; client: DynamoDBClient }> | undefined;

export function dynamo(): Promise<{ sdk: Sdk; client: DynamoDBClient }> {
  loaded ??= sdkLoading.then(async (sdk) => ({
    sdk,
    client: await traced(
      withoutSdkLogging(
        new sdk.DynamoDBClient({
          region: config.AWS_REGION,
          ...(config.DYNAMODB_ENDPOINT
            ? { endpoint: config.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
            : {}),
          maxAttempts: 3,
          // Each command class's middleware chain is built once, not on every call (about a tenth of
          // a call's CPU). Allowed because nothing adds middleware to the client or a command after
          // its first call (the Tracer's capture, lib/tracing.ts, comes before it).
          cacheMiddleware: true,
        }),
      ),
    ),
  }));
  return loaded;
}

/**
 * The SDK's logger middleware builds a redacted copy of every command's input and output (walking
 * both through their schemas) and hands it to `logger.info`, even when the logger is the SDK's
 * no-op default; the API logs nothing from the SDK (lib/log.ts logs ids), so the middleware goes.
 * Errors still reach the caller unchanged: the middleware only logged them.
 */
function withoutSdkLogging(client: DynamoDBClient): DynamoDBClient {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}

export const db = {
  async getItem(input: GetItemCommandInput): Promise<GetItemCommandOutput> {
    const { sdk, client } = await dynamo();
    return client.send(new sdk.GetItemCommand(input));
  },
  async batchGetItem(input: BatchGetItemCommandInput): Promise<BatchGetItemCommandOutput> {
    const { sdk, client } = await dynamo();
    return client.send(new sdk.BatchGetItemCommand(input));
  },
  async query(input: QueryCommandInput): Promise<QueryCommandOutput> {
    const { sdk, client } = await dynamo();
    return client.send(new sdk.QueryCommand(input));
  },
  async putItem(input: PutItemCommandInput): Promise<PutItemCommandOutput> {
    const { sdk, client } = await dynamo();
    return client.send(new sdk.PutItemCommand(input)).finally(() => heard([input.Item]));
  },
  async updateItem(input: UpdateItemCommandInput): Promise<UpdateItemCommandOutput> {
    const { sdk, client } = await dynamo();
    return client.send(new sdk.UpdateItemCommand(input)).finally(() => heard([input.Key]));
  },
  async deleteItem(input: DeleteItemCommandInput): Promise<DeleteItemCommandOutput> {
    const { sdk, client } = await dynamo();
    return client.send(new sdk.DeleteItemCommand(input)).finally(() => heard([input.Key]));
  },
  async batchWriteItem(input: BatchWriteItemCommandInput): Promise<BatchWriteItemCommandOutput> {
    const { sdk, client } = await dynamo();
    return client
      .send(new sdk.BatchWriteItemCommand(input))
      .finally(() =>
        heard(Object.values(input.RequestItems ?? {}).flatMap((rs) => rs.map((r) => r.PutRequest?.Item ?? r.DeleteRequest?.Key))),
      );
  },
  async transactWrite(input: TransactWriteItemsCommandInput): Promise<TransactWriteItemsCommandOutput> {
    const { sdk, client } = await dynamo();
    return client
      .send(new sdk.TransactWriteItemsCommand(input))
      .finally(() => heard((input.TransactItems ?? []).map((t) => t.Put?.Item ?? t.Update?.Key ?? t.Delete?.Key)));
  },
};

/**
 * Whoever keeps a short per-instance copy of an eventually consistent read (the mentor-card pools
 * of mentorship/offer-pools.ts) hears of every write this instance makes, by partition key, once
 * it has settled (made or not: a cancelled transaction may still have raced a read), so that the
 * instance's own writes show on its next read. Writes by other instances show when the copy expires.
 */
const writeObservers: ((pk: string) => void)[] = [];

export function onWrite(observer: (pk: string) => void): void {
  writeObservers.push(observer);
}

function heard(written: (Record<string, AttributeValue> | undefined)[]): void {
  for (const observe of writeObservers) for (const item of written) if (item?.pk?.S) observe(item.pk.S);
}

export const TABLE = config.TABLE_NAME;

export type Item = Record<string, unknown>;
export type Key = Record<string, AttributeValue>;

export const toAttr = (item: Item): Record<string, AttributeValue> =>
  marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false });
export const fromAttr = <T = Item>(item: Record<string, AttributeValue>): T => unmarshall(item) as T;

/**
 * Many items by key: one BatchGetItem per 100 keys, unprocessed keys retried with a short
 * exponential back-off (as DynamoDB asks). Missing items are simply absent from the result.
 */
export async function getMany(
  keys: Key[],
  opts: { consistent?: boolean; projection?: string; names?: Record<string, string> } = {},
): Promise<Record<string, AttributeValue>[]> {
  const out: Record<string, AttributeValue>[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    let pending: Key[] = keys.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const res = await db.batchGetItem({
        RequestItems: {
          [TABLE]: {
            Keys: pending,
            ConsistentRead: opts.consistent ?? true,
            ...(opts.projection ? { ProjectionExpression: opts.projection } : {}),
            ...(opts.names ? { ExpressionAttributeNames: opts.names } : {}),
          },
        },
      });
      out.push(...(res.Responses?.[TABLE] ?? []));
      pending = res.UnprocessedKeys?.[TABLE]?.Keys ?? [];
    }
  }
  return out;
}

/**
 * Every item a Query matches, page after page. For work that needs them all (an export, an
 * erasure, a member's open requests, a chain check); a list a member pages through uses a cursor.
 */
export async function queryAll(input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Record<string, AttributeValue>[]> {
  const out: Record<string, AttributeValue>[] = [];
  let start: Key | undefined;
  do {
    const res = await db.query({ ...input, ExclusiveStartKey: start });
    out.push(...(res.Items ?? []));
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * One page of the items under `prefix` in partition `pk`, newest first (their sort keys are ULIDs),
 * each turned into what the caller shows, behind an opaque cursor signed for `scope`. With
 * `fields`, only those attributes are read: less for DynamoDB to send and for the SDK to parse.
 */
export async function newestFirst<T>(
  pk: string,
  prefix: string,
  page: { limit: number; cursor?: string; scope: string; fields?: readonly string[] },
  view: (item: Record<string, AttributeValue>) => T,
): Promise<Page<T>> {
  // Every field through a placeholder: `read`, `type` and others are reserved words.
  const names = page.fields && Object.fromEntries(page.fields.map((f, i) => [`#f${i}`, f]));
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: values({ ':pk': pk, ':prefix': prefix }),
    ...(names ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } : {}),
    ScanIndexForward: false,
    Limit: page.limit,
    ExclusiveStartKey: decodeCursor(page.cursor, page.scope),
  });
  return { items: (res.Items ?? []).map(view), nextCursor: encodeCursor(res.LastEvaluatedKey, page.scope) };
}

const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entity']);

/** A stored item as its record: unmarshalled, without the table's key and index attributes. */
export function recordOf<T>(item: Record<string, AttributeValue>): T {
  return Object.fromEntries(Object.entries(fromAttr<Record<string, unknown>>(item)).filter(([k]) => !KEY_ATTRIBUTES.has(k))) as T;
}

/** Builds ExpressionAttributeValues from plain values. */
export const values = (v: Item): Record<string, AttributeValue> => marshall(v, { removeUndefinedValues: true });

export const isConditionFailure = (e: unknown): boolean => e instanceof Error && e.name === 'ConditionalCheckFailedException';

/** Runs one conditional write: true when it was made, false when its condition did not hold. */
export async function madeIf(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/**
 * For a cancelled transaction: the index of every item whose condition failed (null when `e` is
 * not a cancelled transaction). Lets a service tell "already decided" from "stale version".
 */
export function failedConditions(e: unknown): number[] | null {
  if (!(e instanceof Error) || e.name !== 'TransactionCanceledException') return null;
  const reasons = (e as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
}

/** A transaction cancelled only because another one was writing the same items at that moment. */
export function isTransactionConflict(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e.name === 'TransactionConflictException') return true;
  if (e.name !== 'TransactionCanceledException') return false;
  const reasons = (e as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'TransactionConflict');
}
