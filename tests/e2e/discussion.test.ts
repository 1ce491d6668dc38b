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
 * Discussions end to end in a real browser, on the seeded demo network: hostile Markdown and HTML
 * stay inert text, a practitioner's anonymous thread waits for the board until it is approved, a
 * space is invisible outside its audience, and a report becomes a case the board resolves. Every
 * page is checked with axe and photographed into test-results/ (d-*.png).
 */

const BOARD = { email: 'board@example.org' };
const PRACTITIONER = { email: 'practitioner@example.org' };
const CHAMPION = { email: 'champion@example.org' };

const XSS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"></svg>',
  '[click](javascript:window.__xss=1)',
  '[x](JaVaScRiPt:window.__xss=1)',
  '<a href="javascript:window.__xss=1">a</a>',
  '![i](x" onerror="window.__xss=1)',
  '<iframe src="javascript:window.__xss=1">',
  '[d](data:text/html,<script>window.__xss=1</script>)',
];

let server: Server;
let page: Page;

const signIn = async (who: { email: string }) => {
  await signInAt(page, server.origin, who.email, DEMO_PASSWORD);
  await heading(page, 'Directory');
};
const nav = (name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', typeof name === 'string' ? { name, exact: true } : { name });

/** Starts a thread in a space through its page, as the signed-in member. */
async function startThread(space: string, spaceName: string, title: string, body: string, anonymous = false) {
  await page.goto(`${server.origin}/spaces/${space}`);
  await heading(page, spaceName);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Your post').fill(body);
  if (anonymous) await page.getByLabel('Anonymous', { exact: true }).check();
  await page.getByRole('button', { name: 'Start a thread' }).click();
}

useProductAndBrowser('d-failed', (started) => {
  ({ server, page } = started);
});

describe('discussions in a browser', () => {
  it('shows hostile HTML and links as inert text', async () => {
    await signIn(BOARD);
    await nav('Discussions').click();
    await heading(page, 'Discussions');
    await expectAccessible(page, 'spaces');
    await shot(page, 'd-01-spaces');

    // Board posts are never held, so the corpus is published at once, as one body.
    const body = [...XSS, '**bold** and *italic* and `code`', '- one\n- two', '[safe](https://example.org/a)'].join('\n\n');
    await startThread('members', 'Members’ lounge', 'Hostile markup', body);
    await page.getByRole('status').getByText('Your post is published.').waitFor();
    await expectAccessible(page, 'space with its composer');
    await shot(page, 'd-02-space');
    await page.getByRole('link', { name: 'Hostile markup' }).click();
    await heading(page, 'Hostile markup');

    const posts = page.getByTestId('posts');
    for (const payload of XSS) await posts.getByText(payload, { exact: true }).waitFor();
    await posts.locator('strong', { hasText: 'bold' }).waitFor();
    await posts.locator('em', { hasText: 'italic' }).waitFor();
    await posts.locator('.post__body li', { hasText: 'two' }).waitFor();

    // Only the safe link is a link, opening in a new tab without handing over the opener.
    const links = posts.locator('.post__body a');
    await expect(links.count()).resolves.toBe(1);
    await expect(links.first().getAttribute('href')).resolves.toBe('https://example.org/a');
    await expect(links.first().getAttribute('rel')).resolves.toBe('noopener noreferrer nofollow');
    await expect(links.first().getAttribute('target')).resolves.toBe('_blank');
    // Click every link in the posts area. Leaving for a web address is prevented (there is no
    // network); any other scheme is let through, so a script link would run.
    await page.evaluate(() =>
      document.addEventListener('click', (e) => {
        const a = (e.target as Element).closest('a');
        if (a && /^(https?|mailto):$/.test(a.protocol)) e.preventDefault();
      }),
    );
    for (const link of await posts.locator('a').all()) await link.click();
    await page.waitForTimeout(300);
    await expect(page.evaluate(() => (window as { __xss?: unknown }).__xss)).resolves.toBeUndefined();
    await expect(posts.locator('script, img, svg, iframe').count()).resolves.toBe(0);

    await expectAccessible(page, 'thread');
    await shot(page, 'd-03-thread-xss');
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoSidewaysScroll(page, 'thread at 360 px');
    await shot(page, 'd-04-thread-360', false);
    await page.setViewportSize({ width: 1280, height: 720 });

    // She edits her post while it is changed elsewhere: the stale edit is refused and reloaded.
    const post = posts.locator('li.post').first();
    const postId = (await post.getAttribute('id'))?.replace('post-', '') ?? '';
    await post.getByRole('button', { name: 'Edit' }).click();
    const elsewhere = await page.request.patch(`${server.origin}/api/posts/${postId}`, {
      data: { body: 'Changed in another tab.', version: 1 },
      headers: { origin: server.origin },
    });
    expect(elsewhere.status()).toBe(200);
    await post.getByLabel('Edit your post').fill('My stale edit.');
    await post.getByRole('button', { name: 'Save' }).click();
    await post.getByRole('alert').getByText('This post changed meanwhile.').waitFor();
    await post.getByText('Changed in another tab.').waitFor();
    await post.getByRole('button', { name: 'Edit' }).click();
    await post.getByLabel('Edit your post').fill('My **fresh** edit.');
    await post.getByRole('button', { name: 'Save' }).click();
    await post.getByText('Your post was saved.').waitFor();
    await post.locator('strong', { hasText: 'fresh' }).waitFor();
    await signOut(page);
  });

  it('holds a practitioner’s anonymous thread until the board approves it, and hides the space from others', async () => {
    await signIn(PRACTITIONER);
    await startThread('practitioners', 'Practitioners’ circle', 'Night shifts at the border', 'Who else is on the night shift?', true);
    await page
      .getByRole('status')
      .getByText(/Waiting for the board: .*anonymous posts are checked/)
      .waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Night shifts at the border' }).getByText('Waiting for the board').waitFor();
    await expectAccessible(page, 'space with a held thread');
    await shot(page, 'd-05-held');
    // A named thread in the members' space, for the report below: her first posts wait too.
    await startThread('members', 'Members’ lounge', 'Shelter contacts', 'Which shelters take referrals at weekends?');
    await page
      .getByRole('status')
      .getByText(/Waiting for the board/)
      .waitFor();
    await signOut(page);

    await signIn(BOARD);
    await openFromMenu(page, 'Moderation');
    await heading(page, 'Moderation');
    // The board sees who wrote the anonymous post.
    const held = page.locator('li.card', { hasText: 'Who else is on the night shift?' });
    await held.getByText('Sadia Rahimi').waitFor();
    await held.getByRole('link', { name: /In the thread \W?Night shifts at the border/ }).waitFor();
    await expectAccessible(page, 'moderation queue');
    await shot(page, 'd-06-moderation');
    for (const text of ['Who else is on the night shift?', 'Which shelters take referrals at weekends?']) {
      await page.locator('li.card', { hasText: text }).getByRole('button', { name: 'Approve' }).click();
      const dialog = page.getByRole('dialog', { name: 'Approve this post' });
      await dialog.getByLabel('Reason (kept in the audit log)').fill('Fine to publish.');
      if (text.startsWith('Who')) await expectAccessible(page, 'approve dialog');
      await dialog.getByRole('button', { name: 'Approve' }).click();
      await page.getByRole('status').getByText('Decision saved.').waitFor();
      await page.locator('li.card', { hasText: text }).waitFor({ state: 'detached' });
    }
    await signOut(page);

    await signIn(PRACTITIONER);
    await page.goto(`${server.origin}/spaces/practitioners`);
    const card = page.getByRole('listitem').filter({ hasText: 'Night shifts at the border' });
    await card.waitFor();
    await expect(card.getByText('Waiting for the board').count()).resolves.toBe(0);
    await card.getByRole('link', { name: 'Night shifts at the border' }).click();
    await heading(page, 'Night shifts at the border');
    await page.getByTestId('posts').getByText('Who else is on the night shift?').waitFor();
    await page.getByRole('button', { name: 'Reply' }).waitFor();
    await signOut(page);

    await signIn(CHAMPION);
    await nav('Discussions').click();
    await heading(page, 'Discussions');
    await page.getByRole('link', { name: 'Members’ lounge' }).waitFor();
    await expect(page.getByRole('link', { name: 'Practitioners’ circle' }).count()).resolves.toBe(0);
    await page.goto(`${server.origin}/spaces/practitioners`);
    await heading(page, 'Page not found');
    await expectAccessible(page, 'space outside the audience');
  });

  it('lets a member report a post and the board resolve the case', async () => {
    await page.goto(`${server.origin}/spaces/members`);
    await heading(page, 'Members’ lounge');
    await page.getByRole('link', { name: 'Shelter contacts' }).click();
    await heading(page, 'Shelter contacts');
    await page.getByTestId('posts').getByRole('button', { name: 'Report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this post' });
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByRole('alert').getByText('Choose one.').waitFor();
    await dialog.getByLabel('Off topic').check();
    await dialog.getByLabel('Anything the board should know').fill('Belongs in the referrals space.');
    await expectAccessible(page, 'report dialog');
    await shot(page, 'd-07-report', false);
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Thank you. The board will look at it').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await signOut(page);

    await signIn(BOARD);
    await openFromMenu(page, 'Moderation');
    await heading(page, 'Moderation');
    // Hers among the cases (the demo data brings its own).
    const c = page.locator('li.card', { hasText: 'Report about a post' }).filter({ hasText: 'Belongs in the referrals space.' });
    await c.getByText('Belongs in the referrals space.').waitFor();
    // The case shows what was reported and where, so the board decides from the queue.
    await c.getByText('Which shelters take referrals at weekends?').waitFor();
    await c.getByRole('link', { name: /In the thread \W?Shelter contacts/ }).waitFor();
    await c.getByText(/Author: \W?Sadia Rahimi/).waitFor();
    await c.getByRole('button', { name: 'Resolve' }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve this case' });
    await resolve.getByLabel('Dismissed').check();
    await resolve.getByLabel('Reason (kept in the audit log)').fill('On topic enough.');
    await expectAccessible(page, 'resolve dialog');
    await shot(page, 'd-08-resolve', false);
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('status').getByText('Decision saved.').waitFor();
    await c.waitFor({ state: 'detached' });

    // The board can still hide the post from the thread itself, with a reason for the log.
    await page.goto(`${server.origin}/spaces/members`);
    await page.getByRole('link', { name: 'Shelter contacts' }).click();
    await heading(page, 'Shelter contacts');
    await page.getByTestId('posts').getByRole('button', { name: 'Hide' }).click();
    const hide = page.getByRole('dialog', { name: 'Hide this post' });
    await hide.getByLabel('Reason (kept in the audit log)').fill('Moved to referrals.');
    await hide.getByRole('button', { name: 'Hide' }).click();
    await page.getByTestId('posts').getByText('Hidden', { exact: true }).waitFor();
    await page.getByTestId('posts').getByRole('button', { name: 'Restore' }).waitFor();
  });

  it('keeps the board’s decisions in the audit log, and lets the board set rules and sanction a member', async () => {
    await openFromMenu(page, 'Audit log');
    await heading(page, 'Audit log');
    const resolved = page.locator('li.card', { hasText: 'Report case resolved' }).filter({ hasText: 'On topic enough.' });
    await resolved.getByRole('link', { name: 'Amina Qureshi' }).waitFor();
    const hidden = page.locator('li.card', { hasText: 'Post hidden' }).filter({ hasText: 'Moved to referrals.' });
    await hidden.getByRole('link', { name: 'the post' }).waitFor();
    await expectAccessible(page, 'audit log');
    await shot(page, 'd-09-audit', false);

    await openFromMenu(page, 'Rules');
    await heading(page, 'Held-content rules');
    await page.getByLabel('Watched words').fill('safe house address\nsafe house address\n');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByRole('status').getByText('The rules have been saved.').waitFor();
    await expectAccessible(page, 'rules');

    await nav('Directory').click();
    await heading(page, 'Directory');
    await page.getByRole('link', { name: 'Carlos Mendes' }).first().click();
    await heading(page, 'Carlos Mendes');
    await page.getByRole('button', { name: 'Sanction this member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sanction \u2068Carlos Mendes\u2069' });
    await dialog.getByLabel('Read-only until a date').check();
    await dialog.getByRole('button', { name: 'Apply sanction' }).click();
    await dialog.getByRole('alert').getByText('Choose a date in the future.').waitFor();
    await expectAccessible(page, 'sanction dialog with errors');
    await shot(page, 'd-10-sanction', false);
    await dialog.getByLabel('Warning').check();
    await dialog.getByLabel('Reason').fill('Please keep reports about posts, not people.');
    await dialog.getByRole('button', { name: 'Apply sanction' }).click();
    await page.getByRole('status').getByText('The sanction has been applied.').waitFor();

    // The board opens a new space with its audience; it is listed at once.
    await nav('Discussions').click();
    await heading(page, 'Discussions');
    await page.getByRole('button', { name: 'Open the space' }).click();
    await page.getByRole('alert').getByText('Name the space.').waitFor();
    await page.getByLabel('Name').fill('Border inspectors');
    await page.getByLabel('Who may read and write in it').selectOption('practitioners');
    await page.getByRole('button', { name: 'Open the space' }).click();
    await page.getByRole('status').getByText('The space “Border inspectors” is open.').waitFor();
    await page.getByRole('link', { name: 'Border inspectors' }).waitFor();
    await expectAccessible(page, 'spaces with the new-space form');
    await shot(page, 'd-11-new-space', false);
  });

  it('tells the warned member in her notifications, with the board’s reason and never who decided', async () => {
    await signOut(page);
    await signIn(CHAMPION);
    const unreadLink = nav(/^Notifications \(\d+ new\)$/);
    const unreadBefore = Number((await unreadLink.textContent())?.match(/\d+/)?.[0]);
    await unreadLink.click();
    await heading(page, 'Notifications');
    const fromBoard = page.getByRole('region', { name: 'From the board' });
    await fromBoard.getByText('A warning').waitFor();
    await fromBoard.getByText('Please keep reports about posts, not people.').waitFor();
    await expect(fromBoard.getByText('Amina Qureshi').count()).resolves.toBe(0);
    const notice = page.locator('li.card', { hasText: 'The board sent you a warning.' });
    await notice.getByText('New', { exact: true }).waitFor();
    await expectAccessible(page, 'notifications');
    await shot(page, 'd-12-notifications');
    await notice.getByRole('button', { name: 'Mark as read' }).click();
    await notice.getByText('New', { exact: true }).waitFor({ state: 'detached' });
    // The count in the menu follows.
    await nav(unreadBefore > 1 ? `Notifications (${unreadBefore - 1} new)` : 'Notifications').waitFor();
  });

  it('lets a member report another member from her page, without naming the reporter', async () => {
    await nav('Directory').click();
    await heading(page, 'Directory');
    await page.getByRole('link', { name: 'Amina Qureshi' }).first().click();
    await heading(page, 'Amina Qureshi');
    await page.getByRole('button', { name: 'Report to the board' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Harassment').check();
    await expectAccessible(page, 'member report dialog');
    await dialog
      .getByRole('button', { name: /report/i })
      .last()
      .click();
    await dialog
      .getByText(/sent|thank/i)
      .first()
      .waitFor();
    await shot(page, 'd-13-member-report', false);
  });

  it('reads a long thread a page at a time, with introductions in several scripts', async () => {
    await page.goto(`${server.origin}/spaces/members`);
    await heading(page, 'Members’ lounge');
    // The seed: the board's welcome and one introduction from each of the other demo members.
    const card = page.getByRole('listitem').filter({ hasText: 'Introductions: say hello' });
    const replies = Number((await card.textContent())?.match(/(\d+) replies/)?.[1]);
    expect(replies).toBeGreaterThan(25);
    await card.getByRole('link', { name: 'Introductions: say hello' }).click();
    await heading(page, 'Introductions: say hello');
    const posts = page.getByTestId('posts').locator('li.post');
    await posts.nth(24).waitFor();
    expect(await posts.count()).toBe(25);
    await posts.first().getByText('Welcome to the Champions Network.').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await posts.nth(replies).waitFor();
    expect(await posts.count()).toBe(replies + 1);
    await expect(page.getByRole('button', { name: 'Load more' }).count()).resolves.toBe(0);
    // A greeting in Arabic script and an English sentence, each paragraph in its own direction.
    const zainab = page.getByTestId('posts').locator('li.post', { hasText: 'I am زينب الموسوي' });
    await expect(zainab.getByText('مرحبا!').getAttribute('dir')).resolves.toBe('auto');
    await expect(zainab.getByText('مرحبا!').evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
    await expect(zainab.getByText(/^I am زينب الموسوي/).evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('ltr');
    await expectAccessible(page, 'a long thread after Load more');
    await shot(page, 'd-14-long-thread');
  });
});
