import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSizeSection, coldInitSection } from './bench/bundles';
import { DEFAULT_SIZES, capacitySection, memberProbes } from './bench/capacity';
import { discussionProbe, postingSection } from './bench/discussion';
import { cohortSection, mentorshipProbe } from './bench/mentorship';
import { readsSection } from './bench/reads';
import { type BenchContext, type Section, type SectionResult, budgetsOf, renderTable, writeResults } from './bench/report';
import { lighthouseSection } from './bench/lighthouse';
import { searchProbe } from './bench/search';
import { spaSection } from './bench/spa';

/**
 * `npm run bench` (after `npm run build`): bundle sizes, cold init, the SPA's initial JavaScript,
 * the cohort optimiser's time for 200 × 100, posting throughput on the local server as a ratio
 * to a trivial route, every signed-in read route's requests per second as a share of a floor route
 * (the API's middleware and one GetItem), and DynamoDB capacity per request at 1k, 10k and 100k members (every one
 * an offering mentor: directory, profile, mentor suggestions; and a discussion space of 100, then
 * one thread per member, 100,030 posts at the top size: threads, posts and moderation-queue pages;
 * the 100k fill takes 10–20 minutes), each against its budget where it
 * has one.
 * Prints a table and writes bench/results.json. A failed budget prints FAIL but exits 0; a
 * section that cannot measure at all exits 1.
 *
 *   npm run bench -- --only=bundles,cold-init     run some sections (ids below)
 *   npm run bench -- --skip=capacity              leave some out (ids: bundles, cold-init, spa,
 *                                                 cohort, lighthouse, posting, reads, capacity)
 *   npm run bench -- --sizes=1000,3000            other member counts (default 1000,10000,100000)
 *
 * Adding a measurement: a new module in scripts/bench/ exporting a `Section` (see report.ts)
 * goes into SECTIONS; a figure that depends on how many members there are (mentor suggestions in
 * mentorship.ts, discussion threads …) is a `PopulationProbe` (see capacity.ts) added to PROBES,
 * measured at every size with a flat-capacity budget.
 */

// The bench may run on Node 20; the functions run on Node 24, where the SDK does not warn.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(root, 'bench/results.json');

/** Measured at every population size by the capacity section. */
const PROBES = [...memberProbes, mentorshipProbe(), discussionProbe(), searchProbe()];

const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : DEFAULT_SIZES;
if (SIZES.length < 2 || SIZES.some((n) => !Number.isInteger(n) || n < 40))
  throw new Error('--sizes wants two or more member counts ≥ 40, e.g. --sizes=1000,10000');

/**
 * In run order: the timing-sensitive cold-init and cohort runs go before the JVM starts; posting
 * throughput and the reads against their floor (each its own server process and JVM, stopped at its
 * end) and Lighthouse (the local product and Chromium, both stopped at its end) before the long
 * capacity fill.
 */
const SECTIONS: Section[] = [
  bundleSizeSection,
  coldInitSection,
  spaSection,
  cohortSection,
  lighthouseSection,
  postingSection,
  readsSection,
  capacitySection(PROBES, SIZES),
];

function pick(sections: Section[], argv: string[]): Section[] {
  const list = (flag: string) =>
    argv
      .filter((a) => a.startsWith(`--${flag}=`))
      .flatMap((a) => a.slice(flag.length + 3).split(','))
      .filter(Boolean);
  const only = list('only');
  const skip = list('skip');
  const known = new Set(sections.map((s) => s.id));
  for (const id of [...only, ...skip]) if (!known.has(id)) throw new Error(`Unknown section "${id}"; known: ${[...known].join(', ')}`);
  return sections.filter((s) => (only.length === 0 || only.includes(s.id)) && !skip.includes(s.id));
}

async function main(): Promise<number> {
  const selected = pick(SECTIONS, process.argv.slice(2));
  // Inside the project, so bundles that leave the AWS SDK external resolve it from node_modules.
  mkdirSync(join(root, 'bench'), { recursive: true });
  const tmp = mkdtempSync(join(root, 'bench', '.tmp-'));
  const ctx: BenchContext = { root, tmp, log: (m) => process.stderr.write(`[bench] ${m}\n`), cache: new Map() };
  const results: SectionResult[] = [];
  const started = performance.now();
  try {
    for (const s of selected) {
      ctx.log(`── ${s.title}`);
      const t0 = performance.now();
      try {
        const out = await s.run(ctx);
        results.push({ id: s.id, title: s.title, durationMs: performance.now() - t0, ...out });
      } catch (e) {
        const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
        ctx.log(`${s.title} failed: ${error}`);
        results.push({
          id: s.id,
          title: s.title,
          durationMs: performance.now() - t0,
          rows: [],
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  writeResults(RESULTS, results, {
    sectionsRun: selected.map((s) => s.id),
    partial: selected.length !== SECTIONS.length || sizesArg !== undefined,
    durationMs: Math.round(performance.now() - started),
  });

  const budgets = budgetsOf(results);
  const failed = budgets.filter((b) => !b.pass);
  const errored = results.filter((r) => r.error);
  const out: string[] = ['', renderTable(results), ''];
  const findings = results.flatMap((r) => (r.findings ?? []).map((f) => `• [${r.title}] ${f}`));
  if (findings.length) out.push('Findings:', ...findings, '');
  out.push(
    `Budgets: ${budgets.length - failed.length}/${budgets.length} pass` +
      (failed.length ? ` — FAIL: ${failed.map((b) => `${b.section}: ${b.measurement}`).join('; ')}` : ''),
  );
  if (errored.length) out.push(`ERROR: ${errored.map((r) => `${r.title}: ${r.error}`).join('; ')}`);
  out.push(`Results: ${relative(process.cwd(), RESULTS)} · 1 kB = 1000 B · gzip level 9 · ${process.version}`);
  console.log(out.join('\n'));
  return errored.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
