import { describe, expect, it } from 'vitest';
import { toCsv } from '../../web/src/pages/board-insights/csv';

describe("the insights' CSV", () => {
  it('prefixes a cell a spreadsheet would run as a formula, and quotes what needs quoting', () => {
    const csv = toCsv([
      ['Country', 'Practitioners'],
      ['=HYPERLINK("http://x")', '<5'],
      ['+1', -3],
      ['@SUM(A1)', 0],
      ['Côte d’Ivoire, the', 12],
      ['\tTab', 'line\nbreak'],
    ]);
    expect(csv.split('\r\n')).toEqual([
      'Country,Practitioners',
      `"'=HYPERLINK(""http://x"")",<5`,
      "'+1,'-3",
      "'@SUM(A1),0",
      '"Côte d’Ivoire, the",12',
      `'\tTab,"line\nbreak"`,
      '',
    ]);
  });
});
