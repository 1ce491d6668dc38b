import { For } from 'solid-js';
import { LOCALE_TAGS, LOCALES } from '../../../shared/locales';
import { locale, setLocale, t } from '../i18n';
import { rememberLocale } from '../lib/account-locale';

/**
 * The language switcher on every page, signed in or out. Each language is listed by its own name
 * in its own script and direction (`lang`, `dir`), so a reader finds hers whatever the page's
 * language is. Switching loads that catalog and re-renders in place: the page does not reload.
 */
export function LanguageSwitcher() {
  return (
    <div class="language">
      <label class="visually-hidden" for="language-switcher">
        {t('language.label')}
      </label>
      <select
        id="language-switcher"
        class="language__select"
        onChange={(e) => {
          const next = e.currentTarget.value;
          void setLocale(next, { keep: true }).then(rememberLocale);
        }}
      >
        <For each={LOCALE_TAGS}>
          {(tag) => (
            <option value={tag} lang={tag} dir={LOCALES[tag].dir} selected={tag === locale()}>
              {LOCALES[tag].name}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
