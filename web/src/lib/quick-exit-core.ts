import { exitUrlOf, SHIFT_PRESSES, SITE_CONFIG_FILE } from '../../../shared/discretion';

/*
 * The quick exit's work, after the GOV.UK design system's "Exit this page" (tested with people who
 * lived through abuse), plus what a signed-in app must add: in one step the page goes blank, the
 * session ends on the server, this browser forgets what the app kept, and the tab moves to a neutral
 * site with location.replace(), so the page she was on is not one Back away.
 *
 * Plain DOM, no Solid: the first-paint script (web/src/pre/pre.ts) runs it before the app has loaded,
 * and the app's button (lib/quick-exit.ts) once it has.
 */

/** Where the one reading of config.json is kept for both scripts that ask (the first paint, then the app). */
const EXIT_URL_READ = Symbol.for('champions-network.exit-url');
type Held = { [EXIT_URL_READ]?: Promise<string | undefined> };

/**
 * The deployment's exit address from config.json; undefined whatever goes wrong (no file, a bad
 * value). Read once a page: the first-paint script and the app are two bundles, each with its own
 * copy of this module, and the registry symbol is the same for both.
 */
export function readExitUrl(): Promise<string | undefined> {
  const held = globalThis as Held;
  held[EXIT_URL_READ] ??= fetch(`/${SITE_CONFIG_FILE}`, { credentials: 'omit' })
    .then((res) => (res.ok ? (res.json() as Promise<unknown>) : undefined))
    .then((config) => exitUrlOf(typeof config === 'object' && config !== null && 'exitUrl' in config ? config.exitUrl : undefined))
    .catch(() => undefined);
  return held[EXIT_URL_READ];
}

const COVERED = 'quick-exit-covered';
let exited = false;

/** Hides everything at once, before anything else happens: the cover is the first thing she sees. */
function blank(): void {
  document.documentElement.classList.add(COVERED);
  // A modal dialog lives in the top layer, above any cover: close them.
  for (const dialog of document.querySelectorAll('dialog')) if (dialog.open) dialog.close();
  document.title = '';
}

/** Everything this origin kept in the browser that can be reached from the page. */
async function forgetThisBrowser(): Promise<void> {
  for (const storage of [() => localStorage, () => sessionStorage]) {
    try {
      storage().clear();
    } catch {
      // Storage refused (some private modes): there is nothing in it to clear.
    }
  }
  // The readable "may be signed in" hint; the HttpOnly session cookies go with the sign-out's answer.
  // biome-ignore lint/suspicious/noDocumentCookie: synchronous, before the page leaves; the Cookie Store API is async and not in every browser
  document.cookie = 'cn_in=; Max-Age=0; path=/; SameSite=Strict';
  await Promise.allSettled([
    'caches' in window ? caches.keys().then((names) => Promise.all(names.map((n) => caches.delete(n)))) : undefined,
    'serviceWorker' in navigator
      ? navigator.serviceWorker.getRegistrations().then((all) => Promise.all(all.map((r) => r.unregister())))
      : undefined,
  ]);
}

/** The longest the exit waits for Cache Storage and service workers before it leaves anyway. */
const FORGET_WAIT_MS = 300;

/** Leaves now for `to`: blank, sign out on the server, forget, and go to the neutral site. */
export function leaveFor(to: string): void {
  blank();
  if (exited) return;
  exited = true;
  // keepalive: the request outlives the page that sent it. The API's CSRF guard wants the app's
  // own Origin, which a same-origin fetch sends by itself; there is no body to declare.
  try {
    void fetch('/api/auth/sign-out', { method: 'POST', keepalive: true, credentials: 'same-origin' }).catch(() => undefined);
  } catch {
    // Leaving matters more than the answer.
  }
  const forgotten = forgetThisBrowser();
  const waited = new Promise<void>((resolve) => setTimeout(resolve, FORGET_WAIT_MS));
  void Promise.race([forgotten, waited]).finally(() => location.replace(to));
}

/** How long each press of Shift may follow the last. */
const SHIFT_WITHIN_MS = 5_000;

/**
 * Shift pressed SHIFT_PRESSES times (three; alone, each within 5 seconds of the last) calls `leave`, as on GOV.UK; any
 * other key starts the count again. Not Escape: browsers stop loading pages with it, and dialogs
 * and assistive technology use it. `onCount` hears how many presses so far (0 when reset), for a
 * status that tells a screen-reader user how many are left. Answers a function that stops listening.
 */
export function listenForShifts(onCount: (presses: number) => void, leave: () => void): () => void {
  let presses = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reset = () => {
    clearTimeout(timer);
    if (presses === 0) return;
    presses = 0;
    onCount(0);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Shift') return reset();
    if (e.repeat) return;
    clearTimeout(timer);
    presses += 1;
    if (presses >= SHIFT_PRESSES) {
      presses = 0;
      leave();
      return;
    }
    onCount(presses);
    timer = setTimeout(reset, SHIFT_WITHIN_MS);
  };
  // Capture: a control that stops the event (a dialog, an editor) must not swallow the count.
  window.addEventListener('keydown', onKey, true);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('keydown', onKey, true);
  };
}

/** A page brought back from the back/forward cache after an exit stays blank (and signed out). */
window.addEventListener('pageshow', (e) => {
  if (e.persisted && exited) blank();
});
