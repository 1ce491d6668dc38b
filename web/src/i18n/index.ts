import { createRoot, createSignal } from 'solid-js';
import { en, type MessageKey } from './en';

export type { MessageKey };
export type Catalog = Record<MessageKey, string>;

/** Locales with a catalog. Add `ur: () => import('./ur')` style loaders as translations arrive. */
const catalogs: Record<string, Catalog> = { en };

/** Scripts written right to left among the network's languages. */
const RTL = new Set(['ar', 'fa', 'prs', 'ps', 'ur', 'ckb', 'sd', 'bal']);

const [locale, setLocaleSignal] = createRoot(() => createSignal('en'));
export { locale };

/** `rtl` for Urdu, Farsi, Arabic …, `ltr` otherwise. */
export const dir = (tag = locale()): 'ltr' | 'rtl' => (RTL.has(tag.split('-')[0] ?? tag) ? 'rtl' : 'ltr');

/** Switches the catalog and sets `lang` and `dir` on <html>, so CSS logical properties follow. */
export function setLocale(tag: string): void {
  const next = catalogs[tag] ? tag : 'en';
  setLocaleSignal(next);
  document.documentElement.lang = next;
  document.documentElement.dir = dir(next);
}

/** The message for `key` in the current locale, with `{name}` placeholders filled from params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogs[locale()]?.[key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Wraps text a member wrote (a name in any script) in Unicode isolates before it goes into a
 * message, so an Arabic name cannot reorder the English sentence around it, nor the reverse.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
