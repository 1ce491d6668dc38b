import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoSidewaysScroll,
  heading,
  openFromMenu,
  type Server,
  shot,
  signIn as signInAt,
  signOut,
  useProductAndBrowser,
} from './support';
import { codeSentTo, heldCodeOf } from '../../scripts/local/outbox';
import { totp, wrongCode } from '../totp';

/*
 * The whole product in a real browser: DynamoDB Local, cognito-local, the API and the built SPA
 * (npm test builds web/dist first). One applicant walks from sign-up to the directory; every page
 * she sees is checked with axe and photographed into test-results/.
 */

const applicant = {
  email: `e2e-${randomUUID().slice(0, 8)}@example.org`,
  password: 'a quiet river crossing at dawn',
  // Urdu: names arrive in any script.
  name: `ثمینہ ${randomUUID().slice(0, 4)}`,
};

let server: Server;
let browser: Browser;
let page: Page;

const signIn = (p: Page, email: string, password: string) => signInAt(p, server.origin, email, password);

useProductAndBrowser('j-failed', (started) => {
  ({ server, browser, page } = started);
});

describe('the member journey in a browser', () => {
  it('signs up a new practitioner, who applies and then waits for the board', async () => {
    await page.goto(`${server.origin}/sign-up`);
    await heading(page, 'Create an account');
    await page.getByLabel('Email address').fill(applicant.email);
    // The hint is part of the password field's description.
    await expect(page.getByLabel('Password').getAttribute('aria-describedby')).resolves.toContain('hint');
    await page.getByLabel('Password').fill(applicant.password);
    await expectAccessible(page, 'sign-up');
    await shot(page, '01-sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();

    // Local mode confirms at once and signs her in: straight to the application.
    await heading(page, 'Apply to join');
    expect(new URL(page.url()).pathname).toBe('/application');

    // Sending it empty lists every required field, each linked to its control.
    await page.getByRole('button', { name: 'Send application' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    await expect(summary.getByRole('link').count()).resolves.toBe(4);
    await expect(page.getByLabel('Name shown to members').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'application with errors');

    await page.getByLabel('Name shown to members').fill(applicant.name);
    await page.getByLabel('Practitioner').check();
    await page.getByLabel('Country where you work').selectOption('PK');
    await page.getByLabel('Your statement to the board').fill('I lead trafficking investigations in Lahore and want to learn from peers.');
    await page.getByLabel('Organisation').fill('Punjab Police');
    await page.getByLabel('Investigation', { exact: true }).check();
    await page.getByLabel('Urdu').check();
    await shot(page, '02-application');
    await page.getByRole('button', { name: 'Send application' }).click();

    await heading(page, 'Your application');
    await page.getByText('Status: Waiting for review').waitFor();
    await expectAccessible(page, 'pending');
    await shot(page, '03-pending');
  });

  it('keeps a pending member out of the directory', async () => {
    await page.goto(`${server.origin}/directory`);
    await heading(page, 'Your application');
    expect(new URL(page.url()).pathname).toBe('/pending');
    await expect(page.getByRole('link', { name: 'Directory' }).count()).resolves.toBe(0);
    // The API refuses her too, whatever the page does.
    const res = await page.request.get(`${server.origin}/api/members`);
    expect(res.status()).toBe(403);
    // Her own account is hers already: Settings offers two-step sign-in, her data and deletion
    // (no blocks: there is no one she could block yet).
    await openFromMenu(page, 'Settings');
    await heading(page, 'Settings');
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).waitFor();
    await page.getByRole('button', { name: 'Download my data' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Blocked members' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'settings while pending');
    await signOut(page);
  });

  it('shows a wrong password as an error, without saying which part was wrong', async () => {
    await signIn(page, 'board@example.org', 'not the right password at all');
    const alert = page.getByRole('alert');
    await alert.getByText('The email address or password is not right.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
    await expectAccessible(page, 'sign-in with an error');
    await shot(page, '04-sign-in-error');
  });

  it('lets the board approve her application', async () => {
    await signIn(page, 'board@example.org', 'champions-demo-2026');
    await heading(page, 'Directory');
    await openFromMenu(page, 'Applications');
    await heading(page, 'Applications');
    // Focus moves to the new page's title.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
    const card = page.locator('li.card', { has: page.getByRole('heading', { name: applicant.name }) });
    await card.waitFor();
    await card.getByText('I lead trafficking investigations in Lahore').waitFor();
    // The demo board account has no second step yet: the board's pages say why it should.
    await page.getByText('Your board account sees applications, reports and who wrote anonymous posts.', { exact: false }).waitFor();
    await expect(page.getByRole('link', { name: 'Set up two-step sign-in' }).getAttribute('href')).resolves.toBe('/settings');
    await expectAccessible(page, 'board applications');
    await shot(page, '05-board-applications');

    await card.getByRole('button', { name: /^Approve/ }).click();
    // Approving asks first; the dialog names her.
    const confirm = page.getByRole('dialog', { name: `Approve \u2068${applicant.name}\u2069?` });
    await confirm.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('status').getByText('has been approved').waitFor();
    await expect(card.count()).resolves.toBe(0);
    await signOut(page);
  });

  it('lets the approved member filter the directory and open a member page', async () => {
    await signIn(page, applicant.email, applicant.password);
    await heading(page, 'Directory');
    await page.locator('.card').first().waitFor();

    await page.getByRole('combobox', { name: 'Expertise' }).selectOption('investigation');
    await page.getByRole('button', { name: 'Show members' }).click();
    await page.waitForURL(/expertise=investigation/);
    await page
      .getByRole('status')
      .getByText(/members? shown/)
      .waitFor();
    const cards = page.locator('.card');
    await cards.first().waitFor();
    // Every member listed has the expertise (where she shows it at all).
    const tags = await cards.evaluateAll((els) => els.map((el) => el.querySelector('.tags')?.textContent ?? 'Investigation'));
    expect(tags.length).toBeGreaterThan(0);
    for (const t of tags) expect(t).toContain('Investigation');
    await expectAccessible(page, 'directory');
    await shot(page, '06-directory');

    const first = cards.first().getByRole('link');
    const name = (await first.textContent()) ?? '';
    await first.click();
    await heading(page, name);
    await page.getByRole('button', { name: 'Block this member' }).waitFor();
    await expectAccessible(page, 'member page');
    await shot(page, '07-member');

    // The block confirmation explains what blocking does before anything happens.
    await page.getByRole('button', { name: 'Block this member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Blocking works both ways').waitFor();
    await expectAccessible(page, 'block dialog');
    await shot(page, '08-block-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
  });

  it('fits a 360 px wide phone screen without horizontal scrolling, and saves her profile there', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const noSidewaysScroll = (path: string) => expectNoSidewaysScroll(page, `${path} at 360 px`);
    await page.goto(`${server.origin}/directory`);
    await heading(page, 'Directory');
    await page.locator('.card').first().waitFor();
    await noSidewaysScroll('/directory');
    await shot(page, '09-directory-360', false);

    // On a phone the menu folds behind one button, which says how much is new.
    const toggle = page.getByRole('button', { name: /^Menu/ });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('link', { name: 'My profile' }).isVisible()).resolves.toBe(false);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expectAccessible(page, 'unfolded menu at 360 px');
    await shot(page, '09b-menu-360', false);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My profile' }).click();
    await heading(page, 'My profile');
    // Moving folds it again.
    await page.locator('#nav-list').waitFor({ state: 'hidden' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    const bio = page.getByRole('textbox', { name: /About you/ });
    await bio.fill('I lead trafficking investigations and train new investigators.');
    // Discretion first: her organisation stays with the board until she widens it.
    await expect(page.getByLabel('Who can see: Organisation').inputValue()).resolves.toBe('board');
    // Her time zone: found by typing, named in words with its offset, under its canonical id.
    await page.getByRole('textbox', { name: /Find your time zone/ }).fill('kolkata');
    const zone = page.getByRole('combobox', { name: /^Time zone/ });
    await expect(zone.locator('option[value="Asia/Kolkata"]').textContent()).resolves.toMatch(/^\(GMT\+05:30\) .+ — Asia\/Kolkata$/);
    await expect(zone.locator('option[value="Asia/Calcutta"]').count()).resolves.toBe(0);
    await zone.selectOption('Asia/Kolkata');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').getByText('Your profile has been saved.').waitFor();
    await noSidewaysScroll('/profile');
    await expectAccessible(page, 'profile at 360 px');
    await shot(page, '10-profile-360', false);

    await openFromMenu(page, 'Settings');
    await heading(page, 'Settings');
    await page.getByText('You have not blocked anyone.').waitFor();
    await noSidewaysScroll('/settings');
    await expectAccessible(page, 'settings at 360 px');
    await shot(page, '11-settings-360', false);
  });
});

describe('two-step sign-in in a browser', () => {
  it('lets her turn on an authenticator app in Settings, then asks for its code at every sign-in', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.origin}/settings`);
    await heading(page, 'Settings');
    await page.getByText('Two-step sign-in is off.').waitFor();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    // Her password first: an open session alone cannot put a second factor on her account.
    await page.getByLabel('Password', { exact: true }).fill('not my password at all');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('That password is not right.').first().waitFor();
    await page.getByLabel('Password', { exact: true }).fill(applicant.password);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    // Her phone: the key as the page shows it, in groups of four.
    const key = ((await page.getByTestId('totp-key').textContent()) ?? '').replace(/\s+/g, '');
    expect(key).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoSidewaysScroll(page, 'two-step set-up at 360 px');
    await expectAccessible(page, 'two-step set-up');
    await shot(page, '12-two-step-setup-360');

    await page.getByLabel('Code from your authenticator app').fill(wrongCode(key));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByText('That code is not right. Enter the one your app shows now.').first().waitFor();
    await page.getByLabel('Code from your authenticator app').fill(totp(key));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByRole('status').getByText('Two-step sign-in is on.', { exact: false }).waitFor();
    await page.getByText('Two-step sign-in is on. Every sign-in asks for a code').waitFor();

    await signOut(page);
    await signIn(page, applicant.email, applicant.password);
    await heading(page, 'Enter your sign-in code');
    await expect(page.getByLabel('Code from your authenticator app').getAttribute('autocomplete')).resolves.toBe('one-time-code');
    await expectAccessible(page, 'sign-in code step');
    await shot(page, '13-sign-in-code-360', false);
    await page.getByLabel('Code from your authenticator app').fill(`${totp(key).slice(0, 3)} ${totp(key).slice(3)}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Directory');

    // Turning it off takes her password and a current code.
    await page.goto(`${server.origin}/settings`);
    await heading(page, 'Settings');
    await page.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
    await page.getByLabel('Password', { exact: true }).fill(applicant.password);
    await page.getByLabel('Code from your authenticator app').fill(totp(key));
    await page.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
    await page.getByText('Two-step sign-in is off. Signing in now takes only your password.').waitFor();
    await signOut(page);
    await signIn(page, applicant.email, applicant.password);
    await heading(page, 'Directory');
  });
});

describe('passwords in a browser', () => {
  it('lets her reset a forgotten password with the emailed code, and change it again in Settings', async () => {
    const interim = 'a lantern by the northern gate';
    await signOut(page);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await heading(page, 'Reset your password');
    await page.getByLabel('Email address').fill(applicant.email);
    await expectAccessible(page, 'reset password');
    const before = await heldCodeOf(server.outbox.dataDir, server.outbox.userPoolId, applicant.email);
    await page.getByRole('button', { name: 'Send the code' }).click();
    await heading(page, 'Choose a new password');
    // Local mode's outbox: the code cognito-local would have emailed (not the sign-up's, left behind).
    const code = await codeSentTo(server.outbox.dataDir, server.outbox.userPoolId, applicant.email, { replacing: before });
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel('Confirmation code').fill(code);
    await page.getByLabel('New password').fill('password1234');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('alert').getByText('common', { exact: false }).first().waitFor();
    await page.getByLabel('New password').fill(interim);
    await expectAccessible(page, 'choose a new password');
    await shot(page, '14-reset-password-360', false);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await heading(page, 'Sign in');
    await page.getByText('Your password has been changed. Sign in with the new one.').waitFor();
    await signIn(page, applicant.email, interim);
    await heading(page, 'Directory');

    await page.goto(`${server.origin}/settings`);
    await heading(page, 'Settings');
    await page.getByLabel('Current password').fill(interim);
    await page.getByLabel('New password').fill(applicant.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').getByText('Your password has been changed', { exact: false }).waitFor();
    await expectAccessible(page, 'settings after a password change');

    // A second device (another browser), then "Sign out everywhere else" from this one.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, applicant.email, applicant.password);
    await heading(otherPage, 'Directory');
    await page.reload();
    await heading(page, 'Settings');
    const devices = page.getByRole('region', { name: 'Other devices' });
    await devices.getByText(/^Another device, signed in on /).waitFor();
    await devices.getByText(/^This device, signed in on /).waitFor();
    await expectAccessible(page, 'settings with two devices');
    await shot(page, '15-settings-devices-360');
    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await page.getByRole('status').getByText('Signed out on 1 other device.').waitFor();
    await devices.getByText(/^Another device/).waitFor({ state: 'detached' });
    await otherPage.goto(`${server.origin}/profile`);
    await heading(otherPage, 'Sign in');
    await other.close();
    await page.goto(`${server.origin}/profile`);
    await heading(page, 'My profile');
    await signOut(page);
    await signIn(page, applicant.email, applicant.password);
    await heading(page, 'Directory');
  });
});
