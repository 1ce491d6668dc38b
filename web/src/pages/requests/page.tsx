import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { REQUEST_EXPIRY_DAYS } from '../../../../shared/meta';
import { LoadMore } from '../../components/load-more';
import { MemberName, useMemberName } from '../../components/member-name';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { MentorshipView } from '../../lib/mentorship';
import { createMorePages } from '../../lib/more-pages';
import { getMentorship } from '../mentorship/data';
import { getMyMentorships } from '../mentorships/data';
import { type Answer, AnswerRequest } from './answer';
import { getInbox } from './data';
import { RequestDetails } from './request-details';

type Answered = (answer: Answer, name: string) => void;

function RequestCard(props: { mentorship: MentorshipView; onAnswered: Answered }) {
  const m = () => props.mentorship;
  const name = useMemberName(
    () => m().menteeId,
    () => m().erased === 'mentee',
  );
  return (
    <li class="card">
      <h2 class="card__title">
        <MemberName id={m().menteeId} link former={m().erased === 'mentee'} />
      </h2>
      <Show when={m().proposedBy === 'board'}>
        <p>
          <span class="badge badge--quiet">{t('mentorship.proposed')}</span>
        </p>
      </Show>
      <p class="card__meta">
        {t('mentorship.requested', { date: formatDate(m().createdAt) })} ·{' '}
        <strong>{t('mentorship.answerBy', { date: formatDate(m().expiresAt) })}</strong>
      </p>
      <dl class="details">
        <RequestDetails mentorship={m()} />
      </dl>
      <AnswerRequest mentorship={m()} name={name()} onAnswered={(answer) => props.onAnswered(answer, name())} />
    </li>
  );
}

export default function RequestsPage() {
  const first = createAsync(() => getInbox());
  const more = createMorePages(first, (cursor) => getInbox(cursor));
  const [answered, setAnswered] = createSignal<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = createSignal<{ text: string; id?: string }>();
  const open = () => [...(first()?.items ?? []), ...more.items()].filter((m) => !answered().has(m.id));

  const onAnswered = (id: string) => (answer: Answer, name: string) => {
    setAnswered((s) => new Set([...s, id]));
    setAnnouncement(
      answer === 'gone'
        ? { text: t('requests.gone') }
        : { text: t(answer === 'accepted' ? 'requests.accepted' : 'requests.declined', { name: isolate(name) }), id },
    );
    void revalidate([getMyMentorships.key, getMentorship.keyFor(id)]);
    // The card and its focused button are gone: resume at the page title, under which the news is.
    document.querySelector<HTMLElement>('.page-title')?.focus();
  };

  return (
    <div class="narrow">
      <PageHeading>{t('requests.title')}</PageHeading>
      <p class="lead">{t('requests.intro', { days: REQUEST_EXPIRY_DAYS })}</p>
      <div class="live" role="status">
        <Show when={announcement()}>
          {(a) => (
            <Notice tone="success">
              <p dir="auto">
                {a().text}
                <Show when={a().id}>
                  {(id) => (
                    <>
                      {' '}
                      <A href={`/mentorships/${encodeURIComponent(id())}`}>{t('requests.open')}</A>
                    </>
                  )}
                </Show>
              </p>
            </Notice>
          )}
        </Show>
      </div>
      <Suspense fallback={<Loading />}>
        <Show when={first()}>
          <Show
            when={open().length > 0}
            fallback={
              <>
                <p>{t('requests.empty')}</p>
                <p class="muted">{t('requests.offerHint')}</p>
              </>
            }
          >
            <ul class="cards cards--single">
              <For each={open()}>{(m) => <RequestCard mentorship={m} onAnswered={onAnswered(m.id)} />}</For>
            </ul>
          </Show>
          <LoadMore more={more} />
        </Show>
      </Suspense>
      <p>
        <A href="/mentorships">{t('requests.all')}</A>
      </p>
    </div>
  );
}
