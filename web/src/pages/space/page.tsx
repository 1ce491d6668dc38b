import type { InferResponseType } from 'hono/client';
import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { Composer } from '../../components/composer';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import type { api } from '../../lib/api';
import { formatDate } from '../../i18n/format';
import { audienceWords, fetchThreadsPage, getSpaces, getThreads, type Space } from '../../lib/discussion';
import { createMorePages, type MorePages } from '../../lib/more-pages';
import { MayPost } from '../thread/may-post';

type ThreadItem = InferResponseType<(typeof api.spaces)[':id']['threads']['$get'], 200>['items'][number];

function ThreadCard(props: { thread: ThreadItem }) {
  const th = () => props.thread;
  return (
    <li class="card">
      <h3 class="card__title">
        <A href={`/threads/${encodeURIComponent(th().id)}`} dir="auto">
          {th().title}
        </A>
      </h3>
      <p class="badges">
        <Show when={th().pinned}>
          <span class="badge badge--quiet">{t('badge.pinned')}</span>
        </Show>
        <Show when={th().locked}>
          <span class="badge badge--quiet">{t('badge.locked')}</span>
        </Show>
        <Show when={th().state === 'pending'}>
          <span class="badge badge--pending">{t('badge.pending')}</span>
        </Show>
        <Show when={th().state === 'hidden'}>
          <span class="badge badge--expired">{t('badge.hidden')}</span>
        </Show>
      </p>
      <p class="card__meta">
        {t('space.byline', {
          name: isolate(th().authorName),
          replies: t('space.replies', { count: th().replyCount }),
          date: formatDate(th().lastPostAt),
        })}
      </p>
    </li>
  );
}

function SpaceView(props: { space: Space; threads: ThreadItem[]; more: MorePages<ThreadItem> }) {
  return (
    <>
      <PageHeading dir="auto">{props.space.name}</PageHeading>
      <Show when={props.space.description}>
        <p class="lead" dir="auto">
          {props.space.description}
        </p>
      </Show>
      <p class="muted">{t('spaces.audience', { audience: audienceWords(props.space.audience) })}</p>
      <section aria-labelledby="threads-title" class="discussion-section">
        <h2 class="section-title" id="threads-title">
          {t('space.threads')}
        </h2>
        <Show when={props.threads.length > 0} fallback={<p>{t('space.empty')}</p>}>
          {/* The API already orders them: pinned first, then newest activity. */}
          <ul class="plain-list cards cards--single">
            <For each={props.threads}>{(th) => <ThreadCard thread={th} />}</For>
          </ul>
        </Show>
        <LoadMore more={props.more} />
      </section>
      <section class="panel" aria-labelledby="start-title">
        <h2 class="section-title" id="start-title">
          {t('space.start')}
        </h2>
        <MayPost>
          <Composer
            space={props.space}
            target={{ spaceId: props.space.id }}
            idPrefix="new-thread"
            onPosted={() => void revalidate(getThreads.keyFor(props.space.id))}
          />
        </MayPost>
      </section>
    </>
  );
}

export default function SpacePage() {
  const params = useParams();
  const spaces = createAsync(() => getSpaces());
  const threads = createAsync(() => getThreads(params.id ?? ''));
  const more = createMorePages(
    threads,
    (cursor) => fetchThreadsPage(params.id ?? '', cursor),
    () => params.id,
  );
  const space = () => spaces()?.items.find((s) => s.id === params.id);
  return (
    <div class="narrow">
      <p class="back">
        <A href="/spaces">{t('space.back')}</A>
      </p>
      <Suspense fallback={<Loading />}>
        <Show
          when={threads() && space()}
          fallback={
            <Show when={threads() === null || (spaces() && !space())}>
              <PageHeading>{t('notFound.title')}</PageHeading>
              <p>{t('space.notFound')}</p>
            </Show>
          }
        >
          <SpaceView space={space()!} threads={[...(threads()?.items ?? []), ...more.items()]} more={more} />
        </Show>
      </Suspense>
    </div>
  );
}
