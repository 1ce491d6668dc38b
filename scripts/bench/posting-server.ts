import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/*
 * The server side of the posting-throughput section (discussion.ts), run as its own process by
 * `node --import tsx`: the real local product exactly as `npm start` runs it (scripts/start.ts's
 * startServer: DynamoDB Local, cognito-local, the demo seed, the API and the SPA) plus a trivial
 * Hono route on a second @hono/node-server in the same process, the baseline.
 *
 * Its own process because the API reads its configuration once, at import (functions/lib/config.ts):
 * a bench process that already ran the capacity section holds that section's stopped endpoints.
 *
 * The reads section (reads.ts) runs it too, with BENCH_FLOOR_PORT and BENCH_API_PORT: a floor
 * route on a third server and the API alone on a fourth;
 * and the Lighthouse section (lighthouse.ts), for the product alone.
 *
 * Environment: BENCH_PORT and BENCH_TRIVIAL_PORT (free ports), POSTS_PER_MINUTE (read by the
 * discussion rules at import, so the parent sets it when spawning). Prints one JSON line when
 * ready; stops everything when its stdin closes or on SIGTERM/SIGINT.
 */

process.env.LOG_LEVEL ??= 'silent';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const port = Number(process.env.BENCH_PORT);
const trivialPort = Number(process.env.BENCH_TRIVIAL_PORT);
if (!Number.isInteger(port) || port <= 0 || !Number.isInteger(trivialPort) || trivialPort <= 0)
  throw new Error('posting-server wants BENCH_PORT and BENCH_TRIVIAL_PORT');

const t0 = performance.now();
// No static import from functions/ (or start.ts's callers): startServer sets process.env first.
const { startServer } = await import('../start');
const server = await startServer({ port, quiet: true });
const { DISCUSSION_RULES } = await import('../../functions/discussion/service');

const trivial = serve({ fetch: new Hono().get('/', (c) => c.text('ok')).fetch, port: trivialPort, hostname: '127.0.0.1' });

// The floor of the reads section (reads.ts): the API's own middleware (createApi) and one GetItem
// of a member's profile through the API's DynamoDB client, answered as the record. A signed-in
// read can come near it, never beat it. Beside it, on BENCH_API_PORT, the API alone (functions/app,
// as a Lambda function runs it): the routes the section times, behind the same middleware as the
// floor and nothing else. The product's server above also stands in for CloudFront (it compresses
// and adds the page headers), work that in AWS is not the API's.
const floorPort = Number(process.env.BENCH_FLOOR_PORT ?? 0);
const apiPort = Number(process.env.BENCH_API_PORT ?? 0);
let floor: ReturnType<typeof serve> | undefined;
let api: ReturnType<typeof serve> | undefined;
if (apiPort > 0) {
  const { app } = await import('../../functions/app');
  api = serve({ fetch: app.fetch, port: apiPort, hostname: '127.0.0.1' });
}
if (floorPort > 0) {
  const { createApi } = await import('../../functions/lib/http');
  const { TABLE, db, recordOf, toAttr } = await import('../../functions/lib/db');
  const { keys } = await import('../../functions/lib/keys');
  const floorApi = createApi().get('/api/floor/:id', async (c) => {
    const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.member(c.req.param('id'))), ConsistentRead: true });
    return res.Item ? c.json(recordOf(res.Item)) : c.json(null, 404);
  });
  // A list's floor, for reference: the same middleware and one Query of 20 directory cards,
  // answered as they are read. What any list of 20 costs DynamoDB (Local) and the SDK at the least.
  floorApi.get('/api/floor-list', async (c) => {
    const res = await db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: keys.facetPartition('all', '') } },
      ProjectionExpression: 'card',
      Limit: 20,
    });
    return c.json((res.Items ?? []).map(recordOf));
  });
  floor = serve({ fetch: floorApi.fetch, port: floorPort, hostname: '127.0.0.1' });
}

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  trivial.close();
  floor?.close();
  api?.close();
  await server.stop();
  process.exit(0);
}
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

process.stdout.write(
  `${JSON.stringify({
    ready: true,
    origin: server.origin,
    trivialOrigin: `http://127.0.0.1:${trivialPort}`,
    ...(floor ? { floorOrigin: `http://127.0.0.1:${floorPort}` } : {}),
    ...(api ? { apiOrigin: `http://127.0.0.1:${apiPort}` } : {}),
    password: server.password,
    board: server.accounts.find((a) => a.role === 'board')?.email,
    practitioner: server.accounts.find((a) => a.role === 'practitioner')?.email,
    postsPerMinute: DISCUSSION_RULES.postsPerMinute,
    seeded: server.seeded,
    startSeconds: (performance.now() - t0) / 1000,
  })}\n`,
);
