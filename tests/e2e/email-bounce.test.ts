import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, heading, type Server, shot, signIn, useProductAndBrowser } from './support';
import { wordsIn } from './words';

/*
 * A bounce end to end (issue 13), on the seeded demo network: the practitioner turns email on;
 * SES reports that her address bounced for good (fed to the email-events handler as SNS would);
 * she finds, in the app, that email was turned off and why, in her language, and the notice
 * leads her to Settings → Email. Checked with axe, photographed (eb-*.png).
 */

const PRACTITIONER = 'practitioner@example.org';
const PREFERENCES = '/api/members/me/preferences';

let server: Server;
let browser: Browser;
let page: Page;

useProductAndBrowser('eb-failed', (started) => {
  ({ server, browser, page } = started);
});

/** The event SES's configuration set publishes for a permanent bounce of an email tagged with her id. */
function permanentBounce(memberId: string): string {
  return JSON.stringify({
    eventType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [{ emailAddress: PRACTITIONER, action: 'failed', status: '5.1.1' }],
      timestamp: new Date().toISOString(),
      feedbackId: randomUUID(),
    },
    mail: { messageId: `0107018f${randomUUID().replaceAll('-', '')}-000000`, tags: { member: [memberId] } },
  });
}

async function preferences() {
  const res = await page.request.get(`${server.origin}${PREFERENCES}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { locale: string; email: { enabled: boolean }; version: number };
}

async function savePreferences(body: unknown) {
  const res = await page.request.put(`${server.origin}${PREFERENCES}`, { data: body, headers: { origin: server.origin } });
  expect(res.status(), `preferences answered ${res.status()}`).toBe(200);
}

describe('a bounce, as the member sees it', () => {
  it('turns her email off and tells her in the app, with a way back to her email settings', async () => {
    await signIn(page, server.origin, PRACTITIONER, DEMO_PASSWORD);
    await heading(page, 'Directory');
    const before = await preferences();
    await savePreferences({ locale: 'en', email: { enabled: true }, version: before.version });
    const me = (await (await page.request.get(`${server.origin}/api/me`)).json()) as { id: string };

    // The server's own process holds the settings of the local services (set by startServer).
    const { handleEmailEvent } = await import('../../functions/email/bounces');
    expect(await handleEmailEvent(permanentBounce(me.id))).toBe('email.off');
    expect((await preferences()).email.enabled).toBe(false);

    await page.goto(`${server.origin}/notifications`);
    await heading(page, 'Notifications');
    const notice = page.getByRole('listitem').filter({ hasText: 'Email is off' });
    await expect.poll(() => notice.count()).toBe(1);
    await expectAccessible(page, 'notifications with the email-off notice');
    await shot(page, 'eb-notice-en');

    await notice.getByRole('link', { name: 'Open' }).click();
    await page.waitForURL(/\/settings#email$/);
    await heading(page, 'Settings');
    await shot(page, 'eb-settings');
  });

  it('words the notice in Arabic, right to left, on a phone whose browser reads Arabic', async () => {
    const w = await wordsIn('ar');
    const context = await browser.newContext({ locale: 'ar', viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    phone.setDefaultTimeout(25_000);
    try {
      await phone.goto(`${server.origin}/sign-in`);
      await phone.getByLabel(w('field.email')).fill(PRACTITIONER);
      await phone.getByLabel(w('field.password')).fill(DEMO_PASSWORD);
      await phone.getByRole('button', { name: w('signIn.submit') }).click();
      await phone.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      // She chose English in the first walk; she now chooses Arabic, as in Settings.
      const { version } = (await (await phone.request.get(`${server.origin}${PREFERENCES}`)).json()) as { version: number };
      const saved = await phone.request.put(`${server.origin}${PREFERENCES}`, {
        data: { locale: 'ar', version },
        headers: { origin: server.origin },
      });
      expect(saved.status()).toBe(200);
      await phone.goto(`${server.origin}/notifications`);
      await phone.getByRole('heading', { level: 1, name: w('notifications.title') }).waitFor();
      await expect.poll(() => phone.getByText(w('notifications.type.email.off')).count()).toBe(1);
      expect(await phone.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expectAccessible(phone, 'notifications in Arabic');
      await shot(phone, 'eb-notice-ar');
    } finally {
      await context.close();
    }
  });
});
