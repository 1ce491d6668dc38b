/**
 * Search text, folded so that the spellings members type find one another (issue 14): case,
 * diacritics and Arabic-script variants folded, digits of every script made Latin, words found
 * by `Intl.Segmenter`. Pure: the index and the query use the same functions, so a word is folded
 * the same way when it is written and when it is asked for.
 */

/**
 * Combining marks to drop after canonical decomposition: Latin, Greek and Cyrillic accents
 * (U+0300–036F), Arabic harakat, shadda, sukun and hamza marks (U+064B–065F), the superscript
 * alef (U+0670) and the Quranic annotation marks (U+06D6–06ED). Indic vowel signs are marks too,
 * but they spell the word (नेपाल without ा is another word), so they are kept.
 * Tatweel (U+0640) only stretches a word, and ZWNJ / ZWJ (U+200C–200D) only shape letters:
 * می‌خواهم and میخواهم are the same word.
 */
const DROPPED = /[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]/g;

/**
 * Arabic-script letters with the same reading in the network's languages, folded to one:
 * the yehs (Arabic ي, alef maksura ى, Persian/Urdu ی), the kafs (ك, Persian/Urdu ک), the hehs
 * (Arabic ه, Urdu gol heh ہ, Kurdish ە) and the alefs (ٱ; أ إ آ lose their hamza or madda with
 * the marks above). Teh marbuta ة folds to heh too: it is pronounced as heh at the end of a word,
 * Persian and Urdu write the same loanwords with ه/ہ (مدرسة / مدرسه), and Arabic readers commonly
 * type ه for ة — the light stemmers of Arabic retrieval fold it the same way.
 */
const LETTERS: Record<string, string> = {
  '\u0649': '\u064a',
  '\u06cc': '\u064a',
  '\u06a9': '\u0643',
  '\u06c1': '\u0647',
  '\u06d5': '\u0647',
  '\u0629': '\u0647',
  '\u0671': '\u0627',
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0622': '\u0627',
};
const LETTER = /[\u0649\u06cc\u06a9\u06c1\u06d5\u0629\u0671\u0623\u0625\u0622]/g;

/** Zero of each script whose digits members type: Arabic-Indic, Persian, Devanagari, Bengali. */
const ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6];
const DIGIT = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]/g;

function latinDigit(d: string): string {
  const cp = d.codePointAt(0) ?? 0;
  const zero = ZEROS.find((z) => cp >= z && cp <= z + 9) ?? cp;
  return String(cp - zero);
}

/** Folds a text for search: NFKC, lower case, marks and variants folded, digits in Latin. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(DROPPED, '')
    .normalize('NFC')
    .replace(LETTER, (c) => LETTERS[c] ?? c)
    .replace(DIGIT, latinDigit);
}

/** Words longer than this are cut: long runs (hashes, glued URLs) carry no more meaning. */
export const MAX_WORD_LENGTH = 40;
/** At most this many distinct words of one document are indexed: its cost stays bounded. */
export const MAX_WORDS_PER_DOCUMENT = 400;

/** `#` separates a word from the rest of an index key, so no word may hold one. */
const KEY_UNSAFE = /#/g;

let segmenter: Intl.Segmenter | undefined;

/** A piece of the original text and its folded word, in the order of the text. */
export type Token = { word: string; index: number; length: number };

/**
 * The words of an original (unfolded) text with their places in it, for excerpts: segmented
 * before folding so that the places are the text's own, then each segment folded.
 */
export function tokens(text: string): Token[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const out: Token[] = [];
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    const word = keep(normalise(s.segment));
    if (word) out.push({ word, index: s.index, length: s.segment.length });
  }
  return out;
}

/** A folded segment as an index word, or null: one-letter words carry nothing, one digit does. */
function keep(folded: string): string | null {
  const word = [...folded.replace(KEY_UNSAFE, '')].slice(0, MAX_WORD_LENGTH).join('');
  const chars = [...word].length;
  if (chars === 0) return null;
  if (chars === 1 && !/^\d$/.test(word)) return null;
  return word;
}

/** The distinct folded words of a text, in order of first appearance, at most `max`. */
export function words(text: string, max = MAX_WORDS_PER_DOCUMENT): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const seen = new Set<string>();
  for (const s of segmenter.segment(normalise(text))) {
    if (seen.size >= max) break;
    if (!s.isWordLike) continue;
    const word = keep(s.segment);
    if (word) seen.add(word);
  }
  return [...seen];
}

/**
 * What a member typed, as words to look for. The last word is a prefix unless she ended with a
 * space or punctuation (she finished it). At most `max` words: the first ones she typed.
 */
export function queryWords(q: string, max = 6): { exact: string[]; prefix: string | null } {
  const all = words(q, 64);
  const finished = /[\s\p{P}]$/u.test(q);
  const last = finished ? null : (all.at(-1) ?? null);
  const exact = (last === null ? all : all.slice(0, -1)).slice(0, max - (last === null ? 0 : 1));
  return { exact, prefix: last };
}
