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
