import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Match, Show, Suspense, Switch } from 'solid-js';
import { RadioGroup } from '../../components/choice-group';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { ReasonDialog } from '../../components/reason-dialog';
import { isolate, type MessageKey, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { getPosts, getThread, heldInWords } from '../../lib/discussion';
import { renderMarkdown } from '../../lib/markdown';
import { getQueue, type QueueItem } from './data';

type HeldPost = Extract<QueueItem, { type: 'post' }>;
type Case = Extract<QueueItem, { type: 'case' }>;
type Decision = { kind: 'approve' | 'reject'; item: HeldPost } | { kind: 'resolve'; item: Case };

const REPORT_REASONS = new Set(['harassment', 'personal_data', 'unsafe', 'off_topic', 'spam', 'other']);
const reportReason = (r: string) => (REPORT_REASONS.has(r) ? t(`report.reason.${r}` as MessageKey) : r);
const targetWord = (type: string) => (type === 'post' || type === 'thread' || type === 'member' ? t(`mod.target.${type}`) : type);

function HeldPostCard(props: { item: HeldPost; decide: (d: Decision) => void }) {
  const post = () => props.item.post;
  return (
    <li class="card">
      <h2 class="card__title">{t('mod.heldPost')}</h2>
      <p class="card__meta">
        <span dir="auto">{t('mod.author', { name: isolate(post().authorName) })}</span> · {formatDate(post().createdAt)}
        <Show when={post().identity === 'anonymous'}>
          {' '}
          <span class="badge badge--quiet">{t('badge.anonymous')}</span>
        </Show>
      </p>
      <p>{t('mod.heldBecause', { reasons: heldInWords(props.item.heldReasons) })}</p>
      <div class="post__body quote">{renderMarkdown(post().body)}</div>
      <p>
        <A href={`/threads/${encodeURIComponent(post().threadId)}`}>{t('mod.openThread')}</A>
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
      <Switch>
        <Match when={c().targetType === 'thread'}>
          <p>
            <A href={`/threads/${encodeURIComponent(c().targetId)}`}>{t('mod.openThread')}</A>
          </p>
        </Match>
        <Match when={c().targetType === 'member'}>
          <p>
            <A href={`/members/${encodeURIComponent(c().targetId)}`}>{t('mod.viewMember')}</A>
          </p>
        </Match>
      </Switch>
      <ul class="plain-list">
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

export default function ModerationPage() {
  const queue = createAsync(() => getQueue());
  const [decision, setDecision] = createSignal<Decision>();
  const [outcome, setOutcome] = createSignal<'actioned' | 'dismissed'>('actioned');
  const [done, setDone] = createSignal(false);

  const act = async (reason: string) => {
    const d = decision();
    if (!d) return;
    if (d.kind === 'resolve') {
      await unwrap(api.moderation.cases[':id'].resolve.$post({ param: { id: d.item.id }, json: { outcome: outcome(), reason } }));
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
    return d?.kind === 'resolve' ? t('mod.resolveTitle') : d?.kind === 'reject' ? t('mod.rejectTitle') : t('mod.approveTitle');
  };
  const confirm = () => {
    const d = decision();
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
                <For each={q().items}>
                  {(item) => (item.type === 'post' ? <HeldPostCard item={item} decide={open} /> : <CaseCard item={item} decide={open} />)}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Suspense>
      <ReasonDialog
        open={!!decision()}
        title={title()}
        confirmLabel={confirm()}
        idPrefix="decision"
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
