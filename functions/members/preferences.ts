import { firstSupported, isLocale, type Locale } from '../../shared/locales';
import type { EmailPreferences, Preferences, PreferencesInput } from '../../shared/schemas';
import { ConflictError } from '../lib/errors';
import type { Session } from '../lib/session';
import * as repo from './repository';

/** Email is off until she turns it on; when on, a daily digest in neutral words (contract: Preferences). */
export const DEFAULT_EMAIL: EmailPreferences = { enabled: false, digest: 'daily', wording: 'neutral', reminders: true, nudges: true };

/**
 * The languages of an `Accept-Language` header, most preferred first (`ur-PK,ur;q=0.9,en;q=0.5`).
 * A language with q=0 is one she refuses.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0 && !Number.isNaN(l.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/** Fills what an older record lacks with the defaults, so every answer is complete. */
function view(stored: repo.PreferencesRecord | undefined, fallbackLocale: Locale): Preferences {
  if (!stored) return { locale: fallbackLocale, email: { ...DEFAULT_EMAIL }, version: 0 };
  const e = stored.email;
  return {
    locale: isLocale(stored.locale) ? stored.locale : fallbackLocale,
    email: {
      enabled: typeof e.enabled === 'boolean' ? e.enabled : DEFAULT_EMAIL.enabled,
      digest: e.digest === 'weekly' ? 'weekly' : 'daily',
      wording: e.wording === 'detailed' ? 'detailed' : 'neutral',
      reminders: typeof e.reminders === 'boolean' ? e.reminders : DEFAULT_EMAIL.reminders,
      nudges: typeof e.nudges === 'boolean' ? e.nudges : DEFAULT_EMAIL.nudges,
    },
    version: stored.version,
  };
}

/**
 * Her preferences. Before her first save, the defaults, with the language of her browser
 * (`Accept-Language`) when we have it, else English, at version 0.
 */
export async function getPreferences(session: Session, acceptLanguage: string | undefined): Promise<Preferences> {
  return view(await repo.getPreferences(session.userId), firstSupported(acceptedLanguages(acceptLanguage)));
}

/** Her preferences as exported: what she saved, or null when she never saved any. */
export async function exportPreferences(memberId: string): Promise<Preferences | null> {
  const stored = await repo.getPreferences(memberId);
  return stored ? view(stored, 'en') : null;
}

/**
 * Replaces the fields the body names (email field by field) at the `version` she read. A stale
 * version is a 409 `stale_version`, also when two saves of the same version race: the write is
 * conditional on the version, so exactly one of them is made.
 */
export async function putPreferences(session: Session, input: PreferencesInput, acceptLanguage: string | undefined): Promise<Preferences> {
  const current = await getPreferences(session, acceptLanguage);
  const stale = () => new ConflictError('stale_version', 'Your preferences changed meanwhile. Reload them and try again.');
  if (input.version !== current.version) throw stale();
  const next: Preferences = {
    locale: input.locale ?? current.locale,
    email: { ...current.email, ...definedOnly(input.email ?? {}) },
    version: current.version + 1,
  };
  const made = await repo.putPreferences(session.userId, { ...next, updatedAt: new Date().toISOString() }, input.version);
  if (!made) throw stale();
  return next;
}

/** The fields of a partial object that were sent (an absent field keeps its value). */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Turns her email off without her session: the one-click unsubscribe, a bounce or a complaint.
 * Answers whether it was on. Her other preferences stay; the write is conditional on the version
 * read, and a concurrent save of hers is read again, so neither change is lost.
 */
export async function turnEmailOff(memberId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await repo.getPreferences(memberId);
    const current = view(stored, 'en');
    if (!current.email.enabled) return false;
    const next = { ...current, email: { ...current.email, enabled: false }, version: current.version + 1 };
    // A record never saved keeps no locale of its own: the browser's decides, as before.
    const locale = stored?.locale ?? current.locale;
    if (await repo.putPreferences(memberId, { ...next, locale, updatedAt: new Date().toISOString() }, current.version)) return true;
  }
  throw new ConflictError('stale_version', 'Her preferences kept changing; try again.');
}
