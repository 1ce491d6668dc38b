import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WORD_LENGTH, normalise, queryWords, tokens, words } from '../../functions/search/normalise';
import { changesOfImage } from '../../functions/search/changes';
import { excerptOf, plainText } from '../../functions/search/service';

describe('folding', () => {
  it.each([
    // Urdu: keheh and Farsi yeh fold to the Arabic kaf and yeh; gol heh to heh.
    ['ur', 'پاکستان', 'پاكستان'],
    ['ur', 'ہمارا', 'همارا'],
    ['ur', 'پولیس', 'پوليس'],
    // Persian: the same letters, ZWNJ and its absence are one word, Persian digits are Latin.
    ['fa', 'می‌خواهم', 'ميخواهم'],
    ['fa', 'کودک', 'كودك'],
    ['fa', '۱۴۰۵', '1405'],
    // Arabic: harakat, shadda, superscript alef and tatweel go; hamza seats and teh marbuta fold.
    ['ar', 'مُدَرِّسَة', 'مدرسه'],
    ['ar', 'كتـــاب', 'كتاب'],
    ['ar', 'هٰذا', 'هذا'],
    ['ar', 'أمن إنسان آمن ٱلله', 'امن انسان امن الله'],
    ['ar', 'مستشفى', 'مستشفي'],
    ['ar', '١٤٤٦', '1446'],
    // Pashto: its own letters stay, the shared ones fold.
    ['ps', 'افغانستان کې', 'افغانستان كې'],
    // Bengali and Nepali: vowel signs are part of the word and stay; their digits become Latin.
    ['bn', 'বাংলাদেশ ২০২৬', 'বাংলাদেশ 2026'],
    ['ne', 'नेपाल प्रहरी ०१२', 'नेपाल प्रहरी 012'],
    // Cyrillic: case, and ё folded to е.
    ['ru', 'Полиция Ёлка', 'полиция елка'],
    ['uk', 'ПРОКУРОР', 'прокурор'],
    // Latin diacritics.
    ['fr', 'Traité ÉLÈVE', 'traite eleve'],
    ['es', 'Protección Niño', 'proteccion nino'],
    ['pt', 'São João Tráfico', 'sao joao trafico'],
    // NFKC: full-width and ligatures.
    ['en', 'ＰＯＬＩＣＥ ﬁle', 'police file'],
  ])('%s: %s → %s', (_lang, text, folded) => {
    expect(normalise(text)).toBe(folded);
  });

  it('folds every spelling of a word to the same form, whatever the text around it', () => {
    const variants = ['پاکستان', 'پاكستان', 'پاكـستان', 'پاکِستان'];
    fc.assert(
      fc.property(fc.constantFrom(...variants), fc.constantFrom(...variants), (a, b) => {
        expect(normalise(a)).toBe(normalise(b));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(normalise(normalise(s))).toBe(normalise(s));
      }),
    );
  });
});

describe('words', () => {
  it('segments by Intl.Segmenter, keeps word-like segments, drops one-letter words but not digits', () => {
    expect(words('A 7 trafficking-case, in Lahore! 7')).toEqual(['7', 'trafficking', 'case', 'in', 'lahore']);
    expect(words('اسمگلنگ کے خلاف')).toEqual(['اسمگلنگ', 'كے', 'خلاف']);
    expect(words('Київ і Львів')).toEqual(['киів', 'львів']);
  });

  it('caps the words of a document and the length of a word', () => {
    const many = Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ');
    expect(words(many, 10)).toHaveLength(10);
    expect(words('x'.repeat(100))[0]).toHaveLength(MAX_WORD_LENGTH);
  });

  it('never yields a word holding the key separator or fewer than two characters unless a digit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        for (const w of words(s)) {
          expect(w).not.toContain('#');
          expect([...w].length >= 2 || /^\d$/.test(w)).toBe(true);
        }
      }),
    );
  });

  it('treats the last word typed as a prefix unless it was finished by punctuation', () => {
    expect(queryWords('human traffick')).toEqual({ exact: ['human'], prefix: 'traffick' });
    expect(queryWords('human trafficking.')).toEqual({ exact: ['human', 'trafficking'], prefix: null });
    expect(queryWords('a b c d e f g h').exact.length + 1).toBeLessThanOrEqual(6);
  });

  it('places tokens in the original text', () => {
    const text = 'Café, پاکستان!';
    for (const t of tokens(text)) expect(normalise(text.slice(t.index, t.index + t.length))).toBe(t.word);
  });
});

describe('excerpts', () => {
  const find = (w: string) => [{ word: w, exact: true }];

  it('shows a short window around the first match, marked by ranges into the excerpt', () => {
    const body = `${'lead '.repeat(40)}the پاکستان police ${'tail '.repeat(60)}`;
    const { excerpt, matches } = excerptOf(body, find('پاكستان'));
    expect(excerpt.length).toBeLessThanOrEqual(210);
    expect(excerpt.startsWith('… ')).toBe(true);
    expect(matches).toHaveLength(1);
    expect(excerpt.slice(matches[0]?.start, matches[0]?.end)).toBe('پاکستان');
  });

  it('keeps paragraphs apart, one line each, so each can take its own direction', () => {
    expect(plainText('السلام علیکم!\n\nI am   Sadia.\n')).toBe('السلام علیکم!\nI am Sadia.');
  });

  it('reads Markdown as plain text and keeps HTML as inert text', () => {
    expect(plainText('# Title\n**bold** [link](https://x.example) <script>x</script>')).toBe('Title\nbold link <script>x</script>');
  });
});

describe('table changes to documents', () => {
  it('maps an opening post to its thread, a reply to itself, and ignores what search does not index', () => {
    expect(changesOfImage({ entity: 'post', id: 'P', threadId: 'T', opening: true })).toEqual([{ kind: 'thread', id: 'T' }]);
    expect(changesOfImage({ entity: 'post', id: 'P', threadId: 'T', opening: false })).toEqual([{ kind: 'post', id: 'P' }]);
    expect(changesOfImage({ entity: 'member', id: 'M' })).toEqual([{ kind: 'member', id: 'M' }]);
    expect(changesOfImage({ entity: 'event', id: 'E' })).toEqual([{ kind: 'event', id: 'E' }]);
    expect(changesOfImage({ entity: 'searchEntry', id: 'X' })).toEqual([]);
    expect(changesOfImage({ entity: 'session' })).toEqual([]);
    expect(changesOfImage(undefined)).toEqual([]);
  });
});
