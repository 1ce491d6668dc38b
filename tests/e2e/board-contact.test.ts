import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, expectNoSidewaysScroll, heading, type Server, shot, useProductAndBrowser } from './support';
import { dateAsShown } from './words';

/*
 * Issue 9, N4: the dead ends a declined applicant met. She sees from when she may apply again,
 * writes to the advisory board, the board answers from its moderation queue, she reads the
 * answer; once the board shortens the wait, she applies again.
 */

const applicant = { email: `e2e-declined-${randomUUID().slice(0, 8)}@example.org`, password: 'a quiet river crossing at dawn' };
const question = `Why was my application declined? ${randomUUID().slice(0, 6)}`;

let server: Server;
let browser: Browser;
let page: Page;
let boardPage: Page;

useProductAndBrowser('contact-failed', (started) => {
  ({ server, browser, page } = started);
});

async function ok(res: Promise<{ status(): number; text(): Promise<string> }>, what: string) {
  const r = await res;
  if (r.status() >= 300) throw new Error(`${what}: ${r.status()} ${await r.text()}`);
  return r;
}

async function boardRequest(): Promise<APIRequestContext> {
  if (!boardPage) {
    boardPage = await (await browser.newContext()).newPage();
    boardPage.setDefaultTimeout(25_000);
  }
  await ok(
    boardPage.request.post(`${server.origin}/api/auth/sign-in`, { data: { email: 'board@example.org', password: DEMO_PASSWORD } }),
    'board sign-in',
  );
  return boardPage.request;
}

describe('a declined applicant and the advisory board, in a browser', () => {
  it('shows a declined applicant from when she may apply again', async () => {
    const api = page.request;
    const up = await ok(api.post(`${server.origin}/api/auth/sign-up`, { data: applicant }), 'sign-up');
    expect(up.status()).toBeLessThan(300);
    await ok(api.post(`${server.origin}/api/auth/sign-in`, { data: applicant }), 'sign-in');
    const profile = { displayName: 'Rukhsana Declined', kind: 'practitioner', country: 'PK', statement: 'I work on border cases.' };
    await ok(api.put(`${server.origin}/api/members/me`, { data: profile }), 'profile');
    const me = await (await api.get(`${server.origin}/api/me`)).json();
    const board = await boardRequest();
    await ok(
      board.post(`${server.origin}/api/board/applications/${me.id}/decision`, {
        data: { decision: 'decline', reason: 'Please name your unit.' },
      }),
      'decline',
    );

    await page.goto(`${server.origin}/pending`);
    await heading(page, 'Your application');
    await page.getByText('The advisory board declined your application.').waitFor();
    await page.getByText('Please name your unit.').waitFor();
    const reapplyFrom = (await (await api.get(`${server.origin}/api/me`)).json()).reapplyFrom as string;
    const date = await dateAsShown(page, server.origin, reapplyFrom);
    await page.getByText(`You may apply again from ${date}. You can apply again once.`).waitFor();
    // Before the date there is nothing to send yet.
    await expect(page.getByRole('button', { name: 'Send my new application' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'declined with a date');
    await shot(page, 'n4-01-declined-date');
  });

  it('lets her write to the board from there, at phone width too', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Write to the advisory board' }).click();
    await heading(page, 'Write to the advisory board');
    await page.getByRole('button', { name: 'Send to the board' }).click();
    await page.getByRole('alert').getByText('Write your message.').first().waitFor();
    await page.getByLabel('Your message').fill(question);
    await page.getByRole('button', { name: 'Send to the board' }).click();
    await page.getByRole('status').getByText('Your message has been sent to the board.').waitFor();
    const card = page.locator('li.card', { hasText: question });
    await card.getByText('Waiting for an answer').waitFor();
    await expectAccessible(page, 'contact the board');
    await shot(page, 'n4-02-contact-board');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, 'contact the board at 390 px');
    await shot(page, 'n4-03-contact-board-390');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('puts her message in the board’s queue, where a board member answers it; she reads the answer', async ({ onTestFailed }) => {
    await boardRequest();
    await boardPage.goto(`${server.origin}/board/moderation`);
    onTestFailed(() => shot(boardPage, 'contact-failed-board').catch(() => undefined));
    await heading(boardPage, 'Moderation');
    const card = boardPage.locator('li.card', { hasText: question });
    await card.getByRole('heading', { name: 'Message to the board' }).waitFor();
    await card.getByRole('link', { name: /^From .*Rukhsana Declined/ }).waitFor();
    await expectAccessible(boardPage, 'queue with a message');
    await shot(boardPage, 'n4-04-queue-message');
    await card.getByRole('button', { name: 'Reply' }).click();
    const dialog = boardPage.getByRole('dialog');
    await dialog
      .getByLabel('Your reply (the sender reads it; it does not name you)')
      .fill('Add the unit to your statement and apply again.');
    await dialog.getByRole('button', { name: 'Reply' }).click();
    await boardPage.getByRole('status').getByText('Decision saved.').waitFor();
    // Answered, it leaves the queue once the list is read again.
    await card.waitFor({ state: 'detached' });

    await page.goto(`${server.origin}/contact-board`);
    await heading(page, 'Write to the advisory board');
    await page.locator('li.card', { hasText: question }).getByText('Add the unit to your statement and apply again.').waitFor();
    await page.goto(`${server.origin}/notifications`);
    await page.getByText('The board answered your message.').waitFor();
  });

  it('lets her apply again once the board’s waiting period is over', async () => {
    const board = await boardRequest();
    const settings = await (await board.get(`${server.origin}/api/board/settings`)).json();
    await ok(board.put(`${server.origin}/api/board/settings`, { data: { reapplyAfterDays: 0, version: settings.version } }), 'settings');
    await page.goto(`${server.origin}/pending`);
    await heading(page, 'Your application');
    await page.getByRole('heading', { name: 'Apply again' }).waitFor();
    await page.getByLabel('Your statement to the board').fill('I lead the border unit in Quetta.');
    await shot(page, 'n4-05-apply-again');
    await page.getByRole('button', { name: 'Send my new application' }).click();
    await page.getByText('Status: Waiting for review').waitFor();
    await expectAccessible(page, 'applied again');
  });
});
