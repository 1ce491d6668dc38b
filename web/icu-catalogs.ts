import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { transformSync } from 'esbuild';
import type { Plugin } from 'vite';
import { PARSE_OPTIONS } from '../scripts/i18n/catalog-rules';

/*
 * Compiles each catalog (web/src/i18n/catalogs/<tag>.ts) to ICU message ASTs at build time, so the
 * app ships intl-messageformat's formatter but not its parser (the build aliases the parser to
 * FormatJS's `no-parser` entry), and a message that does not parse fails the build, never a page.
 * FormatJS's own compiler (`formatjs compile --ast`) reads JSON; our catalogs are TypeScript, typed
 * against the English keys and carrying their review note, so this small plugin does the same job.
 */
const CATALOG = /\/web\/src\/i18n\/catalogs\/[a-z]{2,3}(-[A-Za-z0-9]+)?\.ts$/;

/** One catalog's source compiled: each message as its ICU AST, or as its text when it is plain text. Throws on a bad message. */
export function compileCatalog(code: string, id: string): Record<string, unknown> {
  // A catalog is one object literal (type-only imports aside): run it to read its messages.
  const cjs = transformSync(code, { loader: 'ts', format: 'cjs' }).code;
  const module = { exports: {} as { default?: Record<string, string> } };
  new Function('module', 'exports', 'require', cjs)(module, module.exports, () => {
    throw new Error(`${id}: a catalog imports nothing at run time`);
  });
  const messages = module.exports.default;
  if (!messages) throw new Error(`${id}: a catalog has a default export`);
  const compiled: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(messages)) {
    try {
      const ast = parse(text, PARSE_OPTIONS);
      // Most messages are plain text: shipped as the text itself, a third of the AST's bytes.
      const only = ast.length === 1 ? ast[0] : undefined;
      compiled[key] = ast.length === 0 ? '' : only?.type === TYPE.literal ? only.value : ast;
    } catch (e) {
      throw new Error(`${id}: the message ${key} is not valid ICU: ${(e as Error).message}`);
    }
  }
  return compiled;
}

export function icuCatalogs(): Plugin {
  return {
    name: 'icu-catalogs',
    enforce: 'pre',
    transform(code, id) {
      if (!CATALOG.test(id.split('?')[0] ?? id)) return undefined;
      const compiled = compileCatalog(code, id);
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`, map: null };
    },
  };
}
