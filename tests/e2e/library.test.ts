import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import {
  DEMO_PASSWORD,
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

/*
 * The library of good practices in a real browser, on the seeded demo network: a practitioner
 * shares a practice, which waits for the board; the board publishes it from the moderation queue;
 * the champion finds it in the library, reads it and marks it useful. Every page is checked with
 * axe and photographed into test-results/ (l-*.png).
 */

const PRACTITIONER = { email: 'practitioner@example.org' };
const CHAMPION = { email: 'champion@example.org' };
const BOARD = { email: 'board@example.org' };
const TITLE = 'Night shelter referrals through the women’s police desk';

let server: Server;
let page: Page;

const signIn = async (who: { email: string }) => {
  await signInAt(page, server.origin, who.email, DEMO_PASSWORD);
  await heading(page, 'Directory');
};

useProductAndBrowser('l-failed', (started) => {
  ({ server, page } = started);
});

describe('the library in a browser', () => {
  it('lets a practitioner share a practice, which waits for the board', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(PRACTITIONER);
    await openFromMenu(page, 'Library');
    await heading(page, 'Library of good practices');
    await expectAccessible(page, 'library');
    await expectNoSidewaysScroll(page, 'library');
    await shot(page, 'l-01-library');

    await page.getByRole('link', { name: 'Share a practice' }).click();
    await heading(page, 'Share a good practice');
    await page.getByText('The board reviews every practice before it is published').waitFor();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Summary').fill('Women officers referred women found on the street at night to a shelter, with their consent.');
    await page.getByLabel('Add a country').selectOption('AF');
    await page.getByRole('button', { name: 'Remove Afghanistan' }).waitFor();
    await page.getByLabel('Protection and assistance to victims').check();
    await page.getByLabel('What was done').fill('A rota of women officers took calls from the night patrols and arranged transport.');
    await page.getByLabel('What worked', { exact: true }).fill('Women accepted a place when a woman officer asked them.');
    await expectAccessible(page, 'practice form');
    await shot(page, 'l-02-form');
    await page.getByRole('button', { name: 'Send for review' }).click();
    await heading(page, TITLE);
    await page.getByText('This version is waiting for the board’s review.').waitFor();
    await expectAccessible(page, 'her pending practice');
    await shot(page, 'l-03-pending');
    await signOut(page);
  });

  it('lets the board publish it from the moderation queue', async () => {
    await signIn(BOARD);
    await page.goto(`${server.origin}/board/moderation`);
    await heading(page, 'Moderation');
    const card = page.locator('li.card', { hasText: TITLE });
    await card.getByRole('heading', { name: 'Practice waiting for review' }).waitFor();
    await card.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this practice' });
    await dialog.getByLabel('Reason (kept in the audit log)').fill('Practical and free of personal data.');
    await expectAccessible(page, 'publish dialog');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status').getByText('Decision saved.').waitFor();
    await card.waitFor({ state: 'detached' });
    await signOut(page);
  });

  it('lets another member find it, read it and mark it useful, once', async () => {
    await signIn(CHAMPION);
    await openFromMenu(page, 'Library');
    await heading(page, 'Library of good practices');
    await page.getByLabel('Theme', { exact: true }).selectOption('protection');
    await page.getByLabel('Country', { exact: true }).selectOption('AF');
    await page.getByRole('button', { name: 'Show practices' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await heading(page, TITLE);
    await page.getByRole('heading', { name: 'What was done' }).waitFor();
    await page.getByRole('heading', { name: 'Not marked useful yet' }).waitFor();
    await page.getByRole('button', { name: 'Mark as useful' }).click();
    await page.getByRole('heading', { name: 'Useful to 1 member' }).waitFor();
    await page.getByRole('button', { name: 'Remove my useful mark' }).waitFor();
    await expectAccessible(page, 'a published practice');
    await expectNoSidewaysScroll(page, 'a published practice');
    await shot(page, 'l-04-practice');
  });
});
