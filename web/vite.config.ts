import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { icuCatalogs } from './icu-catalogs';

/**
 * A brotli copy (`x.js.br`) beside every hashed script and stylesheet, at the highest quality, which
 * the local server sends to a browser that accepts brotli (scripts/start.ts; in AWS CloudFront
 * compresses). Written here with node:zlib rather than by a compression plugin because no such
 * plugin is a dependency and this is the whole of the job.
 */
function brotliCopies(): Plugin {
  return {
    name: 'brotli-copies',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'web/dist';
      for (const file of Object.keys(bundle)) {
        if (!/^assets\/.+\.(js|css)$/.test(file)) continue;
        const path = join(dir, file);
        const br = brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        writeFileSync(`${path}.br`, br);
      }
    },
  };
}

/**
 * Runs web/src/boot.ts (its own tiny entry) first and on its own (`async`), so that her language's
 * catalog starts downloading with the app's code rather than after the app has loaded and started.
 */
function bootFirst(): Plugin {
  return {
    name: 'boot-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot');
        if (!boot) throw new Error('the boot entry is missing from the build');
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${boot.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [icuCatalogs(), solid(), brotliCopies(), bootFirst()],
  // Catalogs arrive compiled (see icu-catalogs.ts): the formatter needs no parser in the browser.
  resolve: {
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: { index: 'web/index.html', boot: 'web/src/boot.ts' } },
  },
});
