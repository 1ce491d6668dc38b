import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { Composer } from '../../components/composer';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadMore } from '../../components/load-more';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { ReasonDialog } from '../../components/reason-dialog';
import { ReportDialog, type ReportTarget } from '../../components/report-dialog';
import { isolate, t } from '../../i18n';
import { api, unwrap } from '../../lib/api';
import { getSpaces, type Post, type Thread } from '../../lib/discussion';
import { createBusy, generalMessage } from '../../lib/form';
import type { MorePages } from '../../lib/more-pages';
import { MayPost } from './may-post';
import { refreshThread } from './data';
import { BoardTools } from './board-tools';
import { PostItem, STATE_BADGE } from './post-item';

export function ThreadView(props: {
  thread: Thread;
  posts: Post[];
  more: MorePages<Post>;
  me: string;
  board: boolean;
  /** A read-only member: no report or post action that could only be refused. */
  readOnly: boolean;
}) {
  const spaces = createAsync(() => getSpaces());
  const space = () => spaces()?.items.find((s) => s.id === props.thread.spaceId);
  const [report, setReport] = createSignal<ReportTarget>();
  const [removing, setRemoving] = createSignal<Post>();
  const [outcome, setOutcome] = createSignal<{ id: string; kind: 'saved' | 'conflict' }>();
  const { busy, run } = createBusy();
  const [problem, setProblem] = createSignal<string>();
  const [removed, setRemoved] = createSignal(false);
  const [moderating, setModerating] = createSignal<{ action: 'hide' | 'restore'; post: Post }>();

  const moderate = async (reason: string) => {
    const m = moderating();
    if (!m) return;
    const req = { param: { id: m.post.id }, json: { reason } };
    await unwrap(m.action === 'hide' ? api.moderation.posts[':id'].hide.$post(req) : api.moderation.posts[':id'].restore.$post(req));
    setModerating(undefined);
    await refreshThread(props.thread);
  };

  const remove = async () => {
    const post = removing();
    if (!post) return;
    setProblem(undefined);
    await run(
      async () => {
        await unwrap(api.posts[':id'].$delete({ param: { id: post.id } }));
        setRemoved(true);
      },
      (e) => setProblem(generalMessage(e)),
    );
    setRemoving(undefined);
    void refreshThread(props.thread);
  };

  return (
    <>
      <p class="back">
        <A href={`/spaces/${encodeURIComponent(props.thread.spaceId)}`}>
          {space() ? t('thread.back', { space: isolate(space()?.name ?? '') }) : t('thread.backPlain')}
        </A>
      </p>
      <PageHeading dir="auto" kind={t('pageKind.thread')}>
        {props.thread.title}
      </PageHeading>
      <p class="badges">
        <Show when={props.thread.pinned}>
          <span class="badge badge--quiet">{t('badge.pinned')}</span>
        </Show>
        <Show when={props.thread.locked}>
          <span class="badge badge--quiet">{t('badge.locked')}</span>
        </Show>
        <Show when={STATE_BADGE[props.thread.state]}>{(key) => <span class="badge badge--pending">{t(key())}</span>}</Show>
      </p>
      <Show when={props.thread.authorId !== props.me && !props.readOnly}>
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
                onChanged={() => void refreshThread(props.thread)}
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
            <Composer
              space={space()}
              target={{ threadId: props.thread.id }}
              idPrefix="reply"
              onPosted={() => void refreshThread(props.thread)}
            />
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
