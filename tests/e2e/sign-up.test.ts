import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, heading, type Server, useProductAndBrowser } from './support';

/*
 * The sign-up page for an address that already has an account: the API answers it exactly as a
 * new one, and the page, which then signs her in with the password she chose, must not tell the
 * two apart either. A stranger's password fails like any wrong password; the owner's own signs in.
 */

let server: Server;
let page: Page;

useProductAndBrowser('sign-up-failed', (started) => {
  ({ server, page } = started);
});

async function signUp(email: string, password: string) {
  await page.context().clearCookies();
  await page.goto(`${server.origin}/sign-up`);
  await heading(page, 'Create an account');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

describe('signing up with an address that already has an account, in a browser', () => {
  const owner = { email: `taken-${randomUUID().slice(0, 8)}@example.org`, password: 'her own long passphrase 2026' };

  it('leads a new member straight on, and answers a stranger on her address without saying it is taken', async () => {
    await signUp(owner.email, owner.password);
    await heading(page, 'Apply to join');

    await signUp(owner.email, 'a stranger guessing here 99');
    await heading(page, 'Check your email');
    const said = page.getByRole('status');
    await said.getByText('We could not sign you in with this email address and password.', { exact: false }).waitFor();
    await expect(page.getByText(/already (exists|taken|registered)/i).count()).resolves.toBe(0);
    // Said calmly: a new member waiting for her code sees the same page, and nothing is wrong.
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Set a new password' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-up');
    await expectAccessible(page, 'sign-up, not signed in');

    // The owner, signing up again with her own password, is simply signed in.
    await signUp(owner.email, owner.password);
    await heading(page, 'Apply to join');
  });
});
