import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Sheet, meanOf, suppress } from '../../functions/insights/suppression';

/**
 * A table of counts as the insights build them: `rows × cols` cells, a total per row and per
 * column, and the grand total, each sum a line of the sheet.
 */
function table(grid: number[][]): Sheet & { cells: number[] } {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const values: number[] = [];
  const cell = (r: number, c: number) => r * cols + c;
  for (const row of grid) values.push(...row);
  const rowTotal = (r: number) => rows * cols + r;
  const colTotal = (c: number) => rows * cols + rows + c;
  const grand = rows * cols + rows + cols;
  for (const row of grid) values.push(row.reduce((s, v) => s + v, 0));
  for (let c = 0; c < cols; c++) values.push(grid.reduce((s, row) => s + (row[c] ?? 0), 0));
  values.push(values.slice(0, rows * cols).reduce((s, v) => s + v, 0));
  const lines = [
    ...grid.map((_, r) => ({ total: rowTotal(r), parts: Array.from({ length: cols }, (_, c) => cell(r, c)) })),
    ...Array.from({ length: cols }, (_, c) => ({ total: colTotal(c), parts: grid.map((_, r) => cell(r, c)) })),
    { total: grand, parts: grid.map((_, r) => rowTotal(r)) },
    { total: grand, parts: Array.from({ length: cols }, (_, c) => colTotal(c)) },
  ];
  return { values, lines, cells: Array.from({ length: rows * cols }, (_, i) => i) };
}

/**
 * Everything someone who sees the published table (and knows the rule) could believe the hidden
 * cells to be: every assignment of 1–4 to them that agrees with every shown total.
 */
function consistentAssignments(sheet: Sheet & { cells: number[] }, hidden: boolean[]): number[][] {
  const unknown = sheet.cells.filter((i) => hidden[i]);
  const out: number[][] = [];
  const guess = [...sheet.values];
  const sumOf = (line: { parts: number[] }): number => line.parts.reduce((s, p) => s + (guess[p] ?? 0), 0);
  const walk = (k: number) => {
    if (k === unknown.length) {
      // Recompute the totals from the guessed cells (row and column totals first, then the grand total).
      const order = [...sheet.lines].sort((a, b) => a.total - b.total);
      for (const line of order) guess[line.total] = sumOf(line);
      if (sheet.lines.every((l) => hidden[l.total] || guess[l.total] === sheet.values[l.total]))
        out.push(unknown.map((i) => guess[i] ?? 0));
      return;
    }
    for (let v = 1; v <= 4; v++) {
      guess[unknown[k] ?? 0] = v;
      walk(k + 1);
    }
  };
  walk(0);
  return out;
}

const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 30 }));
const grid = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }))
  .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

describe('small-number suppression', () => {
  it('hides every count from 1 to 4 and shows 0 and counts of 5 or more in cells', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const sheet = table(g);
        const hidden = suppress(sheet);
        for (const i of sheet.cells) {
          const v = sheet.values[i] ?? 0;
          expect(hidden[i]).toBe(v >= 1 && v <= 4);
        }
      }),
    );
  });

  it('never lets a hidden cell be worked out from the totals it shows, alone or together', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const sheet = table(g);
        const hidden = suppress(sheet);
        fc.pre(sheet.cells.filter((i) => hidden[i]).length <= 7);
        const seen = consistentAssignments(sheet, hidden);
        // The true values are always among them: the check itself is sound.
        expect(seen.length).toBeGreaterThan(0);
        const unknown = sheet.cells.filter((i) => hidden[i]);
        unknown.forEach((_, k) => {
          expect(new Set(seen.map((s) => s[k])).size).toBeGreaterThan(1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('hides a total of 1 to 4 like any count', () => {
    const sheet = table([[0, 3]]);
    const hidden = suppress(sheet);
    expect(hidden.slice(sheet.cells.length)).toEqual([true, false, true, true]);
  });

  it('hides the total of a column with one small cell, and keeps the totals when nothing is small', () => {
    const withSmall = table([[12], [2], [9]]);
    expect(suppress(withSmall)[withSmall.values.length - 1]).toBe(true);
    const clean = table([
      [12, 0],
      [7, 30],
    ]);
    expect(suppress(clean).some(Boolean)).toBe(false);
  });

  it('shows a total over two small cells only when it could be any pair of them (a sum of 5)', () => {
    const five = table([[2], [3]]);
    expect(suppress(five).slice(2)).toEqual([true, true, false, false]);
    const two = table([[1], [1]]);
    expect(suppress(two).at(-1)).toBe(true);
  });

  it('shows a mean only over 5 values or more', () => {
    expect(meanOf(40, 4)).toBeNull();
    expect(meanOf(50, 5)).toBe(10);
  });
});
