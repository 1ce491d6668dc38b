import { describe, expect, it } from 'vitest';
import { normalizeName, sortKeyForName } from '../../shared/text';

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
