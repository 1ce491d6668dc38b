import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { onePagePdf } from '../../scripts/local/seed-files';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectNoSidewaysScroll,
  heading,
  openFromMenu,
  type Server,
  shot,
  signIn,
  signOut,
  useProductAndBrowser,
} from './support';
import type { Browser } from 'playwright-core';
import { wordsIn } from './words';

/*
 * Attachments in a real browser, on the seeded demo network, against the local S3: the board
 * attaches a PDF to an event as its material (picked, sent straight to the bucket with its
 * progress, checked), and a member downloads it, in Arabic, as a file rather than a page. Every
 * page is checked with axe and photographed at 390 and 1280 px (f-*.png).
 */

const EVENT = 'Setting a vision for your unit';
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const PDF_NAME = 'خطة العمل - Action plan.pdf';
const PDF = onePagePdf('Action plan for the unit');

let server: Server;
let browser: Browser;
let page: Page;

useProductAndBrowser('f-failed', (started) => {
  ({ server, browser, page } = started);
});

async function bothWidths(p: Page, name: string) {
  await p.setViewportSize(PHONE);
  await expectNoSidewaysScroll(p, name);
  await shot(p, `${name}-390`);
  await p.setViewportSize(LAPTOP);
  await shot(p, `${name}-1280`);
}

describe('event materials as files', () => {
  it('lets the board attach a PDF to an event, and refuses a file of a type outside the list before sending it', async () => {
    await signIn(page, server.origin, 'board@example.org', DEMO_PASSWORD);
    await heading(page, 'Directory');
    await openFromMenu(page, 'Programme');
    await heading(page, 'Programme');
    await page.getByRole('link', { name: EVENT }).click();
    await heading(page, EVENT);
    const files = page.getByRole('region', { name: 'Files to download' });
    await files.getByText('No files yet.').waitFor();

    const picker = files.getByLabel('Attach a file');
    await picker.setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<html></html>') });
    await files.getByRole('alert').getByText('This type of file cannot be attached.', { exact: false }).waitFor();

    await picker.setInputFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
    await files.getByRole('button', { name: 'Upload' }).click();
    await files.getByRole('status').getByText('is attached.', { exact: false }).waitFor();
    await files.getByRole('link', { name: PDF_NAME }).waitFor();
    await files.getByText(/^PDF · /).waitFor();
    await expectAccessible(page, 'event page with a file');
    await bothWidths(page, 'f-01-board-attached');
    await signOut(page);
  });

  it('lets a member download it, in Arabic, as the same bytes and never as a page', async () => {
    const context = await browser.newContext({ locale: 'ar-EG', viewport: LAPTOP, acceptDownloads: true });
    const p = await context.newPage();
    try {
      p.setDefaultTimeout(25_000);
      const w = await wordsIn('ar');
      await p.goto(`${server.origin}/`);
      await p.getByRole('heading', { level: 1, name: w('signIn.title') }).waitFor();
      await p.getByLabel(w('field.email')).fill('practitioner@example.org');
      await p.getByLabel(w('field.password')).fill(DEMO_PASSWORD);
      await p.getByRole('button', { name: w('signIn.submit') }).click();
      await p.getByRole('heading', { level: 1, name: w('directory.title') }).waitFor();
      await expect(p.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
      await p.goto(`${server.origin}/events`);
      await p.getByRole('link', { name: EVENT }).click();
      await p.getByRole('heading', { level: 1, name: EVENT }).waitFor();
      const link = p.getByRole('link', { name: PDF_NAME });
      await link.waitFor();
      await p.getByRole('heading', { level: 2, name: w('files.materialsHeading') }).waitFor();
      await expectAccessible(p, 'event page in Arabic');
      await bothWidths(p, 'f-02-member-arabic');
      const [download] = await Promise.all([p.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(PDF_NAME);
      expect(new Uint8Array(readFileSync((await download.path()) ?? ''))).toEqual(PDF);
      // Still on the event: the file was saved, not opened in the tab.
      await p.getByRole('heading', { level: 1, name: EVENT }).waitFor();
    } finally {
      await context.close();
    }
  });
});
