import { describe, expect, it } from 'vitest';
import { LOCALE_TAGS, type Locale } from '../../shared/locales';
import { buildFirstPaint, firstPaintWords } from '../../web/first-paint';
import { FIRST_PAINT_KEYS } from '../../web/src/pre/first-paint';
import { wordsIn } from '../e2e/words';

/*
 * The first paint (web/src/pre/pre.ts) shows a few words before the app and its catalogs arrive:
 * they are the catalogs' own, in every language, built into the script.
 */
describe('the first paint', () => {
  it.each(LOCALE_TAGS)(
    'carries the %s catalog’s own words for the header, the loading line, the quick exit and the discreet tab',
    async (tag) => {
      const catalog = (await import(`../../web/src/i18n/catalogs/${tag}.ts`)).default as Record<string, string>;
      const words = firstPaintWords()[tag];
      for (const key of FIRST_PAINT_KEYS) expect(words[key], key).toBe(catalog[key]);
      // The spoken count of presses left, formatted as the app formats it.
      const say = await wordsIn(tag);
      expect(words.shiftsLeft).toEqual(['', say('exit.shiftStatus', { count: 1 }), say('exit.shiftStatus', { count: 2 })]);
    },
  );

  it('is one classic script with every language’s words in it, written as they are', () => {
    const script = buildFirstPaint(Object.fromEntries(LOCALE_TAGS.map((tag) => [tag, `/assets/${tag}-x.js`])) as Record<Locale, string>);
    // A classic script: nothing imported or exported at run time.
    expect(script).not.toMatch(/\bimport\s*[({]|\bexport\s*[{*]/);
    for (const words of Object.values(firstPaintWords())) expect(script).toContain(JSON.stringify(words['exit.button']));
  });
});
