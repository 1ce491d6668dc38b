import { A, createAsync, useNavigate } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { type MessageKey, t } from '../../i18n';
import { formatDate, formatDateTime, formatRelative } from '../../i18n/format';
import { createMorePages } from '../../lib/more-pages';
import {
  fetchNotificationsPage,
  getNotifications,
  getOwnSanctions,
  markNotificationRead,
  type Notification,
  type OwnSanction,
} from './data';

const TYPES = new Set([
  'application.approve',
  'application.decline',
  'mentorship.received',
  'mentorship.proposed',
  'mentorship.accepted',
  'mentorship.declined',
  'mentorship.withdrawn',
  'mentorship.completed',
  'mentorship.ended',
  'mentorship.suspended',
  'mentorship.expired',
  'thread.reply',
  'post.approved',
  'post.rejected',
  'post.hidden',
  'post.restored',
  'report.actioned',
  'report.dismissed',
  'sanction.warn',
  'sanction.read_only',
  'sanction.suspend',
  'boardMessage.answered',
  'sanction.lifted',
  'board.application',
  'board.held',
  'board.case',
  'board.message',
  'event.promoted',
  'event.reminder.day',
  'event.reminder.hour',
  'series.completed',
  'conversation.message',
  'conversation.meeting',
  'email.off',
  'announcement',
]);

/** What happened, in words; a type this page does not know yet gets a neutral sentence. */
const message = (type: string) => t(TYPES.has(type) ? (`notifications.type.${type}` as MessageKey) : 'notifications.type.other');

/** Notices that are read here rather than elsewhere: their link points back to this page. */
const readHere = (n: Notification) => n.link === '/notifications' || n.link === '/';

function SanctionItem(props: { sanction: OwnSanction }) {
  const s = () => props.sanction;
  return (
    <li class="card">
      <h3 class="card__title">{t(`notifications.sanction.${s().type}`)}</h3>
      <p class="card__meta">
        {formatDate(s().at)}
        <Show when={s().until}>{(until) => <> · {t('notifications.sanctionUntil', { date: formatDate(until()) })}</>}</Show>
      </p>
      <p>
        <strong>{t('notifications.boardReason')}</strong>{' '}
        <span class="prose" dir="auto">
          {s().reason}
        </span>
      </p>
    </li>
  );
}

function NotificationItem(props: { notification: Notification; onRead: (n: Notification) => Promise<void> }) {
  const n = () => props.notification;
  const navigate = useNavigate();
  const open = async (e: MouseEvent) => {
    e.preventDefault();
    await props.onRead(n());
    navigate(n().link);
  };
  return (
    <li classList={{ card: true, 'notification--unread': !n().read }}>
      <p class="notification__text">
        <Show when={!n().read}>
          <span class="badge badge--pending">{t('notifications.new')}</span>{' '}
        </Show>
        {message(n().type)}
      </p>
      <p class="card__meta">
        <time datetime={n().at} title={formatDateTime(n().at)}>
          {formatRelative(n().at)}
        </time>
      </p>
      <div class="actions">
        <Show
          when={!readHere(n())}
          fallback={
            <Show when={!n().read}>
              <button type="button" class="button button--secondary button--small" onClick={() => void props.onRead(n())}>
                {t('notifications.markRead')}
              </button>
            </Show>
          }
        >
          <A href={n().link} class="button button--secondary button--small" onClick={(e) => void open(e)}>
            {t('notifications.open')}
          </A>
        </Show>
      </div>
    </li>
  );
}

export default function NotificationsPage() {
  const first = createAsync(() => getNotifications());
  const sanctions = createAsync(() => getOwnSanctions());
  const more = createMorePages(first, fetchNotificationsPage);
  const markRead = async (n: Notification) => {
    if (!n.read) await markNotificationRead(n.id);
  };
  return (
    <div class="narrow">
      <PageHeading>{t('notifications.title')}</PageHeading>
      <p class="lead">{t('notifications.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={(sanctions()?.items.length ?? 0) > 0}>
          <section aria-labelledby="sanctions-title" class="discussion-section">
            <h2 class="section-title" id="sanctions-title">
              {t('notifications.fromBoard')}
            </h2>
            <ul class="plain-list cards cards--single">
              <For each={sanctions()?.items ?? []}>{(s) => <SanctionItem sanction={s} />}</For>
            </ul>
          </section>
        </Show>
        <Show when={first()}>
          {(f) => (
            <section aria-labelledby="list-title">
              <h2 class="section-title" id="list-title">
                {t('notifications.listTitle')}
              </h2>
              <Show when={f().items.length > 0} fallback={<p>{t('notifications.empty')}</p>}>
                <ul class="plain-list cards cards--single">
                  <For each={[...f().items, ...more.items()]}>{(n) => <NotificationItem notification={n} onRead={markRead} />}</For>
                </ul>
                <LoadMore more={more} />
              </Show>
            </section>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
