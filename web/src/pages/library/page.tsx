import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, Show, Suspense } from 'solid-js';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { t } from '../../i18n';
import { countryName, formatList, languageName } from '../../i18n/format';
import { authorWords, getLibraryPage, type PracticeCard, stateName, themeName, themeOptions } from '../../lib/library';
import { createMorePages } from '../../lib/more-pages';
import { countryOptions, languageOptions } from '../../lib/reference';
import { filtersFrom } from './data';

/** One practice in the list: what a member chooses by, never the whole text. */
function Card(props: { practice: PracticeCard; mine: boolean }) {
  const p = () => props.practice;
  return (
    <li class="card">
      <h2 class="card__title">
        <A href={`/library/${encodeURIComponent(p().id)}`} dir="auto">
          {p().title}
        </A>
      </h2>
      <p class="card__meta">
        <span dir="auto">{authorWords(p())}</span> · {formatList(p().countries.map(countryName))} · {languageName(p().language)}
        <Show when={props.mine}>
          {' '}
          <span class="badge badge--quiet">{stateName(p().state)}</span>
        </Show>
      </p>
      <p class="prose" dir="auto" lang={p().language}>
        {p().summary}
      </p>
      <ul class="tags" aria-label={t('practice.themes')}>
        <For each={p().themes}>{(theme) => <li class="tag">{themeName(theme)}</li>}</For>
      </ul>
      <p class="card__meta">{t('library.useful', { count: p().useful })}</p>
    </li>
  );
}

export default function LibraryPage() {
  const [search, setSearch] = useSearchParams();
  const filters = () => filtersFrom(search);
  const mine = () => filters().mine === 'true';
  const first = createAsync(() => getLibraryPage(filters()));

  // The form edits a draft; "Show practices" puts it in the address, which reloads the list.
  const [theme, setTheme] = createSignal('');
  const [country, setCountry] = createSignal('');
  const [language, setLanguage] = createSignal('');
  createEffect(() => {
    const f = filters();
    setTheme(f.theme ?? '');
    setCountry(f.country ?? '');
    setLanguage(f.language ?? '');
  });

  const more = createMorePages(
    first,
    (cursor) => getLibraryPage(filters(), cursor),
    () => JSON.stringify(filters()),
  );
  const practices = () => [...(first()?.items ?? []), ...more.items()];

  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    setSearch({ theme: theme() || null, country: country() || null, language: language() || null, mine: null });
  };
  const clear = () => setSearch({ theme: null, country: null, language: null, mine: null });

  return (
    <div>
      <PageHeading>{mine() ? t('library.mine') : t('library.title')}</PageHeading>
      <p class="lead">{t('library.intro')}</p>
      <div class="actions">
        <A class="button" href="/library/new">
          {t('library.share')}
        </A>
        <Show
          when={mine()}
          fallback={
            <A class="button button--secondary" href="/library?mine=true">
              {t('library.mine')}
            </A>
          }
        >
          <A class="button button--secondary" href="/library">
            {t('library.all')}
          </A>
        </Show>
      </div>
      <Show when={!mine()}>
        <form class="filters" onSubmit={apply} aria-labelledby="library-filters-title">
          <h2 class="visually-hidden" id="library-filters-title">
            {t('library.filters')}
          </h2>
          <div class="filters__grid">
            <Select
              id="filter-theme"
              label={t('library.theme')}
              placeholder={t('library.any')}
              options={themeOptions()}
              value={theme()}
              onChange={setTheme}
            />
            <Select
              id="filter-country"
              label={t('library.country')}
              placeholder={t('library.any')}
              options={countryOptions()}
              value={country()}
              onChange={setCountry}
            />
            <Select
              id="filter-language"
              label={t('library.language')}
              placeholder={t('library.any')}
              options={languageOptions()}
              value={language()}
              onChange={setLanguage}
            />
          </div>
          <div class="actions">
            <button type="submit" class="button">
              {t('library.apply')}
            </button>
            <button type="button" class="button button--secondary" onClick={clear}>
              {t('library.clear')}
            </button>
          </div>
        </form>
      </Show>
      <Suspense fallback={<Loading />}>
        <Show when={first()}>
          <p class="result-count" role="status">
            {t('library.count', { count: practices().length })}
          </p>
          <Show when={practices().length > 0} fallback={<p>{mine() ? t('library.mineEmpty') : t('library.empty')}</p>}>
            <ul class="cards">
              <For each={practices()}>{(p) => <Card practice={p} mine={mine()} />}</For>
            </ul>
          </Show>
          <LoadMore more={more} focus=".card__title a" />
        </Show>
      </Suspense>
    </div>
  );
}
