/**
 * Reference data: expertise codes, countries and languages. Labels come from the platform's
 * Intl data, so no country or language name is typed by hand and every one is in English today
 * and translatable tomorrow.
 */

/** A mentoring request nobody answers expires after this many days (the API's rule, the app's words). */
export const REQUEST_EXPIRY_DAYS = 14;

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

/**
 * ISO 3166-1 alpha-2 codes (the 249 officially assigned). Only codes are listed here; their names
 * come from Intl, on demand, so importing this module costs nothing at a Lambda's cold start.
 */
export const COUNTRY_CODE_LIST: readonly string[] = (
  'AF AX AL DZ AS AD AO AI AQ AG AR AM AW AU AT AZ BS BH BD BB ' +
  'BY BE BZ BJ BM BT BO BA BW BV BR IO VG BN BG BF BI KH CM CA ' +
  'CV BQ KY CF TD CL CN CX CC CO KM CG CD CK CR CI HR CU CW CY ' +
  'CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FK FO FJ FI FR GF PF ' +
  'TF GA GM GE DE GH GI GR GL GD GP GU GT GG GN GW GY HT HM HN ' +
  'HK HU IS IN ID IR IQ IE IM IL IT JM JP JE JO KZ KE KI KW KG ' +
  'LA LV LB LS LR LY LI LT LU MO MG MW MY MV ML MT MH MQ MR MU ' +
  'YT MX FM MD MC MN ME MS MA MZ MM NA NR NP NL NC NZ NI NE NG ' +
  'NU NF KP MK MP NO OM PK PW PS PA PG PY PE PH PN PL PT PR QA ' +
  'RE RO RU RW WS SM ST SA SN RS SC SL SG SX SK SI SB SO ZA GS ' +
  'KR SS ES LK BL SH KN LC MF PM VC SD SR SJ SE CH SY TW TJ TZ ' +
  'TH TL TG TK TO TT TN TR TM TC TV UM VI UG UA AE GB US UY UZ ' +
  'VU VA VE VN WF EH YE ZM ZW '
)
  .trim()
  .split(/\s+/);
export const COUNTRY_CODES = new Set(COUNTRY_CODE_LIST);

let countryList: { code: string; label: string }[] | undefined;

/** Countries with their English names, sorted by name. */
export function countries(): { code: string; label: string }[] {
  if (!countryList) {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    countryList = COUNTRY_CODE_LIST.map((code) => ({ code, label: names.of(code) ?? code })).sort((x, y) =>
      x.label.localeCompare(y.label, 'en'),
    );
  }
  return countryList;
}

/** The working languages offered in the pickers; any valid BCP-47 tag is accepted by the API. */
export const LANGUAGE_CODES: readonly string[] = [
  'en',
  'ur',
  'ps',
  'fa',
  'prs',
  'ar',
  'ckb',
  'kmr',
  'ne',
  'hi',
  'bn',
  'pa',
  'sd',
  'bal',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'ru',
  'tr',
  'uk',
  'sw',
  'am',
  'ti',
  'so',
  'ha',
  'id',
  'ms',
  'th',
  'vi',
  'tl',
  'zh',
];

let languageList: { code: string; label: string }[] | undefined;

/** The offered working languages with their English names. */
export function languages(): { code: string; label: string }[] {
  if (!languageList) {
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    languageList = LANGUAGE_CODES.map((code) => ({ code, label: names.of(code) ?? code }));
  }
  return languageList;
}

/** True for a well-formed BCP-47 language tag. */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1 && tag.length <= 35;
  } catch {
    return false;
  }
}

/** True for a time-zone name the runtime knows (IANA). */
/**
 * Zones ICU (so Node and every browser's Intl) still lists under the name IANA retired; IANA's
 * current name is the canonical one (the seed and members write Asia/Kolkata, not Asia/Calcutta).
 */
const RENAMED_ZONES: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** A zone id under its current IANA name (a retired name is renamed; others are kept as given). */
export const canonicalTimeZone = (tz: string): string => RENAMED_ZONES[tz] ?? tz;

let zoneList: readonly string[] | undefined;

/** The canonical IANA zone ids: one per zone, no aliases (US/Eastern, Etc/GMT+5) and no retired names. */
export function canonicalTimeZones(): readonly string[] {
  zoneList ??= [...new Set([...Intl.supportedValuesOf('timeZone').map(canonicalTimeZone), 'UTC'])].sort();
  return zoneList;
}

/** True for a canonical IANA zone id only: an alias or a retired name is refused, so one zone has one spelling. */
export function isTimeZone(tz: string): boolean {
  return canonicalTimeZones().includes(tz);
}
