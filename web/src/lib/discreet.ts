import { createEffect, createRoot, createSignal } from 'solid-js';
import type { IdleMinutes } from '../../../shared/discretion';
import { t } from '../i18n';
import { api, unwrap } from './api';
import { type Discreet, DISCREET_KEY, ICONS, OFF, readDiscreet } from './discreet-kept';

/*
 * Discreet mode, a setting of this device (not of her account: a shared phone and her own laptop
 * may need different ones). When on, the tab says nothing about the app or the page, its icon is
 * a plain one, and, when she chose an idle time, the session ends after that long without use:
 * here, by a timer reset by her input, and on the server, which ends the session on its own
 * (PUT /api/auth/session) should the page be closed or asleep.
 *
 * This module is the one place that writes the tab's title (STYLE.md #15).
 */

const [discreet, setDiscreetSignal] = createRoot(() => createSignal<Discreet>(readDiscreet()));
export { discreet };

/** The idle limit in force: only while discreet mode is on. */
export const idleLimit = (): IdleMinutes | null => (discreet().on ? discreet().idleMinutes : null);

/** Tells the server this session's idle limit (which also counts as use). Throws ApiError. */
export const sendIdleLimit = () => unwrap(api.auth.session.$put({ json: { idleMinutes: idleLimit() } }));

/** Keeps the choice on this device, and tells the server when she is signed in. */
export async function setDiscreet(next: Discreet, signedIn: boolean): Promise<void> {
  const value: Discreet = next.on ? next : OFF;
  try {
    if (value.on) localStorage.setItem(DISCREET_KEY, JSON.stringify(value));
    else localStorage.removeItem(DISCREET_KEY);
  } catch {
    // Not kept beyond this visit; it still holds until she leaves.
  }
  setDiscreetSignal(value);
  if (signedIn) await sendIdleLimit();
}

const [pageTitle, setPageTitle] = createRoot(() => createSignal<string | undefined>());
/**
 * Names the tab after the page's kind ("Mentorship"), never after a member or a thread: the tab
 * shows on a locked screen, in the app switcher and in the history. In discreet mode: "Notes".
 */
export { setPageTitle };

/**
 * Keeps the tab's title and icon as discreet mode says, from now on. Called once the language's
 * catalog has loaded: a title set before would be a message key.
 */
export const applyDiscretion = () =>
  createRoot(() => {
    createEffect(() => {
      const kind = pageTitle();
      document.title = discreet().on ? t('discreet.tabTitle') : kind ? t('app.titleSuffix', { title: kind }) : t('app.name');
    });
    createEffect(() => {
      const href = discreet().on ? ICONS.discreet : ICONS.plain;
      let icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      if (!icon) {
        icon = document.createElement('link');
        icon.rel = 'icon';
        document.head.append(icon);
      }
      icon.type = 'image/svg+xml';
      icon.href = href;
    });
  });

/** Input that shows she is there. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll', 'input'] as const;
/** However busy she is, the page tells the server at most once a minute that she is there. */
const TELL_SERVER_EVERY_MS = 60_000;

/**
 * While signed in with an idle limit: signs her out after that long without input (`onIdle`),
 * and, while she reads and types without making requests, keeps the server's count going.
 * Answers a function that stops watching.
 */
export function watchIdle(minutes: IdleMinutes, onIdle: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let toldServerAt = Date.now();
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, minutes * 60_000);
  };
  const onActivity = () => {
    restart();
    const now = Date.now();
    if (now - toldServerAt >= TELL_SERVER_EVERY_MS) {
      toldServerAt = now;
      // A lost ping costs at most an early sign-out; the next request says the rest.
      sendIdleLimit().catch(() => undefined);
    }
  };
  for (const type of ACTIVITY) window.addEventListener(type, onActivity, { capture: true, passive: true });
  restart();
  return () => {
    clearTimeout(timer);
    for (const type of ACTIVITY) window.removeEventListener(type, onActivity, { capture: true });
  };
}
