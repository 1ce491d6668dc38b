import { A, createAsync, query, useLocation } from '@solidjs/router';
import { createEffect, createSignal, For, on, onCleanup } from 'solid-js';
import type { BoardSummary } from '../../../shared/schemas';
import { t } from '../i18n';
import { api, unwrap } from '../lib/api';

/** The board's pages, under one "Board" entry so that the bar keeps to one row on a laptop. */
const boardLinks = [
  { href: '/board/applications', label: 'nav.applications', waiting: (s: BoardSummary) => s.applications },
  { href: '/board/cohorts', label: 'nav.cohorts' },
  { href: '/board/events', label: 'nav.boardEvents' },
  { href: '/board/announcements', label: 'nav.announcements' },
  { href: '/board/moderation', label: 'nav.moderation', waiting: (s: BoardSummary) => s.heldPosts + s.openCases + s.openMessages },
  { href: '/board/insights', label: 'nav.insights' },
  { href: '/board/audit', label: 'nav.audit' },
  { href: '/board/rules', label: 'nav.rules' },
] as const;

/** What waits for the board; a menu that lives without it. */
const getBoardSummary = query(() => unwrap(api.board.summary.$get()).catch(() => null), 'boardSummary');

/**
 * A disclosure (not an ARIA menu: its entries are plain links, reached with Tab). It closes on
 * every move, on Escape, and when focus or a click leaves it.
 */
export function BoardMenu() {
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
