import { createSignal, Show } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { isolate, type MessageKey, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { api, isStatus, unwrap } from '../../lib/api';
import { heldInWords, type Post } from '../../lib/discussion';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { renderMarkdown } from '../../lib/markdown';
import { FormActions } from '../../components/form-actions';

export const STATE_BADGE: Record<string, MessageKey> = { pending: 'badge.pending', hidden: 'badge.hidden', removed: 'badge.removed' };

export function PostItem(props: {
  post: Post;
  mine: boolean;
  board: boolean;
  /** A read-only member may not edit, remove or report: no button that can only fail (N7). */
  readOnly: boolean;
  onReport: () => void;
  onRemove: () => void;
  onModerate: (action: 'hide' | 'restore') => void;
  onChanged: () => void;
  /** Kept by the list, not the item: a refresh re-creates the items, and the notice must survive it. */
  saved: boolean;
  conflict: boolean;
  onOutcome: (outcome: 'saved' | 'conflict' | undefined) => void;
}) {
  const p = () => props.post;
  const [editing, setEditing] = createSignal(false);
  const [text, setText] = createSignal('');
  const { busy, run } = createBusy();
  const errors = createFormErrors(['body']);
  const editId = () => `edit-${p().id}-${fieldId('body')}`;

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    if (!errors.check({ body: text().trim() ? undefined : t('validation.body') })) return;
    await run(
      async () => {
        await unwrap(api.posts[':id'].$patch({ param: { id: p().id }, json: { body: text(), version: p().version } }));
        setEditing(false);
        props.onOutcome('saved');
        props.onChanged();
      },
      (err) => {
        if (isStatus(err, 409)) {
          setEditing(false);
          props.onOutcome('conflict');
          props.onChanged();
        } else errors.fromError(err);
      },
    );
  };

  return (
    <li class="post" id={`post-${p().id}`}>
      <p class="card__meta">
        <span dir="auto">{props.mine ? t('post.you') : p().authorName}</span> · {formatDate(p().createdAt)}
        <Show when={p().identity === 'anonymous'}>
          {' '}
          <span class="badge badge--quiet">{t('badge.anonymous')}</span>
        </Show>
        <Show when={STATE_BADGE[p().state]}>
          {(key) => (
            <>
              {' '}
              <span class={`badge badge--${p().state === 'pending' ? 'pending' : 'expired'}`}>{t(key())}</span>
            </>
          )}
        </Show>
      </p>
      <Show when={props.mine && p().state === 'pending' && p().heldReasons?.length}>
        <p class="muted">{t('composer.held', { reasons: heldInWords(p().heldReasons) })}</p>
      </Show>
      <Show when={props.mine && p().moderationReason}>
        <p class="muted" dir="auto">
          {t('post.reason', { reason: isolate(p().moderationReason ?? '') })}
        </p>
      </Show>
      <ErrorSummary
        items={errors.summary().map((i) => ({ ...i, id: editId() }))}
        general={props.conflict ? t('post.conflict') : errors.general()}
      />
      <Show when={props.saved}>
        <Notice tone="success" live>
          <p>{t('post.saved')}</p>
        </Notice>
      </Show>
      <Show
        when={editing()}
        fallback={
          <Show when={p().state !== 'removed'} fallback={<p class="muted">{t('post.removedBody')}</p>}>
            <div class="post__body">{renderMarkdown(p().body)}</div>
          </Show>
        }
      >
        <form class="form" novalidate onSubmit={save}>
          <Field
            id={editId()}
            label={t('post.editLabel')}
            multiline
            rows={6}
            dir="auto"
            maxLength={20000}
            value={text()}
            onInput={setText}
            error={errors.error('body')}
          />
          <FormActions label={t('post.save')} busy={busy()} busyLabel={t('post.saving')} onCancel={() => setEditing(false)} />
        </form>
      </Show>
      <Show when={!editing() && p().state !== 'removed' && !props.readOnly}>
        <div class="actions">
          <Show when={props.board && !props.mine && (p().state === 'published' || p().state === 'hidden')}>
            <button
              type="button"
              class="button button--secondary button--small"
              aria-haspopup="dialog"
              onClick={() => props.onModerate(p().state === 'hidden' ? 'restore' : 'hide')}
            >
              {p().state === 'hidden' ? t('mod.restore') : t('mod.hide')}
            </button>
          </Show>
          <Show
            when={props.mine}
            fallback={
              <button type="button" class="button button--secondary button--small" aria-haspopup="dialog" onClick={() => props.onReport()}>
                {t('post.report')}
              </button>
            }
          >
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => {
                setText(p().body);
                props.onOutcome(undefined);
                errors.clear();
                setEditing(true);
              }}
            >
              {t('post.edit')}
            </button>
            <button type="button" class="button button--secondary button--small" aria-haspopup="dialog" onClick={() => props.onRemove()}>
              {t('post.remove')}
            </button>
          </Show>
        </div>
      </Show>
    </li>
  );
}
