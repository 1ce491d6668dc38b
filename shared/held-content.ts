/**
 * Held-content rules for the safe discussion space (issue: posts that expose personal data or
 * live cases wait for a board member). Pure functions, shared by the API (which holds the post)
 * and the web app (which can warn the author before she posts).
 *
 * Digits are matched after mapping Arabic-Indic (٠–٩) and Persian (۰–۹) digits to Latin, so a
 * phone number or an identity number is caught in any of the scripts members write in.
 */

export type HeldReason = 'phone_number' | 'email_address' | 'national_id' | 'passport_number' | 'case_reference' | 'watched_word';

const ARABIC_INDIC = 0x0660;
const PERSIAN = 0x06f0;

/** Maps Arabic-Indic and Persian digits to Latin ones; everything else is left as it is. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= PERSIAN ? code - PERSIAN : code - ARABIC_INDIC);
  });
}

/**
 * Folds a word for watched-word matching: lower case, no diacritics (Latin accents and Arabic
 * harakat), and the Arabic/Persian letter variants members type interchangeably made one.
 */
export function foldForMatching(text: string): string {
  return latinDigits(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents, harakat, shadda, sukun…
    .replace(/\u0640/g, '') // tatweel
    .replace(/[يىی]/g, 'ی') // Arabic yeh, alef maksura, Persian yeh
    .replace(/[كک]/g, 'ک') // Arabic kaf, Persian keheh
    .replace(/[ةه]/g, 'ه') // teh marbuta, heh
    .replace(/[أإآٱ]/g, 'ا') // alef with hamza or madda
    .toLocaleLowerCase('en');
}

const RULES: { reason: Exclude<HeldReason, 'watched_word'>; pattern: RegExp }[] = [
  // Pakistan's CNIC: 13 digits, written 12345-1234567-1 or run together. Checked before phone
  // numbers so a CNIC is named for what it is.
  { reason: 'national_id', pattern: /(?<!\d)\d{5}[-\s]?\d{7}[-\s]?\d(?!\d)/ },
  // Other national identity numbers: Afghan e-Tazkira (1234-5678-12345), Iraqi, Iranian (10 digits
  // written 123-456789-0), Colombian cédula and Brazilian CPF (123.456.789-09).
  { reason: 'national_id', pattern: /(?<!\d)\d{4}-\d{4}-\d{5}(?!\d)|(?<!\d)\d{3}-\d{6}-\d(?!\d)|(?<!\d)\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d)/ },
  // E-mail addresses.
  { reason: 'email_address', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u },
  // Passport numbers next to the word (many scripts put it on either side).
  {
    reason: 'passport_number',
    pattern:
      /(passport|passeport|pasaporte|passaporte|پاسپورٹ|پاسپورت|جواز\s*سفر|गमनाज्ञा|राहदानी)\W{0,12}(no\.?|number|n[º°])?\W{0,6}[A-Z]{0,2}\d{6,9}\b/iu,
  },
  // Case, FIR (first information report) and docket references.
  {
    reason: 'case_reference',
    pattern:
      /(?<![\p{L}\p{N}])(FIR|F\.I\.R\.?|case|docket|crime|rad(icado)?|processo|expediente|ایف\s*آئی\s*آر|مقدمہ|پرونده|قضية)\s*(no\.?|number|#|nº|n°|نمبر|شماره|رقم)?\s*[:.]?\s*\d{2,}([/-]\d+)*/iu,
  },
  // Phone numbers: an optional +country code and 9–15 digits with spaces, dots, dashes or brackets.
  { reason: 'phone_number', pattern: /(?<![\d/])(\+|00)?\d[\d\s().-]{7,17}\d(?![\d/])/ },
];

/** How many digits a candidate phone number holds (so "2026-11-23" is not a phone number). */
const digitCount = (s: string) => (s.match(/\d/g) ?? []).length;
const looksLikeDate = (s: string) => /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(s.trim());

/** Why this text must wait for a board member, in the order the rules are listed; empty when it need not. */
export function heldReasons(text: string, watchedWords: readonly string[] = []): HeldReason[] {
  const latin = latinDigits(text.normalize('NFC'));
  const found = new Set<HeldReason>();
  for (const rule of RULES) {
    const m = rule.pattern.exec(latin);
    if (!m) continue;
    if (rule.reason === 'phone_number') {
      const digits = digitCount(m[0]);
      if (digits < 9 || digits > 15 || looksLikeDate(m[0]) || found.has('national_id')) continue;
    }
    found.add(rule.reason);
  }
  if (watchedWords.length) {
    const folded = ` ${foldForMatching(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    if (
      watchedWords.some(
        (w) =>
          w.trim() &&
          folded.includes(
            ` ${foldForMatching(w)
              .replace(/[^\p{L}\p{N}]+/gu, ' ')
              .trim()} `,
          ),
      )
    ) {
      found.add('watched_word');
    }
  }
  return [...found];
}
