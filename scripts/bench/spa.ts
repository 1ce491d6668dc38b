import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LOCALE_TAGS } from '../../shared/locales';
import { KB, type Row, type Section, atMost, fmtKB } from './report';

export const SPA_BUDGET_GZ_BYTES = 60 * KB;

/** The value of attribute `name` in one HTML tag, or undefined. */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/**
 * The JavaScript the browser fetches before the app runs: every script the page names (the app's
 * module entry and the classic first-paint script) and every <link rel="modulepreload"> in
 * web/dist/index.html. Lazy chunks are not counted.
 */
export function initialScripts(html: string): { entries: string[]; preloads: string[] } {
  const entries: string[] = [];
  const preloads: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    if (src) entries.push(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const href = attr(tag, 'href');
    const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    if (href && rel.includes('modulepreload')) preloads.push(href);
  }
  return { entries, preloads };
}

export const spaSection: Section = {
  id: 'spa',
  title: 'SPA initial JS',
  async run(ctx) {
    const dist = join(ctx.root, 'web/dist');
    const index = join(dist, 'index.html');
    if (!existsSync(index)) throw new Error('web/dist/index.html is missing: run `npm run build` first');
    const { entries, preloads } = initialScripts(readFileSync(index, 'utf8'));
    if (entries.length === 0) throw new Error('no <script src> in web/dist/index.html');
    const files = [...new Set([...entries, ...preloads])].map((src) => {
      if (/^(https?:)?\/\//i.test(src)) throw new Error(`initial script from another origin: ${src}`);
      const rel = normalize(src.split(/[?#]/)[0] ?? src).replace(/^(\.\/|\/)+/, '');
      const path = join(dist, rel);
      if (!path.startsWith(dist) || !existsSync(path)) throw new Error(`initial script ${src} not found in web/dist`);
      const buf = readFileSync(path);
      return {
        src,
        kind: entries.includes(src) ? 'entry' : 'modulepreload',
        bytes: buf.length,
        gzipBytes: gzipSync(buf, { level: 9 }).length,
      };
    });
    const gz = files.reduce((s, f) => s + f.gzipBytes, 0);
    const raw = files.reduce((s, f) => s + f.bytes, 0);
    const rows: Row[] = [
      {
        name: `entry + modulepreload (${files.length} file${files.length === 1 ? '' : 's'})`,
        display: `${fmtKB(gz)} gz · ${fmtKB(raw)} raw`,
        value: gz,
        unit: 'bytes',
        budget: atMost(
          gz,
          SPA_BUDGET_GZ_BYTES,
          'bytes',
          `≤ ${SPA_BUDGET_GZ_BYTES / KB} kB gz (${SPA_BUDGET_GZ_BYTES.toLocaleString('en-US')} B)`,
        ),
        data: { files },
      },
    ];
    // Each language's catalog is its own chunk (web/src/i18n/catalogs/<tag>.ts → assets/<tag>-<hash>.js),
    // fetched once the app starts: only the current language's is ever loaded.
    const assets = readdirSync(join(dist, 'assets'));
    const catalogs = LOCALE_TAGS.map((tag) => {
      const file = assets.find((f) => new RegExp(`^${tag}-[\\w-]+\\.js$`).test(f));
      if (!file) throw new Error(`no catalog chunk for ${tag} in web/dist/assets`);
      const buf = readFileSync(join(dist, 'assets', file));
      return { tag, file, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length };
    });
    for (const c of catalogs) {
      rows.push({
        name: `catalog ${c.tag} (its own chunk)`,
        display: `${fmtKB(c.gzipBytes)} gz · ${fmtKB(c.bytes)} raw`,
        value: c.gzipBytes,
        unit: 'bytes',
        data: c,
      });
    }
    const largest = Math.max(...catalogs.map((c) => c.gzipBytes));
    // What a first visit fetches in the heaviest language; the whole first load's budget (HTML, CSS,
    // JS and catalog ≤ 100 kB transferred) is the speed issue's, measured by Lighthouse.
    rows.push({ name: 'initial JS + the largest catalog', display: `${fmtKB(gz + largest)} gz`, value: gz + largest, unit: 'bytes' });
    const findings =
      raw < 20 * KB ? [`SPA initial JS is only ${fmtKB(raw)} raw: web/ may still be a placeholder; re-run once the app is built out.`] : [];
    return { rows, findings, data: { files } };
  },
};
