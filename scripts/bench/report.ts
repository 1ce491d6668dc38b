import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';

/*
 * The shape every bench section reports in, the table printed at the end and bench/results.json.
 * A section is a module under scripts/bench/ exporting a `Section`; scripts/bench.ts lists them.
 */

/** 1 kB = 1000 bytes everywhere in the bench (budgets and figures). */
export const KB = 1000;

export type Budget = {
  /** Human-readable rule, e.g. "≤ 250 kB (250,000 B)". */
  rule: string;
  /** The limit in the row's unit (for the JSON; the rule says how it applies). */
  limit: number;
  unit: string;
  /** The figure the rule was applied to (in `unit`). */
  actual: number;
  pass: boolean;
};

export type Row = {
  /** Measurement name, unique within its section. */
  name: string;
  /** What the table shows in the value column. */
  display: string;
  /** The primary figure, for the JSON (null when there is no single number). */
  value: number | null;
  unit: string;
  budget?: Budget;
  /** Anything else worth keeping in results.json (runs, per-size figures …). */
  data?: unknown;
};

export type SectionOutput = { rows: Row[]; findings?: string[]; data?: unknown };

export type BenchContext = {
  /** Repository root. */
  root: string;
  /** A temp dir for this run, removed at the end. */
  tmp: string;
  /** Progress lines (stderr), so stdout stays the table. */
  log: (msg: string) => void;
  /** Values one section computes and another reuses (e.g. the bundles for cold init). */
  cache: Map<string, unknown>;
};

export type Section = {
  id: string;
  title: string;
  run: (ctx: BenchContext) => Promise<SectionOutput>;
};

export type SectionResult = SectionOutput & { id: string; title: string; durationMs: number; error?: string };

// ------------------------------------------------------------------------------------ helpers

export const median = (xs: number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export const fmtKB = (bytes: number, digits = 1) => `${(bytes / KB).toFixed(digits)} kB`;
export const fmtMs = (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
export const fmtInt = (n: number) => n.toLocaleString('en-US');

/** A "value ≤ limit" budget. */
export function atMost(actual: number, limit: number, unit: string, rule: string): Budget {
  return { rule, limit, unit, actual, pass: actual <= limit };
}

/** A "value ≥ limit" budget (scores). */
export function atLeast(actual: number, limit: number, unit: string, rule: string): Budget {
  return { rule, limit, unit, actual, pass: actual >= limit };
}

// ------------------------------------------------------------------------------------ output

function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [fmt(header), rule, ...lines.map(fmt)].join('\n');
}

export function renderTable(results: SectionResult[]): string {
  const lines: string[][] = [];
  for (const s of results) {
    if (s.error) {
      lines.push([s.title, '(section failed)', s.error.split('\n')[0] ?? '', '', 'ERROR']);
      continue;
    }
    s.rows.forEach((r, i) => {
      lines.push([
        i === 0 ? s.title : '',
        r.name,
        r.display,
        r.budget?.rule ?? '',
        r.budget ? (r.budget.pass ? 'pass' : '** FAIL **') : '',
      ]);
    });
  }
  return table(['Section', 'Measurement', 'Value', 'Budget', 'Result'], lines);
}

export function budgetsOf(results: SectionResult[]) {
  return results.flatMap((s) => s.rows.flatMap((r) => (r.budget ? [{ section: s.id, measurement: r.name, ...r.budget }] : [])));
}

export function writeResults(file: string, results: SectionResult[], meta: Record<string, unknown>): void {
  const budgets = budgetsOf(results);
  const out = {
    generatedAt: new Date().toISOString(),
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
    },
    units: {
      kB: '1000 bytes',
      gzip: 'zlib gzip level 9',
      ms: 'milliseconds',
      RCU: 'DynamoDB read capacity units (ConsumedCapacity.CapacityUnits)',
    },
    ...meta,
    pass: budgets.every((b) => b.pass) && results.every((s) => !s.error),
    budgets,
    sections: results.map((s) => ({
      id: s.id,
      title: s.title,
      durationMs: Math.round(s.durationMs),
      ...(s.error ? { error: s.error } : {}),
      figures: s.rows,
      findings: s.findings ?? [],
      data: s.data,
    })),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
}
