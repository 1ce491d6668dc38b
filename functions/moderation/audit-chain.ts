import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { sha256 } from '../lib/crypto';

/*
 * The audit log's hash chain, apart from the table code (and the settings it reads) so that an
 * operator's script can check a restored table's chain with the same rules (scripts/restore.ts).
 */

/** What a board decision is about. */
export type AuditTarget =
  | 'post'
  | 'thread'
  | 'member'
  | 'case'
  | 'rules'
  | 'space'
  | 'mentorship'
  | 'message'
  | 'announcement'
  | 'practice';

export type AuditEntry = {
  id: string;
  seq: number;
  at: string;
  actorId: string;
  action: string;
  targetType: AuditTarget;
  targetId: string;
  reason: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
};

export const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every level: DynamoDB does not keep a map's key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashEntry(e: Omit<AuditEntry, 'hash'>): string {
  const canonical = canonicalJson([
    e.seq,
    e.id,
    e.at,
    e.actorId,
    e.action,
    e.targetType,
    e.targetId,
    e.reason,
    e.before,
    e.after,
    e.prevHash,
  ]);
  return sha256(canonical, 'hex');
}

/** One page of entries, oldest first, and where the next page starts. */
export type ChainPage = { items: readonly AuditEntry[]; next?: Record<string, AttributeValue> };

/**
 * Walks the chain oldest first, page by page; returns the sequence number of the first broken
 * entry (a gap, a wrong link or a hash that does not match its content), or null.
 */
export async function firstBrokenEntry(page: (start?: Record<string, AttributeValue>) => Promise<ChainPage>): Promise<number | null> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const { items, next } = await page(start);
    for (const raw of items) {
      const { pk: _p, sk: _s, entity: _e, version: _v, hash, ...rest } = raw as AuditEntry & Record<string, unknown>;
      const entry = rest as Omit<AuditEntry, 'hash'>;
      if (entry.seq !== expectedSeq || entry.prevHash !== prev || hashEntry(entry) !== hash) return expectedSeq;
      prev = hash;
      expectedSeq++;
    }
    start = next;
  } while (start);
  return null;
}
