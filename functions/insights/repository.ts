import { TABLE, fromAttr, queryAll, values } from '../lib/db';
import { keys } from '../lib/keys';
import type { Metric } from './counters';

/** One counter summed over its shards: how many, and the durations summed beside them (ms). */
export type Tally = { n: number; ms: number };
/** A metric's counters by month, then by dimension. */
export type Monthly = Map<string, Map<string, Tally>>;

/**
 * A metric's counters from month `from` (or from the start, for a running total's opening
 * balance) to month `to`, shards summed: one Query on the metric's partition. The items it reads
 * are months × dimensions × shards, bounded by the network's age and the dimensions' values (a
 * few dozen countries), never by how many members, posts or registrations it counts.
 */
export async function monthly(metric: Metric, to: string, from?: string): Promise<Monthly> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: from ? 'pk = :pk AND sk BETWEEN :from AND :to' : 'pk = :pk AND sk <= :to',
    ExpressionAttributeValues: values({ ':pk': keys.insightPartition(metric), ':to': `${to}#\uffff`, ...(from ? { ':from': from } : {}) }),
    ProjectionExpression: 'sk, n, ms',
  });
  const out: Monthly = new Map();
  for (const raw of items) {
    const item = fromAttr<{ sk: string; n?: number; ms?: number }>(raw);
    const month = item.sk.slice(0, 7);
    const dimension = item.sk.slice(8, item.sk.lastIndexOf('#'));
    const byDimension = out.get(month) ?? new Map<string, Tally>();
    out.set(month, byDimension);
    const t = byDimension.get(dimension) ?? { n: 0, ms: 0 };
    byDimension.set(dimension, { n: t.n + Number(item.n ?? 0), ms: t.ms + Number(item.ms ?? 0) });
  }
  return out;
}
