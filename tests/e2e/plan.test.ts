import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectNoSidewaysScroll,
  heading,
  type Server,
  shot,
  signIn as signInAt,
  signOut,
  useProductAndBrowser,
} from './support';

/*
 * The personal development plan end to end (issue 12), on the seeded demo network: the
 * practitioner writes her plan and shares it with her mentor, prints it; the champion reads it
 * read-only from their mentorship and links a check-in to one of her goals, which her plan then
 * shows under that goal. Every page is checked with axe and photographed (p-*.png).
 */

const PRACTITIONER = { email: 'practitioner@example.org', name: 'Sadia Rahimi' };
const CHAMPION = { email: 'champion@example.org', name: 'Carlos Mendes' };
const GOAL = 'Testify with confidence in court';

let server: Server;
let page: Page;
let mentorshipId = '';

const iso = (name: string) => `\u2068${name}\u2069`;
const signIn = async (who: { email: string }) => {
  await signInAt(page, server.origin, who.email, DEMO_PASSWORD);
  await heading(page, 'Directory');
};
/** A write through the API as the signed-in member, for the steps this walk does not test. */
const post = async (path: string, data?: unknown) => {
  const res = await page.request.post(`${server.origin}${path}`, { data, headers: { origin: server.origin } });
  expect(res.status(), `${path} answered ${res.status()}`).toBeLessThan(300);
  return res.json();
};

useProductAndBrowser('p-failed', (started) => {
  ({ server, page } = started);
});

describe('the development plan in a browser', () => {
  it('sets up an accepted mentorship between the practitioner and the champion', async () => {
    await signIn(PRACTITIONER);
    const champions = await (await page.request.get(`${server.origin}/api/members?kind=champion&limit=50`)).json();
    const carlos = champions.items.find((m: { displayName: string }) => m.displayName === CHAMPION.name);
    mentorshipId = (await post('/api/mentorships', { mentorId: carlos.id, message: 'Would you mentor me?' })).id;
    await signOut(page);
    await signIn(CHAMPION);
    await post(`/api/mentorships/${mentorshipId}/accept`);
    await signOut(page);
  });

  it('lets her write her plan, with the error summary for an empty goal, and share it with her mentor', async () => {
    await signIn(PRACTITIONER);
    // Her plan is part of the programme: the Programme page leads to it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme', exact: true }).click();
    await heading(page, 'Programme');
    await page.getByRole('main').getByRole('link', { name: 'My plan', exact: true }).click();
    await heading(page, 'My development plan');
    // Private by default, said in words.
    await page.getByText('Your plan is private: only you can read it.').waitFor();
    await page.getByLabel('My vision').fill('A unit where survivors are heard first.');

    await page.getByRole('button', { name: 'Add a short-term goal' }).click();
    await page.getByRole('button', { name: 'Save my plan' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Write something here, or remove this item.' }).click();
    const goal = page.getByRole('group', { name: /^Short-term goal \d+$/ }).last();
    await expect(goal.getByLabel('Goal', { exact: true }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await goal.getByLabel('Goal', { exact: true }).fill(GOAL);
    await goal.getByLabel('Status').selectOption('under_way');
    await goal.getByRole('button', { name: 'Add an action' }).click();
    await goal.getByLabel('Action 1').fill('Rehearse a cross-examination with the prosecutor');

    await page.getByLabel(`My mentor ${iso(CHAMPION.name)}`).check();
    await page.getByRole('button', { name: 'Save my plan' }).click();
    await page.getByRole('status').getByText('Your plan is saved.').waitFor();
    await expectAccessible(page, 'my plan');
    await shot(page, 'p-01-my-plan');

    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, '/plan at 390 px');
    await expectAccessible(page, 'my plan at 390 px');
    await shot(page, 'p-02-my-plan-390', false);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('prints her plan as a document, without the menu or buttons', async () => {
    await page.getByRole('link', { name: 'Print or save as PDF' }).click();
    await heading(page, 'My development plan');
    await page.getByRole('heading', { level: 4, name: GOAL }).waitFor();
    await expectAccessible(page, 'print view');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Print' }).isVisible()).resolves.toBe(false);
    await shot(page, 'p-03-print');
    await page.emulateMedia({ media: 'screen' });
    await signOut(page);
  });

  it('shows the plan read-only to her mentor, who links a check-in to her goal', async () => {
    await signIn(CHAMPION);
    await page.goto(`${server.origin}/mentorships/${mentorshipId}`);
    await heading(page, `Mentorship with ${iso(PRACTITIONER.name)}`);
    await page.getByRole('link', { name: 'Read her development plan' }).click();
    await heading(page, `Development plan of ${iso(PRACTITIONER.name)}`);
    await page.getByText('A unit where survivors are heard first.').waitFor();
    await page.getByRole('heading', { level: 4, name: GOAL }).waitFor();
    // Read-only: nothing to type into, nothing to save.
    await expect(page.getByRole('main').getByRole('textbox').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Save my plan' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'shared plan');
    await shot(page, 'p-04-shared-plan');

    await page.goBack();
    await heading(page, `Mentorship with ${iso(PRACTITIONER.name)}`);
    await page.getByLabel('Notes').fill('Rehearsed her testimony; she answers calmly now.');
    await page.getByLabel('Goal this meeting concerns').selectOption({ label: GOAL });
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByRole('status').getByText('The check-in has been saved.').waitFor();
    const log = page.getByRole('region', { name: 'Check-ins' });
    await log.locator('li.checkin').getByText(GOAL).waitFor();
    await expectAccessible(page, 'mentorship with a linked check-in');
    await shot(page, 'p-05-linked-check-in');
    await signOut(page);
  });

  it('shows her the check-in under the goal it concerns', async () => {
    await signIn(PRACTITIONER);
    await page.goto(`${server.origin}/plan`);
    await heading(page, 'My development plan');
    const goal = page.getByRole('group', { name: /^Short-term goal \d+$/ }).filter({ has: page.getByText('Rehearsed her testimony') });
    await goal.getByRole('heading', { name: 'Check-ins about this goal' }).waitFor();
    await expectAccessible(page, 'my plan with a linked check-in');
    await shot(page, 'p-06-plan-with-check-in');
  });
});
