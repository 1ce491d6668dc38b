import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteItemCommand, DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/lib/keys';
import { type AuditEntry, GENESIS, hashEntry } from '../../functions/moderation/audit-chain';
import { ensureTable, startDynamoLocal, TABLE_NAME } from '../../scripts/local/services';
import { checkTable } from '../../scripts/restore/restore';

/*
 * The restore drill against DynamoDB Local, run as an operator runs it (scripts/restore.ts): the
 * data is written, a copy of the data directory is the point in time, more is written, and the
 * table is restored from that point into a new table and checked.
 */

const dir = mkdtempSync(join(tmpdir(), 'champions-restore-'));
const live = join(dir, 'live');
const snapshot = join(dir, 'snapshot');
let dynamo: Awaited<ReturnType<typeof startDynamoLocal>>;
let client: DynamoDBClient;
let lastHash = GENESIS;
let seq = 0;

const connect = (endpoint: string) =>
  new DynamoDBClient({ region: 'eu-central-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

function auditItems(action: string): Record<string, unknown>[] {
  seq++;
  const base: Omit<AuditEntry, 'hash'> = {
    id: `E${seq}`,
    seq,
    at: new Date(Date.UTC(2026, 11, 4, 9, seq)).toISOString(),
    actorId: 'board-1',
    action,
    targetType: 'member',
    targetId: `m${seq}`,
    reason: `reason ${seq}`,
    before: { status: 'pending' },
    after: { status: 'active' },
    prevHash: lastHash,
  };
  lastHash = hashEntry(base);
  return [
    { ...keys.auditEntry(seq), entity: 'audit', version: 1, ...base, hash: lastHash },
    { ...keys.auditHead(), entity: 'auditHead', version: seq, seq, hash: lastHash },
  ];
}

async function write(items: Record<string, unknown>[]): Promise<void> {
  const requests = items.map((i) => ({ PutRequest: { Item: marshall(i, { removeUndefinedValues: true }) } }));
  await client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE_NAME]: requests } }));
}

const member = (id: string) => ({ pk: `MEMBER#${id}`, sk: 'PROFILE', entity: 'member', version: 1, id });

function restore(args: string[]): Promise<{
  code: number;
  report: { ok: boolean; problems: string[]; restored: { counts: Record<string, number>; auditEntries: number } };
}> {
  return new Promise((done) =>
    execFile(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/restore.ts', ...args], (error, stdout) =>
      done({ code: error ? Number(error.code ?? 1) : 0, report: JSON.parse(stdout) }),
    ),
  );
}

beforeAll(async () => {
  dynamo = await startDynamoLocal({ dbPath: live });
  client = connect(dynamo.endpoint);
  await ensureTable(client);
  await write([member('a'), member('b'), member('c'), ...auditItems('member.approve')]);
  await write([...auditItems('member.approve'), { pk: 'SPACE#s1', sk: 'META', entity: 'space', version: 1 }]);
  // The point in time: DynamoDB Local has no backups, so a copy of its data taken while it is stopped.
  await dynamo.stop();
  cpSync(live, snapshot, { recursive: true });
  dynamo = await startDynamoLocal({ dbPath: live });
  client = connect(dynamo.endpoint);
  // After the point: a member and an audit entry the restored table must not have.
  await write([member('d'), ...auditItems('member.suspend')]);
}, 120_000);

afterAll(async () => {
  client?.destroy();
  await dynamo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the restore drill', () => {
  it('restores the table as it was at the point into a new table, with its audit chain whole and a prefix of the live one', async () => {
    const { code, report } = await restore([
      '--table',
      TABLE_NAME,
      '--snapshot',
      snapshot,
      '--endpoint',
      dynamo.endpoint,
      '--target',
      'restored-1',
    ]);
    expect(report.problems).toEqual([]);
    expect(code).toBe(0);
    expect(report.restored.counts).toEqual({ audit: 2, auditHead: 1, member: 3, space: 1 });
    expect(report.restored.auditEntries).toBe(2);
    const restored = await checkTable(client, 'restored-1');
    const now = await checkTable(client, TABLE_NAME);
    expect(now.counts.member).toBe(4);
    expect(restored.auditHashes).toEqual(now.auditHashes.slice(0, 2));
  }, 120_000);

  it('fails the drill when an audit entry was changed, naming the entry', async () => {
    // Someone rewrote the reason of the first entry in the copy: its hash no longer matches.
    const tampered = join(dir, 'tampered');
    cpSync(snapshot, tampered, { recursive: true });
    const other = await startDynamoLocal({ dbPath: tampered });
    const c = connect(other.endpoint);
    await c.send(
      new UpdateItemCommand({
        TableName: TABLE_NAME,
        Key: marshall(keys.auditEntry(1)),
        UpdateExpression: 'SET reason = :r',
        ExpressionAttributeValues: { ':r': { S: 'nothing happened' } },
      }),
    );
    c.destroy();
    await other.stop();
    const { code, report } = await restore([
      '--table',
      TABLE_NAME,
      '--snapshot',
      tampered,
      '--endpoint',
      dynamo.endpoint,
      '--target',
      'restored-2',
    ]);
    expect(code).toBe(1);
    expect(report.problems).toContain('the restored audit chain breaks at entry 1');
  }, 120_000);
});
