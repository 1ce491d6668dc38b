import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { memoize, strategies } from '@formatjs/fast-memoize';
import { IntlMessageFormat } from 'intl-messageformat';
import { createRoot, createSignal } from 'solid-js';
import { DEFAULT_LOCALE, LOCALES, type Locale, localeOf } from '../../../shared/locales';
import type { MessageKey } from './catalog';
import { DEVICE_KEY, deviceLocale } from './device';

export type { MessageKey };
export type { Locale };

/*
 * Messages are ICU MessageFormat, formatted by FormatJS's intl-messageformat: CLDR plural rules
 * (Arabic's six forms, Russian's four), selects, and numbers in each language's digits. The build
 * compiles every catalog to ASTs (web/icu-catalogs.ts), so no parser ships; only the current
 * language's catalog is fetched, as its own chunk.
 */
/** A compiled catalog: each message's AST, or its text when it is plain text. */
type Compiled = Record<MessageKey, MessageFormatElement[] | string>;
const loaders = import.meta.glob<{ default: Compiled }>('./catalogs/*.ts');
const loaded = new Map<Locale, Compiled>();

const [locale, setLocaleSignal] = createRoot(() => createSignal<Locale>(DEFAULT_LOCALE));
export { locale };
/** Whether a catalog has loaded: until then the app has no words to show. */
const [catalogReady, setCatalogReady] = createRoot(() => createSignal(false));
export { catalogReady };

/** A Dari reader: her browser asks for `prs` or Persian as written in Afghanistan. */
const DARI = (typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? [])]).some((l) => /^(prs|fa-af)\b/i.test(l));

/**
 * The tags for Intl formatters, best first: the language with its chosen digits and calendar, then
 * the nearest a browser without its data has (shared/locales.ts).
 */
export function intlLocale(tag: Locale = locale()): string[] {
  const info: { intl: string; fallback?: string } = LOCALES[tag];
  const own = tag === 'fa' && DARI ? info.intl.replace(/^fa-/, 'fa-AF-') : info.intl;
  return info.fallback ? [own, info.fallback] : [own];
}

/** `rtl` for Arabic, Persian, Pashto and Urdu, `ltr` otherwise. */
export const dir = (tag: Locale = locale()): 'ltr' | 'rtl' => LOCALES[tag].dir;

export { deviceLocale };

async function load(tag: Locale): Promise<Compiled> {
  const have = loaded.get(tag);
  if (have) return have;
  const loader = loaders[`./catalogs/${tag}.ts`];
  if (!loader) throw new Error(`No catalog for ${tag}`);
  const compiled = (await loader()).default;
  loaded.set(tag, compiled);
  return compiled;
}

/**
 * Switches the language without reloading the page: fetches its catalog, then sets the signal (so
 * every `t()` re-renders) and `lang`/`dir` on <html>, so logical CSS properties mirror the layout.
 * `keep` stores the choice on this device.
 */
export async function setLocale(tag: string, options: { keep?: boolean } = {}): Promise<Locale> {
  const next = localeOf(tag) ?? DEFAULT_LOCALE;
  const catalog = load(next);
  // A page's first Intl call sets up the browser's locale data: 40–60 ms on a laptop, four times
  // that on a cheap phone. Made in the next task (after the page's own requests have started),
  // it overlaps the catalog's download instead of lengthening the first render.
  setTimeout(() => formatters.getPluralRules(intlLocale(next)));
  await catalog;
  setLocaleSignal(next);
  setCatalogReady(true);
  document.documentElement.lang = next;
  document.documentElement.dir = dir(next);
  if (options.keep) {
    try {
      localStorage.setItem(DEVICE_KEY, next);
    } catch {
      // Not kept on this device; the session still shows it.
    }
  }
  return next;
}

const formats = new Map<string, IntlMessageFormat>();

// Every message shares one set of Intl formatters (FormatJS's `formatters` option, memoised by
// their arguments as FormatJS itself does per message): by default each message builds its own
// NumberFormat and PluralRules, and building Intl objects was most of a page's first render on a
// throttled phone (Lighthouse).
const variadic = { strategy: strategies.variadic };
const formatters = {
  getNumberFormat: memoize((...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a), variadic),
  getDateTimeFormat: memoize((...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a), variadic),
  getPluralRules: memoize((...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a), variadic),
};

// Each new IntlMessageFormat resolves its locale list with Intl.NumberFormat.supportedLocalesOf,
// which matches against every locale the browser has: the largest single cost of a page's first
// render at 4x CPU throttling (Lighthouse; 140-165 ms in a profile of the directory and a thread).
// The result (`resolvedLocale`) is used only to parse a message given as text and by
// resolvedOptions(); every message here arrives compiled (web/icu-catalogs.ts) and formats with the
// list itself, where each Intl constructor picks the best locale the browser has. So the first tag
// is taken as it is, and nothing is matched.
// One Intl.Locale per tag, not one per message: a page formats dozens of messages on its first render.
const resolvedLocales = new Map<string, Intl.Locale>();
IntlMessageFormat.resolveLocale = (locales) => {
  const first = [locales].flat()[0] ?? DEFAULT_LOCALE;
  let resolved = resolvedLocales.get(first);
  if (!resolved) {
    resolved = new Intl.Locale(first);
    resolvedLocales.set(first, resolved);
  }
  return resolved;
};

/** The message for `key` in the current language, with its arguments (numbers stay numbers for plurals). */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const tag = locale();
  const message = loaded.get(tag)?.[key];
  if (message === undefined) return key;
  // The build ships a message without arguments as its text (web/icu-catalogs.ts).
  if (typeof message === 'string') return message;
  const id = `${tag}\u0000${key}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(message, intlLocale(tag), undefined, { formatters });
    formats.set(id, format);
  }
  const out = format.format(params);
  return Array.isArray(out) ? out.join('') : String(out);
}

/**
 * Wraps text a member wrote (a name in any script) in Unicode isolates before it goes into a
 * message, so an Arabic name cannot reorder the English sentence around it, nor the reverse.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
