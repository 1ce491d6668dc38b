import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, Show, Suspense } from 'solid-js';
import type { Profile } from '../../../../shared/schemas';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { t } from '../../i18n';
import { countryName, expertiseName, languageName } from '../../i18n/format';
import { createMorePages } from '../../lib/more-pages';
import { countryOptions, expertiseOptions, KINDS, languageOptions } from '../../lib/reference';
import { consumeDirectoryNotice } from './notice';
import { filtersFrom, getDirectoryPage } from './data';

/** One member, with only what she lets the viewer see: absent fields are simply not shown. */
function MemberCard(props: { profile: Profile }) {
  const p = () => props.profile;
  return (
    <li class="card">
      <h2 class="card__title">
        <A href={`/members/${encodeURIComponent(p().id)}`} dir="auto">
          {p().displayName}
        </A>
      </h2>
      <p class="card__meta">
        {t(`kind.${p().kind}`)}
        <Show when={p().country}>{(c) => <> · {countryName(c())}</>}</Show>
      </p>
      <Show when={p().expertise?.length}>
        <ul class="tags" aria-label={t('member.expertise')}>
          <For each={p().expertise}>{(e) => <li class="tag">{expertiseName(e)}</li>}</For>
        </ul>
      </Show>
      <Show when={p().languages?.length}>
        <p class="card__meta">{t('directory.languages', { list: (p().languages ?? []).map(languageName).join(', ') })}</p>
      </Show>
    </li>
  );
}

export default function DirectoryPage() {
  const [search, setSearch] = useSearchParams();
  const filters = () => filtersFrom(search);
  const first = createAsync(() => getDirectoryPage(filters()));

  // The form edits a draft; "Show members" puts it in the address, which reloads the list.
  const [expertise, setExpertise] = createSignal('');
  const [country, setCountry] = createSignal('');
  const [language, setLanguage] = createSignal('');
  const [kind, setKind] = createSignal('');
  // …and follows the address, also on back and forward.
  createEffect(() => {
    const f = filters();
    setExpertise(f.expertise ?? '');
    setCountry(f.country ?? '');
    setLanguage(f.language ?? '');
    setKind(f.kind ?? '');
  });

  // Pages after the first, fetched with "Load more"; a new filter starts again.
  const more = createMorePages(
    first,
    (cursor) => getDirectoryPage(filters(), cursor),
    () => JSON.stringify(filters()),
  );
  const members = () => [...(first()?.items ?? []), ...more.items()];
  const blockedNotice = consumeDirectoryNotice();

  const apply = (e: SubmitEvent) => {
    e.preventDefault();
    setSearch({ expertise: expertise() || null, country: country() || null, language: language() || null, kind: kind() || null });
  };
  const clear = () => {
    setExpertise('');
    setCountry('');
    setLanguage('');
    setKind('');
    setSearch({ expertise: null, country: null, language: null, kind: null });
  };

  return (
    <div>
      <PageHeading>{t('directory.title')}</PageHeading>
      <p class="lead">{t('directory.intro')}</p>
      <Show when={blockedNotice}>
        <Notice tone="success" live>
          <p>{t('directory.blocked')}</p>
        </Notice>
      </Show>
      <form class="filters" onSubmit={apply} aria-labelledby="filters-title">
        <h2 class="visually-hidden" id="filters-title">
          {t('directory.filters')}
        </h2>
        <div class="filters__grid">
          <Select
            id="filter-expertise"
            label={t('directory.expertise')}
            placeholder={t('directory.any')}
            options={expertiseOptions()}
            value={expertise()}
            onChange={setExpertise}
          />
          <Select
            id="filter-country"
            label={t('directory.country')}
            placeholder={t('directory.any')}
            options={countryOptions()}
            value={country()}
            onChange={setCountry}
          />
          <Select
            id="filter-language"
            label={t('directory.language')}
            placeholder={t('directory.any')}
            options={languageOptions()}
            value={language()}
            onChange={setLanguage}
          />
          <Select
            id="filter-kind"
            label={t('directory.kind')}
            placeholder={t('directory.any')}
            options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={kind()}
            onChange={setKind}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {t('directory.apply')}
          </button>
          <button type="button" class="button button--secondary" onClick={clear}>
            {t('directory.clear')}
          </button>
        </div>
      </form>
      <Suspense fallback={<Loading />}>
        <Show when={first()}>
          <p class="result-count" role="status">
            {t('directory.count', { count: members().length })}
          </p>
          <Show when={members().length > 0} fallback={<p>{t('directory.empty')}</p>}>
            <ul class="cards">
              <For each={members()}>{(m) => <MemberCard profile={m} />}</For>
            </ul>
          </Show>
          <LoadMore more={more} focus=".card__title a" />
        </Show>
      </Suspense>
    </div>
  );
}
