import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, heading, type Server, useProductAndBrowser } from './support';

/*
 * A member who uses no pointer: every step of sign in → find a mentor → ask for mentoring → read a
 * thread → report a post is reached with Tab (and Shift+Tab) and done with Enter or Space, and
 * focus is always somewhere she can see.
 */

let server: Server;
let page: Page;
useProductAndBrowser('keyboard-failed', (s) => {
  server = s.server;
  page = s.page;
});

/** Presses Tab until `target` has focus (at most `limit` times), as a keyboard user moves through the page. */
async function tabTo(target: Locator, limit = 120): Promise<void> {
  await target.first().waitFor();
  for (let i = 0; i < limit; i++) {
    if (await target.first().evaluate((el) => el === document.activeElement)) {
      // What has focus shows it: a keyboard user must see where she is.
      const outline = await target.first().evaluate((el) => {
        const s = getComputedStyle(el);
        return s.outlineStyle !== 'none' && s.outlineWidth !== '0px' ? s.outlineStyle : s.boxShadow;
      });
      expect(outline, 'focus is visible').not.toMatch(/^(none)?$/);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

describe('a keyboard-only journey', () => {
  it('signs in, finds a mentor, asks for mentoring, reads a thread and reports a post, with the keyboard alone', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.origin}/sign-in`);
    await heading(page, 'Sign in');

    await tabTo(page.getByLabel('Email address'));
    await page.keyboard.type('practitioner@example.org');
    await tabTo(page.getByLabel('Password'));
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await heading(page, 'Directory');

    await tabTo(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find a mentor' }));
    await page.keyboard.press('Enter');
    await heading(page, 'Find a mentor');

    await tabTo(page.getByRole('button', { name: /^Ask .+ for mentoring$/ }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await tabTo(dialog.getByLabel('Your message'));
    await page.keyboard.type('I would like to learn how you built your unit’s case files.');
    await tabTo(dialog.getByRole('button', { name: 'Send request' }));
    await page.keyboard.press('Enter');
    await page.getByText(/Your request has been sent to/).waitFor();

    await tabTo(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Discussions' }));
    await page.keyboard.press('Enter');
    await heading(page, 'Discussions');
    await tabTo(page.locator('.card').first().getByRole('link').first());
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Threads' }).waitFor();
    await tabTo(page.locator('.card').first().getByRole('link').first());
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/threads\//);

    await tabTo(page.locator('li.post').nth(2).getByRole('button', { name: 'Report', exact: true }));
    await page.keyboard.press('Enter');
    const report = page.getByRole('dialog');
    await report.waitFor();
    await tabTo(report.getByRole('radio', { name: 'Off topic' }).or(report.getByRole('radio').first()));
    await page.keyboard.press('Space');
    await tabTo(report.getByRole('button', { name: 'Send report' }));
    await page.keyboard.press('Enter');
    await page.getByText(/The board will look at it/).waitFor();
  });
});
