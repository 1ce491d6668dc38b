import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalogProblems, PARSE_OPTIONS } from '../../scripts/i18n/catalog-rules';
import { LOCALE_TAGS, LOCALES, type Locale } from '../../shared/locales';
import en from '../../web/src/i18n/catalogs/en';
import { icuCatalogs } from '../../web/icu-catalogs';

const DIR = join(import.meta.dirname, '../../web/src/i18n/catalogs');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
const load = async (tag: string) => (await import(join(DIR, `${tag}.ts`))).default as Record<string, string>;

describe('the catalogs', () => {
  it('are exactly the interface languages: one catalog file per language in shared/locales.ts', () => {
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...LOCALE_TAGS].sort());
  });

  it.each(LOCALE_TAGS.filter((tag) => tag !== 'en'))(
    '%s has every key, valid ICU, the same arguments and every CLDR plural form',
    async (tag) => {
      expect(catalogProblems(tag, await load(tag), en)).toEqual([]);
    },
  );

  it.each(LOCALE_TAGS.filter((tag) => tag !== 'en'))('%s says at its top that it awaits review by a native-speaking member', (tag) => {
    // The opening comment, read as prose: its line breaks and leading asterisks left out.
    const head = readFileSync(join(DIR, `${tag}.ts`), 'utf8')
      .slice(0, 800)
      .replace(/\s*\n\s*\*\s*/g, ' ');
    expect(head).toMatch(/awaits review by a native-speaking member/);
  });

  it('English, the source, is sound by the same rules', () => {
    expect(catalogProblems('en', en, en)).toEqual([]);
  });
});

/** The message with each plural branch marked by its category, so the output names the form chosen. */
function marked(message: string): string {
  const mark = (elements: MessageFormatElement[]): MessageFormatElement[] =>
    elements.map((el) => {
      if (el.type !== TYPE.plural && el.type !== TYPE.select) return el;
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, o]) => [
          k,
          {
            ...o,
            value:
              el.type === TYPE.plural ? [{ type: TYPE.literal, value: `[${k}]` } as MessageFormatElement, ...mark(o.value)] : mark(o.value),
          },
        ]),
      );
      return { ...el, options } as MessageFormatElement;
    });
  return printAST(mark(parse(message, PARSE_OPTIONS)));
}

const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100];
/** CLDR's cardinal forms for these counts: the rules the catalogs must follow. */
const CLDR: Partial<Record<Locale, string[]>> = {
  en: ['other', 'one', 'other', 'other', 'other', 'other', 'other', 'other'],
  ar: ['zero', 'one', 'two', 'few', 'few', 'many', 'many', 'other'],
  ru: ['many', 'one', 'few', 'few', 'many', 'many', 'one', 'many'],
};

describe('plural messages', () => {
  for (const [tag, forms] of Object.entries(CLDR) as [Locale, string[]][]) {
    it(`in ${tag}, counts ${COUNTS.join(', ')} take the CLDR forms ${forms.join(', ')}, and the count in its digits`, async () => {
      const catalog = await load(tag);
      const digits = new Intl.NumberFormat(LOCALES[tag].intl);
      for (const key of ['directory.count', 'space.replies', 'settings.sessionsEnded'] as const) {
        const format = new IntlMessageFormat(marked(catalog[key] ?? ''), LOCALES[tag].intl);
        COUNTS.forEach((count, i) => {
          const out = String(format.format({ count }));
          expect(out, `${tag} ${key} ${count}`).toContain(`[${forms[i]}]`);
          // The zero, one and two forms may spell the number out; the others show it.
          if (!['zero', 'one', 'two'].includes(forms[i] as string)) expect(out).toContain(digits.format(count));
        });
      }
    });
  }
});

describe('the build', () => {
  const plugin = icuCatalogs();
  const transform = (code: string) =>
    (plugin.transform as (code: string, id: string) => { code: string } | undefined).call({}, code, '/repo/web/src/i18n/catalogs/xx.ts');

  it('compiles a catalog to message ASTs (plain text as itself), so no parser runs in the browser', () => {
    const out = transform("const xx = { 'a.b': 'Hello {name}', 'a.c': 'It’s ready.' };\nexport default xx;");
    const compiled = JSON.parse(JSON.parse(out?.code.replace(/^export default JSON\.parse\((.*)\);$/s, '$1') ?? '""'));
    expect(compiled).toEqual({ 'a.b': parse('Hello {name}', PARSE_OPTIONS), 'a.c': 'It’s ready.' });
  });

  it('fails on a message that is not valid ICU, naming its key, instead of failing on the page', () => {
    expect(() => transform("const xx = { 'a.b': 'Hello {count, plural, one {x}' };\nexport default xx;")).toThrow(/a\.b/);
  });
});
