import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectNoSidewaysScroll,
  heading,
  type Server,
  shot,
  signIn,
  useProductAndBrowser,
} from './support';

/*
 * The conversation of a mentorship in a real browser (issue 12): the practitioner writes to her
 * mentor and proposes two times in her own time zone; the champion sees an unread conversation in
 * his menu, accepts one time, and both download the meeting as a neutral calendar file. Every page
 * is checked with axe and photographed into test-results/ (c-*.png).
 */

const PRACTITIONER = { email: 'practitioner@example.org' };
const CHAMPION = { email: 'champion@example.org', name: 'Carlos Mendes' };

let server: Server;
let browser: Browser;
let page: Page;
let champion: Page;
let mentorshipPath = '';

useProductAndBrowser('c-failed', (started) => {
  ({ server, browser, page } = started);
});

const url = (path: string) => `${server.origin}${path}`;

/** A day and hour a few days ahead, as a `datetime-local` value (read in her time zone by the app). */
function ahead(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

async function calendarText(p: Page): Promise<string> {
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'Add to my calendar (.ics)' }).click()]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

describe('a conversation between mentor and mentee', () => {
  it('lets the practitioner write to her mentor and propose meeting times', async () => {
    // The mentorship itself is the mentorship walk's subject: here it is asked and accepted through the API.
    champion = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(champion, server.origin, CHAMPION.email, DEMO_PASSWORD);
    await heading(champion, 'Directory');
    const championId = (await (await champion.request.get(url('/api/me'))).json()).id as string;
    await signIn(page, server.origin, PRACTITIONER.email, DEMO_PASSWORD);
    await heading(page, 'Directory');
    const asked = await page.request.post(url('/api/mentorships'), {
      data: {
        mentorId: championId,
        message: 'Could you mentor me on joint investigations?',
        goals: { shortTerm: 'Lead a case', mediumTerm: '', longTerm: '' },
      },
    });
    expect(asked.status()).toBe(201);
    const id = (await asked.json()).id as string;
    expect((await champion.request.post(url(`/api/mentorships/${id}/accept`))).status()).toBe(200);
    mentorshipPath = `/mentorships/${id}`;

    await page.goto(url(mentorshipPath));
    const panel = page.getByRole('region', { name: 'Conversation' });
    await panel.getByText('No messages yet. Write the first one below.').waitFor();
    await panel.getByLabel('Your message').fill('Thank you for accepting. Could we meet about **victim interviews**?');
    await panel.getByLabel('Propose meeting times').check();
    await panel.getByLabel('Time 1').fill(ahead(3, 9));
    await panel.getByLabel('Time 2').fill(ahead(4, 15));
    await expectAccessible(page, 'conversation with the composer open');
    await panel.getByRole('button', { name: 'Send' }).click();
    await panel.getByText('Your message was sent.').waitFor();
    const mine = panel.locator('li.message');
    await mine.getByText('victim interviews').waitFor();
    await expect(mine.locator('strong', { hasText: 'victim interviews' }).count()).resolves.toBe(1);
    await mine.getByText('Waiting for the other member to choose a time.').waitFor();
    await expectAccessible(page, 'conversation with a proposal');
    await shot(page, 'c-01-proposed');
  });

  it('shows the mentor an unread conversation; he accepts a time and downloads it', async () => {
    await champion.goto(url('/directory'));
    const nav = champion.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Mentorships (1 unread conversation)' }).waitFor();
    await champion.goto(url(mentorshipPath));
    const panel = champion.getByRole('region', { name: 'Conversation' });
    const accept = panel.getByRole('button', { name: /^Accept / }).first();
    await accept.waitFor();
    await accept.click();
    await panel.getByText(/^Meeting agreed for /).waitFor();
    await panel.getByText(/^Meeting agreed: /).waitFor();
    // Opening it cleared his own marker; nothing tells her he read it.
    await nav.getByRole('link', { name: 'Mentorships', exact: true }).waitFor();
    await expectAccessible(champion, 'conversation with an agreed meeting (mentor)');
    await shot(champion, 'c-02-accepted');
    const ics = await calendarText(champion);
    expect(ics).toMatch(/SUMMARY:Meeting/);
    expect(ics).not.toMatch(/Carlos|Sadia|Champions/);
  });

  it('shows her the agreed meeting, with the same calendar file, on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url(mentorshipPath));
    const panel = page.getByRole('region', { name: 'Conversation' });
    await panel.getByText(/^Meeting agreed: /).waitFor();
    await expect(panel.getByText('Waiting for the other member to choose a time.').count()).resolves.toBe(0);
    await expectNoSidewaysScroll(page, 'conversation at 390 px');
    await expectAccessible(page, 'conversation with an agreed meeting (mentee, phone)');
    await shot(page, 'c-03-agreed-phone');
    const ics = await calendarText(page);
    expect(ics).toMatch(/SUMMARY:Meeting/);
    await champion.context().close();
  });
});
