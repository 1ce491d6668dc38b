import { type Locale, locale, setLocale } from '../i18n';
import { isStatus } from './api';
import { getPreferences, type Preferences, savePreferences } from './preferences';

/*
 * Her language follows her: chosen on any device while signed in, it is kept with her account
 * (preferences `locale`) and adopted wherever she signs in next. Until she has chosen one (version
 * 0), the language this device shows stays: her browser's, or what she picked before signing in.
 */
let account: { id: string; preferences: Preferences } | undefined;
let justSignedUp = false;
/** Her preferences as asked for when the page opened with a session (`accountLocaleAtLoad`). */
let atLoad: Promise<Preferences | undefined> | undefined;

/**
 * A page opened with a session: her preferences are asked for at once, beside /api/me and the
 * device's catalog, and the app draws its first frame in the language they name (main.tsx). Drawn in
 * the device's and then redrawn in hers, the whole page moved (CLS 0.48 on a laptop) on a phone
 * that shows another language: one shared with someone else, or where she last chose another.
 * Answers her saved language, or undefined (none saved, signed out, or no answer).
 */
export function accountLocaleAtLoad(): Promise<Locale | undefined> {
  atLoad = getPreferences().catch(() => undefined);
  return atLoad.then((p) => (p && p.version > 0 ? p.locale : undefined));
}

/** The sign-up page says so: a new account keeps the language she signed up in. */
export function markSignedUp(): void {
  justSignedUp = true;
}

/** On sign-in, or a page load with a session: her saved language wins over the device's. */
export async function adoptAccountLocale(id: string): Promise<void> {
  if (account?.id === id) return;
  // The answer asked for as the page opened, once: a later sign-in asks again.
  const early = await atLoad;
  atLoad = undefined;
  const preferences = early ?? (await getPreferences());
  account = { id, preferences };
  if (preferences.version > 0) {
    if (preferences.locale !== locale()) await setLocale(preferences.locale, { keep: true });
  } else if (justSignedUp) {
    justSignedUp = false;
    await rememberLocale(locale());
  }
}

/** Signed out: the next account's language is its own. */
export function forgetAccountLocale(): void {
  account = undefined;
}

/** After she picks a language (already shown and kept on the device): kept with her account too. */
export async function rememberLocale(tag: Locale): Promise<void> {
  if (!account) return;
  const current = account;
  try {
    current.preferences = await savePreferences({ locale: tag, version: current.preferences.version });
  } catch (e) {
    // Saved from another device meanwhile: read the new version once and save over it.
    if (!isStatus(e, 409)) return;
    const fresh = await getPreferences();
    current.preferences = await savePreferences({ locale: tag, version: fresh.version }).catch(() => fresh);
  }
}
