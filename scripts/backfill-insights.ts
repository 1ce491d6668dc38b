import { pathToFileURL } from 'node:url';

/**
 * Builds the board's insight counters from the data already in the table, once: for a table that
 * existed before the counters did, and for the demo (the seed runs it, so the insights page shows
 * numbers in the months the demo's records carry). A one-off, so it Scans the whole table, which
 * no request path ever does; run it while nothing else writes (it replaces every counter).
 *
 *   TABLE_NAME=… AWS_REGION=… CURSOR_SECRET=unused-here-0000 npx tsx scripts/backfill-insights.ts
 *
 * What the records no longer tell is not counted: members who left (an erased account is gone),
 * posts held and since decided (a post keeps its last state, not its history), a registration
 * cancelled. From then on, the counters written with each change count those too.
 */
export async function backfillInsights(log: (line: string) => void = () => {}): Promise<number> {
  const { TABLE, db, dynamo, fromAttr, toAttr, queryAll, values } = await import('../functions/lib/db');
  const { keys } = await import('../functions/lib/keys');
  const { METRICS, elapsed, monthOf } = await import('../functions/insights/counters');
  type Metric = (typeof METRICS)[number];

  const counts = new Map<string, { metric: Metric; month: string; dimension: string; n: number; ms?: number }>();
  const count = (metric: Metric, at: string | undefined, dimension: string, ms?: number) => {
    if (!at) return;
    const key = `${metric}|${monthOf(at)}|${dimension}`;
    const c = counts.get(key) ?? { metric, month: monthOf(at), dimension, n: 0 };
    c.n += 1;
    if (ms !== undefined) c.ms = (c.ms ?? 0) + ms;
    counts.set(key, c);
  };

  type Item = Record<string, unknown> & { entity?: string };
  const s = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
  const { sdk, client } = await dynamo();
  let start: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue> | undefined;
  let scanned = 0;
  do {
    const page = await client.send(new sdk.ScanCommand({ TableName: TABLE, ExclusiveStartKey: start }));
    for (const raw of page.Items ?? []) {
      const i = fromAttr<Item>(raw);
      scanned++;
      if (i.entity === 'member') {
        const submitted = s(i.submittedAt);
        const decided = s(i.decidedAt);
        count('applications', submitted, 'submitted');
        if (decided && i.status !== 'pending') {
          const joined = i.status !== 'declined';
          count('applications', decided, joined ? 'approved' : 'declined', submitted ? elapsed(submitted, decided) : 0);
          if (joined) count('members', decided, `joined|${String(i.kind)}|${String(i.country)}`);
        }
      } else if (i.entity === 'mentorship') {
        const created = s(i.createdAt) ?? '';
        const decided = s(i.decidedAt);
        const updated = s(i.updatedAt);
        count('requests', created, 'requested');
        const state = String(i.state);
        if (decided && ['accepted', 'completed', 'ended'].includes(state)) {
          count('requests', decided, 'accepted', elapsed(created, decided));
          count('mentorships', decided, 'started');
          if (state !== 'accepted') count('mentorships', updated, 'ended');
        }
        if (state === 'declined')
          count(
            'requests',
            decided ?? updated,
            `declined|${String(i.declineReason ?? 'other')}`,
            elapsed(created, decided ?? updated ?? created),
          );
        if (state === 'expired' || state === 'withdrawn') count('requests', updated, state);
      } else if (i.entity === 'checkIn') {
        count('checkins', s(i.createdAt), 'checkins');
      } else if (i.entity === 'feedback' && String(i.pk).startsWith('MENTORSHIP#')) {
        count('feedback', s(i.at), `rating|${String(i.rating)}`);
      } else if (i.entity === 'registration') {
        const startsAt = s(i.startsAt);
        if (i.waitingSince) count('events', startsAt, 'waitlisted');
        else if (i.state === 'registered' || i.state === 'attended') count('events', startsAt, 'registered');
        if (i.state === 'attended') count('events', startsAt, 'attended');
      } else if (i.entity === 'thread') {
        count('discussion', s(i.createdAt), 'threads');
      } else if (i.entity === 'post') {
        if (!i.opening) count('discussion', s(i.createdAt), 'posts');
        if (i.state === 'pending') count('moderation', s(i.updatedAt), 'held');
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  log(`${scanned} items read`);

  // Every counter is replaced: the old ones go, the counts go in shard 0 (reads sum the shards).
  for (const metric of METRICS) {
    const old = await queryAll({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: values({ ':pk': keys.insightPartition(metric) }),
      ProjectionExpression: 'pk, sk',
    });
    for (const k of old) await db.deleteItem({ TableName: TABLE, Key: k });
  }
  for (const c of counts.values()) {
    await db.putItem({
      TableName: TABLE,
      Item: toAttr({
        ...keys.insightCounter(c.metric, c.month, c.dimension, 0),
        entity: 'insight',
        n: c.n,
        ...(c.ms !== undefined ? { ms: c.ms } : {}),
      }),
    });
  }
  log(`${counts.size} counters written`);
  return counts.size;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = await backfillInsights((line) => console.log(line));
  console.log(`done: ${n} insight counters built from the table.`);
}
