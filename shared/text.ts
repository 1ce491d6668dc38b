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

/** NFC-normalise, strip bidi and control characters, collapse runs of whitespace. */
export function normalizeName(input: string): string {
  return input.normalize('NFC').replace(BIDI_CONTROLS, '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
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
