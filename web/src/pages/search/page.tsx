import { A, createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, Index, Show, Suspense } from 'solid-js';
import { SEARCH_KINDS, SEARCH_THEMES } from '../../../../shared/search-kinds';
import type { SearchResult } from '../../../../shared/search-schemas';
import { Field } from '../../components/field';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { createMorePages } from '../../lib/more-pages';
import { countryOptions, languageOptions } from '../../lib/reference';
import { getSearchPage, type SearchFilters, searchable, searchFrom } from './data';

/**
 * Text with the matches the API found marked: the pieces are rendered as text nodes and <mark>
 * elements, never as HTML, so nothing a member wrote can become markup.
 */
function Marked(props: { text: string; matches: readonly { start: number; end: number }[] }) {
  const pieces = () => {
    const out: { text: string; mark: boolean }[] = [];
    let at = 0;
    for (const m of [...props.matches].sort((a, b) => a.start - b.start)) {
      if (m.start < at || m.end > props.text.length) continue;
      if (m.start > at) out.push({ text: props.text.slice(at, m.start), mark: false });
      out.push({ text: props.text.slice(m.start, m.end), mark: true });
      at = m.end;
    }
    if (at < props.text.length) out.push({ text: props.text.slice(at), mark: false });
    return out;
  };
  return <Index each={pieces()}>{(p) => (p().mark ? <mark>{p().text}</mark> : p().text)}</Index>;
}

/**
 * The excerpt's paragraphs (one per line) with their own matches: each paragraph takes its own
 * direction, so an Urdu greeting does not turn the English sentence after it right to left.
 */
function linesOf(text: string, matches: readonly { start: number; end: number }[]) {
  let offset = 0;
  return text.split('\n').map((line) => {
    const start = offset;
    offset += line.length + 1;
    return {
      text: line,
      matches: matches
        .filter((m) => m.start >= start && m.end <= start + line.length)
        .map((m) => ({ start: m.start - start, end: m.end - start })),
    };
  });
}

function ResultCard(props: { result: SearchResult }) {
  const r = () => props.result;
  return (
    <li class="card search-result">
      <p class="search-result__kind">{t(`search.kind.${r().kind}`)}</p>
      <h2 class="card__title" dir="auto">
        <A href={r().link}>
          <Marked text={r().title} matches={r().titleMatches} />
        </A>
      </h2>
      <Show when={r().excerpt}>
        <div class="search-result__excerpt">
          <Index each={linesOf(r().excerpt, r().matches)}>
            {(line) => (
              <p dir="auto">
                <Marked text={line().text} matches={line().matches} />
              </p>
            )}
          </Index>
        </div>
      </Show>
      <Show when={r().kind !== 'member'}>
        <p class="card__meta">
          <time datetime={r().at}>{formatDate(r().at)}</time>
        </p>
      </Show>
    </li>
  );
}

export default function SearchPage() {
  const [search, setSearch] = useSearchParams();
  const filters = () => searchFrom(search);
  const first = createAsync(() => getSearchPage(filters()));

  // The form edits a draft; "Search" puts it in the address, which runs the search.
  const [q, setQ] = createSignal('');
  const [kind, setKind] = createSignal('');
  const [country, setCountry] = createSignal('');
  const [theme, setTheme] = createSignal('');
  const [language, setLanguage] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [tooShort, setTooShort] = createSignal(false);
  createEffect(() => {
    const f = filters();
    setQ(f.q);
    setKind(f.kind ?? '');
    setCountry(f.country ?? '');
    setTheme(f.theme ?? '');
    setLanguage(f.language ?? '');
    setFrom(f.from ?? '');
    setTo(f.to ?? '');
  });

  const more = createMorePages(
    () => first() ?? undefined,
    async (cursor) => (await getSearchPage(filters(), cursor)) ?? { items: [], nextCursor: null },
    () => JSON.stringify(filters()),
  );
  const results = () => [...(first()?.items ?? []), ...more.items()];

  const draft = (): Record<keyof SearchFilters, string | null> => ({
    q: q().trim() || null,
    kind: kind() || null,
    country: country() || null,
    theme: theme() || null,
    language: language() || null,
    from: from() || null,
    to: to() || null,
  });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setTooShort(!searchable(q()));
    if (searchable(q())) setSearch(draft());
  };
  const clear = () => {
    setSearch({ ...draft(), kind: null, country: null, theme: null, language: null, from: null, to: null });
  };

  return (
    <div>
      <PageHeading>{t('search.title')}</PageHeading>
      <p class="lead">{t('search.intro')}</p>
      <form class="filters search-form" onSubmit={submit} aria-label={t('search.title')}>
        <div class="search-form__box">
          <Field
            id="search-q"
            label={t('search.label')}
            hint={t('search.hint')}
            error={tooShort() ? t('search.tooShort') : undefined}
            value={q()}
            onInput={setQ}
            dir="auto"
            maxLength={200}
            autocomplete="off"
            spellcheck={false}
          />
          <button type="submit" class="button">
            {t('search.submit')}
          </button>
        </div>
        <details
          class="search-form__more"
          open={Boolean(filters().kind || filters().country || filters().theme || filters().language || filters().from || filters().to)}
        >
          <summary>{t('search.filters')}</summary>
          <div class="filters__grid">
            <Select
              id="search-kind"
              label={t('search.kind')}
              placeholder={t('search.any')}
              options={SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kind.${k}`) }))}
              value={kind()}
              onChange={setKind}
            />
            <Select
              id="search-country"
              label={t('search.country')}
              placeholder={t('search.any')}
              options={countryOptions()}
              value={country()}
              onChange={setCountry}
            />
            <Select
              id="search-theme"
              label={t('search.theme')}
              placeholder={t('search.any')}
              options={SEARCH_THEMES.map((k) => ({ value: k, label: t(`search.theme.${k}`) }))}
              value={theme()}
              onChange={setTheme}
            />
            <Select
              id="search-language"
              label={t('search.language')}
              placeholder={t('search.any')}
              options={languageOptions()}
              value={language()}
              onChange={setLanguage}
            />
            <Field
              id="search-from"
              type="date"
              label={t('search.from')}
              value={from()}
              onInput={setFrom}
              max={to() || undefined}
              optional
            />
            <Field id="search-to" type="date" label={t('search.to')} value={to()} onInput={setTo} min={from() || undefined} optional />
          </div>
          <div class="actions">
            <button type="button" class="button button--secondary" onClick={clear}>
              {t('search.clear')}
            </button>
          </div>
        </details>
      </form>
      <Suspense fallback={<Loading />}>
        <Show when={first()} fallback={<p>{t('search.start')}</p>}>
          <p class="result-count" role="status">
            {t('search.count', { count: results().length })}
          </p>
          <Show when={results().length > 0} fallback={<p>{t('search.empty')}</p>}>
            <ul class="cards cards--single">
              <For each={results()}>{(r) => <ResultCard result={r} />}</For>
            </ul>
          </Show>
          <LoadMore more={more} focus=".search-result .card__title a" />
        </Show>
      </Suspense>
    </div>
  );
}
