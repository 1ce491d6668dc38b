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
  useProductAndBrowser,
} from './support';

/*
 * Search in a real browser, on the seeded demo network: the practitioner types an Urdu word with
 * the Arabic kaf (پاكستان) and finds the Urdu thread written with the Persian/Urdu keheh
 * (پاکستان), its match marked; she types an Arabic word without harakat and finds the vocalised
 * thread; she opens a result. Checked with axe, photographed at 390 and 1280 px (s-*.png), in
 * English and in Arabic.
 */

const PRACTITIONER = { email: 'practitioner@example.org' };
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const URDU_TITLE = 'پاکستان میں انسانی اسمگلنگ کی روک تھام';

let server: Server;
let page: Page;

async function bothWidths(name: string) {
  await page.setViewportSize(PHONE);
  await expectNoSidewaysScroll(page, name);
  await shot(page, `${name}-390`);
  await page.setViewportSize(LAPTOP);
  await shot(page, `${name}-1280`);
}

async function searchFor(words: string) {
  const box = page.getByLabel('Words to find');
  await box.fill(words);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

useProductAndBrowser('s-failed', (started) => {
  ({ server, page } = started);
});

describe('search in a browser', () => {
  it('finds the Urdu thread by its Arabic-script spelling, marks the match, and opens it', async () => {
    await signInAt(page, server.origin, PRACTITIONER.email, DEMO_PASSWORD);
    await heading(page, 'Directory');
    await openFromMenu(page, 'Search');
    await heading(page, 'Search');
    await page.getByText('Type what you are looking for, then choose Search.').waitFor();
    await expectAccessible(page, 'search, empty');

    // One letter is not a search: she is told, nothing is asked of the API.
    await searchFor('پ');
    await page.getByText('Type at least two letters.').waitFor();

    await searchFor('پاكستان');
    const result = page.locator('li.search-result', { has: page.getByRole('link', { name: URDU_TITLE }) });
    await result.waitFor();
    await expect(result.getByText('Discussion').isVisible()).resolves.toBe(true);
    await expect(result.locator('mark').first().textContent()).resolves.toBe('پاکستان');
    await expectAccessible(page, 'search results');
    await bothWidths('s-01-urdu');

    // Harakat in the text, none in the query.
    await searchFor('الضحايا');
    await page.getByRole('link', { name: 'حِمَايَةُ الضَّحَايَا أَثْنَاءَ التَّحْقِيقِ' }).waitFor();

    await searchFor('پاكستان');
    await result.getByRole('link', { name: URDU_TITLE }).click();
    await heading(page, URDU_TITLE);
  });

  it('reads right to left in Arabic, with the filters folded away on a phone', async () => {
    await page.goto(`${server.origin}/search?q=${encodeURIComponent('عليكم')}`);
    await page.locator('#language-switcher').selectOption('ar');
    await page.locator('html[dir="rtl"]').waitFor();
    await heading(page, 'البحث');
    await page.locator('li.search-result').first().waitFor();
    await expectAccessible(page, 'search in Arabic');
    await bothWidths('s-02-arabic');
    await page.getByText('تضييق النتائج').click();
    await page.getByLabel('النوع').selectOption('thread');
    await page.getByRole('button', { name: 'بحث', exact: true }).click();
    await page.getByText('لا شيء مما يُتاح لك فتحه يطابق هذه الكلمات. يُرجى تجربة كلمات أقل أو كتابة أخرى.').waitFor();
    await bothWidths('s-03-arabic-filtered');
  });
});
