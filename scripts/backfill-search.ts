import { pathToFileURL } from 'node:url';

/**
 * Indexes for search (issue 14) everything that exists: members, threads and their replies,
 * events. Safe to run while the app serves and to run again: each document goes through the
 * app's own `reindex`, which writes only what differs from its manifest (a second run writes
 * nothing). Run once after deploying search, or to rebuild the index after a stream outage.
 *
 *   TABLE_NAME=… AWS_REGION=… CURSOR_SECRET=unused-here-0000 npx tsx scripts/backfill-search.ts
 *
 * A paged Query per kind, never a Scan: the directory's `all` partition (active members), the
 * spaces' list, each space's threads, each thread's posts, and the events of each year from
 * `monthsBack` before to `monthsAhead` after today. (The library's practices join here with
 * their source.)
 */
export async function backfillSearch(
  opts: { monthsBack?: number; monthsAhead?: number; log?: (line: string) => void } = {},
): Promise<Record<string, number>> {
  const { TABLE, db, fromAttr, values } = await import('../functions/lib/db');
  const { keys } = await import('../functions/lib/keys');
  const { reindex } = await import('../functions/search/index');
  const log = opts.log ?? (() => {});
  const counts: Record<string, number> = { member: 0, thread: 0, post: 0, event: 0 };

  /** Every item of a partition, a page at a time, each handed to `each`. */
  async function walk(pk: string, index: 'gsi1' | undefined, each: (item: Record<string, unknown>) => Promise<void>) {
    let start: Parameters<typeof db.query>[0]['ExclusiveStartKey'];
    do {
      const page = await db.query({
        TableName: TABLE,
        ...(index ? { IndexName: index, KeyConditionExpression: 'gsi1pk = :pk' } : { KeyConditionExpression: 'pk = :pk' }),
        ExpressionAttributeValues: values({ ':pk': pk }),
        ExclusiveStartKey: start,
      });
      for (const raw of page.Items ?? []) await each(fromAttr(raw));
      start = page.LastEvaluatedKey;
    } while (start);
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : '');

  await walk(keys.facetPartition('all'), undefined, async (facet) => {
    await reindex('member', str(facet.memberId));
    counts.member = (counts.member ?? 0) + 1;
  });
  log(`${counts.member} members`);

  await walk(keys.spaceIndex('', '').gsi1pk, 'gsi1', async (space) => {
    await walk(keys.threadIndex(str(space.id), false, '', '').gsi1pk, 'gsi1', async (thread) => {
      await reindex('thread', str(thread.id));
      counts.thread = (counts.thread ?? 0) + 1;
      await walk(keys.postIndexes(str(thread.id), null, '', '').gsi1pk, 'gsi1', async (post) => {
        // The opening post is indexed as its thread; reindex('post') of it writes nothing.
        if (post.opening === true) return;
        await reindex('post', str(post.id));
        counts.post = (counts.post ?? 0) + 1;
      });
    });
  });
  log(`${counts.thread} threads, ${counts.post} replies`);

  const now = new Date();
  const yearOf = (months: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).getUTCFullYear();
  for (let year = yearOf(-(opts.monthsBack ?? 36)); year <= yearOf(opts.monthsAhead ?? 24); year++) {
    await walk(keys.eventYear(String(year)), 'gsi1', async (event) => {
      await reindex('event', str(event.id));
      counts.event = (counts.event ?? 0) + 1;
    });
  }
  log(`${counts.event} events`);

  // The library: every practice with a published revision (held-only ones have nothing to find).
  await walk(keys.practicesPublished, 'gsi1', async (practice) => {
    await reindex('practice', str(practice.id));
    counts.practice = (counts.practice ?? 0) + 1;
  });
  log(`${counts.practice ?? 0} practices`);
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const counts = await backfillSearch({ log: (line) => console.log(line) });
  console.log(`done: ${JSON.stringify(counts)}`);
}
