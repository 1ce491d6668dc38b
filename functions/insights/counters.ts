import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { TABLE, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';

/**
 * The board's insights are counted when things happen, not computed from the data when the board
 * looks: each write below is one more item in the transaction of the change it counts, so a
 * change and its count are written together or not at all.
 *
 * Metrics, their dimensions (the counter's `sk` between month and shard), and how many shards
 * each spreads over. Members are counted by the board's decisions, which the audit chain already
 * makes one at a time, so one shard keeps their history (read whole for running totals) small.
 */
export const METRIC_SHARDS = {
  /** `joined|<kind>|<country>`, `left|<kind>|<country>`. */
  members: 1,
  /** `submitted`, `approved`, `declined`; decisions carry the time from submission (`ms`). */
  applications: 8,
  /** `requested`, `accepted`, `declined|<reason>`, `expired`, `withdrawn`; answers carry the time to answer. */
  requests: 8,
  /** `started`, `ended` (an accepted mentorship that closed, for whatever reason). */
  mentorships: 8,
  /** `checkins`. */
  checkins: 8,
  /** `rating|<1-5>`: ratings given at the end of a mentorship. */
  feedback: 8,
  /** `registered`, `waitlisted`, `attended`, by the month the event starts. */
  events: 8,
  /** `threads`, `posts` (an opening post counts as a thread only). */
  discussion: 8,
  /** `held`, `approved`, `rejected`, `withdrawn` (by its author); decisions carry how long the post was held. */
  moderation: 8,
} as const;
export type Metric = keyof typeof METRIC_SHARDS;
export const METRICS = Object.keys(METRIC_SHARDS) as Metric[];

/** `yyyy-mm` of an ISO time. */
export const monthOf = (iso: string): string => iso.slice(0, 7);

/** Milliseconds from one ISO time to another, never negative. */
export const elapsed = (from: string, to: string): number => Math.max(0, Date.parse(to) - Date.parse(from));

/**
 * The transaction item that counts one event of `metric` in the month of `at`. `ms` is a duration
 * summed beside the count, so a mean (time to decision, to answer, held) is sum ÷ count on read.
 * `n: -1` takes one back (attendance unmarked).
 */
export function counted(metric: Metric, at: string, dimension: string, by: { n?: number; ms?: number } = {}): TransactWriteItem {
  const shard = Math.floor(Math.random() * METRIC_SHARDS[metric]);
  const withMs = by.ms !== undefined;
  return {
    Update: {
      TableName: TABLE,
      Key: toAttr(keys.insightCounter(metric, monthOf(at), dimension, shard)),
      UpdateExpression: `ADD n :n${withMs ? ', ms :ms' : ''} SET entity = :e`,
      ExpressionAttributeValues: values({ ':n': by.n ?? 1, ':e': 'insight', ...(withMs ? { ':ms': Math.round(by.ms ?? 0) } : {}) }),
    },
  };
}
