import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
 * The programme in a real browser, on the seeded demo network: the practitioner registers for a
 * part of the series "Leadership and vision", downloads its calendar file (neutral unless she asks
 * for the full title) and sees it in her agenda; she gives feedback on the part she attended; the
 * board creates an event with a waiting list, marks attendance and reads the feedback. Every page
 * is checked with axe and photographed at 390 and 1280 px (e-*.png), in English and in Arabic.
 */

const PRACTITIONER = { email: 'practitioner@example.org' };
const BOARD = { email: 'board@example.org' };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

let server: Server;
let page: Page;

const signIn = async (who: { email: string }) => {
  await signInAt(page, server.origin, who.email, DEMO_PASSWORD);
  await heading(page, 'Directory');
};

/** Photographs the page at phone and laptop widths, and checks a phone never scrolls sideways. */
async function bothWidths(name: string) {
  await page.setViewportSize(PHONE);
  await expectNoSidewaysScroll(page, name);
  await shot(page, `${name}-390`);
  await page.setViewportSize(LAPTOP);
  await shot(page, `${name}-1280`);
}

useProductAndBrowser('e-failed', (started) => {
  ({ server, page } = started);
});

describe('the programme in a browser', () => {
  it('lets the practitioner register for a part of the series and download a neutral calendar file', async () => {
    await signIn(PRACTITIONER);
    await openFromMenu(page, 'Programme');
    await heading(page, 'Programme');
    const card = page.locator('li.card', { has: page.getByRole('link', { name: 'Your strengths and how to use them' }) });
    await card.getByText('Part 4 of 4').waitFor();
    await card.getByText('Places left: 40').waitFor();
    await expectAccessible(page, 'programme');
    await bothWidths('e-01-programme');

    await card.getByRole('link', { name: 'Your strengths and how to use them' }).click();
    await heading(page, 'Your strengths and how to use them');
    await page.getByText('Your progress: 1 of 4.').waitFor();
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('status').getByText('You are registered. The event is in your agenda.').waitFor();
    // The join link only appears from 30 minutes before the start.
    await page.getByText(/The link to join appears here from/).waitFor();
    await expect(page.getByRole('link', { name: 'Join the event' }).count()).resolves.toBe(0);

    const full = page.getByLabel('Use the full title');
    await expect(full.isChecked()).resolves.toBe(false);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the calendar file' }).click(),
    ]);
    const ics = readFileSync((await download.path()) ?? '', 'utf8');
    expect(ics).toContain('SUMMARY:Meeting');
    expect(ics).not.toMatch(/strengths|Leadership|meet\.example|DESCRIPTION|ORGANIZER/i);
    await expectAccessible(page, 'event page, registered');
    await bothWidths('e-02-event-registered');

    // The series: its four parts in order, and how far she has come.
    await page.getByRole('link', { name: /Series: .*Leadership and vision/ }).click();
    await heading(page, 'Leadership and vision');
    await page.getByText('Your progress: 1 of 4.').waitFor();
    await expect(page.locator('li.card').count()).resolves.toBe(4);
    await expectAccessible(page, 'series');
    await bothWidths('e-02b-series');
  });

  it('shows her agenda with the parts she registered for', async () => {
    await openFromMenu(page, 'Programme');
    await page.getByRole('link', { name: 'My agenda' }).click();
    await heading(page, 'My agenda');
    for (const title of [
      'Setting a vision for your unit',
      'Goals for the short, medium and long term',
      'Your strengths and how to use them',
    ])
      await page.getByRole('link', { name: title }).waitFor();
    await expectAccessible(page, 'agenda');
    await bothWidths('e-03-agenda');
  });

  it('takes her feedback on the part she attended, once', async () => {
    await openFromMenu(page, 'Programme');
    await page.getByLabel('Past').check();
    await page.getByRole('link', { name: 'Leading a team under pressure' }).click();
    await heading(page, 'Leading a team under pressure');
    await page.getByText('You attended').waitFor();
    await page.getByRole('button', { name: 'Send my feedback' }).click();
    // No rating chosen: the error summary says so and leads to the field.
    await page.getByRole('alert').getByText('Choose a rating from 1 to 5.').first().waitFor();
    await expectAccessible(page, 'feedback with an error');
    await page.getByRole('group', { name: 'How useful was it for you?' }).getByLabel('4').check();
    await page.getByLabel('Comment').fill('Useful, I would like more examples.');
    await page.getByRole('button', { name: 'Send my feedback' }).click();
    await page.getByText('Thank you for your feedback.').waitFor();
    await bothWidths('e-04-feedback');
    await signOut(page);
  });

  it('lets the board create an event with a waiting list, mark attendance and read the feedback', async () => {
    await signIn(BOARD);
    await openFromMenu(page, 'Programme events');
    await heading(page, 'Programme events');
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'New event' }) });
    await form.getByRole('button', { name: 'Create the event' }).click();
    await form.getByText('Fill this in.').first().waitFor();
    await expectAccessible(page, 'new event with errors');
    await form.getByLabel('Title', { exact: true }).fill('Cross-border cooperation: a case clinic');
    await form.getByLabel('Starts').fill('2030-03-10T10:00');
    await form.getByLabel('Ends').fill('2030-03-10T11:30');
    await form.getByLabel('Places').fill('1');
    await form.getByLabel('Link to join').fill('https://meet.example.org/case-clinic');
    await form.getByRole('button', { name: 'Create the event' }).click();
    await form.getByText('The event is created.').waitFor();
    await bothWidths('e-05-board-new-event');
    await form.getByRole('link', { name: 'Open it' }).click();
    await heading(page, 'Cross-border cooperation: a case clinic');
    await page.getByText('Places left: 1').first().waitFor();

    // The seeded small webinar is full: its waiting list shows, in order.
    await openFromMenu(page, 'Programme');
    await page.getByRole('link', { name: 'Interviewing survivors with care' }).click();
    await page.getByText('Full. Waiting list: 2').first().waitFor();
    await page.getByRole('heading', { name: 'Waiting list, in order' }).waitFor();
    await expectAccessible(page, 'event with a waiting list');
    await bothWidths('e-06-waiting-list');

    // The past part: attendance marked, and the feedback read.
    await openFromMenu(page, 'Programme');
    await page.getByLabel('Past').check();
    await page.getByRole('link', { name: 'Leading a team under pressure' }).click();
    const attended = page.getByRole('group', { name: 'Who attended' });
    await attended.getByRole('checkbox').first().waitFor();
    await expect(attended.getByRole('checkbox').count()).resolves.toBe(2);
    await attended.getByRole('checkbox').first().uncheck();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText('Attendance saved.').waitFor();
    await attended.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText('Answers: 2. Average: 4.5 of 5.').waitFor();
    await page.getByText('Useful, I would like more examples.').waitFor();
    await expectAccessible(page, 'attendance and feedback');
    await bothWidths('e-07-attendance-feedback');

    await openFromMenu(page, 'Programme events');
    await page.getByText(/registered: 2, attended: 2, answers: 2, average: 4\.5/).waitFor();
    await bothWidths('e-08-series-feedback');
  });

  it('reads right to left in Arabic', async () => {
    await openFromMenu(page, 'Programme');
    await page.locator('#language-switcher').selectOption('ar');
    await page.locator('html[dir="rtl"]').waitFor();
    await heading(page, 'البرنامج');
    await expectAccessible(page, 'programme in Arabic');
    await bothWidths('e-09-programme-ar');
    await page.getByRole('link', { name: 'Interviewing survivors with care' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interviewing survivors with care' }).waitFor();
    await bothWidths('e-10-event-ar');
  });
});
