/**
 * Small-number suppression for the board's insights: no chart or table may single out the only
 * woman officer of a country. Pure, so that it is tested on its own (tests/unit/suppression.test.ts).
 *
 * A sheet is a list of counts and the sums among them: a line says that `total` is the sum of
 * `parts` (a table's column and its total, a row and its total, the totals row and the grand
 * total …). A count the same number stands for in two tables is one entry, so what one table
 * hides the other cannot show.
 *
 * 1. Primary: every count from 1 to 4 is hidden (0 is shown: nobody is singled out by it).
 * 2. Complementary: a shown total is hidden too when, with the shown parts of its line subtracted,
 *    it would tell anything about a hidden part: narrow it below the range it could have
 *    had (1–4 for a small count, 1 or more for a hidden total). Repeated until nothing changes,
 *    since hiding a total can leave another line with a total that now tells.
 */
export const SMALLEST_SHOWN = 5;

export type Line = { total: number; parts: number[] };
export type Sheet = { values: number[]; lines: Line[] };

export const isSmall = (n: number): boolean => n >= 1 && n < SMALLEST_SHOWN;

/** Which entries of the sheet are hidden: `true` at the index of every suppressed count. */
export function suppress(sheet: Sheet): boolean[] {
  const { values, lines } = sheet;
  const hidden = values.map(isSmall);
  // What someone who knows the rule knows of a hidden entry: a small count is 1–4; a total hidden
  // for its parts' sake is at least 1 (a part of it is), with no upper bound.
  const low = () => 1;
  const high = (i: number) => (isSmall(values[i] ?? 0) ? SMALLEST_SHOWN - 1 : Number.POSITIVE_INFINITY);
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (hidden[line.total]) continue;
      const unknown = line.parts.filter((p) => hidden[p]);
      if (unknown.length === 0) continue;
      const rest = (values[line.total] ?? 0) - line.parts.filter((p) => !hidden[p]).reduce((s, p) => s + (values[p] ?? 0), 0);
      if (unknown.some((i) => narrows(i, unknown, rest, low, high))) {
        hidden[line.total] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/** Whether knowing that the hidden entries `unknown` sum to `rest` narrows what entry `i` could be. */
function narrows(i: number, unknown: number[], rest: number, low: (i: number) => number, high: (i: number) => number): boolean {
  const others = unknown.filter((j) => j !== i);
  const othersLow = others.reduce((s, j) => s + low(j), 0);
  const othersHigh = others.reduce((s, j) => s + high(j), 0);
  const from = Math.max(low(i), rest - othersHigh);
  const to = Math.min(high(i), rest - othersLow);
  return from !== low(i) || to !== high(i);
}

/** A mean shown only over enough values: a mean of one woman's wait is her wait. */
export function meanOf(sum: number, count: number): number | null {
  return count >= SMALLEST_SHOWN ? sum / count : null;
}
