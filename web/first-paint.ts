import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Plugin } from 'vite';
import { LOCALE_TAGS } from '../shared/locales';
import { FIRST_PAINT_KEYS, type FirstPaintWords } from './src/pre/first-paint';
import { compileCatalog } from './icu-catalogs';

/*
 * Builds the first-paint script (web/src/pre/pre.ts) and puts it first in <body>. It must be a classic
 * script, run before the page is first drawn, so it cannot be one of the app's module chunks: esbuild
 * (Vite's own dependency, already used by icu-catalogs.ts) bundles it on its own, as one small IIFE,
 * with its words taken from every catalog at build time. A message it shows must be plain text.
 */

const CATALOGS = join(import.meta.dirname, 'src/i18n/catalogs');

/** The first paint's words in every language, from the catalogs. */
export function firstPaintWords(): FirstPaintWords {
  const words = {} as FirstPaintWords;
  for (const tag of LOCALE_TAGS) {
    const file = join(CATALOGS, `${tag}.ts`);
    const compiled = compileCatalog(readFileSync(file, 'utf8'), file);
    const entry = {} as FirstPaintWords[typeof tag];
    for (const key of FIRST_PAINT_KEYS) {
      const text = compiled[key];
      if (typeof text !== 'string' || text === '') throw new Error(`${file}: the first paint shows ${key}, which must be plain text`);
      entry[key] = text;
    }
    words[tag] = entry;
  }
  return words;
}

/** The first-paint script, minified. */
export function buildFirstPaint(): string {
  const out = buildSync({
    entryPoints: [join(import.meta.dirname, 'src/pre/pre.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    write: false,
    // The words as they are written, not as \u escapes: a third of the bytes for the non-Latin scripts.
    charset: 'utf8',
    define: { FIRST_PAINT_WORDS: JSON.stringify(firstPaintWords()) },
  });
  const [file] = out.outputFiles;
  if (!file) throw new Error('first-paint: esbuild wrote nothing');
  return file.text;
}

export function firstPaint(): Plugin {
  let ref = '';
  return {
    name: 'first-paint',
    apply: 'build',
    buildStart() {
      // A hashed asset like the app's own chunks: cached for good, replaced by a new name.
      ref = this.emitFile({ type: 'asset', name: 'first-paint.js', source: buildFirstPaint() });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const asset = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'asset' && c.names.includes('first-paint.js'));
        if (!asset || !ref) throw new Error('the first-paint script is missing from the build');
        return [{ tag: 'script', attrs: { src: `/${asset.fileName}` }, injectTo: 'body-prepend' }];
      },
    },
  };
}
