import { describe, expect, it } from 'vitest';
import { TABLE, fromAttr, queryAll, values } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { acceptedLanguages } from '../../functions/members/preferences';
import { Agent, applicant, expectError, member, signedInAgent } from '../helpers';

const PATH = '/api/members/me/preferences';
const EMAIL_OFF = { enabled: false, digest: 'daily', wording: 'neutral', reminders: true, nudges: true };

async function partitionOf(memberId: string): Promise<Record<string, unknown>[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.member(memberId).pk }),
    ConsistentRead: true,
  });
  return items.map((i) => fromAttr(i));
}

describe('preferences before the first save', () => {
  it('answers the defaults: English, email off, version 0', async () => {
    const a = await signedInAgent('prefs-default');
    const res = await a.get(PATH);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ locale: 'en', email: EMAIL_OFF, version: 0 });
  });

  it('takes the first of the browser’s languages that the app has (Accept-Language, by q)', async () => {
    const a = await signedInAgent('prefs-accept');
    expect((await a.get(PATH, { 'accept-language': 'de-DE,ur-PK;q=0.9,en;q=0.5' })).body.locale).toBe('ur');
    expect((await a.get(PATH, { 'accept-language': 'en;q=0.3, prs;q=0.8, de' })).body.locale).toBe('fa');
    expect((await a.get(PATH, { 'accept-language': 'de, ja;q=0.5' })).body.locale).toBe('en');
    expect((await a.get(PATH, { 'accept-language': 'ar;q=0, es' })).body.locale).toBe('es');
  });

  it('reads Accept-Language in order of preference, refusing q=0 and the wildcard', () => {
    expect(acceptedLanguages('fr;q=0.5, ps, *;q=0.1, ru;q=0')).toEqual(['ps', 'fr']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });

  it('is open to a pending applicant and to an account without a profile, and closed without a session', async () => {
    const pending = await applicant({}, 'prefs-pending');
    expect((await pending.get(PATH)).status).toBe(200);
    expect((await pending.put(PATH, { locale: 'bn', version: 0 })).body).toMatchObject({ locale: 'bn', version: 1 });
    expectError(await new Agent().get(PATH), 401, 'unauthenticated');
    expectError(await new Agent().put(PATH, { locale: 'bn', version: 0 }), 401, 'unauthenticated');
  });
});

describe('saving preferences', () => {
  it('keeps them with her account: a round trip, and another device reads the same', async () => {
    const a = await member({}, 'prefs-round');
    const saved = await a.put(PATH, { locale: 'ar', email: { enabled: true, digest: 'weekly' }, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ locale: 'ar', email: { ...EMAIL_OFF, enabled: true, digest: 'weekly' }, version: 1 });
    // Her browser's language no longer decides once she has chosen.
    expect((await a.get(PATH, { 'accept-language': 'ru' })).body).toEqual(saved.body);
  });

  it('replaces only the fields the body names', async () => {
    const a = await signedInAgent('prefs-partial');
    await a.put(PATH, { locale: 'uk', email: { enabled: true, wording: 'detailed' }, version: 0 });
    const next = await a.put(PATH, { email: { nudges: false }, version: 1 });
    expect(next.body).toEqual({ locale: 'uk', email: { ...EMAIL_OFF, enabled: true, wording: 'detailed', nudges: false }, version: 2 });
    const lang = await a.put(PATH, { locale: 'ne', version: 2 });
    expect(lang.body).toEqual({ ...next.body, locale: 'ne', version: 3 });
  });

  it('saves the browser’s language when the first save does not name one', async () => {
    const a = await signedInAgent('prefs-first');
    const res = await a.put(PATH, { email: { enabled: true }, version: 0 }, { 'accept-language': 'pt-BR' });
    expect(res.body.locale).toBe('pt');
    expect((await a.get(PATH)).body.locale).toBe('pt');
  });

  it.each([
    ['an unsupported locale', { locale: 'de', version: 0 }, 'locale', 'invalid_enum'],
    ['a locale in the wrong case', { locale: 'AR', version: 0 }, 'locale', 'invalid_enum'],
    ['no version', { locale: 'ar' }, 'version', 'required'],
    ['a negative version', { locale: 'ar', version: -1 }, 'version', 'too_small'],
    ['an unknown digest', { email: { digest: 'hourly' }, version: 0 }, 'email.digest', 'invalid_enum'],
    ['a string for a boolean', { email: { enabled: 'yes' }, version: 0 }, 'email.enabled', 'invalid_type'],
    ['an unknown field', { locale: 'ar', theme: 'dark', version: 0 }, 'json', 'unknown_field'],
    ['an unknown email field', { email: { sms: true }, version: 0 }, 'email', 'unknown_field'],
  ])('refuses %s with a 400 and a detail code', async (_what, body, path, code) => {
    const a = await signedInAgent('prefs-bad');
    const res = await a.put(PATH, body);
    expectError(res, 400, 'validation_failed');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path, code })]);
    expect((await a.get(PATH)).body.version).toBe(0);
  });

  it('names the supported languages in the detail of an unsupported one', async () => {
    const a = await signedInAgent('prefs-options');
    const res = await a.put(PATH, { locale: 'de', version: 0 });
    expect(res.body.error.details[0].params.options).toEqual(['en', 'ar', 'fa', 'ps', 'ur', 'bn', 'ne', 'fr', 'es', 'pt', 'ru', 'uk']);
  });

  it('refuses a stale version with 409 stale_version and keeps what was saved', async () => {
    const a = await signedInAgent('prefs-stale');
    await a.put(PATH, { locale: 'fr', version: 0 });
    const stale = await a.put(PATH, { locale: 'es', version: 0 });
    expectError(stale, 409, 'conflict');
    expect(stale.body.error.details).toEqual([{ path: '', code: 'stale_version', message: expect.any(String) }]);
    expectError(await a.put(PATH, { locale: 'es', version: 7 }), 409, 'conflict');
    expect((await a.get(PATH)).body).toMatchObject({ locale: 'fr', version: 1 });
  });

  it('makes exactly one of many concurrent saves of the same version; the others are 409 stale_version', async () => {
    const a = await signedInAgent('prefs-race');
    await a.put(PATH, { locale: 'en', version: 0 });
    const locales = ['ar', 'fa', 'ps', 'ur', 'bn', 'ne', 'fr', 'es', 'pt', 'ru', 'uk'].flatMap((l) => [l, l]);
    const results = await Promise.all(locales.map((locale) => a.put(PATH, { locale, version: 1 })));
    const made = results.filter((r) => r.status === 200);
    expect(made).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expectError(r, 409, 'conflict');
      expect(r.body.error.details[0].code).toBe('stale_version');
    }
    expect((await a.get(PATH)).body).toEqual({ locale: made[0]?.body.locale, email: EMAIL_OFF, version: 2 });
  });

  it('makes exactly one of many concurrent first saves (version 0)', async () => {
    const a = await signedInAgent('prefs-race0');
    const results = await Promise.all(['ar', 'fa', 'ps', 'ur', 'bn', 'ne'].map((locale) => a.put(PATH, { locale, version: 0 })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    expect((await a.get(PATH)).body.version).toBe(1);
  });

  it('keeps each member’s preferences to herself', async () => {
    const a = await signedInAgent('prefs-mine');
    const b = await signedInAgent('prefs-theirs');
    await a.put(PATH, { locale: 'ru', version: 0 });
    expect((await b.get(PATH)).body).toEqual({ locale: 'en', email: EMAIL_OFF, version: 0 });
  });
});

describe('preferences and her data', () => {
  it('are in her export once saved, and null before', async () => {
    const a = await signedInAgent('prefs-export');
    expect((await a.get('/api/members/me/export')).body.preferences).toBeNull();
    await a.put(PATH, { locale: 'ps', email: { enabled: true }, version: 0 });
    const exported = await a.get('/api/members/me/export');
    expect(exported.body.preferences).toEqual({ locale: 'ps', email: { ...EMAIL_OFF, enabled: true }, version: 1 });
  });

  it('are erased with her account', async () => {
    const a = await member({}, 'prefs-erase');
    await a.put(PATH, { locale: 'ur', email: { enabled: true }, version: 0 });
    expect((await partitionOf(a.userId)).map((i) => i.entity)).toContain('preferences');
    expect((await a.del('/api/members/me')).status).toBe(202);
    expect(await partitionOf(a.userId)).toEqual([]);
  });
});
