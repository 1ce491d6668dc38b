import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { sha256 } from '../lib/crypto';
import { decodeCursor, encodeCursor, type Page } from '../lib/cursor';
import { TABLE, db, failedConditions, fromAttr, isTransactionConflict, toAttr, values } from '../lib/db';
import { UnavailableError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { keys } from '../lib/keys';

/**
 * The append-only audit log. Entries form a hash chain: each holds the hash of the one before,
 * and the head item holds the last sequence number and hash. Appending is part of the same
 * transaction as the decision it records, conditioned on the head being unchanged, so two board
 * members acting at once cannot fork the chain (one transaction is cancelled and retried).
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

const GENESIS = '0'.repeat(64);

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

type Head = { seq: number; hash: string };

export async function readHead(): Promise<Head> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.auditHead()), ConsistentRead: true });
  return res.Item ? fromAttr<Head>(res.Item) : { seq: 0, hash: GENESIS };
}

/** The transaction items that append one entry after `head`. */
export function auditAppend(
  head: Head,
  input: Pick<AuditEntry, 'actorId' | 'action' | 'targetType' | 'targetId' | 'reason' | 'before' | 'after'>,
  at: string,
): TransactWriteItem[] {
  const seq = head.seq + 1;
  const base = { id: ulid(), seq, at, ...input, prevHash: head.hash };
  const hash = hashEntry(base);
  return [
    {
      Put: {
        TableName: TABLE,
        Item: toAttr({ ...keys.auditHead(), entity: 'auditHead', version: seq, seq, hash }),
        ConditionExpression: head.seq === 0 ? 'attribute_not_exists(pk)' : 'seq = :seq',
        ...(head.seq === 0 ? {} : { ExpressionAttributeValues: values({ ':seq': head.seq }) }),
      },
    },
    {
      Put: {
        TableName: TABLE,
        Item: toAttr({ ...keys.auditEntry(seq), entity: 'audit', version: 1, ...base, hash }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

export async function listAudit(opts: { limit: number; cursor?: string; scope: string }): Promise<Page<AuditEntry>> {
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
    ExpressionAttributeValues: values({ ':pk': keys.auditHead().pk, ':e': 'E#' }),
    ScanIndexForward: false,
    Limit: opts.limit,
    ExclusiveStartKey: decodeCursor(opts.cursor, opts.scope),
  });
  return {
    items: (res.Items ?? []).map((i) => {
      const { pk: _p, sk: _s, entity: _e, version: _v, ...entry } = fromAttr<AuditEntry & Record<string, unknown>>(i);
      return entry as AuditEntry;
    }),
    nextCursor: encodeCursor(res.LastEvaluatedKey, opts.scope),
  };
}

/** Walks the chain oldest first; returns the sequence number of the first broken entry, or null. */
export async function verifyChain(): Promise<number | null> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let start: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue> | undefined;
  do {
    const res = await db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
      ExpressionAttributeValues: values({ ':pk': keys.auditHead().pk, ':e': 'E#' }),
      ConsistentRead: true,
      ExclusiveStartKey: start,
    });
    for (const raw of res.Items ?? []) {
      const { pk: _p, sk: _s, entity: _e, version: _v, hash, ...rest } = fromAttr<AuditEntry & Record<string, unknown>>(raw);
      const entry = rest as Omit<AuditEntry, 'hash'>;
      if (entry.seq !== expectedSeq || entry.prevHash !== prev || hashEntry(entry) !== hash) return expectedSeq;
      prev = hash;
      expectedSeq++;
    }
    start = res.LastEvaluatedKey;
  } while (start);
  return null;
}

/** Attempts for an action that appends to the chain, and the jittered wait between them. */
export const AUDIT_ATTEMPTS = 12;
export const auditBackoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(250, 10 * 2 ** attempt) * Math.random()));

export type AuditInput = Pick<AuditEntry, 'action' | 'targetType' | 'targetId' | 'reason' | 'before' | 'after'>;

/**
 * Runs a board decision and its audit entry as one transaction. `build` is called again on each
 * attempt (it re-reads and re-checks what it changes); a cancelled transaction, whether the
 * decision's own condition or the chain's head moved, is retried after a jittered wait. A
 * decision that no longer applies is for `build` to refuse with its own error. Answers the time
 * the entry was written.
 */
export async function withAudit(
  actorId: string,
  build: (at: string) => Promise<TransactWriteItem[]> | TransactWriteItem[],
  audit: AuditInput,
): Promise<string> {
  for (let attempt = 1; attempt <= AUDIT_ATTEMPTS; attempt++) {
    const at = new Date().toISOString();
    const items = [...(await build(at)), ...auditAppend(await readHead(), { actorId, ...audit }, at)];
    try {
      await db.transactWrite({ TransactItems: items });
      return at;
    } catch (e) {
      if (!failedConditions(e) && !isTransactionConflict(e)) throw e;
      await auditBackoff(attempt);
    }
  }
  throw new UnavailableError();
}
