import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { useMemberName } from '../../components/member-name';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { MENTORSHIP_STATES, type MentorshipView } from '../../lib/mentorship';
import { createMorePages } from '../../lib/more-pages';
import { getMyMentorships } from './data';

type Side = 'mentee' | 'mentor';
type Item = { side: Side; m: MentorshipView };

function MentorshipItem(props: { item: Item }) {
  const m = () => props.item.m;
  const name = useMemberName(
    () => (props.item.side === 'mentee' ? m().mentorId : m().menteeId),
    () => m().erased !== undefined && m().erased !== props.item.side,
  );
  return (
    <li class="card">
      <h3 class="card__title">
        <A href={`/mentorships/${encodeURIComponent(m().id)}`}>{t('mentorships.with', { name: isolate(name()) })}</A>
      </h3>
      <p class="card__meta">
        {t(props.item.side === 'mentee' ? 'mentorship.youMentee' : 'mentorship.youMentor')} ·{' '}
        {m().state === 'pending'
          ? t(props.item.side === 'mentor' ? 'mentorship.answerBy' : 'mentorship.waitingUntil', { date: formatDate(m().expiresAt) })
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

export default function MentorshipsPage() {
  const asMentee = createAsync(() => getMyMentorships('mentee'));
  const asMentor = createAsync(() => getMyMentorships('mentor'));
  const moreMentee = createMorePages(asMentee, (c) => getMyMentorships('mentee', undefined, c));
  const moreMentor = createMorePages(asMentor, (c) => getMyMentorships('mentor', undefined, c));
  // One "Load more" for both sides: the page groups them by state, not by side.
  const more = {
    next: () => moreMentee.next() || moreMentor.next(),
    loading: () => moreMentee.loading() || moreMentor.loading(),
    load: async () => {
      await Promise.all([moreMentee.load(), moreMentor.load()]);
    },
  };
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
          <LoadMore more={more} />
        </Show>
      </Suspense>
    </div>
  );
}
