import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectNoSidewaysScroll,
  heading,
  type Server,
  shot,
  signIn,
  signOut,
  useProductAndBrowser,
} from './support';

/*
 * Settings → Email in a real browser, on the seeded demo network, on a phone and on a laptop:
 * a member turns email on, chooses a weekly digest in detailed words, saves, reloads and finds
 * her choice kept. Each page is checked with axe and photographed into test-results/ (email-*.png).
 */

let server: Server;
let page: Page;

useProductAndBrowser('email-failed', (started) => {
  ({ server, page } = started);
});

const SIZES = [
  { name: 'phone', size: { width: 390, height: 844 }, email: 'practitioner@example.org' },
  { name: 'laptop', size: { width: 1280, height: 800 }, email: 'champion@example.org' },
] as const;

describe('Settings → Email in a browser', () => {
  for (const { name, size, email } of SIZES) {
    it(`turns email on, weekly and detailed, and keeps it after a reload (${size.width} px)`, async () => {
      await page.setViewportSize(size);
      await signIn(page, server.origin, email, DEMO_PASSWORD);
      await heading(page, 'Directory');
      await page.goto(`${server.origin}/settings#email`);
      await heading(page, 'Settings');
      const section = page.getByRole('region', { name: 'Email', exact: true });
      const enabled = section.getByRole('switch', { name: 'Send me emails' });
      await enabled.waitFor();
      // Off by default; the choices show only once it is on.
      await expect(enabled.isChecked()).resolves.toBe(false);
      await expect(section.getByRole('radio', { name: 'Weekly' }).count()).resolves.toBe(0);

      await enabled.check();
      await section.getByRole('radio', { name: 'Weekly' }).check();
      await section.getByRole('radio', { name: 'Detailed' }).check();
      // What each wording looks like in an inbox: the neutral one names nothing.
      await section.getByText('You have new notices', { exact: true }).waitFor();
      await section.getByRole('button', { name: 'Save email settings' }).click();
      await section.getByRole('status').getByText('Saved. Email is on.').waitFor();
      await expectAccessible(page, `settings, email on (${name})`);
      await expectNoSidewaysScroll(page, `settings, email (${name})`);
      await shot(page, `email-settings-${name}`);

      await page.reload();
      await heading(page, 'Settings');
      const again = page.getByRole('region', { name: 'Email', exact: true });
      await again.getByRole('radio', { name: 'Weekly' }).waitFor();
      await expect(again.getByRole('switch', { name: 'Send me emails' }).isChecked()).resolves.toBe(true);
      await expect(again.getByRole('radio', { name: 'Weekly' }).isChecked()).resolves.toBe(true);
      await expect(again.getByRole('radio', { name: 'Detailed' }).isChecked()).resolves.toBe(true);
      await expect(again.getByRole('radio', { name: 'Daily' }).isChecked()).resolves.toBe(false);
      await signOut(page);
    });
  }
});
