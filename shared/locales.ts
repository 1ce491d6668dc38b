/*
 * The interface languages. Adding one is its catalog file (web/src/i18n/catalogs/<tag>.ts) and one
 * line here.
 *
 * `intl` is the tag every Intl formatter gets, with digits (`nu`) and calendar (`ca`) chosen on
 * purpose rather than left to CLDR defaults, which move between releases:
 * - en: British English (the catalog's spelling), day-month-year.
 * - ar: Latin digits and the Gregorian calendar. Members read across Egypt, Iraq, Morocco and the
 *   Sahel; Latin digits are read in all of them (Arabic-Indic ones not in the Maghreb), dates are
 *   shared across borders, and CLDR's plain `ar` gives the same.
 * - fa, ps: Eastern Arabic-Indic digits (۱۲۳), used in Iran and Afghanistan alike, and the Solar
 *   Hijri calendar both countries use; the app puts the Gregorian date beside it (see `formatDate`)
 *   because dates are shared with members in other countries.
 * - ur: Latin digits (Pakistan's usage and CLDR's default for `ur`), Gregorian.
 * - bn: Bengali digits, ne: Devanagari digits, both Gregorian. Nepal's Bikram Sambat calendar is not
 *   in CLDR or any browser's Intl, so Nepali dates are Gregorian.
 * - es: Latin American Spanish (es-419), pt: Brazilian Portuguese; fr, ru, uk: their defaults.
 * - ps, ne: browsers with a reduced ICU (Chromium's, on desktop and some phones) have no Pashto or
 *   Nepali dates and numbers and would fall back to US English; `fallback` names the nearest they do
 *   have: Dari as written in Afghanistan (Solar Hijri with Afghan month names) and Hindi's
 *   Devanagari forms. Persian for a Dari reader (`prs`, `fa-AF`) formats as `fa-AF`, whose
 *   months are the Afghan ones (حمل، ثور … قوس), not Iran's.
 * `dir` is the script's direction: Urdu and Pashto are right to left as much as Arabic and Persian.
 */
export const LOCALES = {
  en: { name: 'English', dir: 'ltr', intl: 'en-GB-u-nu-latn-ca-gregory' },
  ar: { name: 'العربية', dir: 'rtl', intl: 'ar-u-nu-latn-ca-gregory' },
  fa: { name: 'فارسی', dir: 'rtl', intl: 'fa-u-nu-arabext-ca-persian' },
  ps: { name: 'پښتو', dir: 'rtl', intl: 'ps-u-nu-arabext-ca-persian', fallback: 'fa-AF-u-nu-arabext-ca-persian' },
  ur: { name: 'اردو', dir: 'rtl', intl: 'ur-u-nu-latn-ca-gregory' },
  bn: { name: 'বাংলা', dir: 'ltr', intl: 'bn-u-nu-beng-ca-gregory' },
  ne: { name: 'नेपाली', dir: 'ltr', intl: 'ne-u-nu-deva-ca-gregory', fallback: 'hi-u-nu-deva-ca-gregory' },
  fr: { name: 'Français', dir: 'ltr', intl: 'fr-u-nu-latn-ca-gregory' },
  es: { name: 'Español', dir: 'ltr', intl: 'es-419-u-nu-latn-ca-gregory' },
  pt: { name: 'Português', dir: 'ltr', intl: 'pt-BR-u-nu-latn-ca-gregory' },
  ru: { name: 'Русский', dir: 'ltr', intl: 'ru-u-nu-latn-ca-gregory' },
  uk: { name: 'Українська', dir: 'ltr', intl: 'uk-u-nu-latn-ca-gregory' },
} as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl'; intl: string; fallback?: string }>;

export type Locale = keyof typeof LOCALES;
export const LOCALE_TAGS = Object.keys(LOCALES) as Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

/** Tags that name one of ours under another code: Dari is written Persian (`prs`, `fa-AF`). */
const ALIASES: Record<string, Locale> = { prs: 'fa', 'fa-af': 'fa' };

export const isLocale = (tag: string): tag is Locale => Object.hasOwn(LOCALES, tag);

/** Ours for one BCP-47 tag (`ur-PK` → `ur`, `prs` → `fa`), or undefined when we have no catalog for it. */
export function localeOf(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  const alias = ALIASES[lower];
  if (alias) return alias;
  const base = lower.split(/[-_]/)[0] ?? '';
  return ALIASES[base] ?? (isLocale(base) ? base : undefined);
}

/** The first of a visitor's languages (in her order of preference) that we have, else English. */
export function firstSupported(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const found = localeOf(tag);
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}
