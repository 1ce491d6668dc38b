import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
  expectNoSidewaysScroll,
  heading,
  openFromMenu,
  type Server,
  shot,
  signIn,
  unfoldMenu,
  useProductAndBrowser,
} from './support';
import { dateAsShown } from './words';

/*
 * Issue 9, the board's pages and sanctions in a browser, at a laptop's 1280x800 and a phone's
 * 390x844: the Board menu fits the bar and closes on Escape (N17), declining an application asks
 * first (N20), a read-only member is told she cannot post (N7) until the board lifts it (N6), a
 * notice about a reply deep in a long thread lands on the post (N8), the audit log names whom an
 * entry is about, with its time, and pages (N5), and the report box follows the member's kind (N3).
 * Screenshots go to test-results/ (b9-*.png).
 */

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const MEMBER = { email: 'practitioner@example.org', name: 'Sadia Rahimi' };
const CHAMPION = { email: 'champion@example.org', name: 'Carlos Mendes' };
const applicant = {
  email: `e2e-applicant-${randomUUID().slice(0, 8)}@example.org`,
  password: 'a lantern on the harbour wall',
  name: 'Mahnoor Applicant',
};
const WELCOME = 'Introductions: say hello';

let server: Server;
let browser: Browser;
/** The board member's page (board@example.org, Amina Qureshi); its `request` is signed in as her. */
let board: Page;
/** The read-only member's page. */
let member: Page;
let memberId: string;
let championId: string;
let welcomeThreadId: string;

useProductAndBrowser('b9-failed', (started) => {
  ({ server, browser, page: board } = started);
});

const url = (path: string) => `${server.origin}${path}`;

async function ok<T>(res: Promise<{ status(): number; text(): Promise<string>; json(): Promise<T> }>, what: string): Promise<T> {
  const r = await res;
  if (r.status() >= 300) throw new Error(`${what}: ${r.status()} ${await r.text()}`);
  return r.json();
}

/** A page in its own browser context (its own cookies), at laptop size. */
async function newPage(): Promise<Page> {
  const p = await (await browser.newContext({ viewport: LAPTOP })).newPage();
  p.setDefaultTimeout(10_000);
  return p;
}

/** A request context signed in as a demo member, without a page. */
async function apiAs(email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const { request } = await browser.newContext();
  await ok(request.post(url('/api/auth/sign-in'), { data: { email, password } }), `sign-in ${email}`);
  return request;
}

const idOf = async (api: APIRequestContext) => (await ok<{ id: string }>(api.get(url('/api/me')), 'me')).id;

/** The top of every top-level item in the main menu: one row when they are all the same. */
const navRows = (p: Page) =>
  p.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLElement>('nav[aria-label="Main"] > ul > li')];
    return new Set(items.map((li) => li.offsetTop)).size;
  });

/** Whether the element is wholly inside the viewport. */
const inView = (p: Page, selector: string) =>
  p.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return !!r && r.top >= 0 && r.top < window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  }, selector);

const focusedId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');

/**
 * Both sizes: a screenshot of each (the whole page, or the viewport with `at` scrolled into view
 * when the page is long), no sideways scroll on the phone, axe at each.
 */
async function atBothSizes(p: Page, name: string, what: string, at?: Locator) {
  for (const size of [LAPTOP, PHONE]) {
    await p.setViewportSize(size);
    if (at) await at.scrollIntoViewIfNeeded();
    await shot(p, `${name}-${size.width}`, !at);
    await expectNoSidewaysScroll(p, `${what} at ${size.width} px`);
    await expectAccessible(p, `${what} at ${size.width} px`);
  }
  await p.setViewportSize(LAPTOP);
}

describe('the board’s pages and sanctions, in a browser', () => {
  it('fits the board member’s menu bar on one row at 1280 px; the Board menu lists what waits and closes on Escape', async () => {
    // An application waits, so the menu has a count to show.
    const applicantApi = (await browser.newContext()).request;
    await ok(applicantApi.post(url('/api/auth/sign-up'), { data: { email: applicant.email, password: applicant.password } }), 'sign-up');
    await ok(applicantApi.post(url('/api/auth/sign-in'), { data: { email: applicant.email, password: applicant.password } }), 'sign-in');
    const profile = { displayName: applicant.name, kind: 'practitioner', country: 'PK', statement: 'I lead a border unit in Quetta.' };
    await ok(applicantApi.put(url('/api/members/me'), { data: profile }), 'application');

    await board.setViewportSize(LAPTOP);
    await signIn(board, server.origin, 'board@example.org', DEMO_PASSWORD);
    await heading(board, 'Directory');
    const summary = await ok<{ applications: number; heldPosts: number; openCases: number; openMessages: number }>(
      board.request.get(url('/api/board/summary')),
      'summary',
    );
    expect(summary.applications).toBeGreaterThan(0);
    const nav = board.getByRole('navigation', { name: 'Main' });
    const menu = nav.locator('summary');
    await menu.waitFor();
    const waiting = summary.applications + summary.heldPosts + summary.openCases + summary.openMessages;
    await expect(menu.textContent()).resolves.toBe(`Board (${waiting} waiting)`);
    await expect(navRows(board), 'top-level menu items on more than one row').resolves.toBe(1);

    await menu.click();
    const moderation = summary.heldPosts + summary.openCases + summary.openMessages;
    const links = [
      `Applications (${summary.applications})`,
      'Cohorts',
      moderation ? `Moderation (${moderation})` : 'Moderation',
      'Audit log',
      'Rules',
    ];
    for (const name of links) await nav.getByRole('link', { name, exact: true }).waitFor();
    // Open, it still keeps the bar on one row (the list drops below it).
    await expect(navRows(board)).resolves.toBe(1);
    await expectAccessible(board, 'Board menu open');
    await shot(board, 'b9-01-board-menu-1280', false);
    await board.keyboard.press('Escape');
    await nav.getByRole('link', { name: 'Audit log', exact: true }).waitFor({ state: 'hidden' });
    await expect(board.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');

    // On a phone the menu folds behind its button, and the Board menu opens inside it.
    await board.setViewportSize(PHONE);
    await unfoldMenu(board);
    await menu.click();
    for (const name of links) await nav.getByRole('link', { name, exact: true }).waitFor();
    await expectNoSidewaysScroll(board, 'phone menu with the Board menu open');
    await expectAccessible(board, 'phone menu with the Board menu open');
    await shot(board, 'b9-02-board-menu-390', false);
    await nav.getByRole('link', { name: 'Audit log', exact: true }).click();
    await heading(board, 'Audit log');
    await board.setViewportSize(LAPTOP);
  }, 60_000);

  it('asks before declining an application and quotes the reason; cancelling leaves it waiting', async () => {
    await openFromMenu(board, 'Applications');
    await heading(board, 'Applications');
    const card = board.locator('li.card', { hasText: applicant.name });
    await card.getByText('I lead a border unit in Quetta.').waitFor();
    await card.getByRole('button', { name: /^Decline\W+Mahnoor Applicant\W*$/ }).click();
    const reason = 'Please name your unit and your commanding officer.';
    await card.getByLabel('Reason for declining').fill(reason);
    await card.getByRole('button', { name: 'Decline application' }).click();
    const dialog = board.getByRole('dialog', { name: /^Decline\W+Mahnoor Applicant\W*\?$/ });
    await dialog.getByText('The applicant will see this reason:').waitFor();
    await dialog.getByText(reason, { exact: true }).waitFor();
    await atBothSizes(board, 'b9-03-decline-confirm', 'decline confirmation', dialog);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByRole('heading', { name: applicant.name }).waitFor();
    const pending = await ok<{ items: { profile: { displayName: string } }[] }>(
      board.request.get(url('/api/board/applications?limit=50')),
      'applications',
    );
    expect(pending.items.map((a) => a.profile.displayName)).toContain(applicant.name);
    await board.reload();
    await board.locator('li.card', { hasText: applicant.name }).waitFor();
  }, 60_000);

  it('tells a read-only member in a thread and in a space that she cannot post, with no box to write in', async () => {
    const memberApi = await apiAs(MEMBER.email);
    memberId = await idOf(memberApi);
    const until = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    await ok(
      board.request.post(url(`/api/moderation/members/${memberId}/sanctions`), {
        data: { type: 'read_only', until, reason: 'Shared a colleague’s phone number.' },
      }),
      'sanction',
    );

    member = await newPage();
    await signIn(member, server.origin, MEMBER.email, DEMO_PASSWORD);
    await heading(member, 'Directory');
    const date = await dateAsShown(member, server.origin, until);
    const notice = `You cannot post or reply until ${date}: the board has made your account read-only. You can still read.`;

    await member.goto(url('/spaces/members'));
    await heading(member, 'Members’ lounge');
    await member.getByText(notice).waitFor();
    await member.getByRole('link', { name: WELCOME }).waitFor();
    await expect(member.getByLabel('Your post', { exact: true }).count()).resolves.toBe(0);
    await expect(member.getByRole('button', { name: 'Start a thread' }).count()).resolves.toBe(0);
    await atBothSizes(member, 'b9-04-space-read-only', 'space for a read-only member');

    await member.getByRole('link', { name: WELCOME }).click();
    await heading(member, WELCOME);
    welcomeThreadId = new URL(member.url()).pathname.split('/').at(-1) ?? '';
    await member.getByText(notice).waitFor();
    await member.getByTestId('posts').locator('li.post').first().waitFor();
    await expect(member.getByLabel('Your post', { exact: true }).count()).resolves.toBe(0);
    await expect(member.getByRole('button', { name: 'Reply', exact: true }).count()).resolves.toBe(0);
    // Nor a button on the posts that could only fail: edit, remove, report.
    await expect(member.getByTestId('posts').locator('li.post').getByRole('button').count()).resolves.toBe(0);
    await member
      .locator('.sanction-banner')
      .getByText(/^Your account is read-only until/)
      .waitFor();
    await atBothSizes(member, 'b9-05-thread-read-only', 'thread for a read-only member', member.getByText(notice));
  }, 60_000);

  it('shows the board the sanction in force and its history; lifting it early ends her banner on her next page', async () => {
    await board.goto(url(`/members/${memberId}`));
    await heading(board, MEMBER.name);
    const sanctions = board.getByRole('region', { name: 'Sanctions' });
    const entry = sanctions.locator('li.card', { hasText: 'Shared a colleague’s phone number.' });
    await entry.getByText('In force').waitFor();
    await entry.getByText(/^Given .* · Until /).waitFor();
    await sanctions.getByRole('heading', { name: 'History' }).waitFor();
    await atBothSizes(board, 'b9-06-member-sanction-in-force', 'member page with a sanction in force');

    await entry.getByRole('button', { name: 'Lift early' }).click();
    const dialog = board.getByRole('dialog', { name: 'Lift this sanction early' });
    // A reason is asked for: without one, nothing is lifted.
    await dialog.getByRole('button', { name: 'Lift sanction' }).click();
    await dialog.getByText('Give a reason.').first().waitFor();
    await dialog.getByRole('textbox').fill('She apologised and removed the number.');
    await dialog.getByRole('button', { name: 'Lift sanction' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await sanctions.getByRole('status').getByText('The sanction has been lifted.').waitFor();
    await entry.getByText(/^Lifted early on .*: \W?She apologised and removed the number\.\W?$/).waitFor();
    await expect(entry.getByText('In force').count()).resolves.toBe(0);
    await expect(entry.getByRole('button', { name: 'Lift early' }).count()).resolves.toBe(0);
    await atBothSizes(board, 'b9-07-member-sanction-lifted', 'member page after lifting');

    await member.goto(url(`/threads/${welcomeThreadId}`));
    await heading(member, WELCOME);
    await member.getByLabel('Your post', { exact: true }).waitFor();
    await member.getByTestId('posts').getByRole('button', { name: 'Report' }).first().waitFor();
    await expect(member.locator('.sanction-banner').count()).resolves.toBe(0);
    await expect(member.getByText(/^You cannot post or reply until/).count()).resolves.toBe(0);
  }, 60_000);

  it('opens a notice about a reply deep in a long thread at that post, in view and focused', async () => {
    // The thread page loads its posts a page at a time; the reply is past the first page.
    const champion = await apiAs(CHAMPION.email);
    championId = await idOf(champion);
    const reply = await ok<{ id: string; state: string }>(
      champion.post(url(`/api/threads/${welcomeThreadId}/posts`), { data: { body: 'Glad to be here: I train border officers.' } }),
      'reply',
    );
    if (reply.state === 'pending')
      await ok(board.request.post(url(`/api/moderation/posts/${reply.id}/approve`), { data: { reason: 'Fine.' } }), 'approve');
    const firstPage = await ok<{ items: { id: string }[]; nextCursor: string | null }>(
      board.request.get(url(`/api/threads/${welcomeThreadId}/posts?limit=25`)),
      'first page',
    );
    expect(firstPage.nextCursor, 'the thread is longer than one page').toBeTruthy();
    expect(firstPage.items.map((p) => p.id)).not.toContain(reply.id);

    for (const size of [LAPTOP, PHONE]) {
      await board.setViewportSize(size);
      await board.goto(url('/notifications'));
      await heading(board, 'Notifications');
      await board.locator(`a[href$="#post-${reply.id}"]`).click();
      await heading(board, WELCOME);
      const post = `#post-${reply.id}`;
      await board.locator(post).getByText('Glad to be here: I train border officers.').waitFor();
      await expect.poll(() => focusedId(board)).toBe(`post-${reply.id}`);
      await expect.poll(() => inView(board, post)).toBe(true);
      await shot(board, `b9-08-deep-post-${size.width}`, false);
      await expectAccessible(board, `thread opened at a deep post, ${size.width} px`);
    }
    await board.setViewportSize(LAPTOP);
  }, 60_000);

  it('shows on the audit log whom an entry is about and its time, and loads older entries', async () => {
    // More than one page of entries (50): the board pins and unpins the welcome thread.
    const first = await ok<{ items: unknown[]; nextCursor: string | null }>(
      board.request.get(url('/api/moderation/audit?limit=50')),
      'audit',
    );
    const missing = first.nextCursor ? 0 : 51 - first.items.length;
    // The seed pins it, so the first move unpins it.
    for (let i = 0; i < missing; i++) {
      const action = i % 2 === 0 ? 'unpin' : 'pin';
      await ok(board.request.post(url(`/api/moderation/threads/${welcomeThreadId}/${action}`), { data: { reason: `Walk ${i}` } }), action);
    }
    // The newest entry is about her again: a warning, so nothing is in force.
    await ok(
      board.request.post(url(`/api/moderation/members/${memberId}/sanctions`), { data: { type: 'warn', reason: 'Mind the rules.' } }),
      'warn',
    );

    await openFromMenu(board, 'Audit log');
    await heading(board, 'Audit log');
    const cards = board.locator('main li.card');
    const newest = cards.first();
    await newest.getByRole('heading', { name: 'Member sanctioned' }).waitFor();
    await newest.getByRole('link', { name: MEMBER.name }).waitFor();
    await newest.getByText('About', { exact: true }).waitFor();
    // The date and the time of day, as the page writes them.
    const at = (await newest.locator('time').getAttribute('datetime')) ?? '';
    const written = await dateAsShown(board, server.origin, at, { dateStyle: 'medium', timeStyle: 'short' });
    await expect(newest.locator('time').textContent()).resolves.toBe(written);
    expect(written).toMatch(/\d{1,2}:\d{2}/);
    await expect(cards.count()).resolves.toBe(50);
    await atBothSizes(board, 'b9-09-audit', 'audit log', newest);

    await board.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => cards.count()).toBeGreaterThan(50);
    await board.locator('main li.card', { hasText: 'Sanction lifted early' }).getByRole('link', { name: MEMBER.name }).waitFor();
  }, 90_000);

  it('words the report box on a champion’s page for him, and on a practitioner’s for her', async () => {
    await member.goto(url(`/members/${championId}`));
    await heading(member, CHAMPION.name);
    const report = member.getByRole('region', { name: 'Report this member' });
    await report.getByText('Tell the advisory board about harassment or unsafe behaviour. He will not learn who reported him.').waitFor();
    await atBothSizes(member, 'b9-10-report-champion', 'champion’s page');

    await board.goto(url(`/members/${memberId}`));
    await heading(board, MEMBER.name);
    await board
      .getByRole('region', { name: 'Report this member' })
      .getByText('Tell the advisory board about harassment or unsafe behaviour. She will not learn who reported her.')
      .waitFor();
  }, 60_000);
});
