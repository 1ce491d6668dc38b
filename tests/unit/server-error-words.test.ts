import { parse } from '@formatjs/icu-messageformat-parser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PARSE_OPTIONS } from '../../scripts/i18n/catalog-rules';
import { CONFLICT_REASONS, DETAIL_CODES, ERROR_CODES, FORBIDDEN_REASONS, UNAUTHENTICATED_REASONS } from '../../shared/error-codes';
import en from '../../web/src/i18n/catalogs/en';

// The i18n module sets <html lang dir> when the language is set; the rest runs as in the browser,
// with the catalog compiled to message ASTs as the build does (web/icu-catalogs.ts).
vi.stubGlobal('document', { documentElement: { lang: '', dir: '' } });
vi.doMock('../../web/src/i18n/catalogs/en.ts', () => ({
  default: Object.fromEntries(Object.entries(en).map(([key, message]) => [key, parse(message, PARSE_OPTIONS)])),
}));
const { setLocale } = await import('../../web/src/i18n');
const { ApiError } = await import('../../web/src/lib/api');
const { createFormErrors, detailMessage, generalMessage } = await import('../../web/src/lib/form');

const SERVER_ENGLISH = 'SERVER ENGLISH SENTENCE';
const catalog: Record<string, string> = en;

beforeAll(async () => {
  await setLocale('en');
});

describe('the app words every code the server can send', () => {
  it('has an error.<code> message for every error code and every 401, 403 and 409 reason', () => {
    for (const code of [...ERROR_CODES, ...CONFLICT_REASONS, ...FORBIDDEN_REASONS, ...UNAUTHENTICATED_REASONS]) {
      expect(catalog[`error.${code}`], code).toEqual(expect.any(String));
    }
  });

  it('has a validation.<code> message for every detail code, and formats each with its params', () => {
    for (const code of DETAIL_CODES) {
      expect(catalog[`validation.${code}`], code).toEqual(expect.any(String));
      expect(detailMessage({ code, params: { minimum: 2, maximum: 5, origin: 'array', format: 'email' } })).not.toMatch(/validation\./);
    }
  });
});

describe('server errors in the member’s language', () => {
  it('words a conflict’s reason from the catalog, never the server’s message', () => {
    const e = new ApiError(409, 'conflict', SERVER_ENGLISH, [{ path: '', code: 'stale_version', message: SERVER_ENGLISH }]);
    expect(generalMessage(e)).toBe(en['error.stale_version']);
  });

  it('words a 403’s reason, with its date formatted, and a bare 403 by its code', () => {
    const suspended = new ApiError(403, 'forbidden', SERVER_ENGLISH, [
      { path: '', code: 'suspended', message: SERVER_ENGLISH, params: { until: '2030-01-15T00:00:00.000Z' } },
    ]);
    expect(generalMessage(suspended)).toMatch(/^Your account is suspended until .*2030/);
    expect(generalMessage(new ApiError(403, 'forbidden', SERVER_ENGLISH))).toBe(en['error.forbidden']);
    expect(generalMessage(new ApiError(404, 'not_found', SERVER_ENGLISH))).toBe(en['error.not_found']);
  });

  it('falls back to a generic sentence for a code it does not know', () => {
    const e = new ApiError(409, 'conflict_of_the_future', SERVER_ENGLISH, [{ path: '', code: 'brand_new', message: SERVER_ENGLISH }]);
    expect(generalMessage(e)).toBe(en['common.errorGeneric']);
    expect(generalMessage(new Error(SERVER_ENGLISH))).toBe(en['common.errorGeneric']);
  });

  it('words field details with their params, and details of no field once above the form', () => {
    const form = createFormErrors(['displayName', 'expertise', 'bio']);
    form.fromError(
      new ApiError(400, 'validation_failed', SERVER_ENGLISH, [
        { path: 'displayName', code: 'too_long', message: SERVER_ENGLISH, params: { maximum: 60 } },
        { path: 'expertise.3', code: 'too_large', message: SERVER_ENGLISH, params: { maximum: 12, origin: 'array' } },
        { path: 'bio', code: 'required', message: SERVER_ENGLISH },
        { path: 'json', code: 'unknown_field', message: SERVER_ENGLISH, params: { fields: ['x'] } },
      ]),
    );
    expect(form.error('displayName')).toBe('Use at most 60 characters.');
    expect(form.error('expertise')).toBe('Choose at most 12 items.');
    expect(form.error('bio')).toBe(en['validation.required']);
    expect(form.general()).toBe(en['validation.unknown_field']);
    expect(JSON.stringify(form.summary())).not.toContain(SERVER_ENGLISH);
  });

  it('says a number’s bound as a number and a one-character minimum in the singular', () => {
    expect(detailMessage({ code: 'too_small', params: { minimum: 1, origin: 'number' } })).toBe('Enter a number of at least 1.');
    expect(detailMessage({ code: 'too_short', params: { minimum: 1 } })).toBe('Write at least 1 character.');
    expect(detailMessage({ code: 'invalid_format', params: { format: 'email' } })).toBe('Enter a valid email address.');
    expect(detailMessage({ code: 'not_eligible', params: { reason: 'no_shared_language' } })).toBe('Not eligible: they share no language.');
    expect(detailMessage({ code: 'not_eligible', params: { reason: 'from_the_future' } })).toBe(
      'Not eligible: this pair cannot be made now.',
    );
  });
});
