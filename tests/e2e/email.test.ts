import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { InboxMessage } from '../../scripts/local/inbox';
import { DEMO_PASSWORD, expectAccessible, heading, type Server, shot, signIn, signOut, useProductAndBrowser } from './support';

/*
 * Email end to end on the seeded demo network: the practitioner turns email on, a digest reaches
 * the local inbox (a real SMTP server) saying only that there is something new, and its link
 * leads her, through the sign-in, to her notices. Photographed into test-results/ (email-*.png).
 */

const PRACTITIONER = { email: 'practitioner@example.org' };

let server: Server;
let page: Page;

useProductAndBrowser('email-failed', (started) => {
  ({ server, page } = started);
});

/** The API as the app calls it from this browser: her cookies, the app's own Origin. */
const api = (method: string, path: string, data?: unknown) =>
  page.request.fetch(`${server.origin}${path}`, { method, data, headers: { origin: server.origin } });

describe('email in a browser', () => {
  it('delivers a neutral digest to the local inbox, whose link leads her through the sign-in to her notices', async () => {
    await signIn(page, server.origin, PRACTITIONER.email, DEMO_PASSWORD);
    await heading(page, 'Directory');
    const me = (await (await api('GET', '/api/me')).json()) as { id: string };
    const prefs = (await (await api('GET', '/api/members/me/preferences')).json()) as { version: number };
    expect((await api('PUT', '/api/members/me/preferences', { email: { enabled: true }, version: prefs.version })).status()).toBe(200);

    // What the digest schedule queues for her (issue 13's `sched` builds the schedule itself).
    const { drainLocalEmail, enqueueEmails } = await import('../../functions/email/queue');
    await enqueueEmails([{ id: `e2e#digest#${me.id}#${Date.now()}`, kind: 'digest', memberId: me.id, count: 2 }]);
    await drainLocalEmail();
    await signOut(page);

    await page.goto(server.inboxUrl);
    await page.getByRole('heading', { name: 'You have new notices' }).first().waitFor();
    await shot(page, 'email-inbox');
    const [email] = (await (await page.request.get(`${server.inboxUrl}/messages?to=${PRACTITIONER.email}`)).json()) as InboxMessage[];
    expect(email?.headers.from).toBe('CN <notices@localhost>');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/notifications)\b/.exec(email?.text ?? '')?.[1];
    expect(link).toBe(`${server.origin}/notifications`);

    // Signed out, the link asks her to sign in first, then takes her on to her notices.
    await page.goto(link ?? '');
    await heading(page, 'Sign in');
    await page.getByLabel('Email address').fill(PRACTITIONER.email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page, 'Notifications');
    expect(new URL(page.url()).pathname).toBe('/notifications');
    await expectAccessible(page, 'notifications from the email');
    await shot(page, 'email-notifications');
  });
});
