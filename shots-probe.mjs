import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:3200';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
const problems = [];
for (const [loc, w] of (process.env.SETS ?? 'ur-PK:360,ar-EG:360').split(',').map((x) => x.split(':'))) {
  const ctx = await browser.newContext({ viewport: { width: Number(w), height: 740 }, locale: loc });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`${loc} pageerror ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${loc} console ${m.text()}`); });
  await page.goto(`${BASE}/sign-in`);
  await page.locator('input[type=email]').fill('practitioner@example.org');
  await page.locator('input[type=password]').fill('champions-demo-2026');
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(/directory/);
  for (const p of (process.env.PAGES ?? '/directory,/mentors,/settings').split(',')) {
    await page.goto(`${BASE}${p}`);
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `/work/notes/shots/v-${loc}-${w}-${p.slice(1).replace(/\//g,'_')}.png` });
  }
  await ctx.close();
}
console.log(problems);
await browser.close();
