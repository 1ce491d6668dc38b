import { createSignal, Show } from 'solid-js';
import { t } from '../i18n';
import { generalMessage } from '../lib/form';
import type { MorePages } from '../lib/more-pages';
import { Notice } from './notice';

/**
 * "Load more" under a paged list: announced while busy (the button keeps focus: aria-disabled,
 * not disabled), an announced message when it fails. With `focus` (a selector matching one
 * element per item, e.g. each card's title link), keyboard and screen-reader users continue at
 * the first new item.
 */
export function LoadMore(props: { more: Pick<MorePages<unknown>, 'next' | 'loading' | 'load'>; focus?: string; compact?: boolean }) {
  const [error, setError] = createSignal<string>();
  const load = async () => {
    if (props.more.loading()) return;
    setError(undefined);
    const selector = props.focus;
    const before = selector ? document.querySelectorAll(selector).length : 0;
    try {
      await props.more.load();
      if (selector) queueMicrotask(() => document.querySelectorAll<HTMLElement>(selector)[before]?.focus());
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
        <div class={props.compact ? 'actions' : 'actions actions--center'}>
          <button
            type="button"
            class={props.compact ? 'button button--secondary button--small' : 'button button--secondary'}
            onClick={load}
            aria-disabled={props.more.loading() ? 'true' : undefined}
            aria-busy={props.more.loading()}
          >
            {props.more.loading() ? t('common.loadingMore') : t('common.loadMore')}
          </button>
        </div>
      </Show>
    </>
  );
}
