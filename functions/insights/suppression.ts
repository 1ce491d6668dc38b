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

export type Line = {
  total: number;
  parts: number[];
  /** Entries the total takes away: a running total is last month's, plus what came, minus what went. */
  minus?: number[];
};
export type Sheet = {
  values: number[];
  lines: Line[];
  /** Entries never published (a running total's opening balance): unknown, but not protected. */
  secret?: number[];
};

export const isSmall = (n: number): boolean => n >= 1 && n < SMALLEST_SHOWN;

type Range = { lo: number; hi: number };

/** Which entries of the sheet are hidden: `true` at the index of every suppressed count (and every secret). */
export function suppress(sheet: Sheet): boolean[] {
  const { values, lines } = sheet;
  const secret = new Set(sheet.secret ?? []);
  const hidden = values.map((v, i) => isSmall(v) || secret.has(i));
  // What someone who knows the rule knows of a hidden entry: a small count is 1–4; anything else
  // hidden (a total hidden for its parts' sake, a secret) could be any count.
  const prior = (i: number): Range =>
    isSmall(values[i] ?? 0) && !secret.has(i) ? { lo: 1, hi: SMALLEST_SHOWN - 1 } : { lo: 0, hi: Infinity };
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (hidden[line.total]) continue;
      const terms = [...line.parts.map((i) => ({ i, sign: 1 })), ...(line.minus ?? []).map((i) => ({ i, sign: -1 }))];
      const unknown = terms.filter((t) => hidden[t.i]);
      if (unknown.length === 0) continue;
      const rest = terms.filter((t) => !hidden[t.i]).reduce((s, t) => s - t.sign * (values[t.i] ?? 0), values[line.total] ?? 0);
      if (unknown.some((t) => !secret.has(t.i) && narrows(t, unknown, rest, prior))) {
        hidden[line.total] = true;
        changed = true;
      }
    }
  }
  return hidden;
}

/**
 * Whether knowing that the signed hidden terms of a line sum to `rest` narrows what entry `t.i`
 * could be below what it could be without the line.
 */
function narrows(
  t: { i: number; sign: number },
  unknown: { i: number; sign: number }[],
  rest: number,
  prior: (i: number) => Range,
): boolean {
  let lo = 0;
  let hi = 0;
  for (const o of unknown) {
    if (o === t) continue;
    const r = prior(o.i);
    lo += o.sign > 0 ? r.lo : -r.hi;
    hi += o.sign > 0 ? r.hi : -r.lo;
  }
  // sign·x = rest − (the others), which lies in [rest − hi, rest − lo].
  const [from, to] = t.sign > 0 ? [rest - hi, rest - lo] : [lo - rest, hi - rest];
  const own = prior(t.i);
  return Math.max(own.lo, from) !== own.lo || Math.min(own.hi, to) !== own.hi;
}

/** A mean shown only over enough values: a mean of one woman's wait is her wait. */
export function meanOf(sum: number, count: number): number | null {
  return count >= SMALLEST_SHOWN ? sum / count : null;
}
