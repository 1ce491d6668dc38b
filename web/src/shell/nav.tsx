import { A, createAsync, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { Me } from '../../../shared/schemas';
import { type MessageKey, t } from '../i18n';
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

/** An active member's own pages, in the menu's order (the board's, notices, settings and signing out follow). */
const MEMBER_LINKS = [
  { href: '/search', label: 'search.nav' },
  { href: '/directory', label: 'nav.directory' },
  { href: '/mentors', label: 'nav.mentors' },
  { href: '/requests', label: 'nav.requests' },
  { href: '/mentorships', label: 'nav.mentorships' },
  { href: '/events', label: 'nav.programme' },
  { href: '/spaces', label: 'nav.discussions' },
  { href: '/library', label: 'nav.library' },
  { href: '/profile', label: 'nav.profile' },
] as const satisfies readonly { href: string; label: MessageKey }[];

/**
 * While her session is checked (shell.tsx), an unseen copy of an active member's menu holds its
 * room: the same words in her language, so that on a laptop it takes the rows the menu will take,
 * one or two, beside the name or under it, and the page below does not move as the menu appears.
 * Notices are counted as a member's first load usually ends (a few new), the count that lengthens
 * the menu most often. Not read out, not focusable, and hidden on a phone, where the menu is folded
 * behind its button.
 */
export function NavPlaceholder() {
  return (
    <div class="nav nav--placeholder" aria-hidden="true">
      <ul class="nav__list">
        <For
          each={[...MEMBER_LINKS.map((l) => t(l.label)), t('nav.notificationsUnread', { count: '9' }), t('nav.settings'), t('nav.signOut')]}
        >
          {(label) => (
            <li>
              <span class="nav__link">{label}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
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
              <For each={MEMBER_LINKS}>
                {(link) => (
                  <li>
                    <A class="nav__link" href={link.href}>
                      {link.href === '/mentorships' && conversations()?.count
                        ? t('conversation.navUnread', { count: conversations()?.count ?? 0 })
                        : t(link.label)}
                    </A>
                  </li>
                )}
              </For>
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
