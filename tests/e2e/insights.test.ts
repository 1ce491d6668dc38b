import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectNoSidewaysScroll,
  heading,
  openFromMenu,
  type Server,
  shot,
  signIn,
  useProductAndBrowser,
} from './support';

/*
 * The board's insights in a real browser, on the seeded demo network: the board opens the page
 * from its menu, sees charts (drawn by uPlot, loaded with this page) beside their tables, small
 * numbers shown as "fewer than 5", and downloads a table as CSV with "<5" in their place. Checked
 * with axe, on a laptop and on a phone, and photographed into test-results/ (insights-*.png).
 */

let server: Server;
let page: Page;

useProductAndBrowser('insights-failed', (started) => {
  ({ server, page } = started);
});

describe("the board's insights in a browser", () => {
  it('shows the board charts and tables with small numbers suppressed, and downloads a table as CSV', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, server.origin, 'board@example.org', DEMO_PASSWORD);
    await heading(page, 'Directory');
    await openFromMenu(page, 'Insights');
    await heading(page, 'Insights');

    // A chart is a picture with a title and a description; uPlot draws it on a canvas.
    const chart = page.getByRole('img', { name: 'Members by kind' });
    await chart.locator('canvas').waitFor();
    expect(await chart.getAttribute('aria-describedby')).toBe('insights-members-about');

    // The table beside it is the accessible form: the demo's countries have fewer than 5 members each.
    const countries = page.getByRole('table', { name: 'Members by country' });
    await countries.getByRole('rowheader', { name: 'Pakistan' }).waitFor();
    expect(await countries.getByRole('cell', { name: 'fewer than 5' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'the insights page');
    await shot(page, 'insights-laptop');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download “Members by country” (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^insights-countries-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path()) ?? '', 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe('Country,Practitioners,Gender champions,Joined,Left');
    expect(rows.find((r) => r.startsWith('Pakistan,'))).toBeDefined();
    expect(csv).toContain('<5');
    expect(rows.at(-1)).toMatch(/^Total,/);

    // On a phone: the charts fit, and a table scrolls in its own box, never the page.
    await page.setViewportSize({ width: 390, height: 844 });
    await chart.locator('canvas').waitFor();
    await expectNoSidewaysScroll(page, 'the insights page on a phone');
    await expectAccessible(page, 'the insights page on a phone');
    await shot(page, 'insights-phone');
  });
});
