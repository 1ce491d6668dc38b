import { createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { MemberName } from '../../components/member-name';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { LoadMore } from '../../components/load-more';
import { createMorePages } from '../../lib/more-pages';
import { fetchAuditPage, getAudit } from './data';

export default function AuditPage() {
  const audit = createAsync(() => getAudit());
  const more = createMorePages(audit, fetchAuditPage);
  return (
    <div class="narrow">
      <PageHeading>{t('audit.title')}</PageHeading>
      <p class="lead">{t('audit.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={audit()}>
          {(a) => (
            <Show when={a().items.length > 0} fallback={<p>{t('audit.empty')}</p>}>
              <ol class="plain-list cards cards--single">
                <For each={[...a().items, ...more.items()]}>
                  {(e) => (
                    <li class="card">
                      <h2 class="card__title">
                        <code>{e.action}</code>
                      </h2>
                      <p class="card__meta">
                        {formatDate(e.at)} · {e.targetType} <code>{e.targetId}</code>
                      </p>
                      <dl class="details">
                        <div class="details__row">
                          <dt>{t('audit.by')}</dt>
                          <dd>
                            <MemberName id={e.actorId} link />
                          </dd>
                        </div>
                        <Show when={e.reason}>
                          <div class="details__row">
                            <dt>{t('audit.reason')}</dt>
                            <dd class="prose" dir="auto">
                              {e.reason}
                            </dd>
                          </div>
                        </Show>
                      </dl>
                    </li>
                  )}
                </For>
              </ol>
              <LoadMore more={more} />
            </Show>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
