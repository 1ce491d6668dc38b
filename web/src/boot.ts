import { firstSupported, localeOf } from '../../shared/locales';

/*
 * The first script the page runs, on its own and tiny: it starts fetching her language's catalog at
 * once, beside the app's code instead of after it (the app asks for the same chunk when it starts,
 * and the browser hands it the one already on its way). On a slow link that is one round trip and a
 * catalog's download off the first words she sees. It reads the choice the way the app does
 * (i18n/index.ts deviceLocale, key `cn.locale`); a wrong guess costs only a download.
 */
const loaders = import.meta.glob('./i18n/catalogs/*.ts');
let kept: string | null = null;
try {
  kept = localStorage.getItem('cn.locale');
} catch {
  // Storage refused (private modes): the browser's languages decide.
}
const tag = (kept && localeOf(kept)) || firstSupported(navigator.languages?.length ? navigator.languages : [navigator.language]);
void loaders[`./i18n/catalogs/${tag}.ts`]?.().catch(() => undefined);
