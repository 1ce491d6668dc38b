import { createSignal, Show } from 'solid-js';
import { ReasonDialog } from '../../components/reason-dialog';
import { t } from '../../i18n';
import { api, unwrap } from '../../lib/api';
import type { Thread } from '../../lib/discussion';
import { refreshThread } from './data';

type ThreadAction = 'lock' | 'unlock' | 'pin' | 'unpin';

export function BoardTools(props: { thread: Thread }) {
  const [action, setAction] = createSignal<ThreadAction>();
  const [done, setDone] = createSignal(false);
  const act = async (reason: string) => {
    const a = action();
    if (!a) return;
    const req = { param: { id: props.thread.id }, json: { reason } };
    const threads = api.moderation.threads[':id'];
    await unwrap(
      a === 'lock'
        ? threads.lock.$post(req)
        : a === 'unlock'
          ? threads.unlock.$post(req)
          : a === 'pin'
            ? threads.pin.$post(req)
            : threads.unpin.$post(req),
    );
    setAction(undefined);
    setDone(true);
    await refreshThread(props.thread);
  };
  const open = (a: ThreadAction) => {
    setDone(false);
    setAction(a);
  };
  return (
    <section class="panel panel--quiet" aria-labelledby="tools-title">
      <h2 class="section-title" id="tools-title">
        {t('mod.tools')}
      </h2>
      <div class="actions">
        <button
          type="button"
          class="button button--secondary"
          aria-haspopup="dialog"
          onClick={() => open(props.thread.locked ? 'unlock' : 'lock')}
        >
          {props.thread.locked ? t('mod.unlock') : t('mod.lock')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-haspopup="dialog"
          onClick={() => open(props.thread.pinned ? 'unpin' : 'pin')}
        >
          {props.thread.pinned ? t('mod.unpin') : t('mod.pin')}
        </button>
      </div>
      <div role="status" class="live">
        <Show when={done()}>
          <p>{t('mod.done')}</p>
        </Show>
      </div>
      <ReasonDialog
        open={!!action()}
        title={t(`mod.${action() ?? 'lock'}`)}
        confirmLabel={t(`mod.${action() ?? 'lock'}`)}
        idPrefix="thread-action"
        act={act}
        onClose={() => setAction(undefined)}
      />
    </section>
  );
}
