import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, openFromMenu, type Server, shot, signIn, unfoldMenu, useProductAndBrowser } from './support';
import { wordsIn } from './words';

/*
 * The quick exit, by each of its three ways (the button, the first skip link, three Shifts): the
 * page's session no longer works anywhere, this origin's storage and caches are empty, the tab is
 * on the neutral site, and Back shows no signed-in page. And discreet mode's neutral tab.
 */

// The deployment's exit address (config.json); no internet here, so the browser is given the page.
const EXIT_URL = 'https://weather.example.net/today';
process.env.EXIT_URL = EXIT_URL;

let server: Server;
let browser: Browser;

useProductAndBrowser('quick-exit-failed', (started) => {
  ({ server, browser } = started);
});

/** A fresh browser (its own cookies and storage) in which the neutral site answers. */
async function freshContext(viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.route('https://weather.example.net/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather today</h1>' }),
  );
  return context;
}

/** The exit's polite status (seen by screen readers only, so attached is enough) says `text`. */
async function statusSays(page: Page, text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor({ state: 'attached' });
}

/** Signs the practitioner in, keeps something in every store the exit must empty, and answers her cookies. */
async function signedInWithTraces(
  context: BrowserContext,
): Promise<{ page: Page; cookies: Awaited<ReturnType<BrowserContext['cookies']>> }> {
  const page = await context.newPage();
  await signIn(page, server.origin, 'practitioner@example.org', DEMO_PASSWORD);
  await page.waitForURL('**/directory');
  await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
  // A second signed-in page, so that Back from the neutral site has one of hers to reach.
  await openFromMenu(page, 'Find a mentor');
  await page.waitForURL('**/mentors');
  await page.evaluate(async () => {
    localStorage.setItem('trace', '1');
    sessionStorage.setItem('trace', '1');
    await (await caches.open('trace')).put('/trace', new Response('trace'));
  });
  // The exit goes where the deployment says once config.json is read.
  await page.locator(`.quick-exit__button:visible[href="${EXIT_URL}"]`).waitFor();
  const cookies = await context.cookies();
  expect(cookies.map((c) => c.name)).toContain('cn_sid');
  return { page, cookies };
}

/** What must hold after any quick exit. */
async function expectLeftForGood(context: BrowserContext, page: Page, cookies: Awaited<ReturnType<BrowserContext['cookies']>>) {
  await page.waitForURL(EXIT_URL);
  await page.getByRole('heading', { name: 'Weather today' }).waitFor();
  expect(page.url()).toBe(EXIT_URL);

  // Her old cookies, replayed from another browser, are refused: the session ended on the server.
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  await expect.poll(async () => (await thief.request.get(`${server.origin}/api/me`)).status(), { timeout: 10_000 }).toBe(401);
  await thief.close();
  expect((await context.cookies()).map((c) => c.name)).not.toContain('cn_sid');
  expect((await context.cookies()).map((c) => c.name)).not.toContain('cn_in');

  // Back: the page left behind stays blank (back/forward cache) or loads signed out.
  await page.goBack();
  await page.waitForFunction(
    () => document.documentElement.classList.contains('quick-exit-covered') || document.querySelector('h1')?.textContent === 'Sign in',
  );
  expect(new URL(page.url()).origin).toBe(server.origin);
  await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(false);
  expect(await page.getByRole('heading', { level: 1, name: 'Directory' }).isVisible()).toBe(false);
  const stores = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    caches: (await caches.keys()).length,
  }));
  expect(stores).toEqual({ local: 0, session: 0, caches: 0 });
}

describe('quick exit', () => {
  it('by the button: blank, signed out on the server, storage and caches emptied, on the neutral site, and Back shows no signed-in page', async () => {
    const context = await freshContext();
    const { page, cookies } = await signedInWithTraces(context);
    await page.getByRole('link', { name: 'Exit this page', exact: true }).click();
    await expectLeftForGood(context, page, cookies);
    await context.close();
  });

  it('by the skip link, first in the tab order: Tab, then Enter', async () => {
    const context = await freshContext();
    const { page, cookies } = await signedInWithTraces(context);
    // A page as it opens: the keyboard starts at the top.
    await page.goto(`${server.origin}/directory`);
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.locator(`.quick-exit__button:visible[href="${EXIT_URL}"]`).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Exit this page quickly');
    await page.keyboard.press('Enter');
    await expectLeftForGood(context, page, cookies);
    await context.close();
  });

  it('by Shift pressed three times, while a status tells how many presses are left', async () => {
    const context = await freshContext();
    const { page, cookies } = await signedInWithTraces(context);
    await page.keyboard.press('Shift');
    await statusSays(page, 'Press Shift 2 more times to leave this page.');
    await page.keyboard.press('Shift');
    await statusSays(page, 'Press Shift 1 more time to leave this page.');
    await page.keyboard.press('Shift');
    await expectLeftForGood(context, page, cookies);
    await context.close();
  });

  it('does not leave when another key comes between the Shifts: two Shifts, a letter, one Shift', async () => {
    const context = await freshContext();
    const { page } = await signedInWithTraces(context);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('a');
    await page.keyboard.press('Shift');
    // The count started again: one press so far, two to go.
    await statusSays(page, 'Press Shift 2 more times to leave this page.');
    expect(new URL(page.url()).pathname).toBe('/mentors');
    expect(await page.evaluate(() => document.documentElement.classList.contains('quick-exit-covered'))).toBe(false);
    expect((await page.request.get(`${server.origin}/api/me`)).status()).toBe(200);
    await context.close();
  });

  it.each([
    ['phone', { width: 360, height: 740 }],
    ['laptop', { width: 1280, height: 800 }],
  ])('stays on screen and uncovered on a %s: over the open menu and in a modal dialog', async (name, viewport) => {
    const context = await freshContext(viewport);
    const { page } = await signedInWithTraces(context);
    /** The button is what the browser finds at its own centre: nothing lies over it. */
    const uncovered = (scope: string) =>
      page.evaluate((selector) => {
        const buttons = [...document.querySelectorAll<HTMLElement>(selector)].filter((b) => b.getClientRects().length > 0);
        const button = buttons.at(-1);
        if (!button) return false;
        const box = button.getBoundingClientRect();
        const found = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return box.bottom <= window.innerHeight && box.right <= window.innerWidth && !!found && button.contains(found);
      }, scope);

    await unfoldMenu(page);
    expect(await uncovered('.quick-exit__button')).toBe(true);
    await shot(page, `quick-exit-${name}-menu`, false);
    // Scrolled to the end of a long page: still there.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 0);
    expect(await uncovered('.quick-exit__button')).toBe(true);
    await shot(page, `quick-exit-${name}-scrolled`, false);

    await page.goto(`${server.origin}/directory`);
    await page.locator('a[href^="/members/"]').first().click();
    await page.getByRole('button', { name: 'Report to the board' }).click();
    await page.locator('dialog[open]').waitFor();
    expect(await uncovered('dialog[open] .quick-exit__button')).toBe(true);
    await shot(page, `quick-exit-${name}-dialog`, false);
    await expectAccessible(page, `a modal dialog with the quick exit (${name})`);
    // Reachable from the keyboard inside the modal, and it leaves from there.
    // …and it hides nothing of a long dialog: scrolled to its end, its submit-and-cancel row lies clear of the button.
    await page.keyboard.press('Escape');
    await page.goto(`${server.origin}/mentors`);
    await page
      .getByRole('button', { name: /^Ask .+ for mentoring$/ })
      .first()
      .click();
    const ask = page.locator('dialog[open]');
    await ask.waitFor();
    await ask.evaluate((d) => {
      d.scrollTop = d.scrollHeight;
    });
    const overlaps = await ask.evaluate((d) => {
      const row = d.querySelector('.actions')?.getBoundingClientRect();
      const exit = d.querySelector('.quick-exit')?.getBoundingClientRect();
      if (!row || !exit) return true;
      return row.bottom > exit.top && row.top < exit.bottom && row.right > exit.left && row.left < exit.right;
    });
    expect(overlaps).toBe(false);
    await page.locator('dialog[open] .quick-exit__button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(EXIT_URL);
    await context.close();
  });
});

type BeforeTheApp = {
  context: BrowserContext;
  page: Page;
  cookies: Awaited<ReturnType<BrowserContext['cookies']>>;
  /** Lets the app's code through. */
  release: () => void;
  /** Every request for config.json from the page opened here on. */
  configReads: string[];
};

/**
 * The practitioner signed in (with traces for the exit to empty) on a device that keeps Urdu and
 * discreet mode, opening her directory while the app's own code is held back (a poor link) until
 * `release` is called, or for good: the first paint is on screen.
 */
async function beforeTheAppLoads(viewport?: { width: number; height: number }): Promise<BeforeTheApp> {
  const context = await freshContext(viewport);
  const { page, cookies } = await signedInWithTraces(context);
  await page.evaluate(() => {
    localStorage.setItem('cn.locale', 'ur');
    localStorage.setItem('cn.discreet', JSON.stringify({ on: true, idleMinutes: null }));
  });
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.route(`${server.origin}/assets/*.js`, async (route) => {
    if (!route.request().url().includes('/assets/first-paint-')) await held;
    // The page may have left meanwhile (the exit), taking the request with it.
    await route.continue().catch(() => undefined);
  });
  const configReads: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/config.json') configReads.push(request.url());
  });
  // Not waiting for `load`: that waits for the app's code.
  await page.goto(`${server.origin}/directory`, { waitUntil: 'commit' });
  await page.locator('#first-paint').waitFor();
  return { context, page, cookies, release, configReads };
}

describe('quick exit, before the app has loaded', () => {
  it('shows the exit in her device’s language and direction, names the tab as discreet mode says, and leaves in full', async () => {
    const ur = await wordsIn('ur');
    const { context, page, cookies } = await beforeTheAppLoads({ width: 390, height: 800 });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ur', 'rtl']);
    expect(await page.title()).toBe(ur('discreet.tabTitle'));
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/notes.svg');
    await page
      .getByRole('status')
      .filter({ hasText: ur('app.loading') })
      .waitFor();
    // The deployment's address, read from config.json by the first paint itself.
    const exit = page.getByRole('link', { name: ur('exit.button'), exact: true });
    await page.locator(`#first-paint .quick-exit__button[href="${EXIT_URL}"]`).waitFor();
    expect(await page.getByRole('complementary', { name: ur('exit.region') }).isVisible()).toBe(true);
    await shot(page, 'quick-exit-before-the-app-ur', false);
    // The app never came; she leaves all the same, and the page she comes Back to is the app's, signed out.
    await exit.click();
    await context.unroute(`${server.origin}/assets/*.js`);
    await expectLeftForGood(context, page, cookies);
    await context.close();
  });

  it('leaves on three Shifts before the app has loaded, the dots filling and a status saying how many are left', async () => {
    const ur = await wordsIn('ur');
    const { context, page, cookies } = await beforeTheAppLoads();
    await page.keyboard.press('Shift');
    await statusSays(page, ur('exit.shiftStatus', { count: 2 }));
    await page.keyboard.press('Shift');
    await statusSays(page, ur('exit.shiftStatus', { count: 1 }));
    expect(await page.locator('#first-paint .quick-exit__dot--on').count()).toBe(2);
    await page.keyboard.press('Shift');
    await context.unroute(`${server.origin}/assets/*.js`);
    await expectLeftForGood(context, page, cookies);
    await context.close();
  });

  it('gives way to the app’s own page when it arrives: one exit, one landmark, and her focus on the app’s skip link', async () => {
    const ur = await wordsIn('ur');
    const { context, page, cookies, release, configReads } = await beforeTheAppLoads();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(ur('exit.skip'));
    release();
    await page.getByRole('heading', { level: 1, name: ur('directory.title') }).waitFor();
    expect(await page.locator('#first-paint').count()).toBe(0);
    expect(await page.locator('.quick-exit').count()).toBe(1);
    expect(await page.getByRole('complementary', { name: ur('exit.region') }).count()).toBe(1);
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('#root') !== null && document.activeElement?.classList.contains('skip-link'),
      ),
    ).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(ur('exit.skip'));
    // The deployment's exit address was read once, by the first paint, and the app took its answer.
    await page.locator(`#root .quick-exit__button[href="${EXIT_URL}"]`).waitFor();
    expect(configReads).toHaveLength(1);
    // Shift now counts in the app's own exit: its status says how many presses are left.
    await page.keyboard.press('Shift');
    await statusSays(page, ur('exit.shiftStatus', { count: 2 }));
    await page.keyboard.press('Enter');
    await expectLeftForGood(context, page, cookies);
    await context.close();
  });
});

describe('staying safe', () => {
  it('is one link away signed out (the exit’s help, the footer) and signed in (Settings), with the exit on it', async () => {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('link', { name: 'How this works' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staying safe' }).waitFor();
    await page.getByRole('heading', { name: 'What it cannot do' }).waitFor();
    expect(await page.title()).toBe('Staying safe · Champions Network');
    await expectAccessible(page, 'the staying-safe page');
    await shot(page, 'staying-safe');

    await signIn(page, server.origin, 'practitioner@example.org', DEMO_PASSWORD);
    await page.waitForURL('**/directory');
    await expectAccessible(page, 'the directory with the quick exit');
    await openFromMenu(page, 'Settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expectAccessible(page, 'settings with “On this device”');
    await page.getByRole('link', { name: /What the quick exit does and does not do/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Staying safe' }).waitFor();
    await context.close();
  });
});

describe('page titles and discreet mode', () => {
  it('names a member’s page by its kind, never by her name; in discreet mode every tab says “Notes”, with a plain icon', async () => {
    const context = await freshContext();
    const { page } = await signedInWithTraces(context);
    await openFromMenu(page, 'Directory');
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    const link = page.locator('a[href^="/members/"]').first();
    const name = (await link.textContent()) ?? '';
    expect(name.length).toBeGreaterThan(0);
    await link.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await expect.poll(() => page.title()).toBe('Member profile · Champions Network');
    expect(await page.title()).not.toContain(name);

    await page.goto(`${server.origin}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByLabel('Discreet mode').check();
    await page.getByText('Saved on this device.').waitFor();
    await expect.poll(() => page.title()).toBe('Notes');
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/notes.svg');
    await page.getByLabel('5 minutes', { exact: true }).check();
    await page.getByText('Saved on this device.').waitFor();

    // Kept on this device: a new page load, another page, the same neutral tab.
    await page.goto(`${server.origin}/directory`);
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.locator('a[href^="/members/"]').first().click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await expect.poll(() => page.title()).toBe('Notes');
    await context.close();
  });

  it('signs out after the chosen idle time without input, to the sign-in page with a neutral word, and the server agrees', async () => {
    const context = await freshContext();
    // The page's clock, moved forward instead of waiting two minutes.
    await context.clock.install();
    const { page, cookies } = await signedInWithTraces(context);
    await openFromMenu(page, 'Settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByLabel('Discreet mode').check();
    await page.getByText('Saved on this device.').waitFor();
    await page.getByLabel('2 minutes', { exact: true }).check();
    await page.getByText('Saved on this device.').waitFor();
    await page.clock.fastForward('02:05');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('You were signed out after a time without use.').waitFor();
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    expect((await replay.request.get(`${server.origin}/api/me`)).status()).toBe(401);
    await replay.close();
    await context.close();
  });
});
