import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { getMe } from '../../lib/session';

/** Where an applicant waits: her status from GET /api/me, and the board's reason if declined. */
export default function PendingPage() {
  const me = createAsync(() => getMe());
  const [checking, setChecking] = createSignal(false);
  const check = async () => {
    setChecking(true);
    try {
      // An approval moves her on: the shell's access rule sends an active member to the directory.
      await revalidate(getMe.key);
    } finally {
      setChecking(false);
    }
  };
  return (
    <div class="narrow">
      <PageHeading>{t('pending.title')}</PageHeading>
      <Show when={me()}>
        {(m) => (
          <>
            <p class="status-line">
              <span class={`badge badge--${m().status}`}>{t('pending.status', { status: t(`status.${m().status}`) })}</span>
            </p>
            <Switch>
              <Match when={m().status === 'pending'}>
                <Notice>
                  <p>{t('pending.pendingBody')}</p>
                </Notice>
                <div class="actions">
                  <button type="button" class="button button--secondary" aria-disabled={checking() ? 'true' : undefined} onClick={check}>
                    {t('pending.check')}
                  </button>
                </div>
              </Match>
              <Match when={m().status === 'declined'}>
                <Notice tone="warning">
                  <p>{t('pending.declinedBody')}</p>
                  <Show when={m().decisionReason}>
                    <h2 class="notice__title">{t('pending.reason')}</h2>
                    <p class="quote" dir="auto">
                      {m().decisionReason}
                    </p>
                  </Show>
                </Notice>
              </Match>
              <Match when={m().status === 'suspended'}>
                <Notice tone="warning">
                  <p>{t('pending.suspendedBody')}</p>
                </Notice>
              </Match>
              <Match when={m().status === 'deactivated'}>
                <Notice tone="warning">
                  <p>{t('pending.deactivatedBody')}</p>
                </Notice>
              </Match>
            </Switch>
            <p>
              <A href="/settings">{t('pending.settings')}</A>
            </p>
          </>
        )}
      </Show>
    </div>
  );
}
