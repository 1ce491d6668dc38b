import { deviceLocale } from './i18n/device';

/*
 * The first script the page runs, on its own and tiny: it starts fetching her language's catalog at
 * once, beside the app's code instead of after it (the app asks for the same chunk when it starts,
 * and the browser hands it the one already on its way). On a slow link that is one round trip and a
 * catalog's download off the first words she sees. A wrong guess costs only a download.
 */
const loaders = import.meta.glob('./i18n/catalogs/*.ts');
void loaders[`./i18n/catalogs/${deviceLocale()}.ts`]?.().catch(() => undefined);
