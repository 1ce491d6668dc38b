import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { TABLE, db, fromAttr, values } from '../lib/db';
import { keys } from '../lib/keys';
import type { SearchKind } from './sources';

/** Reading the index: one bounded Query per word she typed. */

export type IndexHit = { kind: SearchKind; id: string; at: string; title: boolean };

/** What the pre-filter keeps: most of what she may not open, or did not ask for, never leaves the Query. */
export type IndexFilter = {
  audiences: string[];
  kind?: SearchKind;
  country?: string;
  theme?: string;
  language?: string;
  from?: string;
  to?: string;
};

function filterExpression(f: IndexFilter): { expression: string; vals: Record<string, unknown> } {
  const parts: string[] = [`#aud IN (${f.audiences.map((_, i) => `:a${i}`).join(', ')})`];
  const vals: Record<string, unknown> = Object.fromEntries(f.audiences.map((a, i) => [`:a${i}`, a]));
  if (f.kind) {
    parts.push('#kind = :kind');
    vals[':kind'] = f.kind;
  }
  if (f.country) {
    parts.push('contains(ctry, :country)');
    vals[':country'] = f.country;
  }
  if (f.theme) {
    parts.push('contains(thm, :theme)');
    vals[':theme'] = f.theme;
  }
  if (f.language) {
    parts.push('contains(lang, :language)');
    vals[':language'] = f.language;
  }
  if (f.from) {
    parts.push('#at >= :from');
    vals[':from'] = f.from;
  }
  if (f.to) {
    // A date includes its whole day: every instant of it sorts below `T99`.
    parts.push('#at <= :to');
    vals[':to'] = `${f.to}T99`;
  }
  return { expression: parts.join(' AND '), vals };
}

/**
 * One window of the entries of a word (`exact`) or of every word starting with it, newest first
 * within a word, at most `limit` read (the Limit bounds what is read, before the filter).
 */
export async function queryWord(
  word: string,
  exact: boolean,
  filter: IndexFilter,
  opts: { limit: number; startSk?: string },
): Promise<{ hits: IndexHit[]; lastSk: string | undefined; consumed: number }> {
  const pk = keys.searchPartition(word);
  const { expression, vals } = filterExpression(filter);
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :word)',
    FilterExpression: expression,
    ExpressionAttributeValues: values({ ':pk': pk, ':word': exact ? `${word}#` : word, ...vals }),
    // Aliased: attribute names that may be reserved words.
    ExpressionAttributeNames: { '#kind': 'kind', '#id': 'id', '#at': 'at', '#t': 't', '#aud': 'aud' },
    ProjectionExpression: '#kind, #id, #at, #t',
    ScanIndexForward: false,
    Limit: opts.limit,
    ReturnConsumedCapacity: 'TOTAL',
    ...(opts.startSk ? { ExclusiveStartKey: { pk: { S: pk }, sk: { S: opts.startSk } } as Record<string, AttributeValue> } : {}),
  });
  return {
    hits: (res.Items ?? []).map((i) => {
      const h = fromAttr<{ kind: SearchKind; id: string; at: string; t: number }>(i);
      return { kind: h.kind, id: h.id, at: h.at, title: h.t === 1 };
    }),
    lastSk: res.LastEvaluatedKey?.sk?.S,
    consumed: res.ConsumedCapacity?.CapacityUnits ?? 0,
  };
}
