/**
 * Text normalisation used by the API (before storing) and the web app (before showing a preview).
 * Names arrive in any script: Urdu, Dari, Pashto, Arabic, Nepali, Latin. We keep the script and
 * remove what lets a name impersonate another or reorder surrounding text.
 */

/** Bidirectional control characters: they can make a name render as something else. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** C0/C1 control characters (tab, newline included): never part of a name. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * Characters that take no room and show nothing (zero-width space, word joiner, soft hyphen,
 * variation selectors, fillers…). ZWNJ and ZWJ are kept: Persian, Urdu and Indic names need them
 * to be spelled right.
 */
const INVISIBLE = /(?![\u200C\u200D])[\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** A UTF-16 surrogate without its pair: not a character at all (and not storable as UTF-8). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** NFC-normalise, strip bidi, control and invisible characters, collapse runs of whitespace. */
export function normalizeName(input: string): string {
  return input.normalize('NFC').replace(BIDI_CONTROLS, '').replace(INVISIBLE, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether the text holds a lone surrogate (a JSON `"\ud800"` escape decodes to one). */
export function hasLoneSurrogate(input: string): boolean {
  return LONE_SURROGATE.test(input);
}

/** Whether a name shows at least one letter, digit or symbol (not only joiners, marks or spaces). */
export function hasVisibleCharacter(name: string): boolean {
  return /[^\p{White_Space}\p{M}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u.test(name);
}

/**
 * The key two names share when they read the same: NFKC (compatibility forms: full-width,
 * ligatures, styled letters), case-folded, without invisible characters, joiners, dots, hyphens,
 * apostrophes or spaces. Marks stay: in Devanagari or Arabic they are the vowels. A name whose key is a board member's could pass for hers.
 */
export function nameLookalikeKey(name: string): string {
  return normalizeName(name)
    .normalize('NFKC')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
    .replace(/[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800._\-\u2010-\u2015'’·]/gu, '')
    .normalize('NFKC');
}

/** NFC and bidi-control stripping for free text; line breaks are kept. */
export function normalizeText(input: string): string {
  return (
    input
      .normalize('NFC')
      .replace(BIDI_CONTROLS, '')
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '')
      .trim()
  );
}

/** A key for sorting names of any script the same way everywhere (lower case, NFKD, no marks). */
export function sortKeyForName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').slice(0, 40);
}
