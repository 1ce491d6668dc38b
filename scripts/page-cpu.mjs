/*
 * A page's main-thread CPU on a first load, for comparing two builds on a busy machine, where
 * Lighthouse's wall-clock figures move by ±10 points with the load. It traces Debian's Chromium
 * loading a page of the app that `npm start` serves, and reads the CPU time (not the wall time) of
 * each renderer task: `tbt4` is Lighthouse's Total Blocking Time estimated from it (each task after
 * the first contentful paint, ×4 as Lighthouse's mobile throttling, less 50 ms). Not a budget: the
 * budgets are Lighthouse's, in `npm run bench`.
 *
 *   node scripts/page-cpu.mjs http://127.0.0.1:3000 /directory 5     (/sign-in, /mentors, thread, …)
 *
 * Signed in as the demo practitioner for every page but /sign-in; `thread` opens the members'
 * lounge's first thread. Prints the medians of the runs, and each run's tbt4.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [origin = 'http://127.0.0.1:3000', which = '/directory', runs = '5'] = process.argv.slice(2);
const password = process.env.DEMO_PASSWORD ?? 'champions-demo-2026';

async function once() {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${origin}/config.json`);
    let path = which;
    if (which !== '/sign-in' && which !== '/') {
      const thread = await page.evaluate(async (password) => {
        const res = await fetch('/api/auth/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'practitioner@example.org', password }),
        });
        if (!res.ok) throw new Error(`sign-in answered ${res.status}`);
        return (await (await fetch('/api/spaces/members/threads')).json()).items[0].id;
      }, password);
      if (which === 'thread') path = `/threads/${thread}`;
    }
    const file = join(tmpdir(), `page-cpu-${process.pid}.json`);
    await browser.startTracing(page, {
      path: file,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'blink.user_timing'],
    });
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await page.waitForTimeout(2500);
    await browser.stopTracing();
    const events = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
    unlinkSync(file);
    const fcp = events
      .filter((e) => e.name === 'firstContentfulPaint')
      .sort((a, b) => a.ts - b.ts)
      .at(-1);
    if (!fcp) throw new Error('no first contentful paint in the trace');
    const start = events
      .filter((e) => e.name === 'navigationStart' && e.ts <= fcp.ts)
      .sort((a, b) => a.ts - b.ts)
      .at(-1);
    if (!start) throw new Error('no navigation start in the trace');
    const tasks = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= start.ts);
    const after = tasks.filter((t) => t.ts >= fcp.ts);
    const cpu = (t) => (t.tdur ?? t.dur) / 1000;
    return {
      fcp: Math.round((fcp.ts - start.ts) / 1000),
      tbt4: Math.round(after.reduce((s, t) => s + Math.max(0, 4 * cpu(t) - 50), 0)),
      cpuAll: Math.round(tasks.reduce((s, t) => s + cpu(t), 0)),
      cpuAfter: Math.round(after.reduce((s, t) => s + cpu(t), 0)),
      longest: Math.round(Math.max(0, ...after.map(cpu))),
    };
  } finally {
    await browser.close();
  }
}

const out = [];
for (let i = 0; i < Number(runs); i++) out.push(await once());
const median = (k) => out.map((o) => o[k]).sort((a, b) => a - b)[Math.floor(out.length / 2)];
const keys = ['fcp', 'tbt4', 'cpuAll', 'cpuAfter', 'longest'];
console.log(which, Object.fromEntries(keys.map((k) => [k, median(k)])), 'tbt4 per run:', out.map((o) => o.tbt4).join(' '));
