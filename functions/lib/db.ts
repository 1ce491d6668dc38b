import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { config } from './config';

/** One client per execution environment, created at cold start. */
export const ddb = new DynamoDBClient({
  region: config.AWS_REGION,
  ...(config.DYNAMODB_ENDPOINT
    ? { endpoint: config.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {}),
  maxAttempts: 3,
});

export const TABLE = config.TABLE_NAME;

export type Item = Record<string, unknown>;
export type Key = Record<string, AttributeValue>;

export const toAttr = (item: Item): Record<string, AttributeValue> =>
  marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false });
export const fromAttr = <T = Item>(item: Record<string, AttributeValue>): T => unmarshall(item) as T;

/** Builds ExpressionAttributeValues from plain values. */
export const values = (v: Item): Record<string, AttributeValue> => marshall(v, { removeUndefinedValues: true });

export const isConditionFailure = (e: unknown): boolean => e instanceof ConditionalCheckFailedException;

/**
 * For a cancelled transaction: the index of every item whose condition failed. Lets a service
 * tell "already decided" from "stale version" without a second read.
 */
export function failedConditions(e: unknown): number[] | null {
  if (!(e instanceof TransactionCanceledException)) return null;
  return (e.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
}
