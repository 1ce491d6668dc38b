import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type Server, shot, useProductAndBrowser } from './support';
import { wordsIn } from './words';

/*
 * A signed-in member's page does not move under her as it opens. Her menu is drawn once her session
 * has been checked; until then its room is held (shell.tsx, MenuPlaceholder): on a phone the menu
 * button's row, on a laptop an unseen copy of her row of links. Without it the page below jumped
 * down by a row (44 px on a phone, 41 px on a laptop) as she started reading.
 */

let server: Server;
let browser: Browser;
useProductAndBrowser('steady-page-failed', (s) => {
  server = s.server;
  browser = s.browser;
});

type Shift = { value: number; sources: string[] };

/**
 * The layout shifts of a first load of `path`, signed in as the demo practitioner with her account
 * in `locale` and her phone in `phone` (the same unless said), until the page and her menu have
 * settled; and every page heading shown on the way.
 */
async function shiftsOf(
  path: string,
  viewport: { width: number; height: number },
  locale: 'en' | 'ur',
  phone: 'en' | 'ur' = locale,
): Promise<{ shifts: Shift[]; headings: string[] }> {
  const context = await browser.newContext({ viewport, locale: phone === 'ur' ? 'ur-PK' : 'en-GB' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(25_000);
    await page.goto(`${server.origin}/config.json`);
    const statuses = await page.evaluate(
      async ([password, locale]) => {
        const signIn = await fetch('/api/auth/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'practitioner@example.org', password }),
        });
        const { version } = await (await fetch('/api/members/me/preferences')).json();
        const saved = await fetch('/api/members/me/preferences', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ locale, version }),
        });
        return [signIn.status, saved.status];
      },
      [DEMO_PASSWORD, locale] as const,
    );
    expect(statuses).toEqual([200, 200]);
    // The phone keeps its own language (signing in above kept nothing on it).
    await page.evaluate((phone) => localStorage.setItem('cn.locale', phone), phone);
    await page.addInitScript(() => {
      const headings: string[] = [];
      (window as unknown as { headings: string[] }).headings = headings;
      new MutationObserver(() => {
        const text = document.querySelector('#root h1')?.textContent;
        if (text && headings.at(-1) !== text) headings.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
      const seen: { value: number; sources: string[] }[] = [];
      (window as unknown as { shifts: typeof seen }).shifts = seen;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[])
          if (!e.hadRecentInput) seen.push({ value: e.value, sources: (e.sources ?? []).map((s) => s.node?.nodeName ?? '') });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.origin}${path}`);
    await page.locator('.card').first().waitFor();
    // Her menu is drawn in place of its placeholder, and every request the page made has been answered.
    await page.locator('nav.nav--foldable').waitFor({ state: 'attached' });
    await page.locator('.nav--placeholder').waitFor({ state: 'detached' });
    await page.waitForLoadState('networkidle');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(locale);
    await shot(page, `steady-${path.slice(1)}-${viewport.width}-${locale}`, false);
    return await page.evaluate(() => {
      const seen = window as unknown as { shifts: Shift[]; headings: string[] };
      return { shifts: seen.shifts, headings: seen.headings };
    });
  } finally {
    await context.close();
  }
}

describe('a signed-in page as it opens', () => {
  // Urdu too: Nastaliq's taller lines give its controls a line box of their own.
  for (const locale of ['en', 'ur'] as const)
    for (const viewport of [
      { width: 412, height: 823 },
      { width: 1280, height: 800 },
    ])
      it(`does not move under her as her menu appears, in ${locale} on a ${viewport.width} px screen`, async () => {
        for (const path of ['/directory', '/mentors']) {
          const { shifts } = await shiftsOf(path, viewport, locale);
          expect(shifts, `${path} in ${locale} at ${viewport.width} px`).toEqual([]);
        }
      });
});

describe('a signed-in page on a phone set to another language', () => {
  it('opens in her account’s language from its first frame, and does not move: Urdu account, English phone', async () => {
    const ur = await wordsIn('ur');
    const { shifts, headings } = await shiftsOf('/directory', { width: 1280, height: 800 }, 'ur', 'en');
    expect(headings).toEqual([ur('directory.title')]);
    expect(shifts).toEqual([]);
  });
});
