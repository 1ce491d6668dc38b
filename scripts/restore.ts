import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoLocal } from './local/services';
import { checkTable, compareToLive, restoreFromSnapshot, restoreToPointInTime } from './restore/restore';

/**
 * The restore drill (README, Backups). Puts the table as it was at a point in time into a NEW table
 * (never over the live one), then checks it: items per entity, the audit chain end to end, and that
 * its chain is the live chain up to that point. Exit code 0 only when every check holds.
 *
 *   In AWS (credentials of the account, region of the table):
 *     npx tsx scripts/restore.ts --table <live table> --to 2026-12-04T09:30:00Z [--target <new name>]
 *   Against DynamoDB Local (which has no backups: a point in time is a copy of its data directory):
 *     npx tsx scripts/restore.ts --table champions-network --snapshot <copied dir> --endpoint http://127.0.0.1:<port>
 */
const { values } = parseArgs({
  options: {
    table: { type: 'string' },
    to: { type: 'string' },
    target: { type: 'string' },
    snapshot: { type: 'string' },
    endpoint: { type: 'string' },
    region: { type: 'string' },
  },
});

function usage(problem: string): never {
  console.error(`${problem}\nusage: restore.ts --table NAME (--to ISO-TIME | --snapshot DIR --endpoint URL) [--target NAME]`);
  process.exit(2);
}

const source = values.table ?? usage('--table is required');
const at = values.to ? new Date(values.to) : undefined;
if (values.to && Number.isNaN(at?.getTime())) usage('--to must be an ISO-8601 time');
if (!at && !values.snapshot) usage('give --to (AWS) or --snapshot (DynamoDB Local)');
const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
const target = values.target ?? `${source}-restored-${stamp}`.toLowerCase();
const region = values.region ?? process.env.AWS_REGION ?? 'eu-central-1';
const local = values.endpoint ? { endpoint: values.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {};
const client = new DynamoDBClient({ region, ...local });

const started = Date.now();
if (values.snapshot) {
  const snapshot = await startDynamoLocal({ dbPath: values.snapshot });
  const from = new DynamoDBClient({ region, endpoint: snapshot.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await restoreFromSnapshot(from, client, { source, target });
  } finally {
    from.destroy();
    await snapshot.stop();
  }
} else if (at) {
  await restoreToPointInTime(client, { source, target, at });
}
const restoredIn = Date.now() - started;
const [restored, live] = await Promise.all([checkTable(client, target), checkTable(client, source)]);
const verdict = compareToLive(restored, live);
console.log(
  JSON.stringify(
    {
      restoredTable: target,
      restoredInSeconds: Math.round(restoredIn / 100) / 10,
      checkedInSeconds: Math.round((Date.now() - started - restoredIn) / 100) / 10,
      restored: { total: restored.total, counts: restored.counts, auditEntries: restored.auditEntries, auditBroken: restored.auditBroken },
      live: { total: live.total, auditEntries: live.auditEntries },
      ok: verdict.ok,
      problems: verdict.problems,
    },
    null,
    2,
  ),
);
client.destroy();
process.exit(verdict.ok ? 0 : 1);
