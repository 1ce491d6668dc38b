import { IDLE_MINUTES, type IdleMinutes } from '../../../shared/discretion';

/*
 * Discreet mode as this device keeps it (discreet.ts has the rest). Plain, no Solid: the first-paint
 * script (web/src/pre/pre.ts) reads it to name the tab before the app has loaded.
 */

export type Discreet = { on: boolean; idleMinutes: IdleMinutes | null };

export const DISCREET_KEY = 'cn.discreet';
export const OFF: Discreet = { on: false, idleMinutes: null };

/** The tab's icon: the app's, or in discreet mode a plain one. */
export const ICONS = { plain: '/icon.svg', discreet: '/notes.svg' } as const;

/** Discreet mode as kept on this device; off when nothing (or nothing valid) is kept. */
export function readDiscreet(): Discreet {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(DISCREET_KEY) ?? 'null');
    if (typeof kept !== 'object' || kept === null || !('on' in kept) || kept.on !== true) return OFF;
    const idle = 'idleMinutes' in kept ? kept.idleMinutes : null;
    return { on: true, idleMinutes: IDLE_MINUTES.find((m) => m === idle) ?? null };
  } catch {
    return OFF;
  }
}
