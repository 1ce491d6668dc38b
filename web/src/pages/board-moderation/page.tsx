import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Match, Show, Suspense, Switch } from 'solid-js';
import { RadioGroup } from '../../components/choice-group';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { ReasonDialog } from '../../components/reason-dialog';
import { isolate, type MessageKey, t } from '../../i18n';
import { formatDate, formatDateTime } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { getPosts, getThread, heldInWords } from '../../lib/discussion';
import { renderMarkdown } from '../../lib/markdown';
import { audienceName, getLibraryPage, getPractice } from '../../lib/library';
import { createMorePages } from '../../lib/more-pages';
import { fetchQueuePage, getQueue, type QueueItem } from './data';

type HeldPost = Extract<QueueItem, { type: 'post' }>;
type Case = Extract<QueueItem, { type: 'case' }>;
type BoardMessage = Extract<QueueItem, { type: 'message' }>;
type HeldPractice = Extract<QueueItem, { type: 'practice' }>;
type Decision =
  | { kind: 'approve' | 'reject'; item: HeldPost }
  | { kind: 'resolve'; item: Case }
  | { kind: 'reply'; item: BoardMessage }
  | { kind: 'approve' | 'reject'; item: HeldPractice };
type Subject = NonNullable<Case['subject']>;
type QueuedPost = HeldPost['post'];

/** Author, date and state of a post as the board sees it (real author of anonymous posts included). */
function PostMeta(props: { post: QueuedPost }) {
  return (
    <p class="card__meta">
      <span dir="auto">{t('mod.author', { name: isolate(props.post.authorName) })}</span> · {formatDate(props.post.createdAt)}
      <Show when={props.post.identity === 'anonymous'}>
        {' '}
        <span class="badge badge--quiet">{t('badge.anonymous')}</span>
      </Show>
      <Show when={props.post.state === 'hidden'}>
        {' '}
        <span class="badge badge--expired">{t('badge.hidden')}</span>
      </Show>
      <Show when={props.post.state === 'removed'}>
        {' '}
        <span class="badge badge--expired">{t('badge.removed')}</span>
      </Show>
    </p>
  );
}

/** A link to a thread, named by its title when the queue knows it. */
function ThreadLink(props: { thread: { id: string; title: string } | null; threadId: string }) {
  return (
    <p>
      <A href={`/threads/${encodeURIComponent(props.thread?.id ?? props.threadId)}`} dir="auto">
        {props.thread ? t('mod.inThread', { title: isolate(props.thread.title) }) : t('mod.openThread')}
      </A>
    </p>
  );
}

/** What a report is about, as it stands now, so the board can decide from the queue. */
function CaseSubject(props: { subject: Subject | null }) {
  const post = () => (props.subject?.type === 'post' ? props.subject : undefined);
  const thread = () => (props.subject?.type === 'thread' ? props.subject : undefined);
  const member = () => (props.subject?.type === 'member' ? props.subject : undefined);
  const conversation = () => (props.subject?.type === 'conversation' ? props.subject : undefined);
  return (
    <Switch fallback={<p class="muted">{t('mod.subjectGone')}</p>}>
      <Match when={conversation()}>
        {(s) => (
          <>
            <p class="muted">{t('conversation.mod.excerpt')}</p>
            <ol class="messages">
              <For each={s().messages}>
                {(m) => (
                  <li class="message">
                    <p class="message__meta">
                      <span class="message__author" dir="auto">
                        {m.authorName ?? t('mentorship.formerMember')}
                      </span>{' '}
                      <time datetime={m.at}>{formatDateTime(m.at)}</time>
                    </p>
                    <Show when={!m.deleted} fallback={<p class="muted">{t('conversation.deleted')}</p>}>
                      <div class="post__body quote" dir="auto">
                        {renderMarkdown(m.body)}
                      </div>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </>
        )}
      </Match>
      <Match when={post()}>
        {(s) => (
          <>
            <ThreadLink thread={s().thread} threadId={s().post.threadId} />
            <PostMeta post={s().post} />
            <div class="post__body quote">{renderMarkdown(s().post.body)}</div>
          </>
        )}
      </Match>
      <Match when={thread()}>
        {(s) => (
          <>
            <p>
              <A href={`/threads/${encodeURIComponent(s().thread.id)}`} dir="auto">
                {t('mod.reportedThread', { title: isolate(s().thread.title) })}
              </A>
            </p>
            <p class="card__meta">
              <span dir="auto">{t('mod.author', { name: isolate(s().authorName) })}</span>
              <Show when={s().identity === 'anonymous'}>
                {' '}
                <span class="badge badge--quiet">{t('badge.anonymous')}</span>
              </Show>
            </p>
          </>
        )}
      </Match>
      <Match when={member()}>
        {(s) => (
          <p>
            <A href={`/members/${encodeURIComponent(s().memberId)}`} dir="auto">
              {t('mod.reportedMember', { name: isolate(s().displayName) })}
            </A>
          </p>
        )}
      </Match>
    </Switch>
  );
}

const REPORT_REASONS = new Set(['harassment', 'personal_data', 'unsafe', 'off_topic', 'spam', 'other']);
const reportReason = (r: string) => (REPORT_REASONS.has(r) ? t(`report.reason.${r}` as MessageKey) : r);
const targetWord = (type: string) =>
  type === 'post' || type === 'thread' || type === 'member' || type === 'message' || type === 'conversation'
    ? t(`mod.target.${type}`)
    : type;

function HeldPostCard(props: { item: HeldPost; decide: (d: Decision) => void }) {
  const post = () => props.item.post;
  return (
    <li class="card">
      <h2 class="card__title">{t('mod.heldPost')}</h2>
      <PostMeta post={post()} />
      <p>{t('mod.heldBecause', { reasons: heldInWords(props.item.heldReasons) })}</p>
      <div class="post__body quote">{renderMarkdown(post().body)}</div>
      <ThreadLink thread={props.item.thread} threadId={post().threadId} />
      <div class="actions">
        <button type="button" class="button" aria-haspopup="dialog" onClick={() => props.decide({ kind: 'approve', item: props.item })}>
          {t('mod.approve')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-haspopup="dialog"
          onClick={() => props.decide({ kind: 'reject', item: props.item })}
        >
          {t('mod.reject')}
        </button>
      </div>
    </li>
  );
}

/** A practice waiting for the board (issue 14): its latest version, its real author, and why it was held. */
function HeldPracticeCard(props: { item: HeldPractice; decide: (d: Decision) => void }) {
  const p = () => props.item.practice;
  return (
    <li class="card">
      <h2 class="card__title">{t('mod.heldPractice')}</h2>
      <p class="card__meta">
        <span dir="auto">{t('mod.author', { name: isolate(p().authorName) })}</span> · {formatDate(p().updatedAt)} ·{' '}
        {audienceName(p().audience)}
        <Show when={p().identity === 'anonymous'}>
          {' '}
          <span class="badge badge--quiet">{t('badge.anonymous')}</span>
        </Show>
      </p>
      <Show when={heldInWords(props.item.heldReasons)}>{(words) => <p>{t('mod.heldBecause', { reasons: words() })}</p>}</Show>
      <h3 class="card__subtitle" dir="auto" lang={p().language}>
        {p().title}
      </h3>
      <p class="prose quote" dir="auto" lang={p().language}>
        {p().summary}
      </p>
      <p>
        <A href={`/library/${encodeURIComponent(p().id)}`}>{t('mod.openPractice')}</A>
      </p>
      <div class="actions">
        <button type="button" class="button" aria-haspopup="dialog" onClick={() => props.decide({ kind: 'approve', item: props.item })}>
          {t('mod.approve')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-haspopup="dialog"
          onClick={() => props.decide({ kind: 'reject', item: props.item })}
        >
          {t('mod.reject')}
        </button>
      </div>
    </li>
  );
}

function CaseCard(props: { item: Case; decide: (d: Decision) => void }) {
  const c = () => props.item;
  return (
    <li class="card">
      <h2 class="card__title">{t('mod.case', { type: targetWord(c().targetType) })}</h2>
      <p class="card__meta">{t('mod.openedAt', { date: formatDate(c().openedAt) })}</p>
      <h3 class="card__subtitle" id={`case-${c().id}-subject`}>
        {t('mod.reportedItem')}
      </h3>
      <CaseSubject subject={c().subject} />
      <h3 class="card__subtitle" id={`case-${c().id}-reports`}>
        {t('mod.reports', { count: c().reports.length })}
      </h3>
      <ul class="plain-list" aria-labelledby={`case-${c().id}-reports`}>
        <For each={c().reports}>
          {(r) => (
            <li>
              <strong>{reportReason(r.reason)}</strong> · {formatDate(r.at)}
              <Show when={r.note}>
                <p class="prose quote" dir="auto">
                  {r.note}
                </p>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <div class="actions">
        <button type="button" class="button" aria-haspopup="dialog" onClick={() => props.decide({ kind: 'resolve', item: c() })}>
          {t('mod.resolve')}
        </button>
      </div>
    </li>
  );
}

/** A private message to the board: who wrote it (an applicant may have no profile yet) and the board's one reply. */
function MessageCard(props: { item: BoardMessage; decide: (d: Decision) => void }) {
  const m = () => props.item;
  return (
    <li class="card">
      <h2 class="card__title">{t('mod.message')}</h2>
      <p class="card__meta">
        <Show when={m().from.displayName} fallback={t('mod.messageFromNoProfile')}>
          {(name) => (
            <A href={`/members/${encodeURIComponent(m().from.memberId)}`} dir="auto">
              {t('mod.messageFrom', { name: isolate(name()) })}
            </A>
          )}
        </Show>{' '}
        · {t('mod.messageSentAt', { date: formatDate(m().at) })}
      </p>
      <p class="prose quote" dir="auto">
        {m().body}
      </p>
      <div class="actions">
        <button type="button" class="button" aria-haspopup="dialog" onClick={() => props.decide({ kind: 'reply', item: m() })}>
          {t('mod.reply')}
        </button>
      </div>
    </li>
  );
}

export default function ModerationPage() {
  const queue = createAsync(() => getQueue());
  const more = createMorePages(queue, fetchQueuePage);
  const [decision, setDecision] = createSignal<Decision>();
  const [outcome, setOutcome] = createSignal<'actioned' | 'dismissed'>('actioned');
  const [done, setDone] = createSignal(false);

  const act = async (reason: string) => {
    const d = decision();
    if (!d) return;
    if (d.kind === 'resolve') {
      await unwrap(api.moderation.cases[':id'].resolve.$post({ param: { id: d.item.id }, json: { outcome: outcome(), reason } }));
    } else if (d.kind === 'reply') {
      await unwrap(api.moderation.messages[':id'].handle.$post({ param: { id: d.item.id }, json: { reply: reason } }));
    } else if (d.item.type === 'practice') {
      const req = { param: { id: d.item.id }, json: { reason } };
      const moderation = api.moderation.practices[':id'];
      await unwrap(d.kind === 'approve' ? moderation.approve.$post(req) : moderation.reject.$post(req));
      void revalidate([getPractice.keyFor(d.item.id), getLibraryPage.key]);
    } else {
      const req = { param: { id: d.item.id }, json: { reason } };
      await unwrap(d.kind === 'approve' ? api.moderation.posts[':id'].approve.$post(req) : api.moderation.posts[':id'].reject.$post(req));
      void revalidate([getThread.keyFor(d.item.post.threadId), getPosts.keyFor(d.item.post.threadId)]);
    }
    setDecision(undefined);
    setDone(true);
    await revalidate(getQueue.key);
  };

  const open = (d: Decision) => {
    setDone(false);
    setDecision(d);
  };

  const title = () => {
    const d = decision();
    if (d?.kind === 'reply') return t('mod.replyTitle');
    if (d?.item.type === 'practice') return d.kind === 'reject' ? t('mod.rejectPracticeTitle') : t('mod.approvePracticeTitle');
    return d?.kind === 'resolve' ? t('mod.resolveTitle') : d?.kind === 'reject' ? t('mod.rejectTitle') : t('mod.approveTitle');
  };
  const confirm = () => {
    const d = decision();
    if (d?.kind === 'reply') return t('mod.reply');
    return d?.kind === 'resolve' ? t('mod.resolve') : d?.kind === 'reject' ? t('mod.reject') : t('mod.approve');
  };

  return (
    <div class="narrow">
      <PageHeading>{t('mod.title')}</PageHeading>
      <p class="lead">{t('mod.intro')}</p>
      <div role="status" class="live">
        <Show when={done()}>
          <Notice tone="success">
            <p>{t('mod.decided')}</p>
          </Notice>
        </Show>
      </div>
      <Suspense fallback={<Loading />}>
        <Show when={queue()}>
          {(q) => (
            <Show when={q().items.length > 0} fallback={<p>{t('mod.empty')}</p>}>
              <ul class="plain-list cards cards--single">
                <For each={[...q().items, ...more.items()]}>
                  {(item) => (
                    <Switch>
                      <Match when={item.type === 'post' && item}>{(p) => <HeldPostCard item={p()} decide={open} />}</Match>
                      <Match when={item.type === 'case' && item}>{(c) => <CaseCard item={c()} decide={open} />}</Match>
                      <Match when={item.type === 'message' && item}>{(m) => <MessageCard item={m()} decide={open} />}</Match>
                      <Match when={item.type === 'practice' && item}>{(p) => <HeldPracticeCard item={p()} decide={open} />}</Match>
                    </Switch>
                  )}
                </For>
              </ul>
              <LoadMore more={more} />
            </Show>
          )}
        </Show>
      </Suspense>
      <ReasonDialog
        open={!!decision()}
        title={title()}
        confirmLabel={confirm()}
        idPrefix="decision"
        label={decision()?.kind === 'reply' ? t('mod.replyLabel') : undefined}
        act={act}
        onClose={() => setDecision(undefined)}
      >
        <Show when={decision()?.kind === 'resolve'}>
          <RadioGroup
            id="decision-outcome"
            legend={t('mod.outcome')}
            choices={[
              { value: 'actioned', label: t('mod.outcome.actioned') },
              { value: 'dismissed', label: t('mod.outcome.dismissed') },
            ]}
            value={outcome()}
            onChange={(v) => setOutcome(v === 'dismissed' ? 'dismissed' : 'actioned')}
          />
        </Show>
      </ReasonDialog>
    </div>
  );
}
