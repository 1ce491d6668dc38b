import { COUNTRY_CODE_LIST, EXPERTISE, EXPERTISE_CODES, type ExpertiseCode, LANGUAGE_CODES } from '../../../shared/meta';
import type { Option } from '../components/select';
import { countryName, expertiseName, languageName, sortedOptions } from '../i18n/format';

/** Options for the pickers, labelled in the current locale (names from the browser's Intl data). */
export const countryOptions = (): Option[] => sortedOptions(COUNTRY_CODE_LIST, countryName);
export const expertiseOptions = (): Option[] => EXPERTISE.map((e) => ({ value: e.code, label: expertiseName(e.code) }));
export const languageOptions = (): Option[] => sortedOptions(LANGUAGE_CODES, languageName);

/** Every IANA zone the browser knows. */
export const timezoneOptions = (): Option[] =>
  Intl.supportedValuesOf('timeZone').map((tz) => ({ value: tz, label: tz.replace(/_/g, ' ') }));

/** Narrows picked strings to expertise codes (unknown ones are dropped). */
export const asExpertise = (values: readonly string[]): ExpertiseCode[] => EXPERTISE_CODES.filter((c) => values.includes(c));

export { asKind, KINDS } from './kinds';

/** Trimmed text, or undefined when empty: an empty optional field is left out, not stored as "". */
export const optional = (v: string): string | undefined => (v.trim() ? v.trim() : undefined);
