import { A, createAsync, useParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { eventWhen, kindLabel, partOf } from '../../lib/events';
import { getSeries } from './data';

/** A series of the programme: its parts in order, and how far she has come ("2 of 4"). */
export default function SeriesPage() {
  const params = useParams();
  const detail = createAsync(() => getSeries(params.id ?? ''));
  return (
    <div class="narrow">
      <Suspense fallback={<Loading />}>
        <Show when={detail()}>
          {(d) => (
            <>
              <PageHeading dir="auto">{d().series.title}</PageHeading>
              <Show when={d().series.description}>
                <p class="lead" dir="auto">
                  {d().series.description}
                </p>
              </Show>
              <p>{t('event.progress', { attended: formatNumber(d().progress.attended), parts: formatNumber(d().progress.parts) })}</p>
              <Show when={d().completedAt}>
                <p>
                  <span class="badge">{t('event.completed')}</span>
                </p>
              </Show>
              <ul class="plain-list cards cards--single" aria-label={d().series.title}>
                <For each={d().events}>
                  {(e) => (
                    <li class="card">
                      <h2 class="card__title">
                        <A href={`/events/${encodeURIComponent(e.id)}`} dir="auto">
                          {e.title}
                        </A>
                      </h2>
                      <p class="card__meta">{eventWhen(e)}</p>
                      <p class="card__meta">
                        {kindLabel(e)}
                        <Show when={partOf(e)}>{(p) => <> · {p()}</>}</Show>
                      </p>
                      <Show when={e.myRegistration}>
                        {(mine) => (
                          <p class="card__meta">
                            <span class="badge">{t(`events.mine.${mine()}`)}</span>
                          </p>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
