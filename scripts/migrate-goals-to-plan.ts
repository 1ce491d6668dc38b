import { pathToFileURL } from 'node:url';

/**
 * Moves the goals each member's profile held (issue 12: the development plan is the one place for
 * goals) into her plan: one plan goal per horizon and distinct text, the profile's goals then kept
 * in step by the plan. The same code runs lazily on a member's first plan read or write; this
 * script does it for everyone at once. Safe to run while the app serves and to run again: a plan
 * is only ever created where none exists (a conditional write), never rewritten.
 *
 *   TABLE_NAME=… AWS_REGION=… CURSOR_SECRET=unused-here-0000 npx tsx scripts/migrate-goals-to-plan.ts
 *
 * It walks the directory's `all` partition (every active member, a Query a page at a time), not a
 * Scan. Members who are not active migrate on their first plan read once they are.
 */
export async function migrateAll(log: (line: string) => void = () => {}): Promise<number> {
  const { TABLE, db, fromAttr, toAttr, values } = await import('../functions/lib/db');
  const { keys } = await import('../functions/lib/keys');
  const { getMember } = await import('../functions/members/repository');
  const { ensurePlan } = await import('../functions/plan/service');
  let migrated = 0;
  let start: Parameters<typeof db.query>[0]['ExclusiveStartKey'];
  do {
    const page = await db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: values({ ':pk': keys.facetPartition('all') }),
      ProjectionExpression: 'memberId',
      ExclusiveStartKey: start,
    });
    for (const raw of page.Items ?? []) {
      const m = await getMember(fromAttr<{ memberId: string }>(raw).memberId);
      if (m?.status !== 'active') continue;
      const before = (await db.getItem({ TableName: TABLE, Key: toAttr(keys.plan(m.id)) })).Item;
      if (before) continue;
      if ((await ensurePlan(m)).version > 0) migrated++;
    }
    start = page.LastEvaluatedKey;
    log(`${migrated} plans made from profile goals so far`);
  } while (start);
  return migrated;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = await migrateAll((line) => console.log(line));
  console.log(`done: ${n} members' profile goals are now plans.`);
}
