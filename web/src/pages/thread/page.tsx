import { A, createAsync, revalidate, useLocation, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, Suspense } from 'solid-js';
import { Composer } from '../../components/composer';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { ReasonDialog } from '../../components/reason-dialog';
import { ReportDialog, type ReportTarget } from '../../components/report-dialog';
import { isolate, type MessageKey, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { api, isStatus, unwrap } from '../../lib/api';
import { fetchPostsPage, getPosts, getSpaces, getThread, getThreads, heldInWords, type Post, type Thread } from '../../lib/discussion';
import { createFormErrors, fieldId, generalMessage } from '../../lib/form';
import { renderMarkdown } from '../../lib/markdown';
import { createMorePages, type MorePages } from '../../lib/more-pages';
import { getMe, isBoard } from '../../lib/session';
import { MayPost } from './may-post';

const refresh = (thread: Thread) =>
  revalidate([getThread.keyFor(thread.id), getPosts.keyFor(thread.id), getThreads.keyFor(thread.spaceId)]);

const STATE_BADGE: Record<string, MessageKey> = { pending: 'badge.pending', hidden: 'badge.hidden', removed: 'badge.removed' };

function PostItem(props: {
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
  const [busy, setBusy] = createSignal(false);
  const errors = createFormErrors(['body']);
  const editId = () => `edit-${p().id}-${fieldId('body')}`;

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    if (!errors.check({ body: text().trim() ? undefined : t('validation.body') })) return;
    setBusy(true);
    try {
      await unwrap(api.posts[':id'].$patch({ param: { id: p().id }, json: { body: text(), version: p().version } }));
      setEditing(false);
      props.onOutcome('saved');
      props.onChanged();
    } catch (err) {
      if (isStatus(err, 409)) {
        setEditing(false);
        props.onOutcome('conflict');
        props.onChanged();
      } else errors.fromError(err);
    } finally {
      setBusy(false);
    }
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
          <div class="actions">
            <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
              {busy() ? t('post.saving') : t('post.save')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
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

type ThreadAction = 'lock' | 'unlock' | 'pin' | 'unpin';

function BoardTools(props: { thread: Thread }) {
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
    await refresh(props.thread);
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

function ThreadView(props: { thread: Thread; posts: Post[]; more: MorePages<Post>; me: string; board: boolean; readOnly: boolean }) {
  const spaces = createAsync(() => getSpaces());
  const space = () => spaces()?.items.find((s) => s.id === props.thread.spaceId);
  const [report, setReport] = createSignal<ReportTarget>();
  const [removing, setRemoving] = createSignal<Post>();
  const [outcome, setOutcome] = createSignal<{ id: string; kind: 'saved' | 'conflict' }>();
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const [removed, setRemoved] = createSignal(false);
  const [moderating, setModerating] = createSignal<{ action: 'hide' | 'restore'; post: Post }>();

  const moderate = async (reason: string) => {
    const m = moderating();
    if (!m) return;
    const req = { param: { id: m.post.id }, json: { reason } };
    await unwrap(m.action === 'hide' ? api.moderation.posts[':id'].hide.$post(req) : api.moderation.posts[':id'].restore.$post(req));
    setModerating(undefined);
    await refresh(props.thread);
  };

  const remove = async () => {
    const post = removing();
    if (!post) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await unwrap(api.posts[':id'].$delete({ param: { id: post.id } }));
      setRemoved(true);
    } catch (e) {
      setProblem(generalMessage(e));
    } finally {
      setRemoving(undefined);
      setBusy(false);
      void refresh(props.thread);
    }
  };

  return (
    <>
      <p class="back">
        <A href={`/spaces/${encodeURIComponent(props.thread.spaceId)}`}>
          {space() ? t('thread.back', { space: isolate(space()?.name ?? '') }) : t('thread.backPlain')}
        </A>
      </p>
      <PageHeading dir="auto">{props.thread.title}</PageHeading>
      <p class="badges">
        <Show when={props.thread.pinned}>
          <span class="badge badge--quiet">{t('badge.pinned')}</span>
        </Show>
        <Show when={props.thread.locked}>
          <span class="badge badge--quiet">{t('badge.locked')}</span>
        </Show>
        <Show when={STATE_BADGE[props.thread.state]}>{(key) => <span class="badge badge--pending">{t(key())}</span>}</Show>
      </p>
      <Show when={props.thread.authorId !== props.me}>
        <div class="actions">
          <button
            type="button"
            class="button button--secondary button--small"
            aria-haspopup="dialog"
            onClick={() => setReport({ targetType: 'thread', targetId: props.thread.id, title: t('thread.report') })}
          >
            {t('thread.report')}
          </button>
        </div>
      </Show>
      <Show when={props.board}>
        <BoardTools thread={props.thread} />
      </Show>
      <div role="status" class="live">
        <Show when={removed()}>
          <Notice tone="success">
            <p>{t('post.removed')}</p>
          </Notice>
        </Show>
      </div>
      <Show when={problem()}>
        <p class="field__error" role="alert">
          {problem()}
        </p>
      </Show>
      <section aria-labelledby="posts-title" class="discussion-section" data-testid="posts">
        <h2 class="section-title" id="posts-title">
          {t('thread.posts')}
        </h2>
        <ol class="plain-list posts__list">
          <For each={props.posts}>
            {(post) => (
              <PostItem
                post={post}
                mine={post.authorId === props.me}
                onReport={() => setReport({ targetType: 'post', targetId: post.id, title: t('post.reportLabel') })}
                board={props.board}
                readOnly={props.readOnly}
                onRemove={() => setRemoving(post)}
                onModerate={(action) => setModerating({ action, post })}
                onChanged={() => void refresh(props.thread)}
                saved={outcome()?.id === post.id && outcome()?.kind === 'saved'}
                conflict={outcome()?.id === post.id && outcome()?.kind === 'conflict'}
                onOutcome={(kind) => setOutcome(kind ? { id: post.id, kind } : undefined)}
              />
            )}
          </For>
        </ol>
        <LoadMore more={props.more} />
      </section>
      <section class="panel" aria-labelledby="reply-title">
        <h2 class="section-title" id="reply-title">
          {t('thread.replyTitle')}
        </h2>
        <Show
          when={!props.thread.locked && props.thread.state === 'published'}
          fallback={<p>{props.thread.locked ? t('composer.locked') : t('thread.waiting')}</p>}
        >
          <MayPost>
            <Composer space={space()} target={{ threadId: props.thread.id }} idPrefix="reply" onPosted={() => void refresh(props.thread)} />
          </MayPost>
        </Show>
      </section>
      <ReportDialog target={report()} onClose={() => setReport(undefined)} />
      <ReasonDialog
        open={!!moderating()}
        title={moderating()?.action === 'restore' ? t('mod.restoreTitle') : t('mod.hideTitle')}
        confirmLabel={moderating()?.action === 'restore' ? t('mod.restore') : t('mod.hide')}
        idPrefix="post-action"
        act={moderate}
        onClose={() => setModerating(undefined)}
      />
      <ConfirmDialog
        open={!!removing()}
        title={t('post.removeTitle')}
        confirmLabel={t('post.remove')}
        danger
        busy={busy()}
        onConfirm={() => void remove()}
        onClose={() => setRemoving(undefined)}
      >
        <p>{t('post.removeBody')}</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * A link to `#post-<id>` (a notice about a reply, say) opens that post: the thread pages forward
 * until it is on the page, then it is scrolled to and focused, so she lands on it however deep it is.
 */
function createScrollToPost(loaded: () => boolean, more: MorePages<Post>) {
  const location = useLocation();
  let reached = '';
  createEffect(
    on([loaded, () => location.hash, () => more.items().length], async ([ready, hash]) => {
      if (!ready || hash === reached || !/^#post-[\w-]+$/.test(hash)) return;
      const target = document.getElementById(hash.slice(1));
      if (target) {
        reached = hash;
        target.setAttribute('tabindex', '-1');
        target.scrollIntoView({ block: 'start' });
        target.focus({ preventScroll: true });
        return;
      }
      // Not on the pages loaded so far: fetch the next one (the effect runs again when it arrives).
      if (more.next() && !more.loading()) await more.load().catch(() => undefined);
    }),
  );
}

export default function ThreadPage() {
  const params = useParams();
  const me = createAsync(() => getMe());
  const thread = createAsync(() => getThread(params.id ?? ''));
  const posts = createAsync(() => getPosts(params.id ?? ''));
  const more = createMorePages(
    posts,
    (cursor) => fetchPostsPage(params.id ?? '', cursor),
    () => params.id,
  );
  createScrollToPost(() => !!(thread() && posts() && me()), more);
  return (
    <div class="narrow">
      <Suspense fallback={<Loading />}>
        <Show
          when={thread() && posts() && me()}
          fallback={
            <Show when={thread() === null || posts() === null}>
              <PageHeading>{t('notFound.title')}</PageHeading>
              <p>{t('thread.notFound')}</p>
            </Show>
          }
        >
          <ThreadView
            thread={thread()!}
            posts={[...(posts()?.items ?? []), ...more.items()]}
            more={more}
            me={me()!.id}
            board={isBoard(me())}
            readOnly={!!me()?.sanction}
          />
        </Show>
      </Suspense>
    </div>
  );
}
