import { createAsync } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { Notice } from '../../components/notice';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { getMe } from '../../lib/session';

/**
 * Its children (a composer), or, while a sanction keeps her from writing, a sentence saying so
 * and until when: a box that can only fail on submit would waste what she wrote.
 */
export function MayPost(props: { children: JSX.Element }) {
  const me = createAsync(() => getMe());
  return (
    <Show when={me()?.sanction} fallback={props.children}>
      {(s) => (
        <Notice tone="warning">
          <p>{t('composer.sanctioned', { date: formatDate(s().until) })}</p>
        </Notice>
      )}
    </Show>
  );
}
