import { createAsync, useSearchParams } from '@solidjs/router';
import { A } from '@solidjs/router';
import { createEffect, createSignal, For, Show, Suspense } from 'solid-js';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { MemberName } from '../../components/member-name';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { MENTORSHIP_STATES, type MentorshipView } from '../../lib/mentorship';
import { createMorePages } from '../../lib/more-pages';
import { getBoardFeedback, getBoardMentorships, stateFrom } from './data';
import { FeedbackEntry } from './feedback';

/** Who with whom, and where it stands: nothing of what they wrote. */
function OverviewItem(props: { mentorship: MentorshipView }) {
  const m = () => props.mentorship;
  return (
    <li class="card overview-item">
      <dl class="pair">
        <div>
          <dt>{t('mentorship.mentee')}</dt>
          <dd>
            <MemberName id={m().menteeId} link former={m().erased === 'mentee'} />
          </dd>
        </div>
        <div>
          <dt>{t('mentorship.mentor')}</dt>
          <dd>
            <MemberName id={m().mentorId} link former={m().erased === 'mentor'} />
          </dd>
        </div>
      </dl>
      <p class="badges">
        <span class={`badge badge--${m().state}`}>{t(`state.${m().state}`)}</span>
        <Show when={m().proposedBy === 'board'}>
          <span class="badge badge--quiet">{t('mentorship.proposed')}</span>
        </Show>
      </p>
      <p class="card__meta">
        {t('mentorship.requested', { date: formatDate(m().createdAt) })} · {t('mentorship.updated', { date: formatDate(m().updatedAt) })}
      </p>
    </li>
  );
}

/** What members wrote to the board at the end of their mentorships, newest first. */
function FeedbackList() {
  const first = createAsync(() => getBoardFeedback());
  const more = createMorePages(first, (cursor) => getBoardFeedback(cursor));
  const items = () => [...(first()?.items ?? []), ...more.items()];
  return (
    <section class="panel" id="feedback" aria-labelledby="feedback-title">
      <h2 class="section-title" id="feedback-title">
        {t('boardFeedback.title')}
      </h2>
      <p class="muted">{t('boardFeedback.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={first()}>
          <Show when={items().length > 0} fallback={<p>{t('boardFeedback.empty')}</p>}>
            <ul class="cards cards--single">
              <For each={items()}>{(f) => <FeedbackEntry feedback={f} link />}</For>
            </ul>
          </Show>
          <LoadMore more={more} />
        </Show>
      </Suspense>
    </section>
  );
}

export default function BoardMentorshipsPage() {
  const [search, setSearch] = useSearchParams();
  const state = () => stateFrom(search);
  const first = createAsync(() => getBoardMentorships(state()));
  const [draft, setDraft] = createSignal('');
  createEffect(() => setDraft(state() ?? ''));
  const more = createMorePages(
    first,
    (cursor) => getBoardMentorships(state(), cursor),
    () => state(),
  );
  const items = () => [...(first()?.items ?? []), ...more.items()];

  return (
    <div class="narrow">
      <PageHeading>{t('boardMentorships.title')}</PageHeading>
      <p class="lead">{t('boardMentorships.intro')}</p>
      <p>
        <A href="/board/cohorts">{t('boardMentorships.cohorts')}</A>
      </p>
      <p>
        <a href="#feedback">{t('boardFeedback.jump')}</a>
      </p>
      <form
        class="filters filters--inline"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch({ state: draft() || null });
        }}
      >
        <Select
          id="filter-state"
          label={t('boardMentorships.state')}
          placeholder={t('boardMentorships.any')}
          options={MENTORSHIP_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={draft()}
          onChange={setDraft}
        />
        <div class="actions">
          <button type="submit" class="button">
            {t('boardMentorships.apply')}
          </button>
        </div>
      </form>
      <Suspense fallback={<Loading />}>
        <Show when={first()}>
          <Show when={items().length > 0} fallback={<p>{t('boardMentorships.empty')}</p>}>
            <ul class="cards cards--single">
              <For each={items()}>{(m) => <OverviewItem mentorship={m} />}</For>
            </ul>
          </Show>
          <LoadMore more={more} />
        </Show>
      </Suspense>
      <FeedbackList />
    </div>
  );
}
