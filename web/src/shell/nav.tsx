import { A, createAsync, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import type { Me } from '../../../shared/schemas';
import { t } from '../i18n';
import { forgetSession, isBoard, signOut } from '../lib/session';
import { getNotifications, readVersion } from '../pages/notifications/data';
import { getUnreadConversations, seenVersion } from '../lib/conversation';
import { BoardMenu } from './board-menu';

/** How many of her notices are new, on their first page ("20+" when the page is all new); '' for none. Her own count: no one else sees it. */
function createUnreadCount(signedIn: () => boolean): () => string {
  const page = createAsync(() => {
    readVersion();
    // Signed out there are none to count: asking would only answer 401.
    return signedIn() ? getNotifications() : Promise.resolve(undefined);
  });
  return () => {
    const p = page();
    if (!p) return '';
    const n = p.items.filter((i) => !i.read).length;
    return n === p.items.length && p.nextCursor ? `${n}+` : n > 0 ? String(n) : '';
  };
}

/** "Notifications", with how many are new. */
function NotificationsLink(props: { unread: string }) {
  return (
    <A class="nav__link" href="/notifications">
      {props.unread ? t('nav.notificationsUnread', { count: props.unread }) : t('nav.notifications')}
    </A>
  );
}

/**
 * The main menu. On a phone a signed-in member's menu (ten entries for the board, whose pages group under one) folds
 * behind a "Menu" button that also says how many notices are new; it folds again on every move.
 */
export function Nav(props: { me: Me | null }) {
  const navigate = useNavigate();
  const location = useLocation();
  const active = () => props.me?.status === 'active';
  const unread = createUnreadCount(() => !!props.me);
  // Her conversations with something she has not opened: her own marker, never shown to the other member.
  const conversations = createAsync(() => {
    readVersion();
    seenVersion();
    return active() ? getUnreadConversations().catch(() => undefined) : Promise.resolve(undefined);
  });
  const [open, setOpen] = createSignal(false);
  createEffect(
    on(
      () => location.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );
  const leave = async () => {
    try {
      await signOut();
    } finally {
      navigate('/sign-in', { replace: true });
      void forgetSession();
    }
  };
  return (
    <>
      {/* Beside the brand, outside the list it opens, so that on a phone the two share a row. */}
      <Show when={props.me}>
        <button
          type="button"
          class="nav__toggle"
          aria-expanded={open() ? 'true' : 'false'}
          aria-controls="nav-list"
          onClick={() => setOpen(!open())}
        >
          {unread() ? t('nav.menuUnread', { count: unread() }) : t('nav.menu')}
        </button>
      </Show>
      <nav class="nav" classList={{ 'nav--foldable': !!props.me, 'nav--open': open() }} aria-label={t('nav.label')}>
        <ul class="nav__list" id="nav-list">
          <Show
            when={props.me}
            fallback={
              <>
                <li>
                  <A class="nav__link" href="/sign-in">
                    {t('nav.signIn')}
                  </A>
                </li>
                <li>
                  <A class="nav__link" href="/sign-up">
                    {t('nav.signUp')}
                  </A>
                </li>
              </>
            }
          >
            <Show
              when={active()}
              fallback={
                <li>
                  <A class="nav__link" href={props.me?.profile ? '/pending' : '/application'}>
                    {t('nav.status')}
                  </A>
                </li>
              }
            >
              <li>
                <A class="nav__link" href="/search">
                  {t('search.nav')}
                </A>
              </li>
              <li>
                <A class="nav__link" href="/directory">
                  {t('nav.directory')}
                </A>
              </li>
              <li>
                <A class="nav__link" href="/mentors">
                  {t('nav.mentors')}
                </A>
              </li>
              <li>
                <A class="nav__link" href="/requests">
                  {t('nav.requests')}
                </A>
              </li>
              <li>
                <A class="nav__link" href="/mentorships">
                  {conversations()?.count ? t('conversation.navUnread', { count: conversations()?.count ?? 0 }) : t('nav.mentorships')}
                </A>
              </li>
              <li>
                <A class="nav__link" href="/events">
                  {t('nav.programme')}
                </A>
              </li>
              <li>
                <A class="nav__link" href="/spaces">
                  {t('nav.discussions')}
                </A>
              </li>
              <li>
                <A class="nav__link" href="/library">
                  {t('nav.library')}
                </A>
              </li>
              <li>
                <A class="nav__link" href="/profile">
                  {t('nav.profile')}
                </A>
              </li>
              <Show when={isBoard(props.me)}>
                <li>
                  <BoardMenu />
                </li>
              </Show>
            </Show>
            <li>
              <NotificationsLink unread={unread()} />
            </li>
            <li>
              <A class="nav__link" href="/settings">
                {t('nav.settings')}
              </A>
            </li>
            <li>
              <button type="button" class="nav__link nav__button" onClick={leave}>
                {t('nav.signOut')}
              </button>
            </li>
          </Show>
        </ul>
      </nav>
    </>
  );
}
