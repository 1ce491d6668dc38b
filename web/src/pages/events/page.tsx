import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { LOCALE_TAGS } from '../../../../shared/locales';
import { RadioGroup } from '../../components/choice-group';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { isolate, t } from '../../i18n';
import { languageName, sortedOptions } from '../../i18n/format';
import { capacityState, eventWhen, type EventView, kindLabel, partOf, shownZone } from '../../lib/events';
import { createMorePages } from '../../lib/more-pages';
import { type EventFilters, fetchEventsPage, getEvents, getSeriesList } from './data';

function EventCard(props: { event: EventView }) {
  const e = () => props.event;
  return (
    <li class="card">
      <h3 class="card__title">
        <A href={`/events/${encodeURIComponent(e().id)}`} dir="auto">
          {e().title}
        </A>
      </h3>
      <p class="card__meta">{eventWhen(e())}</p>
      <p class="card__meta">
        {kindLabel(e())}
        <Show when={partOf(e())}>{(p) => <> · {p()}</>}</Show>
      </p>
      <p class="card__meta">
        <Show when={e().myRegistration} fallback={capacityState(e())}>
          {(mine) => <span class="badge">{t(`events.mine.${mine()}`)}</span>}
        </Show>
      </p>
    </li>
  );
}

/** The programme: webinars and coaching sessions she may attend, upcoming or past, filtered. */
export default function EventsPage() {
  const [filters, setFilters] = createSignal<EventFilters>({ past: false });
  const page = createAsync(() => getEvents(filters()));
  const series = createAsync(() => getSeriesList());
  const more = createMorePages(
    page,
    (cursor) => fetchEventsPage(filters(), cursor),
    () => JSON.stringify(filters()),
  );
  const set = (patch: Partial<EventFilters>) => setFilters({ ...filters(), ...patch });
  return (
    <div class="narrow">
      <PageHeading>{t('events.title')}</PageHeading>
      <p class="lead">{t('events.intro', { zone: isolate(shownZone()) })}</p>
      {/* Her own side of the programme: the menu bar has room for one entry, this page holds the rest. */}
      <ul class="inline-links">
        <li>
          <A href="/agenda">{t('nav.agenda')}</A>
        </li>
        <li>
          <A href="/plan">{t('nav.plan')}</A>
        </li>
      </ul>
      <form class="form" aria-label={t('events.filters')} onSubmit={(ev) => ev.preventDefault()}>
        <RadioGroup
          id="events-when"
          legend={t('events.filter.when')}
          value={filters().past ? 'past' : 'upcoming'}
          choices={[
            { value: 'upcoming', label: t('events.upcoming') },
            { value: 'past', label: t('events.past') },
          ]}
          onChange={(v) => set({ past: v === 'past' })}
        />
        <Select
          id="events-series"
          label={t('events.filter.series')}
          placeholder={t('events.filter.any')}
          value={filters().seriesId ?? ''}
          options={(series()?.items ?? []).map((s) => ({ value: s.id, label: s.title }))}
          onChange={(v) => set({ seriesId: v || undefined })}
        />
        <Select
          id="events-language"
          label={t('events.filter.language')}
          placeholder={t('events.filter.any')}
          value={filters().language ?? ''}
          options={sortedOptions(LOCALE_TAGS, languageName)}
          onChange={(v) => set({ language: v || undefined })}
        />
        <Select
          id="events-kind"
          label={t('events.filter.kind')}
          placeholder={t('events.filter.any')}
          value={filters().kind ?? ''}
          options={[
            { value: 'webinar', label: t('events.kind.webinar') },
            { value: 'coaching', label: t('events.kind.coaching') },
          ]}
          onChange={(v) => set({ kind: v === 'webinar' || v === 'coaching' ? v : undefined })}
        />
      </form>
      <h2 id="events-list-title">{filters().past ? t('events.past') : t('events.upcoming')}</h2>
      <Suspense fallback={<Loading />}>
        <Show when={page()}>
          {(p) => (
            <Show when={p().items.length > 0} fallback={<p>{t('events.empty')}</p>}>
              <ul class="plain-list cards cards--single" aria-labelledby="events-list-title">
                <For each={[...p().items, ...more.items()]}>{(e) => <EventCard event={e} />}</For>
              </ul>
              <LoadMore more={more} />
            </Show>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
