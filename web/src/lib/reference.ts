import {
  canonicalTimeZones,
  COUNTRY_CODE_LIST,
  EXPERTISE,
  EXPERTISE_CODES,
  type ExpertiseCode,
  LANGUAGE_CODES,
} from '../../../shared/meta';
import { intlLocale, type Locale, locale, t } from '../i18n';
import type { Option } from '../components/select';
import { countryName, expertiseName, languageName, sortedOptions } from '../i18n/format';

/**
 * A list built once per language and then reused: naming and sorting 249 countries is work a
 * cheap phone feels on every page that shows the picker. The same array also lets <For> keep
 * the options it rendered.
 */
function perLocale(build: () => Option[]): () => Option[] {
  const built = new Map<Locale, Option[]>();
  return () => {
    const tag = locale();
    let options = built.get(tag);
    if (!options) {
      options = build();
      built.set(tag, options);
    }
    return options;
  };
}

/** Options for the pickers, labelled in the current locale (names from the browser's Intl data). */
export const countryOptions = perLocale(() => sortedOptions(COUNTRY_CODE_LIST, countryName));
export const expertiseOptions = perLocale(() => EXPERTISE.map((e) => ({ value: e.code, label: expertiseName(e.code) })));
export const languageOptions = perLocale(() => sortedOptions(LANGUAGE_CODES, languageName));

/** A zone's name and current offset from UTC, in the current locale ("GMT+05:30", "India Standard Time"). */
function zoneParts(tz: string, at: Date): { offset: string; minutes: number; name: string } {
  const part = (timeZoneName: 'longOffset' | 'longGeneric') =>
    new Intl.DateTimeFormat(intlLocale(), { timeZone: tz, timeZoneName }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ??
    '';
  const offset = part('longOffset');
  const m = /([+-\u2212])(\d{1,2})(?::(\d{2}))?/.exec(offset);
  const minutes = m ? (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  return { offset, minutes, name: part('longGeneric') };
}

/**
 * Every canonical IANA zone (no aliases, no retired names: the API accepts only these), labelled
 * with its offset now, its name in the current locale and its id, ordered by offset then name.
 */
export function timezoneOptions(): Option[] {
  const now = new Date();
  const collator = new Intl.Collator(intlLocale());
  return canonicalTimeZones()
    .map((tz) => ({ tz, ...zoneParts(tz, now) }))
    .sort((a, b) => a.minutes - b.minutes || collator.compare(a.name, b.name) || collator.compare(a.tz, b.tz))
    .map((z) => ({ value: z.tz, label: t('field.timezone.option', { offset: z.offset, name: z.name, zone: z.tz.replace(/_/g, ' ') }) }));
}

/** The options whose label or id holds every word of `query` (case- and accent-insensitive); the chosen one always stays. */
export function searchOptions(options: readonly Option[], query: string, keep?: string): Option[] {
  const fold = (v: string) => v.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase(intlLocale());
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [...options];
  return options.filter((o) => o.value === keep || words.every((w) => fold(`${o.label} ${o.value}`).includes(w)));
}

/** Narrows picked strings to expertise codes (unknown ones are dropped). */
export const asExpertise = (values: readonly string[]): ExpertiseCode[] => EXPERTISE_CODES.filter((c) => values.includes(c));

export { asKind, KINDS } from './kinds';

/** Trimmed text, or undefined when empty: an empty optional field is left out, not stored as "". */
export const optional = (v: string): string | undefined => (v.trim() ? v.trim() : undefined);
