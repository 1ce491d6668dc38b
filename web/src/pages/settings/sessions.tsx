import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { type Status, StatusMessage } from '../../components/status-message';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { createBusy, generalMessage } from '../../lib/form';
import { getSessions } from './data';

/** Signs out every other device she used (a phone left behind, a shared computer); this one stays. */
export function OtherSessions() {
  const sessions = createAsync(() => getSessions());
  const { busy, run } = createBusy();
  const [message, setMessage] = createSignal<Status>();
  const signOutOthers = () =>
    run(
      async () => {
        setMessage(undefined);
        const { ended } = await unwrap(api.auth['sign-out-others'].$post());
        const text = ended === 0 ? t('settings.sessionsNone') : t('settings.sessionsEnded', { count: ended });
        setMessage({ tone: 'success', text });
        await revalidate(getSessions.key);
      },
      (e) => setMessage({ tone: 'warning', text: generalMessage(e) }),
    );
  return (
    <section class="panel" aria-labelledby="sessions-title">
      <h2 class="section-title" id="sessions-title">
        {t('settings.sessionsTitle')}
      </h2>
      <p>{t('settings.sessionsIntro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={sessions()}>
          {(page) => (
            <ul class="plain-list sessions">
              <For each={page().items}>
                {(s) => (
                  <li class="sessions__item">
                    {t(s.current ? 'settings.sessionThis' : 'settings.sessionOther', { date: formatDate(s.startedAt) })}
                  </li>
                )}
              </For>
            </ul>
          )}
        </Show>
      </Suspense>
      <StatusMessage message={message()} />
      <button
        type="button"
        class="button button--secondary"
        aria-disabled={busy() ? 'true' : undefined}
        onClick={() => void signOutOthers()}
      >
        {busy() ? t('settings.sessionsEnding') : t('settings.sessionsEnd')}
      </button>
    </section>
  );
}
