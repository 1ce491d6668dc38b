import { firstSupported, type Locale, localeOf } from '../../../shared/locales';

/**
 * The language this device uses before anyone signs in. Its own small module: the first-paint
 * script (web/src/pre/pre.ts) reads it before the app has loaded, and must stay tiny.
 */
export const DEVICE_KEY = 'cn.locale';

/** The language kept on this device, else the first of the browser's languages we have. */
export function deviceLocale(): Locale {
  let kept: string | null = null;
  try {
    kept = localStorage.getItem(DEVICE_KEY);
  } catch {
    // Storage can be refused (private modes); the browser's languages still decide.
  }
  return (kept && localeOf(kept)) || firstSupported(navigator.languages?.length ? navigator.languages : [navigator.language]);
}
