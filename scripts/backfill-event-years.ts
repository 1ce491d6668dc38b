import { pathToFileURL } from 'node:url';

/**
 * Moves every event from the monthly GSI1 partitions events were listed in (`EVENTS#YYYY-MM`) to
 * the yearly ones they are listed in now (`EVENTS#YYYY`): the list of upcoming events reads at
 * most three yearly partitions, where it read 25 monthly ones. Run once right after deploying
 * the change (until it has run, an event stored before it is missing from the lists, though its
 * page, registrations and agenda entries work). Safe to run while the app serves and to run
 * again: each move is conditioned on the event still being in its old partition, so an event
 * edited meanwhile (which the app already wrote in the new shape) is left as it is.
 *
 *   TABLE_NAME=… AWS_REGION=… CURSOR_SECRET=unused-here-0000 npx tsx scripts/backfill-event-years.ts [first month, default 2024-01]
 *
 * It Queries each month's partition from `since` to 25 months ahead, a page at a time; not a Scan.
 */
export async function backfillEventYears(since = '2024-01', log: (line: string) => void = () => {}): Promise<number> {
  const { TABLE, db, isConditionFailure, values } = await import('../functions/lib/db');
  const { keys } = await import('../functions/lib/keys');
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 25, 1)).toISOString().slice(0, 7);
  let moved = 0;
  for (let d = new Date(`${since}-01T00:00:00.000Z`); d.toISOString().slice(0, 7) <= last; d.setUTCMonth(d.getUTCMonth() + 1)) {
    const month = d.toISOString().slice(0, 7);
    // The month's own partition name, as events were stored before (keys.eventYear names a year).
    const old = `EVENTS#${month}`;
    let start: Parameters<typeof db.query>[0]['ExclusiveStartKey'];
    do {
      const page = await db.query({
        TableName: TABLE,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: values({ ':pk': old }),
        ExclusiveStartKey: start,
      });
      for (const item of page.Items ?? []) {
        try {
          await db.updateItem({
            TableName: TABLE,
            Key: { pk: item.pk ?? { S: '' }, sk: item.sk ?? { S: '' } },
            UpdateExpression: 'SET gsi1pk = :year',
            ConditionExpression: 'gsi1pk = :old',
            ExpressionAttributeValues: values({ ':year': keys.eventYear(month.slice(0, 4)), ':old': old }),
          });
          moved++;
        } catch (e) {
          // Edited (so rewritten in the new shape) or deleted since the page was read: nothing to move.
          if (!isConditionFailure(e)) throw e;
        }
      }
      start = page.LastEvaluatedKey;
    } while (start);
    if (moved > 0) log(`${month}: ${moved} events moved so far`);
  }
  return moved;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = await backfillEventYears(process.argv[2], (line) => console.log(line));
  console.log(`done: ${n} events moved to their year's partition.`);
}
