import { A, createAsync } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { useMemberName } from '../../components/member-name';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { generalMessage } from '../../lib/form';
import { MENTORSHIP_STATES, type MentorshipView } from '../../lib/mentorship';
import { getMyMentorships } from './data';

type Side = 'mentee' | 'mentor';
type Item = { side: Side; m: MentorshipView };

function MentorshipItem(props: { item: Item }) {
  const m = () => props.item.m;
  const name = useMemberName(() => (props.item.side === 'mentee' ? m().mentorId : m().menteeId));
  return (
    <li class="card">
      <h3 class="card__title">
        <A href={`/mentorships/${encodeURIComponent(m().id)}`}>{t('mentorships.with', { name: isolate(name()) })}</A>
      </h3>
      <p class="card__meta">
        {t(props.item.side === 'mentee' ? 'mentorship.youMentee' : 'mentorship.youMentor')} ·{' '}
        {m().state === 'pending'
          ? t('mentorship.answerBy', { date: formatDate(m().expiresAt) })
          : t('mentorship.updated', { date: formatDate(m().updatedAt) })}
      </p>
      <Show when={m().proposedBy === 'board'}>
        <p class="card__meta">
          <span class="badge badge--quiet">{t('mentorship.proposed')}</span>
        </p>
      </Show>
    </li>
  );
}

/** Every page after the first of one side, fetched with "Load more". */
function createMorePages(side: Side, first: () => { nextCursor: string | null } | undefined) {
  const [items, setItems] = createSignal<MentorshipView[]>([]);
  const [cursor, setCursor] = createSignal<string | null | undefined>();
  createEffect(
    on(first, () => {
      setItems([]);
      setCursor(undefined);
    }),
  );
  const next = () => (cursor() === undefined ? first()?.nextCursor : cursor());
  return {
    items,
    next,
    async load() {
      const c = next();
      if (!c) return;
      const page = await getMyMentorships(side, undefined, c);
      setItems((xs) => [...xs, ...page.items]);
      setCursor(page.nextCursor);
    },
  };
}

export default function MentorshipsPage() {
  const asMentee = createAsync(() => getMyMentorships('mentee'));
  const asMentor = createAsync(() => getMyMentorships('mentor'));
  const moreMentee = createMorePages('mentee', asMentee);
  const moreMentor = createMorePages('mentor', asMentor);
  const [loadError, setLoadError] = createSignal<string>();
  const all = (): Item[] => [
    ...[...(asMentee()?.items ?? []), ...moreMentee.items()].map((m) => ({ side: 'mentee' as const, m })),
    ...[...(asMentor()?.items ?? []), ...moreMentor.items()].map((m) => ({ side: 'mentor' as const, m })),
  ];
  const groups = () =>
    MENTORSHIP_STATES.map((state) => ({
      state,
      items: all()
        .filter((i) => i.m.state === state)
        .sort((a, b) => (a.m.updatedAt < b.m.updatedAt ? 1 : -1)),
    })).filter((g) => g.items.length > 0);
  const hasMore = () => !!(moreMentee.next() || moreMentor.next());
  const loadMore = async () => {
    setLoadError(undefined);
    try {
      await Promise.all([moreMentee.load(), moreMentor.load()]);
    } catch (e) {
      setLoadError(generalMessage(e));
    }
  };

  return (
    <div class="narrow">
      <PageHeading>{t('mentorships.title')}</PageHeading>
      <p class="lead">{t('mentorships.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={asMentee() && asMentor()}>
          <Show
            when={groups().length > 0}
            fallback={
              <>
                <p>{t('mentorships.empty')}</p>
                <p>
                  <A href="/mentors">{t('mentorships.findMentor')}</A>
                </p>
              </>
            }
          >
            <For each={groups()}>
              {(g) => (
                <section aria-labelledby={`group-${g.state}`}>
                  <h2 class="section-title" id={`group-${g.state}`}>
                    {t('mentorships.groupCount', { state: t(`state.${g.state}`), count: g.items.length })}
                  </h2>
                  <ul class="cards cards--single">
                    <For each={g.items}>{(item) => <MentorshipItem item={item} />}</For>
                  </ul>
                </section>
              )}
            </For>
          </Show>
          <Show when={loadError()}>
            <Notice tone="warning" live>
              <p>{loadError()}</p>
            </Notice>
          </Show>
          <Show when={hasMore()}>
            <div class="actions actions--center">
              <button type="button" class="button button--secondary" onClick={loadMore}>
                {t('common.loadMore')}
              </button>
            </div>
          </Show>
        </Show>
      </Suspense>
    </div>
  );
}
