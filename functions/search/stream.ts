import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { fromAttr } from '../lib/db';
import { log } from '../lib/log';
import { type SearchChange, changesOfImage } from './changes';
import { reindex } from './index';

/** The part of a DynamoDB Streams record this consumer reads. */
type StreamRecord = {
  eventID?: string;
  dynamodb?: {
    NewImage?: Record<string, AttributeValue>;
    OldImage?: Record<string, AttributeValue>;
    SequenceNumber?: string;
  };
};

/**
 * The table's stream, filtered to the indexed entity types by the event source mapping: each
 * changed item is mapped to the documents it concerns, and each document is re-indexed once per
 * batch. A failure reports its record so Lambda retries from there (and, at the end, sends it to
 * the on-failure destination) instead of the whole batch.
 */
export async function onTableChanges(event: { Records: StreamRecord[] }): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
  const byDoc = new Map<string, { change: SearchChange; first: string }>();
  for (const r of event.Records) {
    const image = r.dynamodb?.NewImage ?? r.dynamodb?.OldImage;
    for (const change of changesOfImage(image ? fromAttr(image) : undefined)) {
      const key = `${change.kind}#${change.id}`;
      if (!byDoc.has(key)) byDoc.set(key, { change, first: r.dynamodb?.SequenceNumber ?? r.eventID ?? '' });
    }
  }
  const failed: string[] = [];
  for (const { change, first } of byDoc.values()) {
    try {
      await reindex(change.kind, change.id);
    } catch (e) {
      log.warn('search reindex failed', { kind: change.kind, id: change.id, error: e instanceof Error ? e.name : 'unknown' });
      failed.push(first);
    }
  }
  // Lambda retries from the earliest failed record; documents are kept in the order they first appear.
  const earliest = failed[0];
  return { batchItemFailures: earliest ? [{ itemIdentifier: earliest }] : [] };
}
