import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import { eventWhen, shownZone } from '../../lib/events';
import { createMorePages } from '../../lib/more-pages';
import { fetchAgendaPage, getAgenda } from './data';

/** Her own agenda: the events she is registered for and the meetings agreed in her mentorships. */
export default function AgendaPage() {
  const page = createAsync(() => getAgenda());
  const more = createMorePages(page, fetchAgendaPage);
  return (
    <div class="narrow">
      <PageHeading>{t('agenda.title')}</PageHeading>
      <p class="lead">{t('agenda.intro', { zone: isolate(shownZone()) })}</p>
      <Suspense fallback={<Loading />}>
        <Show when={page()}>
          {(p) => (
            <Show
              when={p().items.length > 0}
              fallback={
                <>
                  <p>{t('agenda.empty')}</p>
                  <p>
                    <A href="/events">{t('agenda.seeProgramme')}</A>
                  </p>
                </>
              }
            >
              <ul class="plain-list cards cards--single" aria-label={t('agenda.title')}>
                <For each={[...p().items, ...more.items()]}>
                  {(item) => (
                    <li class="card">
                      <h2 class="card__title">
                        <A href={item.link} dir={item.title ? 'auto' : undefined}>
                          {item.title ?? t('agenda.meeting')}
                        </A>
                      </h2>
                      <p class="card__meta">{eventWhen(item)}</p>
                      <p class="card__meta">{t(item.kind === 'event' ? 'agenda.kind.event' : 'agenda.kind.meeting')}</p>
                    </li>
                  )}
                </For>
              </ul>
              <LoadMore more={more} />
            </Show>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
