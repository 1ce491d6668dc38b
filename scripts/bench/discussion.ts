import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { PostRecord, ThreadRecord } from '../../functions/discussion/repository';
import type { Viewer } from '../../functions/discussion/service';
import type { MemberRecord } from '../../functions/members/repository';
import { freePort } from '../local/services';
import { type Call, type Figure, type PopulationProbe, LATENCY_RUNS, benchMember, timed } from './capacity';
import { type BenchContext, type Row, type Section, fmtInt, fmtMs, median } from './report';

/*
 * Discussion figures.
 *
 * Pages (a PopulationProbe of the capacity section): one space, `bench-discussion`, holding 100
 * threads at the smallest member count and then one thread per member (10,000 at 10k, 100,000 at
 * 100k: 100,000 posts and more), each with its opening post, written with BatchWriteItem in the items repo.threadPut / repo.postPut build.
 * One in five threads is held (its opening post in the moderation queue). A pinned thread of 30
 * posts (three of them held) is the thread whose page is read. Measured with the capacity tap on
 * the app's client: a threads page as a member and as the board, that thread's posts page, and a
 * moderation queue page, all of 20; capacity must stay flat.
 *
 * Posting throughput (its own section, `posting`): the real local server (posting-server.ts,
 * its own process) signed in as the board demo account; POST /api/threads/:id/posts requests
 * per second from concurrent clients for a fixed time, against a trivial Hono route on a second
 * @hono/node-server in that same process (and GET /api/meta), measured the same way in the same run.
 */

// ---------------------------------------------------------------------------- pages probe

export const SPACE_ID = 'bench-discussion';
export const PAGE = 20;
/** Threads at the smallest member count; every later size holds one thread per member. */
export const FIRST_THREADS = 100;
/** Thread content cycles with this period (= PAGE), so any PAGE consecutive threads weigh the same. */
export const CYCLE = 20;
/** Positions in the cycle whose thread is held: one in five. k = 7 is anonymous, held for that. */
const HELD_AT = new Set([2, 7, 12, 17]);
const ANONYMOUS_AT = 7;
const PROBE_THREAD_POSTS = 30;
/** Replies of the probe thread that are held: j % 10 === 3. */
const heldReply = (j: number) => j % 10 === 3;
const PROBE_THREAD_HELD = Array.from({ length: PROBE_THREAD_POSTS }, (_, j) => j > 0 && heldReply(j)).filter(Boolean).length;

/** Threads start here, one a minute; the probe thread's posts a day earlier (oldest in the queue). */
const T0 = Date.UTC(2026, 2, 1);
const PROBE_T0 = T0 - 24 * 3600_000;

const TITLES = [
  'Coordinating with labour inspectors on brick kilns',
  'Victim interviews: what worked in our last case',
  'Cross-border evidence requests: how long do yours take?',
  'Training new officers on indicators of forced labour',
  'Shelters for male survivors: any good practice?',
  'Financial investigation: following remittance flows',
  'Digital evidence from messaging apps: admissibility',
  'Working with NGOs without compromising a case',
  'Seasonal recruitment fraud: warning signs we missed',
  'Joint investigation teams: first-timer questions',
  'Protecting witnesses during long trials in court',
  'Debt bondage cases: building the financial picture',
  'Interpreters in victim interviews: lessons learnt',
  'Online recruitment ads: what to monitor and how',
  'Prosecuting without the victim’s testimony at trial',
  'Mapping recruiters across two provinces and a border',
  'Case conferences with social services: a template',
  'Child labour in supply chains: inspection checklist',
  'Returning survivors home safely: who to call first',
  'Moving from investigator to team lead: advice please',
];
const BODY =
  'In our unit we have been trying a different approach over the last months and I would like to hear how colleagues ' +
  'in other countries handle it: what worked, what did not, and what you would do differently next time.';

/** Authors of the synthetic threads: members 1–20 of the first fill (never the viewers). */
const AUTHORS: MemberRecord[] = Array.from({ length: CYCLE }, (_, k) => benchMember(1 + k));

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const base32 = (n: number, len: number) => {
  let s = '';
  for (let k = 0; k < len; k++, n = Math.floor(n / 32)) s = CROCKFORD[n % 32] + s;
  return s;
};
/** A ULID (26 characters, as the service checks) that is a pure function of time, kind and index. */
const benchUlid = (ms: number, tag: number, n: number) => `${base32(ms, 10)}${base32(tag, 2)}${base32(n, 14)}`;

const iso = (ms: number) => new Date(ms).toISOString();

/** Thread i of the space and its opening post. */
export function benchThread(i: number): { thread: ThreadRecord; post: PostRecord } {
  const k = i % CYCLE;
  const author = AUTHORS[k] ?? benchMember(1);
  const at = iso(T0 + i * 60_000);
  const anonymous = k === ANONYMOUS_AT;
  const held = HELD_AT.has(k);
  const state = held ? 'pending' : 'published';
  const thread: ThreadRecord = {
    id: benchUlid(T0 + i * 60_000, 1, i),
    spaceId: SPACE_ID,
    title: TITLES[k] ?? 'Thread',
    authorId: author.id,
    authorName: author.displayName,
    identity: anonymous ? 'anonymous' : 'named',
    state,
    locked: false,
    pinned: false,
    replyCount: 0,
    lastPostAt: at,
    openingPostId: benchUlid(T0 + i * 60_000, 2, i),
    createdAt: at,
    version: 1,
  };
  const post: PostRecord = {
    id: thread.openingPostId,
    threadId: thread.id,
    spaceId: SPACE_ID,
    authorId: author.id,
    authorName: author.displayName,
    identity: thread.identity,
    body: BODY,
    state,
    heldReasons: held ? (anonymous ? ['first_posts', 'anonymous'] : ['first_posts']) : [],
    opening: true,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return { thread, post };
}

/** The pinned thread whose page is read: opened by the board member, 30 posts, three held. */
function probeThread(board: MemberRecord): { thread: ThreadRecord; posts: PostRecord[] } {
  const posts: PostRecord[] = Array.from({ length: PROBE_THREAD_POSTS }, (_, j) => {
    const author = j === 0 ? board : (AUTHORS[j % CYCLE] ?? board);
    const at = iso(PROBE_T0 + j * 60_000);
    const held = j > 0 && heldReply(j);
    return {
      id: benchUlid(PROBE_T0 + j * 60_000, 3, j),
      threadId: benchUlid(PROBE_T0, 4, 0),
      spaceId: SPACE_ID,
      authorId: author.id,
      authorName: author.displayName,
      identity: 'named',
      body: j === 0 ? 'How this space works: share lessons learnt, never case details or names of victims.' : BODY,
      state: held ? 'pending' : 'published',
      heldReasons: held ? ['first_posts'] : [],
      opening: j === 0,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
  });
  const published = posts.filter((p) => !p.opening && p.state === 'published');
  const thread: ThreadRecord = {
    id: benchUlid(PROBE_T0, 4, 0),
    spaceId: SPACE_ID,
    title: 'How this space works',
    authorId: board.id,
    authorName: board.displayName,
    identity: 'named',
    state: 'published',
    locked: false,
    pinned: true,
    replyCount: published.length,
    lastPostAt: published.at(-1)?.createdAt ?? posts[0]?.createdAt ?? iso(PROBE_T0),
    openingPostId: posts[0]?.id ?? '',
    createdAt: iso(PROBE_T0),
    version: 1 + published.length,
  };
  return { thread, posts };
}

const itemOf = (w: TransactWriteItem): Record<string, AttributeValue> => {
  if (!w.Put?.Item) throw new Error('expected a Put from the discussion repository');
  return w.Put.Item;
};

const sumUnits = (calls: Call[], pick: (c: Call) => boolean) => calls.filter(pick).reduce((n, c) => n + c.units, 0);

type PageMeasure = { size: number; threads: number; memberThreads: number; boardThreads: number; posts: number; queue: number };

/** Thread, posts and queue pages against 100 and then 10,000 threads in one space. */
export function discussionProbe(): PopulationProbe {
  let threads = 0;
  let heldThreads = 0;
  /** Posts written: every thread's opening post and the probe thread's replies (100,030 at 100k members). */
  let posts = 0;
  let memberViewer: Viewer | undefined;
  let boardViewer: Viewer | undefined;
  let probeThreadId = '';
  const measured: PageMeasure[] = [];
  const repository = () => import('../../functions/discussion/repository');
  const service = () => import('../../functions/discussion/service');

  return {
    id: 'discussion',
    async populate(p, added) {
      const repo = await repository();
      let written = 0;
      if (!memberViewer || !boardViewer) {
        const board = added.find((m) => m.id === p.boardSession.userId);
        const member = added.find((m) => m.id === p.probeMemberId);
        if (!board || !member) throw new Error('the discussion probe wants the board and probe members in the first fill');
        boardViewer = { session: p.boardSession, member: board };
        memberViewer = { session: { userId: member.id, email: member.email, groups: [], isBoard: false }, member };
        const probe = probeThread(board);
        probeThreadId = probe.thread.id;
        const space = repo.spacePut({
          id: SPACE_ID,
          name: 'Bench lounge',
          description: 'Synthetic threads for npm run bench.',
          audience: 'members',
          createdAt: iso(PROBE_T0),
        });
        written += await p.writeItems([
          itemOf(space),
          itemOf(repo.threadPut(probe.thread)),
          ...probe.posts.map((x) => itemOf(repo.postPut(x))),
        ]);
        posts += probe.posts.length;
      }
      const target = p.size === 0 ? FIRST_THREADS : p.size + added.length;
      const from = threads;
      function* items() {
        for (let i = from; i < target; i++) {
          const { thread, post } = benchThread(i);
          if (thread.state === 'pending') heldThreads++;
          yield itemOf(repo.threadPut(thread));
          yield itemOf(repo.postPut(post));
          posts++;
        }
      }
      written += await p.writeItems(items(), 'threads and posts');
      threads = Math.max(threads, target);
      return written;
    },
    async measure(p) {
      const { listThreads, listPosts, moderationQueue } = await service();
      const member = memberViewer;
      const board = boardViewer;
      if (!member || !board) throw new Error('discussion probe measured before it populated');
      const q = { limit: PAGE };
      const mt = await timed(p, () => listThreads(member, SPACE_ID, q));
      const bt = await timed(p, () => listThreads(board, SPACE_ID, q));
      const pt = await timed(p, () => listPosts(member, probeThreadId, q));
      const qt = await timed(p, () => moderationQueue(board, q));
      if (bt.last.items.length !== PAGE) throw new Error(`board threads page answered ${bt.last.items.length} threads, expected ${PAGE}`);
      if (bt.last.items[0]?.id !== probeThreadId) throw new Error('the pinned thread is not first on the threads page');
      if (mt.last.items.length === 0 || mt.last.items.some((t) => t.state !== 'published'))
        throw new Error('member threads page is empty or shows a held thread');
      if (pt.last.items.length === 0 || pt.last.items.some((x) => x.state !== 'published'))
        throw new Error('member posts page is empty or shows a held post');
      if (qt.last.items.length !== PAGE) throw new Error(`queue page answered ${qt.last.items.length} items, expected ${PAGE}`);
      measured.push({
        size: p.size,
        threads,
        memberThreads: mt.last.items.length,
        boardThreads: bt.last.items.length,
        posts: pt.last.items.length,
        queue: qt.last.items.length,
      });

      const threadsPk = `gsi1 SPACE#${SPACE_ID}#THREADS`;
      const figures: Figure[] = [
        { key: 'threads', label: `threads in space ${SPACE_ID} (1 in 5 held)`, kind: 'info', value: threads, unit: 'threads' },
        {
          key: 'posts',
          label: `posts in space ${SPACE_ID} (an opening post per thread, the probe thread's ${PROBE_THREAD_POSTS})`,
          kind: 'info',
          value: posts,
          unit: 'posts',
        },
        { key: 'queue', label: 'held posts in the moderation queue', kind: 'info', value: heldThreads + PROBE_THREAD_HELD, unit: 'posts' },
      ];
      const page = (
        key: string,
        label: string,
        t: Awaited<ReturnType<typeof timed<{ items: unknown[] }>>>,
        part?: { pk: string; label: string; what: string },
      ) => {
        figures.push({
          key: `${key}-rcu`,
          label: `${label}: all requests (${t.requests})`,
          kind: 'capacity',
          value: t.units,
          unit: 'RCU',
          data: { unitsSeen: t.unitsSeen, requests: t.requests, lastCall: t.perRequest, items: t.last.items.length },
        });
        if (part) {
          const calls = t.calls.filter((c) => c.partition === part.pk);
          figures.push({
            key: `${key}-query-rcu`,
            label: `  of which Query ${part.label} (${part.what})`,
            kind: 'info',
            value: sumUnits(calls, () => true),
            unit: 'RCU',
            data: calls,
          });
        }
        figures.push({
          key: `${key}-ms`,
          label: `${label} latency`,
          kind: 'latency',
          value: t.median,
          unit: 'ms',
          data: { min: t.min, max: t.max, runs: LATENCY_RUNS },
        });
      };
      page('threads-member', `service listThreads(member, space, {limit:${PAGE}})`, mt, {
        pk: threadsPk,
        label: `SPACE#${SPACE_ID}#THREADS`,
        what: `${mt.last.items.length} of ${PAGE} read shown`,
      });
      page('threads-board', `service listThreads(board, space, {limit:${PAGE}})`, bt);
      page('posts-member', `service listPosts(member, thread of ${PROBE_THREAD_POSTS}, {limit:${PAGE}})`, pt, {
        pk: `gsi1 THREAD#${probeThreadId}#POSTS`,
        label: 'THREAD#<id>#POSTS',
        what: `${pt.last.items.length} of ${PAGE} read shown`,
      });
      page('queue-board', `service moderationQueue(board, {limit:${PAGE}})`, qt, {
        pk: 'gsi3 QUEUE',
        label: 'QUEUE (GSI3)',
        what: `${qt.last.items.length} items`,
      });
      return figures;
    },
    findings() {
      const first = measured[0];
      const last = measured.at(-1);
      if (!first || !last) return [];
      const out = [
        `Each discussion page is one Query with Limit ${PAGE} on its own partition (the space's threads, the thread's posts, the queue) ` +
          `plus a GetItem of the space (threads page) or of the thread and its space (posts page), so its cost does not depend on how many threads the space holds ` +
          `(${fmtInt(first.threads)} → ${fmtInt(last.threads)}).`,
      ];
      if (last.memberThreads < PAGE || last.posts < PAGE) {
        out.push(
          `A member's threads and posts pages filter held items after reading them (FilterExpression): she gets ${last.memberThreads} ` +
            `threads and ${last.posts} posts for the ${PAGE} read and paid for, and the next page is one cursor away.`,
        );
      }
      out.push(
        `The moderation queue reads oldest first, so its first page is the same ${PAGE} held posts at every size; ` +
          'new held posts join its end.',
      );
      return out;
    },
  };
}

// -------------------------------------------------------------------------- posting section

export const POSTING = {
  /** Concurrent clients (each a sequential loop of requests). */
  clients: 10,
  /**
   * Seconds measured per target, in two windows: every target once in order, then once in
   * reverse (ABCD DCBA), so a drift in the machine's load weighs on each alike.
   */
  seconds: 5,
  /** A warm-up window per target, not counted. */
  warmupSeconds: 1,
  /** How long the server may take to start (DynamoDB Local, cognito-local, the demo seed). */
  startTimeoutMs: 180_000,
} as const;

export type Ready = {
  ready: true;
  origin: string;
  trivialOrigin: string;
  /** The floor route's origin (reads.ts), when BENCH_FLOOR_PORT was given. */
  floorOrigin?: string;
  /** The API alone, without the product server's CloudFront stand-in (reads.ts), when BENCH_API_PORT was given. */
  apiOrigin?: string;
  password: string;
  board?: string;
  practitioner?: string;
  postsPerMinute: number;
  seeded: { seeded: boolean; members?: number };
  startSeconds: number;
};

type Window = { ok: number; seconds: number; statuses: Record<string, number>; ms: number[] };

type LoadResult = {
  name: string;
  ok: number;
  /** Successful responses per second over all measured windows. */
  rps: number;
  /** The same, per window. */
  windows: number[];
  seconds: number;
  medianMs: number;
  p95Ms: number;
  statuses: Record<string, number>;
};

/**
 * `clients` sequential loops sending `request(client)` until `seconds` have passed; a window
 * ends when the last request in flight has answered, and that time counts.
 */
async function window(request: (client: number) => Promise<Response>, clients: number, seconds: number): Promise<Window> {
  const statuses: Record<string, number> = {};
  const ms: number[] = [];
  let ok = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < until) {
        const t0 = performance.now();
        let status: string;
        try {
          const res = await request(client);
          await res.arrayBuffer();
          status = String(res.status);
          if (res.ok) ok++;
        } catch (e) {
          status = e instanceof Error ? e.name : 'error';
        }
        ms.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  return { ok, seconds: (performance.now() - start) / 1000, statuses, ms };
}

type Target = { name: string; request: (client: number) => Promise<Response> };

/** Warms every target up, then measures them in two interleaved passes (ABCD DCBA). */
async function measureTargets(
  ctx: BenchContext,
  targets: Target[],
  opts: { clients: number; seconds: number; warmupSeconds: number },
): Promise<LoadResult[]> {
  for (const t of targets) await window(t.request, opts.clients, opts.warmupSeconds);
  const windows = new Map<string, Window[]>(targets.map((t) => [t.name, []]));
  for (const pass of [targets, [...targets].reverse()]) {
    for (const t of pass) {
      const w = await window(t.request, opts.clients, opts.seconds / 2);
      ctx.log(`  ${t.name}: ${fmtInt(Math.round(w.ok / w.seconds))} req/s`);
      windows.get(t.name)?.push(w);
    }
  }
  return targets.map((t) => {
    const ws = windows.get(t.name) ?? [];
    const ms = ws.flatMap((w) => w.ms).sort((a, b) => a - b);
    const statuses: Record<string, number> = {};
    for (const w of ws) for (const [s, n] of Object.entries(w.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
    const ok = ws.reduce((n, w) => n + w.ok, 0);
    const seconds = ws.reduce((n, w) => n + w.seconds, 0);
    return {
      name: t.name,
      ok,
      rps: ok / seconds,
      windows: ws.map((w) => w.ok / w.seconds),
      seconds,
      medianMs: median(ms),
      p95Ms: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))] ?? Number.NaN,
      statuses,
    };
  });
}

/** Starts posting-server.ts and answers its ready line (or why it did not start). */
export async function startChild(
  ctx: BenchContext,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(ctx.root, 'scripts/bench/posting-server.ts')], {
    cwd: ctx.root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`the server did not start in ${POSTING.startTimeoutMs / 1000} s`)),
      POSTING.startTimeoutMs,
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"ready":true'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Ready);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    });
  }).catch(async (e: unknown) => {
    await stopChild(child);
    throw e;
  });
  return { child, ready };
}

/** Closes its stdin (it stops its services and exits); SIGKILL if it has not gone within 20 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await gone;
  clearTimeout(timer);
}

/** Name=value pairs of the Set-Cookie headers, for a Cookie header. */
export const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c.includes('=') && !c.endsWith('='))
    .join('; ');

/** Signs a demo account in through the API, as the app does, and answers its session cookies. */
export async function signedInCookies(origin: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} answered ${res.status}: ${await res.text()}`);
  return cookiesOf(res);
}

const fmtRps = (r: LoadResult) =>
  `${fmtInt(Math.round(r.rps))} req/s (${r.windows.map((w) => fmtInt(Math.round(w))).join(', ')}) · median ${fmtMs(r.medianMs)} · p95 ${fmtMs(r.p95Ms)}` +
  (Object.keys(r.statuses).some((s) => !/^2/.test(s))
    ? ` · ${Object.entries(r.statuses)
        .map(([s, n]) => `${fmtInt(n)}×${s}`)
        .join(' ')}`
    : '');

/** POST /api/threads/:id/posts per second on the local server, as a ratio to a trivial route. */
export const postingSection: Section = {
  id: 'posting',
  title: 'Posting throughput',
  async run(ctx) {
    const [port, trivialPort] = [await freePort(), await freePort()];
    ctx.log('starting the local server (DynamoDB Local, cognito-local, demo seed) in its own process');
    const { child, ready } = await startChild(ctx, {
      BENCH_PORT: String(port),
      BENCH_TRIVIAL_PORT: String(trivialPort),
      // The per-member posting limit (5 a minute) would answer 429 after five posts.
      POSTS_PER_MINUTE: '1000000',
      LOG_LEVEL: 'silent',
    });
    try {
      ctx.log(`server up at ${ready.origin} in ${ready.startSeconds.toFixed(1)} s`);
      const { clients, seconds, warmupSeconds } = POSTING;
      if (ready.postsPerMinute < 100_000)
        throw new Error(`POSTS_PER_MINUTE is ${ready.postsPerMinute} in the server; the loop would be rate-limited`);
      const origin = ready.origin;
      const email = ready.board ?? 'board@example.org';
      const cookie = await signedInCookies(origin, email, ready.password);
      const headers = { cookie, origin, 'content-type': 'application/json' };

      const spacesRes = await fetch(`${origin}/api/spaces?limit=20`, { headers: { cookie } });
      const spaces = (await spacesRes.json()) as { items?: { id: string; audience: string }[] };
      const space = spaces.items?.find((s) => s.id === 'members') ?? spaces.items?.find((s) => s.audience === 'members');
      if (!space) throw new Error(`GET /api/spaces answered no members' space (${spacesRes.status})`);

      // One thread per client, so the figure is the server's and not one thread's version
      // conflicts; a second run puts every client on one thread.
      const threadIds: string[] = [];
      for (let c = 0; c < clients; c++) {
        const res = await fetch(`${origin}/api/spaces/${space.id}/threads`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ title: `Bench thread ${c + 1}`, body: 'Replies from npm run bench.' }),
        });
        const t = (await res.json()) as { id?: string; state?: string };
        if (res.status !== 201 || !t.id || t.state !== 'published')
          throw new Error(`creating a thread answered ${res.status} ${JSON.stringify(t)}`);
        threadIds.push(t.id);
      }

      const body = JSON.stringify({ body: 'Thank you, this helps: we saw the same in our province last year.' });
      const post = (thread: (client: number) => string) => (client: number) =>
        fetch(`${origin}/api/threads/${thread(client)}/posts`, { method: 'POST', headers, body });
      ctx.log(`${clients} clients; ${warmupSeconds} s warm-up per target, then 2 × ${seconds / 2} s per target (ABCD DCBA)`);
      const [trivial, meta, posting, oneThread] = (await measureTargets(
        ctx,
        [
          { name: 'trivial route', request: () => fetch(`${ready.trivialOrigin}/`) },
          { name: 'GET /api/meta', request: () => fetch(`${origin}/api/meta`) },
          { name: 'POST posts, a thread per client', request: post((c) => threadIds[c % threadIds.length] ?? '') },
          { name: 'POST posts, one thread', request: post(() => threadIds[0] ?? '') },
        ],
        { clients, seconds, warmupSeconds },
      )) as [LoadResult, LoadResult, LoadResult, LoadResult];
      if (posting.ok === 0) throw new Error(`no post succeeded: ${JSON.stringify(posting.statuses)}`);

      const ratio = posting.rps / trivial.rps;
      const setup = `${clients} clients × ${seconds} s`;
      const rows: Row[] = [
        {
          name: `trivial route: GET / on a bare Hono @hono/node-server, same process (${setup})`,
          display: fmtRps(trivial),
          value: trivial.rps,
          unit: 'req/s',
          data: trivial,
        },
        { name: `GET /api/meta, no database (${setup})`, display: fmtRps(meta), value: meta.rps, unit: 'req/s', data: meta },
        {
          name: `POST /api/threads/:id/posts as board, a thread per client (${setup})`,
          display: fmtRps(posting),
          value: posting.rps,
          unit: 'req/s',
          data: posting,
        },
        {
          name: 'posting ÷ trivial route',
          display: `${ratio.toFixed(3)}× (1/${(1 / ratio).toFixed(0)}) · ÷ GET /api/meta ${(posting.rps / meta.rps).toFixed(3)}×`,
          value: ratio,
          unit: '×',
          data: { vsTrivial: ratio, vsMeta: posting.rps / meta.rps },
        },
        {
          name: `POST /api/threads/:id/posts, all clients on one thread (${setup})`,
          display: fmtRps(oneThread),
          value: oneThread.rps,
          unit: 'req/s',
          data: oneThread,
        },
        {
          name: 'server start: DynamoDB Local, cognito-local, demo seed',
          display: `${ready.startSeconds.toFixed(1)} s${ready.seeded.members ? ` · ${fmtInt(ready.seeded.members)} demo members` : ''}`,
          value: ready.startSeconds,
          unit: 's',
        },
      ];
      const findings = [
        `Posting runs at ${(ratio * 100).toFixed(1)}% of the trivial route's rate on this machine (${fmtInt(Math.round(posting.rps))} vs ` +
          `${fmtInt(Math.round(trivial.rps))} req/s): each post verifies the session, reads the member, the thread and its space, ` +
          'counts the rate limit and writes one transaction on DynamoDB Local. Compare ratios between runs, not the rates.',
      ];
      const failed = (r: LoadResult) =>
        Object.entries(r.statuses)
          .filter(([s]) => !/^2/.test(s))
          .reduce((n, [, k]) => n + k, 0);
      if (failed(posting) > 0) findings.push(`Posting with a thread per client answered ${fmtInt(failed(posting))} non-2xx responses.`);
      const contended = failed(oneThread);
      if (contended > 0 || oneThread.rps < posting.rps * 0.8) {
        findings.push(
          `${clients} clients replying to one thread: ${fmtInt(Math.round(oneThread.rps))} req/s` +
            `${
              contended
                ? `, ${fmtInt(contended)} refused (${Object.keys(oneThread.statuses)
                    .filter((s) => !/^2/.test(s))
                    .join(', ')})`
                : ''
            }; ` +
            'each reply is written against the thread’s version, so concurrent replies to one thread retry.',
        );
      }
      return {
        rows,
        findings,
        data: { clients, seconds, warmupSeconds, results: [trivial, meta, posting, oneThread], startSeconds: ready.startSeconds },
      };
    } finally {
      await stopChild(child);
      ctx.log('local server stopped');
    }
  },
};
