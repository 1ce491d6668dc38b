import { createSignal, Show } from 'solid-js';
import { t } from '../i18n';
import { generalMessage } from '../lib/form';
import type { MorePages } from '../lib/more-pages';
import { Notice } from './notice';

/** "Load more" under a paged list: busy while fetching, an announced message when it fails. */
export function LoadMore(props: { more: Pick<MorePages<unknown>, 'next' | 'loading' | 'load'> }) {
  const [error, setError] = createSignal<string>();
  const load = async () => {
    setError(undefined);
    try {
      await props.more.load();
    } catch (e) {
      setError(generalMessage(e));
    }
  };
  return (
    <>
      <div role="status" class="live">
        <Show when={error()}>
          <Notice tone="warning">
            <p>{error()}</p>
          </Notice>
        </Show>
      </div>
      <Show when={props.more.next()}>
        <div class="actions actions--center">
          <button
            type="button"
            class="button button--secondary"
            onClick={load}
            disabled={props.more.loading()}
            aria-busy={props.more.loading()}
          >
            {props.more.loading() ? t('common.loadingMore') : t('common.loadMore')}
          </button>
        </div>
      </Show>
    </>
  );
}
