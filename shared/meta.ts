/**
 * Reference data: expertise codes, countries and languages. Labels come from the platform's
 * Intl data, so no country or language name is typed by hand and every one is in English today
 * and translatable tomorrow.
 */

export const EXPERTISE = [
  { code: 'investigation', label: 'Investigation' },
  { code: 'prosecution', label: 'Prosecution' },
  { code: 'victim_protection', label: 'Victim protection' },
  { code: 'legislation', label: 'Legislation and policy' },
  { code: 'border_management', label: 'Border management' },
  { code: 'labour_inspection', label: 'Labour inspection' },
  { code: 'international_cooperation', label: 'International cooperation' },
  { code: 'leadership', label: 'Leadership' },
  { code: 'financial_investigation', label: 'Financial investigation' },
  { code: 'digital_evidence', label: 'Digital evidence and online exploitation' },
  { code: 'training', label: 'Training and capacity building' },
  { code: 'migrant_smuggling', label: 'Migrant smuggling' },
] as const;

export type ExpertiseCode = (typeof EXPERTISE)[number]['code'];
export const EXPERTISE_CODES = EXPERTISE.map((e) => e.code) as [ExpertiseCode, ...ExpertiseCode[]];

/** Codes Intl knows as regions but that are not ISO 3166-1 alpha-2 countries. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'AC', 'CP', 'DG', 'EA', 'IC', 'TA', 'CQ']);

/** Deprecated codes (BU, YU, UK …) canonicalise to another region: they are not listed. */
function isCanonicalRegion(code: string): boolean {
  try {
    return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
  } catch {
    return false;
  }
}

function listCountries(): { code: string; label: string }[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const out: { code: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code) || code === 'XK' || !isCanonicalRegion(code)) continue;
      const label = names.of(code);
      if (label && label !== code) out.push({ code, label });
    }
  }
  return out.sort((x, y) => x.label.localeCompare(y.label, 'en'));
}

export const COUNTRIES = listCountries();
export const COUNTRY_CODES = new Set(COUNTRIES.map((c) => c.code));

/** The working languages offered in the pickers; any valid BCP-47 tag is accepted by the API. */
const LANGUAGE_CODES = [
  'en', 'ur', 'ps', 'fa', 'prs', 'ar', 'ckb', 'kmr', 'ne', 'hi', 'bn', 'pa', 'sd', 'bal', 'es', 'pt',
  'fr', 'de', 'it', 'ru', 'tr', 'uk', 'sw', 'am', 'ti', 'so', 'ha', 'id', 'ms', 'th', 'vi', 'tl', 'zh',
];

export const LANGUAGES = LANGUAGE_CODES.map((code) => ({
  code,
  label: new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code,
}));

/** True for a well-formed BCP-47 language tag. */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && tag.length <= 35;
  } catch {
    return false;
  }
}

/** True for a time-zone name the runtime knows (IANA). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length <= 64;
  } catch {
    return false;
  }
}
