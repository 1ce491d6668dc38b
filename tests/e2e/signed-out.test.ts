import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, heading, type Server, signIn, signOut, useProductAndBrowser } from './support';

/*
 * A signed-out visitor on the public pages: the app does not ask the API about a session she
 * does not have, so no answer is a 401 and the console stays clean.
 */

let server: Server;
let page: Page;

useProductAndBrowser('signed-out-failed', (started) => {
  ({ server, page } = started);
});

/** Console errors, uncaught errors and 401 answers seen from now on. */
function watch(p: Page): { errors: string[]; unauthorized: string[]; stop: () => void } {
  const seen = { errors: [] as string[], unauthorized: [] as string[] };
  const onConsole = (m: { type: () => string; text: () => string }) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  };
  const onPageError = (e: Error) => seen.errors.push(e.message);
  const onResponse = (r: { status: () => number; url: () => string }) => {
    if (r.status() === 401) seen.unauthorized.push(new URL(r.url()).pathname);
  };
  p.on('console', onConsole);
  p.on('pageerror', onPageError);
  p.on('response', onResponse);
  return {
    ...seen,
    stop: () => {
      p.off('console', onConsole);
      p.off('pageerror', onPageError);
      p.off('response', onResponse);
    },
  };
}

/** Visits each public page (and the start page, which sends her to sign in) and waits for it to settle. */
async function visitPublicPages(p: Page): Promise<void> {
  const pages: [string, string, string][] = [
    ['/', '/sign-in', 'Sign in'],
    ['/sign-in', '/sign-in', 'Sign in'],
    ['/sign-up', '/sign-up', 'Create an account'],
    ['/forgot-password', '/forgot-password', 'Reset your password'],
  ];
  for (const [path, lands, title] of pages) {
    await p.goto(`${server.origin}${path}`);
    await heading(p, title);
    await p.waitForLoadState('networkidle');
    expect(new URL(p.url()).pathname).toBe(lands);
  }
}

describe('a signed-out visit', () => {
  it('asks nothing that answers 401 and logs no console error on the public pages', async () => {
    const seen = watch(page);
    await visitPublicPages(page);
    seen.stop();
    expect(seen.unauthorized).toEqual([]);
    expect(seen.errors).toEqual([]);
  });

  it('after signing out, the public pages still ask nothing that answers 401', async () => {
    await signIn(page, server.origin, 'practitioner@example.org', DEMO_PASSWORD);
    await heading(page, 'Directory');
    await signOut(page);
    const seen = watch(page);
    await visitPublicPages(page);
    seen.stop();
    expect(seen.unauthorized).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});
