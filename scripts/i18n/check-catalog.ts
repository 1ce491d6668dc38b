import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import en from '../../web/src/i18n/catalogs/en';
import { catalogProblems } from './catalog-rules';

/** `npx tsx scripts/i18n/check-catalog.ts path/to/xx.ts [locale]`: lists what a catalog draft still lacks. */
const [file, given] = process.argv.slice(2);
if (!file) throw new Error('Usage: check-catalog.ts FILE [locale]');
const locale = given ?? file.replace(/^.*\//, '').replace(/\.ts$/, '');
const catalog = (await import(pathToFileURL(resolve(file)).href)).default as Record<string, unknown>;
const problems = catalogProblems(locale, catalog, en);
for (const p of problems) console.log(p);
console.log(problems.length ? `${problems.length} problems in ${locale}` : `${locale}: complete, ${Object.keys(catalog).length} messages`);
process.exit(problems.length ? 1 : 0);
