import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/locales';
import { DEMO_PASSWORD, expectAccessible, expectNoSidewaysScroll, type Server, shot, useProductAndBrowser } from './support';
import { wordsIn } from './words';

/*
 * The app in the members' right-to-left languages on a small phone (360 px): signed out and then
 * signed in through the directory, a member, find a mentor, a thread and settings, each page in
 * the language with <html lang dir> following it, the layout mirrored, nothing scrolling sideways,
 * axe clean, and a screenshot of each to look at.
 */

const EXIT_URL = 'https://weather.example.net/today';
process.env.EXIT_URL = EXIT_URL;

let server: Server;
let browser: Browser;
useProductAndBrowser('languages-failed', (s) => {
  server = s.server;
  browser = s.browser;
});

const PHONE = { width: 360, height: 740 };

/** A phone whose browser reads `browserLanguage` first, as a member's would. */
async function phoneIn(browserLanguage: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: browserLanguage, viewport: PHONE });
  const page = await context.newPage();
  page.setDefaultTimeout(25_000);
  return { context, page };
}

async function expectPage(page: Page, tag: Locale, what: string, axe: boolean): Promise<void> {
  await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual([tag, 'rtl']);
  // Mirrored: the brand sits at the right-hand end of the header, as the start of a right-to-left line.
  const brand = await page.locator('.brand').boundingBox();
  expect(brand, `${what}: the brand`).not.toBeNull();
  expect((brand?.x ?? 0) + (brand?.width ?? 0), `${what}: the brand starts at the right`).toBeGreaterThan(PHONE.width * 0.6);
  await expectNoSidewaysScroll(page, `${tag} ${what}`);
  if (axe) await expectAccessible(page, `${tag} ${what}`);
  await shot(page, `lang-${tag}-${what}`);
}

async function walk(tag: Locale, browserLanguage: string, axe: boolean): Promise<void> {
  const w = await wordsIn(tag);
  const { context, page } = await phoneIn(browserLanguage);
  try {
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { level: 1, name: w('signIn.title') }).waitFor();
    await expectPage(page, tag, 'sign-in', axe);

    await page.getByLabel(w('field.email')).fill('practitioner@example.org');
    await page.getByLabel(w('field.password')).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: w('signIn.submit') }).click();
    await page.getByRole('heading', { level: 1, name: w('directory.title') }).waitFor();
    await page.locator('.card').first().waitFor();
    await expectPage(page, tag, 'directory', axe);

    await page.locator('.card').first().getByRole('link').first().click();
    await page.locator('h1[dir="auto"]').waitFor();
    await expectPage(page, tag, 'member', axe);

    await page.goto(`${server.origin}/mentors`);
    await page.getByRole('heading', { level: 1, name: w('mentors.title') }).waitFor();
    await page.locator('.card').first().waitFor();
    await expectPage(page, tag, 'mentors', axe);

    await page.goto(`${server.origin}/spaces`);
    await page.getByRole('heading', { level: 1, name: w('spaces.title') }).waitFor();
    await page.locator('.card').first().getByRole('link').first().click();
    await page.getByRole('heading', { level: 2, name: w('space.threads') }).waitFor();
    await page.locator('.card').first().getByRole('link').first().click();
    await page.waitForURL(/\/threads\//);
    await page.locator('h1[dir="auto"]').waitFor();
    await expectPage(page, tag, 'thread', axe);

    await page.goto(`${server.origin}/settings`);
    await page.getByRole('heading', { level: 1, name: w('settings.title') }).waitFor();
    await expectPage(page, tag, 'settings', axe);
    if (tag === 'fa' && browserLanguage === 'fa-AF') {
      // A Dari reader's dates: the Solar Hijri calendar with Afghanistan's month names, and the Gregorian date beside it.
      const now = new Date();
      const afghanMonth = new Intl.DateTimeFormat('fa-AF-u-ca-persian', { month: 'long' }).format(now);
      const gregorianYear = new Intl.DateTimeFormat('fa-u-nu-arabext-ca-gregory', { year: 'numeric' }).format(now);
      const signedInOn = page.getByText(new RegExp(`${afghanMonth}.*\\(.*${gregorianYear}\\)`)).first();
      await signedInOn.waitFor();
    }
  } finally {
    await context.close();
  }
}

describe('the app in a right-to-left language on a 360 px phone', () => {
  it('reads in Arabic, mirrored, from the browser’s language: sign-in, directory, a member, find a mentor, a thread, settings', async () => {
    await walk('ar', 'ar-EG', true);
  });

  it('reads in Urdu, mirrored, with Nastaliq’s marks inside their boxes: the same pages', async () => {
    await walk('ur', 'ur-PK', true);
  });

  it('reads in Persian for a Dari browser (fa-AF), mirrored: the same pages', async () => {
    await walk('fa', 'fa-AF', false);
  });
});

describe('a new visitor with an Urdu browser', () => {
  it('reads the app in Urdu, right to left; switches to Spanish without a reload; signs in; and leaves with three Shifts', async () => {
    const ur = await wordsIn('ur');
    const es = await wordsIn('es');
    const { context, page } = await phoneIn('ur-PK');
    await context.route('https://weather.example.net/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }),
    );
    try {
      await page.goto(`${server.origin}/`);
      await page.getByRole('heading', { level: 1, name: ur('signIn.title') }).waitFor();
      await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['ur', 'rtl']);

      // A mark on the page's window survives a switch that does not reload the page.
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));
      await page.getByLabel(ur('language.label')).selectOption('es');
      await page.getByRole('heading', { level: 1, name: es('signIn.title') }).waitFor();
      await expect(page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).resolves.toEqual(['es', 'ltr']);
      await expect(page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).resolves.toBe(true);
      await shot(page, 'lang-es-after-switch');

      await page.getByLabel(es('field.email')).fill('champion@example.org');
      await page.getByLabel(es('field.password')).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: es('signIn.submit') }).click();
      await page.getByRole('heading', { level: 1, name: es('directory.title') }).waitFor();
      const cookies = await context.cookies();

      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      await page.waitForURL(EXIT_URL);
      // The sign-out was sent with keepalive as the page left: it may land a moment after the neutral site shows.
      const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      await expect
        .poll(async () => (await page.request.get(`${server.origin}/api/me`, { headers: { cookie } })).status(), { timeout: 25_000 })
        .toBe(401);
    } finally {
      await context.close();
    }
  });
});
