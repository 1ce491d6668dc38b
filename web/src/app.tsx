import {
  A,
  createAsync,
  query,
  revalidate,
  Router,
  useCurrentMatches,
  useLocation,
  useNavigate,
  type RouteDefinition,
  type RouteSectionProps,
} from '@solidjs/router';
import { createEffect, createSignal, ErrorBoundary, For, lazy, on, onCleanup, Show, Suspense, type JSX } from 'solid-js';
import type { BoardSummary, Me } from '../../shared/schemas';
import { api, unwrap } from './lib/api';
import { Loading } from './components/loading';
import { isolate, t } from './i18n';
import { formatDate } from './i18n/format';
import { Notice } from './components/notice';
import { type Access, forgetSession, getMe, getMfa, isBoard, redirectFor, signOut } from './lib/session';
import { preloadApplications } from './pages/board-applications/data';
import { preloadCohorts } from './pages/board-cohorts/data';
import { preloadBoardMessages } from './pages/contact-board/data';
import { preloadBoardMentorships } from './pages/board-mentorships/data';
import { preloadDirectory } from './pages/directory/data';
import { preloadMember } from './pages/member/data';
import { preloadMentors } from './pages/mentors/data';
import { preloadMentorship } from './pages/mentorship/data';
import { preloadMentorships } from './pages/mentorships/data';
import { getNotifications, preloadNotifications, readVersion } from './pages/notifications/data';
import { preloadProfile } from './pages/profile/data';
import { preloadRequests } from './pages/requests/data';
import { preloadAudit } from './pages/board-audit/data';
import { preloadModeration } from './pages/board-moderation/data';
import { preloadRules } from './pages/board-rules/data';
import { preloadSettings } from './pages/settings/data';
import { preloadSpace } from './pages/space/data';
import { preloadSpaces } from './pages/spaces/data';
import { preloadThread } from './pages/thread/data';

/*
 * Every page is its own chunk; the data files are tiny and load with the shell, so a route's
 * data starts loading in parallel with its page chunk (on link hover or focus, too).
 */
const routes: RouteDefinition[] = [
  { path: '/', component: () => <Loading />, info: { access: 'home' } },
  { path: '/sign-in', component: lazy(() => import('./pages/sign-in/page')), info: { access: 'public' } },
  { path: '/sign-up', component: lazy(() => import('./pages/sign-up/page')), info: { access: 'public' } },
  { path: '/forgot-password', component: lazy(() => import('./pages/forgot-password/page')), info: { access: 'public' } },
  { path: '/application', component: lazy(() => import('./pages/application/page')), info: { access: 'application' } },
  { path: '/pending', component: lazy(() => import('./pages/pending/page')), info: { access: 'waiting' } },
  { path: '/profile', component: lazy(() => import('./pages/profile/page')), preload: preloadProfile, info: { access: 'member' } },
  { path: '/directory', component: lazy(() => import('./pages/directory/page')), preload: preloadDirectory, info: { access: 'member' } },
  { path: '/members/:id', component: lazy(() => import('./pages/member/page')), preload: preloadMember, info: { access: 'member' } },
  { path: '/mentors', component: lazy(() => import('./pages/mentors/page')), preload: preloadMentors, info: { access: 'member' } },
  { path: '/requests', component: lazy(() => import('./pages/requests/page')), preload: preloadRequests, info: { access: 'member' } },
  {
    path: '/mentorships',
    component: lazy(() => import('./pages/mentorships/page')),
    preload: preloadMentorships,
    info: { access: 'member' },
  },
  {
    path: '/mentorships/:id',
    component: lazy(() => import('./pages/mentorship/page')),
    preload: preloadMentorship,
    info: { access: 'member' },
  },
  { path: '/spaces', component: lazy(() => import('./pages/spaces/page')), preload: preloadSpaces, info: { access: 'member' } },
  { path: '/spaces/:id', component: lazy(() => import('./pages/space/page')), preload: preloadSpace, info: { access: 'member' } },
  { path: '/threads/:id', component: lazy(() => import('./pages/thread/page')), preload: preloadThread, info: { access: 'member' } },
  {
    path: '/board/moderation',
    component: lazy(() => import('./pages/board-moderation/page')),
    preload: preloadModeration,
    info: { access: 'board' },
  },
  { path: '/board/audit', component: lazy(() => import('./pages/board-audit/page')), preload: preloadAudit, info: { access: 'board' } },
  { path: '/board/rules', component: lazy(() => import('./pages/board-rules/page')), preload: preloadRules, info: { access: 'board' } },
  {
    path: '/board/applications',
    component: lazy(() => import('./pages/board-applications/page')),
    preload: preloadApplications,
    info: { access: 'board' },
  },
  {
    path: '/board/cohorts',
    component: lazy(() => import('./pages/board-cohorts/page')),
    preload: preloadCohorts,
    info: { access: 'board' },
  },
  {
    path: '/board/mentorships',
    component: lazy(() => import('./pages/board-mentorships/page')),
    preload: preloadBoardMentorships,
    info: { access: 'board' },
  },
  {
    path: '/notifications',
    component: lazy(() => import('./pages/notifications/page')),
    preload: preloadNotifications,
    info: { access: 'account' },
  },
  {
    path: '/contact-board',
    component: lazy(() => import('./pages/contact-board/page')),
    preload: preloadBoardMessages,
    info: { access: 'account' },
  },
  { path: '/settings', component: lazy(() => import('./pages/settings/page')), preload: preloadSettings, info: { access: 'account' } },
  { path: '*404', component: lazy(() => import('./pages/not-found/page')), info: { access: 'public' } },
];

/** Renders the page only when the account may see it (the shell redirects her otherwise). */
function Guard(props: { me: Me | null; access: Access; children: JSX.Element }) {
  return <Show when={!redirectFor(props.access, props.me)}>{props.children}</Show>;
}

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

/** The sanction in force, on every page, so she knows why a write is refused. */
function SanctionBanner(props: { me: Me | null }) {
  return (
    <Show when={props.me?.sanction}>
      {(s) => (
        <div class="notice notice--warning sanction-banner" role="status">
          <p dir="auto">
            {t(s().type === 'suspend' ? 'sanction.banner.suspend' : 'sanction.banner.read_only', {
              date: formatDate(s().until),
              reason: isolate(s().reason),
            })}{' '}
            <A href="/notifications">{t('sanction.banner.more')}</A> <A href="/contact-board">{t('sanction.banner.contactBoard')}</A>
          </p>
        </div>
      )}
    </Show>
  );
}

/**
 * On the board's pages, while her own account has no second step: a board account sees
 * applications, reports and who wrote anonymous posts, so it is the one most worth protecting.
 */
function BoardMfaNotice() {
  // A status the page can live without: if it cannot be read, say nothing.
  const mfa = createAsync(() => getMfa().catch(() => null));
  return (
    <Show when={mfa()?.totp === false}>
      <Notice tone="warning">
        <p>
          {t('board.mfaNotice')} <A href="/settings">{t('board.mfaNoticeLink')}</A>
        </p>
      </Notice>
    </Show>
  );
}

/** The board's pages, under one "Board" entry so that the bar keeps to one row on a laptop. */
const boardLinks = [
  { href: '/board/applications', label: 'nav.applications', waiting: (s: BoardSummary) => s.applications },
  { href: '/board/cohorts', label: 'nav.cohorts' },
  { href: '/board/moderation', label: 'nav.moderation', waiting: (s: BoardSummary) => s.heldPosts + s.openCases + s.openMessages },
  { href: '/board/audit', label: 'nav.audit' },
  { href: '/board/rules', label: 'nav.rules' },
] as const;

/** What waits for the board; a menu that lives without it. */
const getBoardSummary = query(() => unwrap(api.board.summary.$get()).catch(() => null), 'boardSummary');

/**
 * A disclosure (not an ARIA menu: its entries are plain links, reached with Tab). It closes on
 * every move, on Escape, and when focus or a click leaves it.
 */
function BoardMenu() {
  const location = useLocation();
  let details: HTMLDetailsElement | undefined;
  const close = () => {
    if (details) details.open = false;
  };
  createEffect(on(() => location.pathname, close, { defer: true }));
  const onDocumentClick = (e: MouseEvent) => {
    if (details && !details.contains(e.target as Node)) close();
  };
  document.addEventListener('click', onDocumentClick);
  onCleanup(() => document.removeEventListener('click', onDocumentClick));
  const inBoard = () => location.pathname.startsWith('/board/');
  // Read again on each move between the board's pages (never on the way out: after signing out
  // the call would answer 401 and end the session with the wrong message).
  const [asked, setAsked] = createSignal(0);
  createEffect(
    on(
      () => location.pathname,
      (path) => {
        if (path.startsWith('/board/')) setAsked((n) => n + 1);
      },
      { defer: true },
    ),
  );
  const summary = createAsync(() => {
    asked();
    return getBoardSummary();
  });
  const waiting = () => {
    const s = summary();
    return s ? s.applications + s.heldPosts + s.openCases + s.openMessages : 0;
  };
  return (
    <details
      class="nav__group"
      ref={details}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && details?.open) {
          close();
          details.querySelector('summary')?.focus();
        }
      }}
      onFocusOut={(e) => {
        if (details && !details.contains(e.relatedTarget as Node | null)) close();
      }}
    >
      <summary class="nav__link nav__summary" classList={{ active: inBoard() }}>
        {waiting() ? t('nav.boardWaiting', { count: waiting() }) : t('nav.board')}
      </summary>
      <ul class="nav__sublist">
        <For each={boardLinks}>
          {(link) => (
            <li>
              <A class="nav__link" href={link.href}>
                {(() => {
                  const s = summary();
                  const n = s && 'waiting' in link ? link.waiting(s) : 0;
                  return n ? t('nav.waiting', { label: t(link.label), count: n }) : t(link.label);
                })()}
              </A>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}

/**
 * The main menu. On a phone a signed-in member's menu (ten entries for the board, whose pages group under one) folds
 * behind a "Menu" button that also says how many notices are new; it folds again on every move.
 */
function Nav(props: { me: Me | null }) {
  const navigate = useNavigate();
  const location = useLocation();
  const active = () => props.me?.status === 'active';
  const unread = createUnreadCount(() => !!props.me);
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
                  {t('nav.mentorships')}
                </A>
              </li>
              <li>
                <A class="nav__link" href="/spaces">
                  {t('nav.discussions')}
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

function ErrorPanel(props: { reset: () => void }) {
  // Leaving the page leaves its error behind.
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname,
      () => props.reset(),
      { defer: true },
    ),
  );
  return (
    <div class="panel">
      <h1 class="page-title">{t('app.error.title')}</h1>
      <p>{t('app.error.body')}</p>
      <button
        type="button"
        class="button"
        onClick={() => {
          void revalidate();
          props.reset();
        }}
      >
        {t('app.error.retry')}
      </button>
    </div>
  );
}

function Shell(props: RouteSectionProps) {
  const me = createAsync(() => getMe());
  const matches = useCurrentMatches();
  const access = () => (matches().at(-1)?.route.info?.access ?? 'public') as Access;
  const navigate = useNavigate();
  // Here, not inside the page's error boundary: a page that failed because the session ended
  // must still be left for the sign-in page.
  createEffect(() => {
    let current: Me | null | undefined;
    try {
      current = me();
    } catch {
      return; // shown by the error boundary
    }
    if (current === undefined) return;
    const to = redirectFor(access(), current);
    if (to) navigate(to, { replace: true });
  });
  let main: HTMLElement | undefined;
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main; the handler only moves focus there, which the router's own click handling would not do */}
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <ErrorBoundary fallback={(_, reset) => <ErrorPanel reset={reset} />}>
        <header class="header">
          <div class="header__inner">
            <A href="/" class="brand" end>
              {t('app.name')}
            </A>
            <Suspense>
              <Show when={me() !== undefined}>
                <Nav me={me() ?? null} />
              </Show>
            </Suspense>
          </div>
        </header>
        <main id="main" class="main" tabindex="-1" ref={main}>
          <ErrorBoundary fallback={(_, reset) => <ErrorPanel reset={reset} />}>
            <Suspense fallback={<Loading />}>
              <Show when={me() !== undefined}>
                <SanctionBanner me={me() ?? null} />
                <Show when={access() === 'board' && isBoard(me())}>
                  <BoardMfaNotice />
                </Show>
                <Guard me={me() ?? null} access={access()}>
                  {props.children}
                </Guard>
              </Show>
            </Suspense>
          </ErrorBoundary>
        </main>
        <footer class="footer">
          <p>{t('app.footer')}</p>
          {/* Any signed-in account, applicants and suspended members included, can reach the board. */}
          <Suspense>
            <Show when={me()}>
              <p>
                <A href="/contact-board">{t('app.footer.contactBoard')}</A>
              </p>
            </Show>
          </Suspense>
        </footer>
      </ErrorBoundary>
    </>
  );
}

export function App() {
  return (
    <Router root={Shell} rootPreload={() => void getMe()}>
      {routes}
    </Router>
  );
}
