import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { audienceWords, getSpaces } from '../../lib/discussion';

export default function SpacesPage() {
  const spaces = createAsync(() => getSpaces());
  return (
    <div class="narrow">
      <PageHeading>{t('spaces.title')}</PageHeading>
      <p class="lead">{t('spaces.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={spaces()}>
          {(s) => (
            <Show when={s().items.length > 0} fallback={<p>{t('spaces.empty')}</p>}>
              <ul class="plain-list cards cards--single">
                <For each={s().items}>
                  {(space) => (
                    <li class="card">
                      <h2 class="card__title">
                        <A href={`/spaces/${encodeURIComponent(space.id)}`} dir="auto">
                          {space.name}
                        </A>
                      </h2>
                      <Show when={space.description}>
                        <p dir="auto">{space.description}</p>
                      </Show>
                      <p class="card__meta">{t('spaces.audience', { audience: audienceWords(space.audience) })}</p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
