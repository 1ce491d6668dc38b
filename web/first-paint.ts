import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Plugin } from 'vite';
import { IntlMessageFormat } from 'intl-messageformat';
import { SHIFT_PRESSES } from '../shared/discretion';
import { LOCALE_TAGS, LOCALES, type Locale } from '../shared/locales';
import { FIRST_PAINT_KEYS, type FirstPaintWords } from './src/pre/first-paint';
import { compileCatalog } from './icu-catalogs';

/*
 * Builds the first-paint script (web/src/pre/pre.ts) and puts it first in <body>. It must be a classic
 * script, run before the page is first drawn, so it cannot be one of the app's module chunks: esbuild
 * (Vite's own dependency, already used by icu-catalogs.ts) bundles it on its own, as one small IIFE,
 * with its words taken from every catalog at build time (a message it shows must be plain text) and
 * the address of every catalog's chunk, so that it starts her language's download at once. It is
 * built last, when the chunks have their names, and written into the page the build has made.
 */

const CATALOGS = join(import.meta.dirname, 'src/i18n/catalogs');

/** The first paint's words in every language, from the catalogs (the Shift status formatted for each count). */
export function firstPaintWords(): FirstPaintWords {
  const words = {} as FirstPaintWords;
  for (const tag of LOCALE_TAGS) {
    const file = join(CATALOGS, `${tag}.ts`);
    const compiled = compileCatalog(readFileSync(file, 'utf8'), file);
    const entry = {} as Record<(typeof FIRST_PAINT_KEYS)[number], string>;
    for (const key of FIRST_PAINT_KEYS) {
      const text = compiled[key];
      if (typeof text !== 'string' || text === '') throw new Error(`${file}: the first paint shows ${key}, which must be plain text`);
      entry[key] = text;
    }
    const shiftStatus = compiled['exit.shiftStatus'];
    if (!Array.isArray(shiftStatus)) throw new Error(`${file}: exit.shiftStatus is a plural message`);
    const status = new IntlMessageFormat(shiftStatus as ConstructorParameters<typeof IntlMessageFormat>[0], LOCALES[tag].intl);
    const shiftsLeft = Array.from({ length: SHIFT_PRESSES }, (_, left) => (left === 0 ? '' : String(status.format({ count: left }))));
    words[tag] = { ...entry, shiftsLeft };
  }
  return words;
}

/** The first-paint script, minified; `catalogs` is each language's chunk, as the page asks for it. */
export function buildFirstPaint(catalogs: Record<Locale, string>): string {
  const out = buildSync({
    entryPoints: [join(import.meta.dirname, 'src/pre/pre.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    write: false,
    // The words as they are written, not as \u escapes: a third of the bytes for the non-Latin scripts.
    charset: 'utf8',
    define: { FIRST_PAINT_WORDS: JSON.stringify(firstPaintWords()), FIRST_PAINT_CATALOGS: JSON.stringify(catalogs) },
  });
  const [file] = out.outputFiles;
  if (!file) throw new Error('first-paint: esbuild wrote nothing');
  return file.text;
}

const CATALOG_MODULE = /\/web\/src\/i18n\/catalogs\/([a-z]{2,3})\.ts$/;

export function firstPaint(): Plugin {
  return {
    name: 'first-paint',
    apply: 'build',
    generateBundle: {
      // After the page (index.html) is written and every chunk has its final name.
      order: 'post',
      handler(_options, bundle) {
        const catalogs = {} as Record<Locale, string>;
        for (const chunk of Object.values(bundle)) {
          const tag = chunk.type === 'chunk' ? CATALOG_MODULE.exec(chunk.facadeModuleId ?? '')?.[1] : undefined;
          if (tag && (LOCALE_TAGS as string[]).includes(tag)) catalogs[tag as Locale] = `/${chunk.fileName}`;
        }
        const missing = LOCALE_TAGS.filter((tag) => !catalogs[tag]);
        if (missing.length) throw new Error(`first-paint: no catalog chunk for ${missing.join(', ')}`);
        // A hashed asset like the app's own chunks: cached for good, replaced by a new name.
        const ref = this.emitFile({ type: 'asset', name: 'first-paint.js', source: buildFirstPaint(catalogs) });
        const page = bundle['index.html'];
        if (page?.type !== 'asset' || typeof page.source !== 'string' || !page.source.includes('<body>')) {
          throw new Error('first-paint: the built index.html is missing');
        }
        page.source = page.source.replace('<body>', `<body>\n    <script src="/${this.getFileName(ref)}"></script>`);
      },
    },
  };
}
