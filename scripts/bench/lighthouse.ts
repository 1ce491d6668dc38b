import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
// Lighthouse drives Chrome through puppeteer-core (its own dependency, the same copy); the bench
// uses it only to sign a page in before Lighthouse audits it, so the session's cookies are real
// browser cookies (the app reads `cn_in` from document.cookie, which an extra header would not set).
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { freePort } from '../local/services';
import { startChild, stopChild } from './discussion';
import { KB, type Budget, type Row, type Section, atLeast, atMost, fmtKB, median } from './report';

/*
 * Lighthouse 12 on the built app served by the real local product (scripts/start.ts), as a member
 * on a cheap phone meets it: the mobile form factor with Lighthouse's default (simulated)
 * throttling, in Debian's Chromium. Sign-in and the landing page are audited signed out; the
 * directory, a thread and find-a-mentor signed in as the demo practitioner.
 */

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

export const LIGHTHOUSE_BUDGETS = { performance: 98, accessibility: 100, bestPractices: 100, firstLoadBytes: 100 * KB } as const;

/** `endsOn`: where the app takes a visitor who opens `path` (the landing page sends her on). */
type Audited = { name: string; path: string; signedIn: boolean; endsOn?: string };

type Scores = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  bytes: number;
  /** What cost points, for the findings (failed audits outside performance's metrics). */
  failing: string[];
};

function scoresOf(lhr: Result): Scores {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const failing = ['accessibility', 'best-practices']
    .flatMap((c) => lhr.categories[c]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => {
      // The first element an audit found, so the finding says where to look.
      const details = lhr.audits[ref.id]?.details;
      const first = details && 'items' in details ? details.items[0] : undefined;
      const node = first && typeof first === 'object' && 'node' in first ? first.node : undefined;
      const selector = node && typeof node === 'object' && 'selector' in node ? String(node.selector) : '';
      return selector ? `${ref.id} (${selector})` : ref.id;
    });
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: num('largest-contentful-paint'),
    tbtMs: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    bytes: num('total-byte-weight'),
    failing,
  };
}

/** Signs the browser in as a demo account the way the app does: a POST from the site's own origin. */
async function signIn(page: Page, origin: string, email: string, password: string): Promise<string> {
  // config.json is a page of the origin that loads no app code, so nothing is cached before the audit.
  await page.goto(`${origin}/config.json`);
  return page.evaluate(
    async (email, password) => {
      const res = await fetch('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (!res.ok) throw new Error(`sign-in answered ${res.status}`);
      // A thread in the members' lounge, which every member may read.
      const threads = await (await fetch('/api/spaces/members/threads')).json();
      const id = threads.items?.[0]?.id;
      if (typeof id !== 'string') throw new Error('no seeded thread in the members’ lounge');
      return id;
    },
    email,
    password,
  );
}

/** Lighthouse could not record the page (NO_NAVSTART and the like, seen on a loaded machine): worth one more try. */
class RuntimeError extends Error {}

async function audit(browser: Browser, port: number, url: string, signedIn: boolean, endsOn: string): Promise<Scores> {
  try {
    return await auditOnce(browser, port, url, signedIn, endsOn);
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    return auditOnce(browser, port, url, signedIn, endsOn);
  }
}

async function auditOnce(browser: Browser, port: number, url: string, signedIn: boolean, endsOn: string): Promise<Scores> {
  const page = await browser.newPage();
  try {
    if (signedIn) {
      // Lighthouse's storage reset would clear the session's cookies too; clear the cache instead,
      // so the audit is still a first load.
      const cdp = await page.createCDPSession();
      await cdp.send('Network.clearBrowserCache');
      await cdp.detach();
    }
    const result = await lighthouse(
      url,
      {
        port,
        output: 'json',
        logLevel: 'error',
        disableStorageReset: signedIn,
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      },
      undefined,
      page,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new RuntimeError(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
    const finalUrl = result.lhr.finalDisplayedUrl;
    if (new URL(finalUrl).pathname !== endsOn) throw new Error(`${url} ended on ${finalUrl}: not the page meant`);
    // The whole report, for reading where a page's time and bytes go (treemap, long tasks, bootup).
    const reports = process.env.BENCH_LIGHTHOUSE_REPORTS;
    if (reports) {
      mkdirSync(reports, { recursive: true });
      writeFileSync(
        join(reports, `${new URL(url).pathname.replace(/\W+/g, '_') || 'root'}-${Date.now()}.json`),
        JSON.stringify(result.lhr),
      );
    }
    return scoresOf(result.lhr);
  } finally {
    await page.close();
  }
}

const score = (label: string, actual: number, limit: number): Budget => atLeast(actual, limit, 'score', `${label} ≥ ${limit}`);

export const lighthouseSection: Section = {
  id: 'lighthouse',
  title: 'Lighthouse (mobile)',
  async run(ctx) {
    // The product runs in its own process (posting-server.ts, as `npm start` runs it): the API
    // reads its configuration once, at import, so a server started in the bench process would
    // leave its stopped endpoints to the sections after this one.
    const { child, ready: server } = await startChild(ctx, {
      BENCH_PORT: String(await freePort()),
      BENCH_TRIVIAL_PORT: String(await freePort()),
    });
    const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS }).catch(async (e: unknown) => {
      await stopChild(child);
      throw e;
    });
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const rows: Row[] = [];
    const findings: string[] = [];
    const data: Record<string, unknown> = {};
    try {
      const practitioner = server.practitioner;
      if (!practitioner) throw new Error('no demo practitioner account');
      const signedOut: Audited[] = [
        { name: 'sign-in', path: '/sign-in', signedIn: false },
        { name: 'landing', path: '/', signedIn: false, endsOn: '/sign-in' },
      ];
      // The signed-out pages go first: signing in gives the whole browser the session's cookies.
      const measure = async (p: Audited) => {
        ctx.log(`lighthouse ${p.name} (${p.path})`);
        const url = `${server.origin}${p.path}`;
        const first = await audit(browser, chrome.port, url, p.signedIn, p.endsOn ?? p.path);
        const runs = [first.performance];
        // One run is noisy on a shared machine: a miss is measured twice more and the median kept.
        if (first.performance < LIGHTHOUSE_BUDGETS.performance)
          for (let i = 0; i < 2; i++) runs.push((await audit(browser, chrome.port, url, p.signedIn, p.endsOn ?? p.path)).performance);
        return { p, s: { ...first, performance: median(runs) }, runs };
      };
      const measured = [];
      for (const p of signedOut) measured.push(await measure(p));
      const signInPage = await browser.newPage();
      const threadId = await signIn(signInPage, server.origin, practitioner, server.password);
      await signInPage.close();
      const signedIn: Audited[] = [
        { name: 'directory', path: '/directory', signedIn: true },
        { name: 'thread', path: `/threads/${threadId}`, signedIn: true },
        { name: 'find a mentor', path: '/mentors', signedIn: true },
      ];
      for (const p of signedIn) measured.push(await measure(p));
      for (const { p, s, runs } of measured) {
        const perfNote = runs.length > 1 ? ` (median of ${runs.length}: ${runs.join(', ')})` : '';
        data[p.name] = { ...s, performanceRuns: runs };
        if (s.failing.length) findings.push(`${p.name}: ${s.failing.join(', ')}`);
        rows.push(
          {
            name: `${p.name} performance`,
            display: `${s.performance}${perfNote} · LCP ${(s.lcpMs / 1000).toFixed(2)} s · TBT ${Math.round(s.tbtMs)} ms · CLS ${s.cls.toFixed(3)}`,
            value: s.performance,
            unit: 'score',
            budget: score('performance', s.performance, LIGHTHOUSE_BUDGETS.performance),
          },
          {
            name: `${p.name} accessibility`,
            display: String(s.accessibility),
            value: s.accessibility,
            unit: 'score',
            budget: score('accessibility', s.accessibility, LIGHTHOUSE_BUDGETS.accessibility),
          },
          {
            name: `${p.name} best practices`,
            display: String(s.bestPractices),
            value: s.bestPractices,
            unit: 'score',
            budget: score('best practices', s.bestPractices, LIGHTHOUSE_BUDGETS.bestPractices),
          },
          {
            name: `${p.name} first load (transferred)`,
            display: fmtKB(s.bytes),
            value: s.bytes,
            unit: 'bytes',
            budget: atMost(s.bytes, LIGHTHOUSE_BUDGETS.firstLoadBytes, 'bytes', `≤ ${LIGHTHOUSE_BUDGETS.firstLoadBytes / KB} kB`),
          },
        );
      }
    } finally {
      await browser.disconnect();
      chrome.kill();
      await stopChild(child);
    }
    return { rows, findings, data };
  },
};
