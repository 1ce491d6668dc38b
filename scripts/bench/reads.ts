import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { freePort } from '../local/services';
import { signedInCookies, startChild, stopChild } from './discussion';
import { type BenchContext, type Budget, type Row, type Section, fmtInt, fmtMs, median } from './report';

/*
 * Reads near the floor (issue 11, item 4): every signed-in read route's requests per second as a
 * share of a *floor route*'s on the same server process, in one run.
 *
 * The floor is the API's own middleware (createApi in functions/lib/http.ts) and one GetItem of a
 * member's profile through the API's DynamoDB client (posting-server.ts, BENCH_FLOOR_PORT): what
 * any signed-in read costs at the least. The routes are the real API (functions/app, over the local
 * server's DynamoDB Local, cognito-local and demo seed) signed in as a demo practitioner by her
 * cookies, served alone (BENCH_API_PORT) as a Lambda function runs it: behind the same middleware as
 * the floor. The product's own server (scripts/start.ts) also stands in for CloudFront, compressing
 * answers and adding the page headers; timed through it, each route paid ~0.5 ms of that work a
 * request that the floor did not, and that in AWS is CloudFront's, not the API's.
 *
 * autocannon drives the load from this process, the server runs in its own: the generator costs
 * every route alike. Each route's window sits between two floor windows (F R1 F R2 … F), and a
 * second round runs the routes in reverse, so a machine getting busier or quieter weighs on a
 * route and its floor alike; a route's ratio is its rate over the mean of its neighbouring floors.
 *
 *   BENCH_CPU_PROF=DIR npm run bench -- --only=reads   the server writes a .cpuprofile into DIR
 */

export const READS = {
  connections: 10,
  /** Seconds per measured window. */
  seconds: 3,
  /** A warm-up window per target, not counted. */
  warmupSeconds: 1,
  rounds: 2,
  /** Each route at least half the floor's requests per second. */
  minRatio: 0.5,
} as const;

/** CPU per successful request in ms: the API's process, and its helpers (DynamoDB Local, cognito-local). */
type Cpu = { api: number; services: number };
type Window = { rps: number; p99: number; non2xx: number; errors: number; cpu?: Cpu };

/**
 * CPU seconds used so far by a process and by each of its descendants, from /proc (Linux; empty
 * elsewhere). Requests per second move with whatever else the machine runs; the CPU a request
 * costs much less, so the section shows both. Short-lived helpers come and go: a window counts
 * only the processes seen at both its ends.
 */
function cpuSeconds(root: number): Map<number, number> {
  const out = new Map<number, number>();
  const visit = (pid: number) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
      const kids = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean)
        .map(Number);
      for (const k of kids) visit(k);
    } catch {
      // gone meanwhile, no children (pgrep exits 1), or no /proc
    }
  };
  visit(root);
  return out;
}

async function load(url: string, cookie: string, seconds: number, pid?: number): Promise<Window> {
  const before = pid ? cpuSeconds(pid) : new Map<number, number>();
  const r = await autocannon({ url, connections: READS.connections, duration: seconds, headers: cookie ? { cookie } : {} });
  const after = pid ? cpuSeconds(pid) : new Map<number, number>();
  const ok = r['2xx'];
  const used = (which: (p: number) => boolean) =>
    [...after].reduce((n, [p, t]) => (before.has(p) && which(p) ? n + t - (before.get(p) ?? t) : n), 0);
  const cpu =
    pid && before.has(pid) && after.has(pid) && ok > 0
      ? { api: (used((p) => p === pid) * 1000) / ok, services: (used((p) => p !== pid) * 1000) / ok }
      : undefined;
  return { rps: ok / r.duration, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors, ...(cpu ? { cpu } : {}) };
}

/** A route to time; `reference` ones (the list floor) are shown beside the routes, with no budget. */
type Target = { name: string; path: string; origin?: string; reference?: boolean };

type Measured = Target & { windows: Window[]; ratios: number[]; rps: number; p99: number; ratio: number; failures: number };

/** A "value ≥ limit" budget. */
const atLeast = (actual: number, limit: number, unit: string, rule: string): Budget => ({
  rule,
  limit,
  unit,
  actual,
  pass: actual >= limit,
});

export const readsSection: Section = {
  id: 'reads',
  title: 'Reads near the floor',
  async run(ctx: BenchContext) {
    const [port, trivialPort, floorPort, apiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    ctx.log('starting the local server (DynamoDB Local, cognito-local, demo seed) and the floor route in their own process');
    const prof = process.env.BENCH_CPU_PROF;
    const { child, ready } = await startChild(
      ctx,
      {
        BENCH_PORT: String(port),
        BENCH_TRIVIAL_PORT: String(trivialPort),
        BENCH_FLOOR_PORT: String(floorPort),
        BENCH_API_PORT: String(apiPort),
        LOG_LEVEL: 'silent',
      },
      prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [],
    );
    try {
      const { origin, floorOrigin, apiOrigin } = ready;
      if (!floorOrigin || !apiOrigin) throw new Error('the server did not start the floor route and the API beside it');
      const email = ready.practitioner ?? 'practitioner@example.org';
      const cookie = await signedInCookies(origin, email, ready.password);
      const get = async <T>(path: string): Promise<T> => {
        const res = await fetch(`${apiOrigin}${path}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
        return (await res.json()) as T;
      };

      const me = await get<{ id: string }>('/api/me');
      const dir = await get<{ items: { id: string }[] }>('/api/members?limit=20');
      const other = dir.items.find((m) => m.id !== me.id);
      if (!other) throw new Error('the directory shows no other member');
      const spaces = await get<{ items: { id: string }[] }>('/api/spaces?limit=20');
      let threadId: string | undefined;
      for (const s of spaces.items) {
        const threads = await get<{ items: { id: string; replyCount: number }[] }>(`/api/spaces/${s.id}/threads?limit=20`);
        threadId = threads.items.sort((a, b) => b.replyCount - a.replyCount)[0]?.id;
        if (threadId) break;
      }
      if (!threadId) throw new Error('no thread to read posts from');

      const floorPath = `/api/floor/${other.id}`;
      const targets: Target[] = [
        { name: 'GET /api/me', path: '/api/me' },
        { name: "GET /api/members/:id (another member's profile)", path: `/api/members/${other.id}` },
        { name: 'GET /api/members?limit=20 (directory)', path: '/api/members?limit=20' },
        { name: "GET /api/threads/:id/posts?limit=20 (the seed's busiest thread)", path: `/api/threads/${threadId}/posts?limit=20` },
        { name: 'GET /api/notifications?limit=20', path: '/api/notifications?limit=20' },
        { name: 'GET /api/matches/suggestions?limit=10', path: '/api/matches/suggestions?limit=10' },
        {
          name: 'list floor: createApi() middleware + one Query of 20 directory cards (reference)',
          path: '/api/floor-list',
          origin: floorOrigin,
          reference: true,
        },
      ];
      // Every route must answer 200 before its rate means anything.
      for (const t of targets) if (!t.reference) await get(t.path);
      const floorCheck = await fetch(`${floorOrigin}${floorPath}`);
      if (floorCheck.status !== 200) throw new Error(`the floor route answered ${floorCheck.status}`);

      const { seconds, warmupSeconds, rounds } = READS;
      ctx.log(
        `${READS.connections} connections; ${warmupSeconds} s warm-up per target, then ${rounds} rounds of F R F R … F, ${seconds} s a window`,
      );
      await load(`${floorOrigin}${floorPath}`, '', warmupSeconds);
      for (const t of targets) await load(`${t.origin ?? apiOrigin}${t.path}`, t.origin ? '' : cookie, warmupSeconds);

      const floorWindows: Window[] = [];
      const measured = new Map<string, Measured>(
        targets.map((t) => [t.name, { ...t, windows: [], ratios: [], rps: 0, p99: 0, ratio: 0, failures: 0 }]),
      );
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? targets : [...targets].reverse();
        let before = await load(`${floorOrigin}${floorPath}`, '', seconds, child.pid);
        floorWindows.push(before);
        for (const t of order) {
          const w = await load(`${t.origin ?? apiOrigin}${t.path}`, t.origin ? '' : cookie, seconds, child.pid);
          const after = await load(`${floorOrigin}${floorPath}`, '', seconds, child.pid);
          floorWindows.push(after);
          const m = measured.get(t.name);
          m?.windows.push(w);
          m?.ratios.push(w.rps / ((before.rps + after.rps) / 2));
          ctx.log(
            `  ${t.name}: ${fmtInt(Math.round(w.rps))} req/s · floor ${fmtInt(Math.round(before.rps))} → ${fmtInt(Math.round(after.rps))}`,
          );
          before = after;
        }
      }

      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const floorRps = mean(floorWindows.map((w) => w.rps));
      const floorP99 = median(floorWindows.map((w) => w.p99));
      /** Mean CPU per request over the windows that could measure it. */
      const cpuOf = (ws: Window[]): Cpu | undefined => {
        const seen = ws.flatMap((w) => (w.cpu ? [w.cpu] : []));
        return seen.length ? { api: mean(seen.map((c) => c.api)), services: mean(seen.map((c) => c.services)) } : undefined;
      };
      const fmtCpu = (c: Cpu | undefined) => (c ? ` · CPU ${(c.api + c.services).toFixed(1)} ms/req (API ${c.api.toFixed(1)})` : '');
      const floorCpu = cpuOf(floorWindows);
      const results = [...measured.values()].map((m) => ({
        ...m,
        cpu: cpuOf(m.windows),
        rps: mean(m.windows.map((w) => w.rps)),
        p99: median(m.windows.map((w) => w.p99)),
        ratio: mean(m.ratios),
        failures: m.windows.reduce((n, w) => n + w.non2xx + w.errors, 0),
      }));
      const setup = `${READS.connections} connections, ${rounds} × ${seconds} s`;
      const rows: Row[] = [
        {
          name: `floor: createApi() middleware + one GetItem (${setup}, ${floorWindows.length} windows)`,
          display: `${fmtInt(Math.round(floorRps))} req/s · p99 ${fmtMs(floorP99)}${fmtCpu(floorCpu)}`,
          value: floorRps,
          unit: 'req/s',
          data: { windows: floorWindows },
        },
        ...results.map(
          (r): Row => ({
            name: `${r.name} ÷ floor`,
            display:
              `${r.ratio.toFixed(2)}× · ${fmtInt(Math.round(r.rps))} req/s · p99 ${fmtMs(r.p99)}${fmtCpu(r.cpu)}` +
              (r.failures ? ` · ${fmtInt(r.failures)} non-2xx or errors` : ''),
            value: r.ratio,
            unit: '×',
            ...(r.reference
              ? {}
              : {
                  budget: atLeast(
                    r.failures ? 0 : r.ratio,
                    READS.minRatio,
                    '×',
                    `≥ ${READS.minRatio.toFixed(2)}× the floor's req/s, all 2xx`,
                  ),
                }),
            data: { path: r.path, rps: r.rps, p99Ms: r.p99, cpuMsPerRequest: r.cpu, ratios: r.ratios, windows: r.windows },
          }),
        ),
      ];
      const routes = results.filter((r) => !r.reference);
      const slowest = routes.reduce((a, b) => (b.ratio < a.ratio ? b : a));
      const list = results.find((r) => r.reference);
      const findings = [
        `Signed in as ${email}. The slowest read, ${slowest.name}, serves ${(slowest.ratio * 100).toFixed(0)}% of the floor's requests per second ` +
          `(${fmtInt(Math.round(slowest.rps))} vs ${fmtInt(Math.round(floorRps))}); every signed-in read also verifies the id token and reads the ` +
          'session and the member record. Compare ratios between runs, not the rates.',
      ];
      if (list)
        findings.push(
          `A list of 20 costs more than one item before any route's own work: the list floor (one Query of 20 directory cards, no ` +
            `session) serves ${list.ratio.toFixed(2)}× the floor's requests per second. Against it, the directory's 20 cards serve ` +
            `${((results.find((r) => r.path.startsWith('/api/members?'))?.ratio ?? 0) / list.ratio).toFixed(2)}×.`,
        );
      if (floorCpu)
        findings.push(
          'CPU per request (from /proc, summed over the API process and the DynamoDB Local and cognito-local it runs) moves far less with ' +
            `the machine's load than requests per second do: the floor costs ${(floorCpu.api + floorCpu.services).toFixed(1)} ms, and a route ` +
            'near half the floor’s rate costs about twice that.',
        );
      return { rows, findings, data: { ...READS, floorRps, floorCpu, results } };
    } finally {
      await stopChild(child);
      ctx.log('local server stopped');
    }
  },
};
