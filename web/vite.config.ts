import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { icuCatalogs } from './icu-catalogs';

export default defineConfig({
  root: 'web',
  plugins: [icuCatalogs(), solid()],
  // Catalogs arrive compiled (see icu-catalogs.ts): the formatter needs no parser in the browser.
  resolve: {
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
