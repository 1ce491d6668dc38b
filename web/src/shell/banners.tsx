import { A, createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Me } from '../../../shared/schemas';
import { Notice } from '../components/notice';
import { isolate, t } from '../i18n';
import { formatDate } from '../i18n/format';
import { getMfa } from '../lib/session';

/** The sanction in force, on every page, so she knows why a write is refused. */
export function SanctionBanner(props: { me: Me | null }) {
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
export function BoardMfaNotice() {
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
