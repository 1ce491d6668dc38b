import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, type Metafile, build } from 'esbuild';
import { LAMBDA_BANNER, LAMBDA_CONDITIONS, LAMBDA_EXTERNALS } from '../../infra/lambda-bundling';
import { type BenchContext, KB, type Row, type Section, atMost, fmtKB, fmtMs, median } from './report';

const run = promisify(execFile);

/**
 * esbuild options matching what the CDK NodejsFunction runs for our functions
 * (infra/constructs/api-function.ts with infra/lambda-bundling.ts: minified ESM for node22,
 * module-first main fields, the createRequire banner, the SDK clients external, the `browser`
 * condition). The common-password list ships beside the auth bundle as a node_module
 * (nodeModules in infra/stacks/app-stack.ts), so it is external.
 */
export const LAMBDA_BUILD: BuildOptions = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: LAMBDA_BANNER },
  // As in infra/constructs/api-function.ts (infra/lambda-bundling.ts), and the common-password
  // list ships beside the auth bundle.
  external: [...LAMBDA_EXTERNALS, '@zxcvbn-ts/language-common'],
  conditions: [...LAMBDA_CONDITIONS],
  sourcemap: false,
  logLevel: 'silent',
};

export const BUNDLE_BUDGET_BYTES = 250 * KB;
/** Bundles above this get their largest inputs listed in the findings. */
export const BUNDLE_DETAIL_BYTES = 150 * KB;
export const COLD_INIT_MAX_RATIO = 2;
export const COLD_INIT_RUNS = 7;
const COLD_INIT_WARMUP = 1;

/** The name of the baseline bundle (scripts/bench/minimal-handler.ts). */
export const BASELINE = 'minimal-hono';
/** The stack floor (scripts/bench/stack-floor-handler.ts): the mandated libraries and no domain code, reported for reference. */
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
 * Dummy settings for functions/lib/config.ts. Nothing else from this process's env reaches the
 * child (in particular not the local endpoints the capacity section sets).
 */
export const DUMMY_ENV: Record<string, string> = {
  TABLE_NAME: 'bench',
  USER_POOL_ID: 'eu-central-1_AAAAAAAAA',
  USER_POOL_CLIENT_ID: 'abc',
  CURSOR_SECRET: '0123456789abcdef0123',
  AWS_REGION: 'eu-central-1',
  LOG_LEVEL: 'silent',
  // Lambda runs Node 22, where the SDK has no Node-version warning to emit; on Node 20 skip it too.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/**
 * Runs in a fresh Node process: times the dynamic import of one bundle, then the first request
 * it answers (an unknown path: every function answers it at the edge, with no network, after
 * building its router), then what the functions load on first use. Prints {"ms": …}.
 */
const RUNNER = `
const url = process.argv[2];
const t0 = performance.now();
const mod = await import(url);
const ms = performance.now() - t0;
if (typeof mod.handler !== 'function') { console.error('no handler export in ' + url); process.exit(2); }
const event = {
  version: '2.0', routeKey: '$default', rawPath: '/api/bench-unknown', rawQueryString: '', headers: { host: 'bench.local' },
  requestContext: { http: { method: 'GET', path: '/api/bench-unknown', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
    domainName: 'bench.local', requestId: 'bench', routeKey: '$default', stage: '$default', timeEpoch: Date.now() },
  isBase64Encoded: false,
};
let firstMs = 0;
if (process.argv[3] === 'http') {
  const t1 = performance.now();
  const res = await mod.handler(event, { awsRequestId: 'bench', getRemainingTimeInMillis: () => 10000 });
  firstMs = performance.now() - t1;
  if (!res || res.statusCode !== 404) { console.error('first request answered ' + JSON.stringify(res)); process.exit(3); }
}
// Deferred to first use, so not in the figures above: node:crypto (cursors, ids, hashes, token
// signatures) and the SDK (the first database call).
const t2 = performance.now();
process.getBuiltinModule('node:crypto');
const cryptoMs = performance.now() - t2;
const t3 = performance.now();
await import('@aws-sdk/client-dynamodb');
const sdkMs = performance.now() - t3;
process.stdout.write(JSON.stringify({ ms, firstMs, cryptoMs, sdkMs }) + '\\n', () => process.exit(0));
`;

type Timing = { ms: number; firstMs: number; cryptoMs: number; sdkMs: number };

/** Handlers run by a schedule, not by API Gateway: timed without a first request. */
const SCHEDULED = new Set(['sweeper']);

async function timeImport(runner: string, b: BundleInfo): Promise<Timing> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...DUMMY_ENV };
  const { stdout } = await run(process.execPath, [runner, pathToFileURL(b.file).href, SCHEDULED.has(b.name) ? 'scheduled' : 'http'], {
    env,
    timeout: 30_000,
  });
  const line = stdout.trim().split('\n').pop() ?? '';
  const out = JSON.parse(line) as Timing;
  if (!Number.isFinite(out.ms)) throw new Error(`cold init runner printed ${line}`);
  return out;
}

export const coldInitSection: Section = {
  id: 'cold-init',
  title: 'Cold init',
  async run(ctx) {
    const { handlers, baseline, floor } = await getBundles(ctx);
    const runner = join(ctx.tmp, 'cold-init-runner.mjs');
    writeFileSync(runner, RUNNER);
    const all = [baseline, floor, ...handlers];
    const samples = new Map<string, Timing[]>(all.map((b) => [b.name, []]));
    ctx.log(`cold init: ${COLD_INIT_WARMUP} warm-up + ${COLD_INIT_RUNS} runs × ${all.length} bundles, each in a fresh node`);
    // Round-robin, so drift on a shared machine hits every bundle alike.
    for (let round = 0; round < COLD_INIT_WARMUP + COLD_INIT_RUNS; round++) {
      for (const b of all) {
        const t = await timeImport(runner, b);
        if (round >= COLD_INIT_WARMUP) samples.get(b.name)?.push(t);
      }
    }
    const of = (name: string, k: keyof Timing) => (samples.get(name) ?? []).map((t) => t[k]);
    const both = (name: string) => (samples.get(name) ?? []).map((t) => t.ms + t.firstMs);
    const base = median(of(baseline.name, 'ms'));
    const baseFirst = median(both(baseline.name));
    const rows: Row[] = [
      {
        name: `${BASELINE} (baseline)`,
        display: `${fmtMs(base)} import · ${fmtMs(baseFirst)} import + first request (medians)`,
        value: base,
        unit: 'ms',
        data: { runs: of(baseline.name, 'ms'), withFirstRequest: both(baseline.name) },
      },
    ];
    const floorMs = median(of(floor.name, 'ms'));
    const floorFirst = median(both(floor.name));
    rows.push({
      name: `${STACK_FLOOR} (Hono + @hono/zod-validator + zod/mini + hono/cookie + aws-jwt-verify on first use, no domain code; for reference)`,
      display: `${fmtMs(floorMs)} · ${(floorMs / base).toFixed(2)}× baseline | with first request ${fmtMs(floorFirst)} · ${(floorFirst / baseFirst).toFixed(2)}×`,
      value: floorMs / base,
      unit: '× baseline',
      data: { medianMs: floorMs, ratio: floorMs / base, runs: of(floor.name, 'ms'), withFirstRequestMs: floorFirst },
    });
    const deferred = handlers.flatMap((b) => samples.get(b.name) ?? []);
    rows.push({
      name: 'Loaded on first use, not in the import figures: node:crypto · AWS SDK DynamoDB client',
      display: `+${fmtMs(median(deferred.map((t) => t.cryptoMs)))} · +${fmtMs(median(deferred.map((t) => t.sdkMs)))} (medians)`,
      value: median(deferred.map((t) => t.sdkMs)),
      unit: 'ms',
      data: { cryptoRuns: deferred.map((t) => t.cryptoMs), sdkRuns: deferred.map((t) => t.sdkMs) },
    });
    for (const b of handlers) {
      const runs = of(b.name, 'ms');
      const ms = median(runs);
      const ratio = ms / base;
      const first = median(both(b.name));
      const firstNote = SCHEDULED.has(b.name) ? '(scheduled, no HTTP request)' : `${fmtMs(first)} · ${(first / baseFirst).toFixed(2)}×`;
      rows.push({
        name: b.name,
        display: `${fmtMs(ms)} · ${ratio.toFixed(2)}× baseline | with first request ${firstNote}`,
        value: ratio,
        unit: '× baseline',
        budget: atMost(Number(ratio.toFixed(3)), COLD_INIT_MAX_RATIO, '× baseline', `≤ ${COLD_INIT_MAX_RATIO}× baseline`),
        data: {
          medianMs: ms,
          baselineMedianMs: base,
          ratio,
          runs,
          min: Math.min(...runs),
          max: Math.max(...runs),
          withFirstRequestMs: first,
          withFirstRequestRatio: first / baseFirst,
        },
      });
    }
    const findings: string[] = [];
    const slow = rows.filter((r) => r.budget && !r.budget.pass);
    if (slow.length) {
      findings.push(
        `Cold init over ${COLD_INIT_MAX_RATIO}× the minimal Hono handler (${fmtMs(base)}): ${slow
          .map((r) => `${r.name} ${fmtMs((r.data as { medianMs: number }).medianMs)}`)
          .join(', ')}. Time measured around import() inside the child; process start-up not included.`,
        `The stack floor alone (the libraries every API function must carry, no route of its own) imports in ${fmtMs(floorMs)}, ${(floorMs / base).toFixed(2)}× the minimal handler: what is left of the ${COLD_INIT_MAX_RATIO}× budget for a function's own code is ${fmtMs(COLD_INIT_MAX_RATIO * base - floorMs)}. Import cost here is mostly V8 compiling the bundle, which grows with its size.`,
      );
    }
    return { rows, findings, data: { runsPerBundle: COLD_INIT_RUNS, warmup: COLD_INIT_WARMUP, node: process.version } };
  },
};
