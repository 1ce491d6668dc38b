import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Locale } from '../../shared/locales';
import type { MessageKey } from '../../web/src/i18n/catalog';

/*
 * What the app says in a language, read from the same catalogs it ships, so a browser test finds
 * a button by its Urdu or Spanish name as a member would.
 */
const catalogs = new Map<Locale, Record<string, string>>();

export async function wordsIn(tag: Locale): Promise<(key: MessageKey, params?: Record<string, string | number>) => string> {
  let catalog = catalogs.get(tag);
  if (!catalog) {
    catalog = (await import(`../../web/src/i18n/catalogs/${tag}.ts`)).default as Record<string, string>;
    catalogs.set(tag, catalog);
  }
  const messages = catalog;
  return (key, params) => String(new IntlMessageFormat(messages[key] ?? key, LOCALES[tag].intl).format(params));
}

/**
 * A moment as the app writes it in English for the account signed in on `page`: British English,
 * in her profile's time zone (else the browser's, which is this machine's).
 */
export async function dateAsShown(
  page: { request: { get: (url: string) => Promise<{ json: () => Promise<unknown> }> } },
  origin: string,
  iso: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): Promise<string> {
  const me = (await (await page.request.get(`${origin}/api/me`)).json()) as { profile?: { timezone?: string } | null };
  return new Intl.DateTimeFormat(LOCALES.en.intl, { ...options, timeZone: me.profile?.timezone }).format(new Date(iso));
}
