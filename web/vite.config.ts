import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { firstPaint } from './first-paint';
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
 * Everything the app's entry imports statically (the shell, the router, the session, the shared
 * helpers and Solid itself) goes into one `shell` chunk. Left to itself the bundler cuts that
 * code into a dozen files, some of 100 bytes, wherever a lazy page shares a module; every one
 * is one more request (and its headers) on a first load over a poor link, and all of them are
 * needed before the first page can render anyway. Pages and what only pages use are still split
 * by route.
 */
function shellChunk(): { plugin: Plugin; groups: { name: string; test: (id: string) => boolean; priority: number }[] } {
  const shell = new Set<string>();
  return {
    plugin: {
      name: 'shell-chunk',
      apply: 'build',
      buildEnd() {
        const staticGraph = (from: string) => {
          const seen = new Set<string>();
          const queue = [from];
          for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
            if (seen.has(id)) continue;
            seen.add(id);
            queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
          }
          return seen;
        };
        const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
        const app = entries.find((id) => id.endsWith('/web/index.html'));
        if (!app) throw new Error('shell-chunk: the index.html entry is missing');
        for (const id of staticGraph(app)) if (id !== app) shell.add(id);
      },
    },
    groups: [{ name: 'shell', test: (id: string) => shell.has(id), priority: 1 }],
  };
}
const shell = shellChunk();

export default defineConfig({
  root: 'web',
  plugins: [icuCatalogs(), solid(), brotliCopies(), firstPaint(), shell.plugin],
  // Catalogs arrive compiled (see icu-catalogs.ts): the formatter needs no parser in the browser.
  resolve: {
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: { index: 'web/index.html' },
      output: { codeSplitting: { groups: shell.groups } },
    },
  },
});
