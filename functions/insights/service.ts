import { type Insights, type InsightCell, MAX_INSIGHT_MONTHS, type InsightSeries, type InsightTable } from '../../shared/insights-schemas';
import { ValidationError } from '../lib/errors';
import type { Metric } from './counters';
import { type Monthly, monthly, type Tally } from './repository';
import { type Line, meanOf, suppress } from './suppression';

/**
 * The board's insights: the write-time counters of each metric (one Query each, all at once),
 * laid out as tables by month, with every small count suppressed across all of them together,
 * and the charts' series drawn from the same suppressed cells, so no chart shows what a table hides.
 */

// ---------------------------------------------------------------- months

const monthIndex = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthAt = (i: number): string => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

/** The months asked for: by default the twelve up to this one; at most 24, `from` not after `to`. */
export function monthRange(q: { from?: string; to?: string }, now = new Date()): string[] {
  const to = q.to ?? now.toISOString().slice(0, 7);
  const from = q.from ?? monthAt(monthIndex(to) - 11);
  const span = monthIndex(to) - monthIndex(from) + 1;
  if (span < 1)
    throw new ValidationError('The first month comes after the last.', [
      { path: 'from', code: 'invalid_value', message: 'Choose a first month no later than the last.' },
    ]);
  if (span > MAX_INSIGHT_MONTHS)
    throw new ValidationError(`Ask for at most ${MAX_INSIGHT_MONTHS} months at once.`, [
      { path: 'from', code: 'too_large', message: `At most ${MAX_INSIGHT_MONTHS} months.`, params: { maximum: MAX_INSIGHT_MONTHS } },
    ]);
  return Array.from({ length: span }, (_, i) => monthAt(monthIndex(from) + i));
}

// ---------------------------------------------------------------- the sheet every table draws from

/** A table's entry before suppression: a count in the sheet, a mean, or nothing (does not apply). */
type Entry = { ref: number } | { mean: number | null } | { none: true };
type Draft = { columns: string[]; rows: { label: string; cells: Entry[] }[]; totals: Entry[] | null };

class Sheet {
  values: number[] = [];
  lines: Line[] = [];
  secret: number[] = [];

  count(n: number): { ref: number } {
    this.values.push(n);
    return { ref: this.values.length - 1 };
  }

  /** An unpublished number the published ones depend on (a running total's opening balance). */
  unpublished(n: number): { ref: number } {
    const e = this.count(n);
    this.secret.push(e.ref);
    return e;
  }

  /** A count that is the sum of others (a column's total), counted from them. */
  sum(parts: { ref: number }[]): { ref: number } {
    const total = this.count(parts.reduce((s, p) => s + (this.values[p.ref] ?? 0), 0));
    this.sumOf(total, parts);
    return total;
  }

  sumOf(total: { ref: number }, parts: { ref: number }[], minus: { ref: number }[] = []): void {
    this.lines.push({ total: total.ref, parts: parts.map((p) => p.ref), minus: minus.map((p) => p.ref) });
  }

  render(drafts: Record<string, Draft>): Record<string, InsightTable> {
    const hidden = suppress({ values: this.values, lines: this.lines, secret: this.secret });
    const cell = (e: Entry): InsightCell =>
      'ref' in e
        ? hidden[e.ref]
          ? { value: null, suppressed: true }
          : { value: this.values[e.ref] ?? 0 }
        : 'mean' in e
          ? e.mean === null
            ? { value: null, suppressed: true }
            : { value: e.mean }
          : { value: null };
    return Object.fromEntries(
      Object.entries(drafts).map(([id, d]) => [
        id,
        {
          columns: d.columns,
          rows: d.rows.map((r) => ({ label: r.label, cells: r.cells.map(cell) })),
          totals: d.totals?.map(cell) ?? null,
        },
      ]),
    );
  }
}

// ---------------------------------------------------------------- columns

const NONE: Tally = { n: 0, ms: 0 };
const tally = (data: Monthly, month: string, dimension: string): Tally => data.get(month)?.get(dimension) ?? NONE;
const add = (a: Tally, b: Tally): Tally => ({ n: a.n + b.n, ms: a.ms + b.ms });
const DAY = 86_400_000;
const HOUR = 3_600_000;
const rounded = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);

type Column =
  | { id: string; kind: 'count'; of: (month: string) => number }
  | { id: string; kind: 'mean'; of: (month: string) => Tally; unit: number }
  | { id: string; kind: 'running'; opening: number; in: string[]; out: string[] };

/** A table by month: counts (with their totals), means, and running totals moved by count columns. */
function byMonth(sheet: Sheet, months: string[], columns: Column[]): Draft {
  const entries = new Map<string, Entry[]>();
  const refs = new Map<string, { ref: number }[]>();
  for (const c of columns) {
    if (c.kind === 'count')
      refs.set(
        c.id,
        months.map((m) => sheet.count(c.of(m))),
      );
  }
  for (const c of columns) {
    if (c.kind === 'count') entries.set(c.id, refs.get(c.id) ?? []);
    else if (c.kind === 'mean')
      entries.set(
        c.id,
        months.map((m) => ({ mean: rounded(mean(c.of(m), c.unit)) })),
      );
    else {
      let previous = sheet.unpublished(c.opening);
      const moved: { ref: number }[] = [];
      months.forEach((_, i) => {
        const ins = c.in.map((id) => refs.get(id)?.[i] ?? { ref: -1 });
        const outs = c.out.map((id) => refs.get(id)?.[i] ?? { ref: -1 });
        const value =
          (sheet.values[previous.ref] ?? 0) +
          ins.reduce((s, e) => s + (sheet.values[e.ref] ?? 0), 0) -
          outs.reduce((s, e) => s + (sheet.values[e.ref] ?? 0), 0);
        const now = sheet.count(value);
        sheet.sumOf(now, [previous, ...ins], outs);
        moved.push(now);
        previous = now;
      });
      entries.set(c.id, moved);
    }
  }
  const totals = columns.map((c): Entry => {
    if (c.kind === 'count') return sheet.sum(refs.get(c.id) ?? []);
    if (c.kind === 'mean') return { mean: rounded(mean(months.map(c.of).reduce(add, NONE), c.unit)) };
    return { none: true };
  });
  return {
    columns: columns.map((c) => c.id),
    rows: months.map((label, i) => ({ label, cells: columns.map((c) => entries.get(c.id)?.[i] ?? { none: true }) })),
    totals,
  };
}

const mean = (t: Tally, unit: number): number | null => {
  const m = meanOf(t.ms, t.n);
  return m === null ? null : m / unit;
};

/** Everything a metric counted before `month` in these dimensions, less what it counted in those: a running total's opening. */
function before(data: Monthly, month: string, plus: string[], minus: string[]): number {
  let n = 0;
  for (const [m, byDimension] of data) {
    if (m >= month) continue;
    for (const d of plus) n += byDimension.get(d)?.n ?? 0;
    for (const d of minus) n -= byDimension.get(d)?.n ?? 0;
  }
  return n;
}

// ---------------------------------------------------------------- the answer

const DECLINE_REASONS = ['no_time', 'not_my_expertise', 'other'] as const;

export async function insights(q: { from?: string; to?: string }, now = new Date()): Promise<Insights> {
  const months = monthRange(q, now);
  const from = months[0] ?? '';
  const to = months.at(-1) ?? '';
  const read = (metric: Metric, whole = false) => monthly(metric, to, whole ? undefined : from);
  const [members, applications, requests, mentorships, checkins, feedback, events, discussion, moderation] = await Promise.all([
    read('members', true),
    read('applications'),
    read('requests'),
    read('mentorships', true),
    read('checkins'),
    read('feedback'),
    read('events'),
    read('discussion'),
    read('moderation', true),
  ]);
  const sheet = new Sheet();
  const n = (data: Monthly, dimension: string) => (month: string) => tally(data, month, dimension).n;
  const t =
    (data: Monthly, ...dimensions: string[]) =>
    (month: string) =>
      dimensions.map((d) => tally(data, month, d)).reduce(add, NONE);

  const membership = membersTables(sheet, members, months);
  const drafts: Record<string, Draft> = {
    ...membership,
    applications: byMonth(sheet, months, [
      { id: 'submitted', kind: 'count', of: n(applications, 'submitted') },
      { id: 'approved', kind: 'count', of: n(applications, 'approved') },
      { id: 'declined', kind: 'count', of: n(applications, 'declined') },
      { id: 'meanDaysToDecision', kind: 'mean', of: t(applications, 'approved', 'declined'), unit: DAY },
    ]),
    requests: byMonth(sheet, months, [
      { id: 'requested', kind: 'count', of: n(requests, 'requested') },
      { id: 'accepted', kind: 'count', of: n(requests, 'accepted') },
      ...DECLINE_REASONS.map((r): Column => ({ id: `declined_${r}`, kind: 'count', of: n(requests, `declined|${r}`) })),
      { id: 'expired', kind: 'count', of: n(requests, 'expired') },
      { id: 'withdrawn', kind: 'count', of: n(requests, 'withdrawn') },
      { id: 'meanDaysToAnswer', kind: 'mean', of: t(requests, 'accepted', ...DECLINE_REASONS.map((r) => `declined|${r}`)), unit: DAY },
    ]),
    mentorships: byMonth(sheet, months, [
      { id: 'started', kind: 'count', of: n(mentorships, 'started') },
      { id: 'ended', kind: 'count', of: n(mentorships, 'ended') },
      { id: 'active', kind: 'running', opening: before(mentorships, from, ['started'], ['ended']), in: ['started'], out: ['ended'] },
      { id: 'checkins', kind: 'count', of: n(checkins, 'checkins') },
    ]),
    feedback: ratings(sheet, feedback),
    events: byMonth(sheet, months, [
      { id: 'registered', kind: 'count', of: n(events, 'registered') },
      { id: 'waitlisted', kind: 'count', of: n(events, 'waitlisted') },
      { id: 'attended', kind: 'count', of: n(events, 'attended') },
    ]),
    discussion: byMonth(sheet, months, [
      { id: 'threads', kind: 'count', of: n(discussion, 'threads') },
      { id: 'posts', kind: 'count', of: n(discussion, 'posts') },
    ]),
    moderation: byMonth(sheet, months, [
      { id: 'held', kind: 'count', of: n(moderation, 'held') },
      { id: 'approved', kind: 'count', of: n(moderation, 'approved') },
      { id: 'rejected', kind: 'count', of: n(moderation, 'rejected') },
      { id: 'withdrawn', kind: 'count', of: n(moderation, 'withdrawn') },
      {
        id: 'waiting',
        kind: 'running',
        opening: before(moderation, from, ['held'], ['approved', 'rejected', 'withdrawn']),
        in: ['held'],
        out: ['approved', 'rejected', 'withdrawn'],
      },
      { id: 'meanHoursHeld', kind: 'mean', of: t(moderation, 'approved', 'rejected'), unit: HOUR },
    ]),
  };
  const tables = sheet.render(drafts) as Insights['tables'];
  return { from, to, series: seriesOf(tables), tables };
}

/**
 * Members by kind at the end of each month (running totals: the counters of every month so far),
 * and by country: who were members at the end of the range, who joined and who left within it.
 * The totals of the country table are the same numbers as the last month's running totals, so
 * they are the same entries of the sheet: what one hides, the other cannot show.
 */
function membersTables(sheet: Sheet, members: Monthly, months: string[]): { members: Draft; countries: Draft } {
  const from = months[0] ?? '';
  const byCountry = new Map<string, { practitioner: number; champion: number; joined: number; left: number }>();
  const running = { practitioner: 0, champion: 0 };
  const atMonthEnd = new Map<string, { practitioner: number; champion: number }>();
  const sorted = [...members.keys()].sort();
  const inRange = new Set(months);
  for (const month of [...new Set([...sorted, ...months])].sort()) {
    for (const [dimension, { n }] of members.get(month) ?? []) {
      const [what, kind, country = ''] = dimension.split('|');
      if (kind !== 'practitioner' && kind !== 'champion') continue;
      const c = byCountry.get(country) ?? { practitioner: 0, champion: 0, joined: 0, left: 0 };
      byCountry.set(country, c);
      const delta = what === 'joined' ? n : what === 'left' ? -n : 0;
      running[kind] += delta;
      c[kind] += delta;
      if (inRange.has(month)) c[what === 'joined' ? 'joined' : 'left'] += n;
    }
    if (month >= from) atMonthEnd.set(month, { ...running });
  }
  const kindRefs = months.map((m) => {
    const v = atMonthEnd.get(m) ?? { practitioner: 0, champion: 0 };
    return { practitioner: sheet.count(v.practitioner), champion: sheet.count(v.champion) };
  });
  const rows = [...byCountry]
    .filter(([, c]) => c.practitioner || c.champion || c.joined || c.left)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, c]) => ({
      label: country,
      cells: [sheet.count(c.practitioner), sheet.count(c.champion), sheet.count(c.joined), sheet.count(c.left)],
    }));
  const last = kindRefs.at(-1) ?? { practitioner: sheet.count(0), champion: sheet.count(0) };
  sheet.sumOf(
    last.practitioner,
    rows.map((r) => r.cells[0] ?? { ref: -1 }),
  );
  sheet.sumOf(
    last.champion,
    rows.map((r) => r.cells[1] ?? { ref: -1 }),
  );
  return {
    members: {
      columns: ['practitioners', 'champions'],
      rows: months.map((label, i) => ({
        label,
        cells: [kindRefs[i]?.practitioner ?? { none: true }, kindRefs[i]?.champion ?? { none: true }],
      })),
      totals: null,
    },
    countries: {
      columns: ['practitioners', 'champions', 'joined', 'left'],
      rows,
      totals: [
        last.practitioner,
        last.champion,
        sheet.sum(rows.map((r) => r.cells[2] ?? { ref: -1 })),
        sheet.sum(rows.map((r) => r.cells[3] ?? { ref: -1 })),
      ],
    },
  };
}

/** Ratings given at the end of mentorships within the range, 1 to 5. */
function ratings(sheet: Sheet, feedback: Monthly): Draft {
  const counts = [1, 2, 3, 4, 5].map((r) => {
    let total = 0;
    for (const byDimension of feedback.values()) total += byDimension.get(`rating|${r}`)?.n ?? 0;
    return sheet.count(total);
  });
  return {
    columns: ['mentorships'],
    rows: counts.map((c, i) => ({ label: String(i + 1), cells: [c] })),
    totals: [sheet.sum(counts)],
  };
}

/** Every column of a table as a chart's line over its rows (the country table is a table only). */
function seriesOf(tables: Insights['tables']): InsightSeries[] {
  return Object.entries(tables)
    .filter(([id]) => id !== 'countries')
    .flatMap(([id, table]) =>
      table.columns.map((column, c) => ({
        name: `${id}.${column}`,
        points: table.rows.map((r) => ({ at: r.label, ...(r.cells[c] ?? { value: null }) })),
      })),
    );
}
