import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, hasVisibleCharacter, nameLookalikeKey, normalizeName, sortKeyForName } from '../../shared/text';

describe('names in any script', () => {
  it('normalises to NFC and strips bidi and control characters', () => {
    expect(normalizeName('  Zarghu\u0301na\u200F \u202Eabc\u202C\n')).toBe('Zarghúna abc');
    expect(normalizeName('مریم\u061C احمدی')).toBe('مریم احمدی');
  });

  it('sorts names of different scripts with a stable, case- and accent-free key', () => {
    expect(sortKeyForName('Élodie')).toBe('elodie');
    expect(sortKeyForName('सीता थापा')).toBe(sortKeyForName('सीता थापा'));
  });
});

describe('text that cannot be shown', () => {
  it('finds lone surrogates but not whole characters made of a surrogate pair', () => {
    expect(hasLoneSurrogate('Sana \uD800')).toBe(true);
    expect(hasLoneSurrogate('\uDC00 first')).toBe(true);
    expect(hasLoneSurrogate('Sana 🌸 𝐁')).toBe(false);
  });

  it('strips invisible characters from names but keeps the joiners Persian and Indic names need', () => {
    expect(normalizeName('Sa\u200Bna\u2060\u00AD')).toBe('Sana');
    expect(normalizeName('مهر\u200Cناز')).toBe('مهر\u200Cناز');
    expect(normalizeName('क्\u200Dष')).toBe('क्\u200Dष');
  });

  it('knows a name that shows nothing from one that shows a letter', () => {
    for (const invisible of ['', ' ', '\u200C', '\u200D\u200C', '\u3164', '\u2800', '\u0301', '\uFE0F']) {
      expect(hasVisibleCharacter(invisible), JSON.stringify(invisible)).toBe(false);
    }
    for (const visible of ['S', 'مهر', 'सीता', '李', '7']) expect(hasVisibleCharacter(visible), visible).toBe(true);
  });
});

describe('names that read the same', () => {
  it('share one key across case, full-width and styled letters, invisible characters, spacing and punctuation', () => {
    const key = nameLookalikeKey('Zainab Qureshi');
    for (const lookalike of [
      'zainab qureshi',
      'ＺＡＩＮＡＢ　ＱＵＲＥＳＨＩ',
      'Zai\u200Bnab  Qureshi',
      'Zainab.Qureshi',
      'Zainab-Qureshi',
      '𝐙𝐚𝐢𝐧𝐚𝐛 Qureshi',
    ]) {
      expect(nameLookalikeKey(lookalike), lookalike).toBe(key);
    }
  });

  it('keep names that differ in a letter or a vowel sign apart', () => {
    expect(nameLookalikeKey('Zainab Qureshi')).not.toBe(nameLookalikeKey('Zainab Qureshy'));
    expect(nameLookalikeKey('सीता')).not.toBe(nameLookalikeKey('सता'));
  });
});
