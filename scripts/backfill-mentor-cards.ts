import { pathToFileURL } from 'node:url';

/**
 * Rewrites every offering mentor's offer facets in the shape suggestions now read: a small mentor
 * card and her accepted count (older items hold her whole profile and no count). Safe to run
 * while the app serves and to run again: each member is rewritten as she stands, through the
 * app's own replaceMember (conditioned on her version and on her counter's), and re-read when
 * either moved. Until it has run, suggestions still read the old items (at a higher cost).
 *
 *   TABLE_NAME=… AWS_REGION=… CURSOR_SECRET=unused-here-0000 npx tsx scripts/backfill-mentor-cards.ts
 *
 * It walks the directory's `all` partition (every active member, a Query a page at a time), not a Scan.
 */
export async function backfillMentorCards(log: (line: string) => void = () => {}): Promise<number> {
  const { TABLE, db, failedConditions, fromAttr, values } = await import('../functions/lib/db');
  const { keys } = await import('../functions/lib/keys');
  const repo = await import('../functions/members/repository');
  let rewritten = 0;
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
      const { memberId } = fromAttr<{ memberId: string }>(raw);
      for (let attempt = 1; ; attempt++) {
        const m = await repo.getMember(memberId);
        if (!repo.offersMentoring(m)) break;
        try {
          await repo.replaceMember(m, m, m.version);
          rewritten++;
          break;
        } catch (e) {
          // She changed meanwhile (and her change wrote the new shape): read her again.
          if (!failedConditions(e)?.length || attempt >= 5) throw e;
        }
      }
    }
    start = page.LastEvaluatedKey;
    log(`${rewritten} mentors rewritten so far`);
  } while (start);
  return rewritten;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = await backfillMentorCards((line) => console.log(line));
  console.log(`done: ${n} offering mentors have mentor cards in the offer index.`);
}
