import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, vi } from 'vitest';
// No static import from functions/: startServer sets process.env before it loads the API.
import { startServer } from '../../scripts/start';
import { freePort } from '../../scripts/local/services';
import { seededTemplatePaths } from '../setup/template';

/*
 * What every browser test shares: the whole local product on a free port (DynamoDB Local,
 * cognito-local, the API and the built SPA), Debian's Chromium, axe, screenshots into
 * test-results/, and signing in and out the way a member does.
 */

export const SHOTS = join(process.cwd(), 'test-results');
export const DEMO_PASSWORD = 'champions-demo-2026';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export type Server = Awaited<ReturnType<typeof startServer>>;

/** Starts the product and the browser side by side. */
export async function startProductAndBrowser(): Promise<{ server: Server; browser: Browser }> {
  mkdirSync(SHOTS, { recursive: true });
  const [server, browser] = await Promise.all([
    startServerRetrying(),
    chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
  ]);
  return { server, browser };
}

/**
 * The whole product (DynamoDB Local, cognito-local, the seed) on a free port; tried once more on
 * a fresh port when starting it fails. On a busy two-core machine, with other test files starting
 * their own JVMs, a local service now and then drops a connection while the seed runs (ECONNRESET,
 * "socket hang up"): that is the machine, not the product, and one failed start used to fail every
 * walk of the file.
 */
async function startServerRetrying(): Promise<Server> {
  try {
    return await startFromSeededCopy();
  } catch (first) {
    console.warn(`starting the product failed (${first instanceof Error ? first.message : String(first)}); trying once more`);
    return startFromSeededCopy();
  }
}

/**
 * Seeding the demo network is most of the time a start takes, and every browser test file used to
 * do it anew. The run seeds once (seededTemplate) and each file starts the product on its own copy
 * of that data, deleted when it stops; files never share a database. Without a template (its build
 * failed) a file seeds its own, as before.
 */
async function startFromSeededCopy(): Promise<Server> {
  const template = await seededTemplate();
  if (!template) return startServer({ port: await freePort() });
  const copy = mkdtempSync(join(tmpdir(), 'champions-e2e-'));
  try {
    cpSync(template, copy, { recursive: true });
    const server = await startServer({ port: await freePort(), dataDir: copy });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        rmSync(copy, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(copy, { recursive: true, force: true });
    throw e;
  }
}

/**
 * The run's seeded data: the first file to ask builds it in a child process (the API reads its
 * settings once per process, and this one's are for its own server); the others wait until it is
 * ready, or until its build has failed.
 */
async function seededTemplate(): Promise<string | undefined> {
  const paths = seededTemplatePaths();
  if (existsSync(paths.ready)) return paths.dir;
  let builder = true;
  try {
    mkdirSync(paths.lock);
  } catch {
    builder = false;
  }
  if (builder) {
    try {
      rmSync(paths.building, { recursive: true, force: true });
      await new Promise<void>((done, fail) =>
        execFile(join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/local/seed-template.ts', paths.building], (e) =>
          e ? fail(e) : done(),
        ),
      );
      renameSync(paths.building, paths.dir);
      writeFileSync(paths.ready, '');
      return paths.dir;
    } catch (e) {
      writeFileSync(paths.failed, e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (existsSync(paths.ready)) return paths.dir;
    if (existsSync(paths.failed)) return undefined;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

/**
 * The product and one browser page for a test file: started before its tests (handed to `use`),
 * stopped after them, and a screenshot `<failedShot>.png` of the page whenever a step fails.
 */
export function useProductAndBrowser(failedShot: string, use: (started: { server: Server; browser: Browser; page: Page }) => void): void {
  // A walk step drives a whole browser and server: on a busy two-core machine one can take
  // several times what it takes on an idle one, so a walk's budget is wider than a unit test's.
  vi.setConfig({ testTimeout: 90_000 });
  let started: { server: Server; browser: Browser; page: Page } | undefined;
  beforeAll(async () => {
    const { server, browser } = await startProductAndBrowser();
    const page = await (await browser.newContext()).newPage();
    // A step that fails says which locator it waited for, well within the test's own timeout.
    page.setDefaultTimeout(25_000);
    started = { server, browser, page };
    use(started);
    // The first file of a run also waits for the run's seeded data (seededTemplate).
  }, 240_000);
  // What the page looked like when a step failed: the first thing to look at.
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => (started ? shot(started.page, failedShot).catch(() => undefined) : undefined));
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.server.stop();
  });
}

export async function expectAccessible(p: Page, what: string): Promise<void> {
  // Native <option>s are painted by the browser, not by our CSS; their <select> is still checked.
  const { violations } = await new AxeBuilder({ page: p })
    .exclude('option')
    .options({ resultTypes: ['violations'] })
    .analyze();
  const found = violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
  expect(found, `axe violations on ${what}`).toEqual([]);
}

export async function shot(p: Page, name: string, fullPage = true): Promise<void> {
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** The page's h1, once the route has rendered it. */
export async function heading(p: Page, name: string | RegExp): Promise<void> {
  await p.getByRole('heading', { level: 1, name }).waitFor();
}

export async function signIn(p: Page, origin: string, email: string, password: string): Promise<void> {
  await p.goto(`${origin}/sign-in`);
  await heading(p, 'Sign in');
  await p.getByLabel('Email address').fill(email);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

/** On a phone the signed-in menu is folded behind its button: unfold it. */
export async function unfoldMenu(p: Page): Promise<void> {
  // The menu folds only on a phone (40rem in styles.css); there, wait for the shell to render it.
  if ((p.viewportSize()?.width ?? 1280) > 640) return;
  const toggle = p.getByRole('button', { name: /^Menu/ });
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** Opens a page from the main menu, unfolding it first on a phone. */
export async function openFromMenu(p: Page, name: string): Promise<void> {
  await unfoldMenu(p);
  const nav = p.getByRole('navigation', { name: 'Main' });
  // A board page's link may say how much waits there: "Applications (2)".
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = nav.getByRole('link', { name: new RegExp(`^${escaped}( \\(\\d+\\))?$`) });
  // The board's pages sit in a "Board" group that opens first.
  if (!(await link.isVisible())) await nav.locator('summary').click();
  await link.click();
}

export async function signOut(p: Page): Promise<void> {
  await unfoldMenu(p);
  await p.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out', exact: true }).click();
  await heading(p, 'Sign in');
  await p.getByText('You have signed out.').waitFor();
}

/** Fails when the page is wider than the viewport (a phone would scroll sideways). */
export async function expectNoSidewaysScroll(p: Page, what: string): Promise<void> {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}
