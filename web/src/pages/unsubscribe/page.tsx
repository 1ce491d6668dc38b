import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Match, Switch } from 'solid-js';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { stopEmails } from './data';

/**
 * `/unsubscribe?token=…`, the page an email's "stop emails" link opens: one button, no sign-in.
 * It never acts on opening (mail scanners open links), only on her press. Once done, the token
 * leaves the address bar, so the tab's history holds no working link.
 */
export default function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = () => (typeof params.token === 'string' ? params.token : '');
  const [state, setState] = createSignal<'ready' | 'busy' | 'done' | 'invalid' | 'failed'>(token() ? 'ready' : 'invalid');

  const stop = async () => {
    if (state() === 'busy') return;
    setState('busy');
    const outcome = await stopEmails(token());
    setState(outcome);
    if (outcome !== 'failed') history.replaceState(history.state, '', '/unsubscribe');
  };

  return (
    <div class="narrow">
      <PageHeading>{t('unsubscribe.title')}</PageHeading>
      <div role="status">
        <Switch>
          <Match when={state() === 'done'}>
            <Notice tone="success">
              <p>{t('unsubscribe.done')}</p>
            </Notice>
            <p>
              <A href="/settings#email">{t('unsubscribe.turnBackOn')}</A>
            </p>
          </Match>
          <Match when={state() === 'invalid'}>
            <Notice tone="warning">
              <p>{t('unsubscribe.invalid')}</p>
            </Notice>
            <p>
              <A href="/settings#email">{t('unsubscribe.settings')}</A>
            </p>
          </Match>
        </Switch>
      </div>
      <Switch>
        <Match when={state() === 'ready' || state() === 'busy' || state() === 'failed'}>
          <p>{t('unsubscribe.intro')}</p>
          <div role="alert">
            <Switch>
              <Match when={state() === 'failed'}>
                <Notice tone="warning">
                  <p>{t('unsubscribe.failed')}</p>
                </Notice>
              </Match>
            </Switch>
          </div>
          <div class="actions">
            <button type="button" class="button" aria-disabled={state() === 'busy' ? 'true' : undefined} onClick={() => void stop()}>
              {state() === 'busy' ? t('unsubscribe.stopping') : t('unsubscribe.stop')}
            </button>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
