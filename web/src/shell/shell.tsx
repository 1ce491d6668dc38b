import {
  A,
  createAsync,
  revalidate,
  useCurrentMatches,
  useLocation,
  useNavigate,
  usePreloadRoute,
  type RouteSectionProps,
} from '@solidjs/router';
import { createEffect, ErrorBoundary, on, onMount, Show, Suspense, type JSX } from 'solid-js';
import type { Me } from '../../../shared/schemas';
import { Loading } from '../components/loading';
import { catalogReady, t } from '../i18n';
import { adoptAccountLocale, forgetAccountLocale } from '../lib/account-locale';
import { setTimeZone } from '../i18n/format';
import { type Access, getMe, isBoard, mayBeSignedIn, redirectFor } from '../lib/session';
import { takeOverFirstPaint } from '../pre/first-paint';
import { BoardMfaNotice, SanctionBanner } from './banners';
import { IdleSignOut } from './idle-sign-out';
import { LanguageSwitcher } from './language-switcher';
import { Nav, NavPlaceholder } from './nav';
import { QuickExitButton, QuickExitSkipLink } from './quick-exit';

/** Renders the page only when the account may see it (the shell redirects her otherwise). */
function Guard(props: { me: Me | null; access: Access; children: JSX.Element }) {
  return <Show when={!redirectFor(props.access, props.me)}>{props.children}</Show>;
}

/**
 * Holds the menu's room while a session that may exist is checked: the phone's menu button, the
 * laptop's row of links (nav.tsx, NavPlaceholder). Invisible, and not read out.
 */
function MenuPlaceholder() {
  return (
    <Show when={mayBeSignedIn()}>
      <span class="nav__toggle nav__toggle--placeholder" aria-hidden="true">
        {t('nav.menu')}
      </span>
      <NavPlaceholder />
    </Show>
  );
}

/** The page drawn before the app loaded (web/src/pre/pre.ts) goes as the app's own is drawn. */
function FirstPaintGone() {
  onMount(takeOverFirstPaint);
  return null;
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

export function Shell(props: RouteSectionProps) {
  const me = createAsync(() => getMe());
  const matches = useCurrentMatches();
  const access = () => (matches().at(-1)?.route.info?.access ?? 'public') as Access;
  const navigate = useNavigate();
  // The page's code, and its data when a session may exist, start loading now, beside /api/me:
  // the router would start them only once the page renders, after /api/me has answered. Signed
  // out, her data could only answer 401, and a member's page sends her to sign in: that page's code.
  const location = useLocation();
  const preloadRoute = usePreloadRoute();
  if (mayBeSignedIn()) preloadRoute(`${location.pathname}${location.search}`, { preloadData: true });
  else preloadRoute(redirectFor(access(), null) ?? location.pathname, { preloadData: false });
  // Here, not inside the page's error boundary: a page that failed because the session ended
  // must still be left for the sign-in page.
  // The account without its error, which the error boundary shows: undefined while loading or failed.
  const account = (): Me | null | undefined => {
    try {
      return me();
    } catch {
      return undefined;
    }
  };
  createEffect(() => {
    const current = account();
    if (current === undefined) return;
    const to = redirectFor(access(), current);
    // Signed out on a member's page (a link from an email): after signing in she goes on to it.
    const next = current === null && to === '/sign-in' ? { state: { next: `${location.pathname}${location.search}${location.hash}` } } : {};
    if (to) navigate(to, { replace: true, ...next });
  });
  // Dates and times show in her profile's time zone on any device; signed out, in the device's.
  createEffect(() => setTimeZone(account()?.profile?.timezone));
  let main: HTMLElement | undefined;
  // Whose session the idle watch and her language are for.
  const accountId = () => account()?.id;
  // Her language follows her account: adopted when she signs in, forgotten when she signs out.
  createEffect(
    on(accountId, (id) => {
      if (id) void adoptAccountLocale(id).catch(() => undefined);
      else forgetAccountLocale();
    }),
  );
  return (
    <Show when={catalogReady()}>
      {/* First in the tab order, before everything: leaving matters more than reading. */}
      <QuickExitSkipLink />
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
            <LanguageSwitcher />
            {/* While her session is checked, the menu keeps its room (the phone's button, the laptop's
                row of links), so the page below does not move when it appears, as she starts reading. */}
            <Suspense fallback={<MenuPlaceholder />}>
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
          <p>
            <A href="/staying-safe">{t('app.footer.stayingSafe')}</A>
          </p>
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
      {/* Outside every error boundary: a page that failed can still be left. */}
      <QuickExitButton />
      <Suspense>
        <IdleSignOut accountId={accountId()} />
      </Suspense>
      <FirstPaintGone />
    </Show>
  );
}
