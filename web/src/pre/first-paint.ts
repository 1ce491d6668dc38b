import type { Locale } from '../../../shared/locales';

/*
 * What the first-paint script (pre.ts), its build (web/first-paint.ts) and the app agree on: the
 * words it shows, the element it draws, the event that stops it, and how the app takes over.
 */

/** The catalog messages the first paint shows, in every language: plain text, no arguments. */
export const FIRST_PAINT_KEYS = [
  'app.name',
  'app.loading',
  'exit.skip',
  'exit.button',
  'exit.help',
  'exit.region',
  'discreet.tabTitle',
] as const;
/**
 * Each language's words: the messages above, and `exit.shiftStatus` formatted at build time for each
 * count of presses left (`shiftsLeft[n]`, n from 1 to SHIFT_PRESSES - 1), since the first paint
 * carries no message formatter.
 */
export type FirstPaintWords = Record<Locale, Record<(typeof FIRST_PAINT_KEYS)[number], string> & { shiftsLeft: string[] }>;

/** The element holding the first paint, which the app removes when it draws its own page. */
export const FIRST_PAINT_ID = 'first-paint';
/** Sent on window when the app has taken over: the first paint's listeners stop. */
export const TAKEN_OVER = 'cn:taken-over';

/**
 * The app's page replaces the first paint: removed in the same task as the app's first render, so no
 * frame shows both or neither. Focus on one of its links (she tabbed to the exit while the app was
 * loading) moves to the app's own copy of it.
 */
export function takeOverFirstPaint(): void {
  const first = document.getElementById(FIRST_PAINT_ID);
  if (!first) return;
  const focused =
    document.activeElement instanceof HTMLElement && first.contains(document.activeElement)
      ? document.activeElement.classList[0]
      : undefined;
  first.remove();
  window.dispatchEvent(new Event(TAKEN_OVER));
  if (focused) document.querySelector<HTMLElement>(`.${focused}`)?.focus();
}
