import { EXPERTISE_CODES, type ExpertiseCode } from '../../../shared/meta';
import { createRoot, createSignal } from 'solid-js';
import { intlLocale, locale, t } from './index';

/*
 * Names of reference data in the current locale. Countries and languages come from the browser's
 * Intl data (as the API's own labels do), so every locale gets them without a catalog.
 */

const cache = new Map<string, Intl.DisplayNames>();
function names(type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${locale()}:${type}`;
  let n = cache.get(key);
  if (!n) {
    n = new Intl.DisplayNames(intlLocale(), { type, fallback: 'code' });
    cache.set(key, n);
  }
  return n;
}

export const countryName = (code: string): string => names('region').of(code) ?? code;

/**
 * Languages some browsers' Intl data leaves out (Chromium has no Balochi or Brahui): their own
 * English names, as Node's full ICU gives them to GET /api/meta, so no one reads a bare "bal".
 */
const LANGUAGES_BROWSERS_MISS: Record<string, string> = {
  bal: 'Baluchi',
  brh: 'Brahui',
  ks: 'Kashmiri',
  lah: 'Lahnda',
  skr: 'Saraiki',
};

/** A language's name in the current locale; a name the browser lacks falls back to English, never the bare code. */
export function languageName(code: string): string {
  const named = names('language').of(code);
  if (named && named.toLowerCase() !== code.toLowerCase()) return named;
  return LANGUAGES_BROWSERS_MISS[code.toLowerCase()] ?? named ?? code;
}

/** An expertise topic's name in the current language; a code the app does not know shows as itself. */
export const expertiseName = (code: string): string =>
  EXPERTISE_CODES.includes(code as ExpertiseCode) ? t(`expertise.${code as ExpertiseCode}`) : code;

const [askedZone, setAskedZone] = createRoot(() => createSignal<string | undefined>(undefined));
const checkedZones = new Map<string, string | undefined>();

/** Dates and times show in the member's own time zone (her profile's), else the device's. */
export function setTimeZone(zone: string | undefined): void {
  setAskedZone(zone || undefined);
}

/**
 * Her zone as Intl names it, or undefined (the device's) when this browser does not know it. Checked
 * on the first date shown, not when her account arrives: the first Intl.DateTimeFormat with a zone
 * loads the browser's time-zone data, about 65 ms of a cheap phone's main thread (270 ms at Lighthouse's
 * 4× throttling), which a page that shows no date (find a mentor, the directory) need not pay.
 */
export function timeZone(): string | undefined {
  const zone = askedZone();
  if (!zone) return undefined;
  if (!checkedZones.has(zone)) {
    let valid: string | undefined;
    try {
      valid = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      valid = undefined;
    }
    checkedZones.set(zone, valid);
  }
  return checkedZones.get(zone);
}

/** The same tags with the Gregorian calendar. */
const gregorianOf = (tags: string[]): string[] => tags.map((t) => t.replace(/-ca-[a-z]+/, '-ca-gregory'));

/**
 * A moment in the current language, its calendar and a time zone (the member's unless given).
 * Where that calendar is not the Gregorian one (Solar Hijri for Persian and Pashto), the Gregorian
 * date follows in brackets, because dates in this network are shared with members in other countries.
 */
function moment(d: Date, options: Intl.DateTimeFormatOptions, zone: string | undefined = timeZone()): string {
  const tag = intlLocale();
  const own = dateTimeFormat(tag, zone, options);
  const text = own.format(d);
  if (own.resolvedOptions().calendar === 'gregory') return text;
  return `${text} (${dateTimeFormat(gregorianOf(tag), zone, { dateStyle: 'medium' }).format(d)})`;
}

// Building an Intl.DateTimeFormat costs far more than using one: a thread of 25 posts built 25
// (50 in Persian) on its first render, about 95 ms of a throttled phone's main thread. A page uses
// a handful of distinct ones; they are kept by language, zone and options.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(tags: string[], zone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tags.join(',')}|${zone ?? ''}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tags, { timeZone: zone, ...options });
    dateTimeFormats.set(key, format);
  }
  return format;
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : moment(d, { dateStyle: 'medium' });
}

/** A month and year ("December 2026"), for records where the day does not matter (a completed programme). */
export function formatMonth(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : moment(d, { month: 'long', year: 'numeric' });
}

/** A moment with its time ("4 Dec 2026, 07:05"), for records where the hour matters (the audit log). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : moment(d, { dateStyle: 'medium', timeStyle: 'short' });
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** How long ago (or how soon) a moment is, in the current language: "3 hours ago", "منذ ٣ ساعات", "in 2 days". */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let amount = (d.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' }).format(Math.round(amount), unit);
    amount /= size;
  }
  return formatDate(iso);
}

/** Options sorted by their label in the current locale. */
export function sortedOptions(codes: readonly string[], label: (code: string) => string): { value: string; label: string }[] {
  const collator = new Intl.Collator(intlLocale());
  return codes.map((c) => ({ value: c, label: label(c) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** A calendar day (YYYY-MM-DD) as written, whatever the viewer's time zone. */
export function formatDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : moment(d, { dateStyle: 'medium' }, 'UTC');
}

/** "a, b and c" in the current locale. */
export const formatList = (items: readonly string[]): string =>
  new Intl.ListFormat(intlLocale(), { style: 'long', type: 'conjunction' }).format(items);

/** A number in the current locale (0.5 → "0.5", "0,5", "٠٫٥"…). */
export const formatNumber = (n: number): string => new Intl.NumberFormat(intlLocale()).format(n);
