import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { type MessageKey, t } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { createMorePages } from '../../lib/more-pages';
import { type AuditEntry, fetchAuditPage, getAudit } from './data';

const ACTIONS = new Set([
  'application.approve',
  'application.decline',
  'case.resolve',
  'member.sanction',
  'member.sanction_lift',
  'mentorship.suspend',
  'post.approve',
  'post.reject',
  'post.hide',
  'post.restore',
  'rules.update',
  'space.create',
  'thread.lock',
  'thread.unlock',
  'thread.pin',
  'thread.unpin',
  'message.handle',
  'settings.update',
  'announcement.send',
]);

/** The decision in words; an action this page does not know yet shows its code. */
const actionWords = (action: string) => (ACTIONS.has(action) ? t(`audit.action.${action}` as MessageKey) : action);

/** Where the decision can be looked at, when it has a page. */
function targetHref(e: AuditEntry): string | undefined {
  const id = encodeURIComponent(e.targetId);
  switch (e.targetType) {
    case 'thread':
      return `/threads/${id}`;
    case 'post':
      return e.threadId ? `/threads/${encodeURIComponent(e.threadId)}#post-${id}` : undefined;
    case 'member':
      return `/members/${id}`;
    case 'space':
      return `/spaces/${id}`;
    case 'mentorship':
      return `/mentorships/${id}`;
    case 'rules':
      return '/board/rules';
    case 'announcement':
      return `/announcements/${id}`;
    default:
      return undefined;
  }
}

function Entry(props: { entry: AuditEntry }) {
  const e = () => props.entry;
  return (
    <li class="card">
      <h2 class="card__title">{actionWords(e().action)}</h2>
      <p class="card__meta">
        <time datetime={e().at}>{formatDateTime(e().at)}</time> ·{' '}
        <Show when={targetHref(e())} fallback={<span>{t(`audit.target.${e().targetType}`)}</span>}>
          {(href) => <A href={href()}>{t(`audit.target.${e().targetType}`)}</A>}
        </Show>
      </p>
      <dl class="details">
        <div class="details__row">
          <dt>{t('audit.by')}</dt>
          <dd>
            <Show when={e().actorName} fallback={<span class="muted">{t('audit.formerMember')}</span>}>
              {(name) => (
                <A href={`/members/${encodeURIComponent(e().actorId)}`} dir="auto">
                  {name()}
                </A>
              )}
            </Show>
          </dd>
        </div>
        <Show when={e().about}>
          {(about) => (
            <div class="details__row">
              <dt>{t('audit.about')}</dt>
              <dd>
                <Show when={about().name} fallback={<span class="muted">{t('audit.formerMember')}</span>}>
                  {(name) => (
                    <A href={`/members/${encodeURIComponent(about().id)}`} dir="auto">
                      {name()}
                    </A>
                  )}
                </Show>
              </dd>
            </div>
          )}
        </Show>
        <Show when={e().reason}>
          <div class="details__row">
            <dt>{t('audit.reason')}</dt>
            <dd class="prose" dir="auto">
              {e().reason}
            </dd>
          </div>
        </Show>
      </dl>
    </li>
  );
}

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
                <For each={[...a().items, ...more.items()]}>{(e) => <Entry entry={e} />}</For>
              </ol>
              <LoadMore more={more} />
            </Show>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
