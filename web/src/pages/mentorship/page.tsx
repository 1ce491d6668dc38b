import { ActionOutcome } from '../../components/status-message';
import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { RadioGroup } from '../../components/choice-group';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { MemberName, useMemberName } from '../../components/member-name';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { isolate, t, type MessageKey } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { asDeclineReason, conflictReason, mentorshipProblem, type MentorshipView, sideOf } from '../../lib/mentorship';
import { getMe } from '../../lib/session';
import { getMyMentorships } from '../mentorships/data';
import { type Answer, AnswerRequest } from '../requests/answer';
import { RequestDetails } from '../requests/request-details';
import { FeedbackEntry } from '../board-mentorships/feedback';
import { CheckIns } from './check-ins';
import { Conversation } from './conversation';
import { getMentorship } from './data';
import { PlanLink, usePlanGoals } from './plan-goals';

type Closing = 'withdraw' | 'complete' | 'end';

const CLOSING: Record<Closing, { title: MessageKey; body: MessageKey; confirm: MessageKey; done: MessageKey }> = {
  withdraw: {
    title: 'mentorship.withdrawTitle',
    body: 'mentorship.withdrawBody',
    confirm: 'mentorship.withdraw',
    done: 'mentorship.done.withdrawn',
  },
  complete: {
    title: 'mentorship.completeTitle',
    body: 'mentorship.completeBody',
    confirm: 'mentorship.complete',
    done: 'mentorship.done.completed',
  },
  end: { title: 'mentorship.endTitle', body: 'mentorship.endBody', confirm: 'mentorship.end', done: 'mentorship.done.ended' },
};

const focusTitle = () => document.querySelector<HTMLElement>('.page-title')?.focus();

const refresh = (id: string) => revalidate([getMentorship.keyFor(id), getMyMentorships.key]);

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** Private feedback to the board once the mentorship is over; the other member never sees it. */
function FeedbackForm(props: { id: string }) {
  const [rating, setRating] = createSignal('');
  const [text, setText] = createSignal('');
  const { busy, run } = createBusy();
  const [done, setDone] = createSignal<'sent' | 'already'>();
  const errors = createFormErrors(['rating', 'text']);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    if (!errors.check({ rating: rating() ? undefined : t('validation.rating') })) return;
    await run(
      async () => {
        await unwrap(
          api.mentorships[':id'].feedback.$post({ param: { id: props.id }, json: { rating: Number(rating()), text: text().trim() } }),
        );
        setDone('sent');
      },
      (err) => {
        if (conflictReason(err) === 'feedback_given') setDone('already');
        else if (isStatus(err, 409)) errors.setGeneral(mentorshipProblem(err));
        else errors.fromError(err);
      },
    );
  };

  return (
    <section class="panel" aria-labelledby="feedback-title">
      <h2 class="section-title" id="feedback-title">
        {t('feedback.title')}
      </h2>
      <Show
        when={!done()}
        fallback={
          <Notice tone="success" live>
            <p>{done() === 'sent' ? t('feedback.sent') : t('conflict.feedback_given')}</p>
          </Notice>
        }
      >
        <p>{t('feedback.intro')}</p>
        <ErrorSummary items={errors.summary()} general={errors.general()} />
        <form class="form" novalidate onSubmit={submit}>
          <RadioGroup
            id={fieldId('rating')}
            legend={t('feedback.rating')}
            choices={RATINGS.map((r) => ({ value: r, label: t(`feedback.rating.${r}`) }))}
            value={rating()}
            onChange={setRating}
            error={errors.error('rating')}
          />
          <Field
            id={fieldId('text')}
            label={t('feedback.text')}
            optional
            multiline
            rows={4}
            dir="auto"
            maxLength={4000}
            value={text()}
            onInput={setText}
            error={errors.error('text')}
          />
          <div class="actions">
            <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
              {busy() ? t('feedback.sending') : t('feedback.send')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

function MentorshipDetail(props: { mentorship: MentorshipView; me: string }) {
  const m = () => props.mentorship;
  const side = () => sideOf(m(), props.me);
  const otherId = () => (side() === 'mentor' ? m().menteeId : m().mentorId);
  const otherName = useMemberName(otherId, () => m().erased !== undefined && m().erased !== side());
  const planGoals = usePlanGoals(m, side);
  const [closing, setClosing] = createSignal<Closing>();
  const [checkInDate, setCheckInDate] = createSignal<string>();
  // "Write a check-in" on an agreed meeting: the check-in form below, dated on the meeting's day.
  const checkInFor = (date: string) => {
    setCheckInDate(date);
    queueMicrotask(() => document.getElementById(fieldId('date'))?.focus());
  };
  const { busy, run } = createBusy();
  const [problem, setProblem] = createSignal<string>();
  const [done, setDone] = createSignal<MessageKey>();
  const doneText = () => {
    const key = done();
    return key ? t(key) : undefined;
  };

  const close = async (action: Closing) => {
    setProblem(undefined);
    await run(
      async () => {
        const param = { param: { id: m().id } };
        await unwrap(
          action === 'withdraw'
            ? api.mentorships[':id'].withdraw.$post(param)
            : action === 'complete'
              ? api.mentorships[':id'].complete.$post(param)
              : api.mentorships[':id'].end.$post(param),
        );
        setClosing(undefined);
        setDone(CLOSING[action].done);
        await refresh(m().id);
        // The button that was used is gone with the state it belonged to: resume at the title.
        focusTitle();
      },
      (e) => {
        setClosing(undefined);
        setProblem(mentorshipProblem(e));
        if (isStatus(e, 409)) void refresh(m().id);
      },
    );
  };

  const onAnswered = (answer: Answer) => {
    setProblem(undefined);
    if (answer === 'gone') setProblem(t('requests.gone'));
    else setDone(answer === 'accepted' ? 'mentorship.done.accepted' : 'mentorship.done.declined');
    void refresh(m().id).then(focusTitle);
  };

  const declineReason = () => asDeclineReason(m().declineReason);

  return (
    <>
      <Show when={side()} fallback={<PageHeading>{t('mentorship.titleUnknown')}</PageHeading>}>
        <PageHeading kind={t('pageKind.mentorship')}>{t('mentorship.title', { name: isolate(otherName()) })}</PageHeading>
      </Show>
      <p class="badges">
        <span class={`badge badge--${m().state}`}>{t(`state.${m().state}`)}</span>
        <Show when={m().proposedBy === 'board'}>
          <span class="badge badge--quiet">{t('mentorship.proposed')}</span>
        </Show>
      </p>
      <ActionOutcome done={doneText()} problem={problem()} />
      <dl class="details">
        <div class="details__row">
          <dt>{t('mentorship.mentor')}</dt>
          <dd>
            <Show when={side() !== 'mentor'} fallback={t('mentorship.youMentor')}>
              <MemberName id={m().mentorId} link former={m().erased === 'mentor'} />
            </Show>
          </dd>
        </div>
        <div class="details__row">
          <dt>{t('mentorship.mentee')}</dt>
          <dd>
            <Show when={side() !== 'mentee'} fallback={t('mentorship.youMentee')}>
              <MemberName id={m().menteeId} link former={m().erased === 'mentee'} />
            </Show>
          </dd>
        </div>
        <div class="details__row">
          <dt>{t('mentorship.requestedOn')}</dt>
          <dd>
            {formatDate(m().createdAt)}
            <Show when={m().state === 'pending'}>
              {' · '}
              {side() === 'mentor'
                ? t('mentorship.answerBy', { date: formatDate(m().expiresAt) })
                : t('mentorship.waitingUntil', { date: formatDate(m().expiresAt) })}
            </Show>
          </dd>
        </div>
        <Show when={m().state === 'declined' && declineReason()}>
          {(r) => (
            <div class="details__row">
              <dt>{t('mentorship.declineReason')}</dt>
              <dd>
                {t(`decline.${r()}`)}
                <Show when={m().declineNote}>
                  <p class="prose quote" dir="auto">
                    {m().declineNote}
                  </p>
                </Show>
              </dd>
            </div>
          )}
        </Show>
        <RequestDetails mentorship={m()} />
      </dl>

      <Show when={m().state === 'pending' && side() === 'mentor'}>
        <section class="panel" aria-labelledby="actions-title">
          <h2 class="section-title" id="actions-title">
            {t('mentorship.actions')}
          </h2>
          <AnswerRequest mentorship={m()} name={otherName()} onAnswered={onAnswered} />
        </section>
      </Show>
      <Show when={(m().state === 'pending' && side() === 'mentee') || (m().state === 'accepted' && side())}>
        <div class="actions">
          <Show
            when={m().state === 'pending'}
            fallback={
              <>
                <button type="button" class="button" aria-haspopup="dialog" onClick={() => setClosing('complete')}>
                  {t('mentorship.complete')}
                </button>
                <button type="button" class="button button--secondary" aria-haspopup="dialog" onClick={() => setClosing('end')}>
                  {t('mentorship.end')}
                </button>
              </>
            }
          >
            <button type="button" class="button button--secondary" aria-haspopup="dialog" onClick={() => setClosing('withdraw')}>
              {t('mentorship.withdraw')}
            </button>
          </Show>
        </div>
      </Show>
      <PlanLink mentorship={m()} side={side()} shared={planGoals() !== undefined} />
      <Show when={side() && m().state !== 'pending' && m().state !== 'declined' && m().state !== 'withdrawn' && m().state !== 'expired'}>
        <Conversation mentorship={m()} me={props.me} onCheckIn={checkInFor} />
      </Show>
      <Show when={m().state === 'accepted' && side()}>
        <CheckIns
          id={m().id}
          me={props.me}
          otherName={otherName()}
          prefillDate={checkInDate()}
          goals={planGoals()}
          ownGoals={side() === 'mentee'}
        />
      </Show>
      <Show when={(m().state === 'completed' || m().state === 'ended') && side()}>
        <FeedbackForm id={m().id} />
      </Show>
      <Show when={!side() && (m().state === 'completed' || m().state === 'ended') && m().feedback}>
        {(given) => (
          <section class="panel" aria-labelledby="board-feedback-title">
            <h2 class="section-title" id="board-feedback-title">
              {t('feedback.title')}
            </h2>
            <Show when={given().length > 0} fallback={<p>{t('boardFeedback.none')}</p>}>
              <ul class="cards cards--single">
                <For each={given()}>{(f) => <FeedbackEntry feedback={f} />}</For>
              </ul>
            </Show>
          </section>
        )}
      </Show>

      <ConfirmDialog
        open={!!closing()}
        title={t(CLOSING[closing() ?? 'end'].title)}
        confirmLabel={t(CLOSING[closing() ?? 'end'].confirm)}
        danger={closing() !== 'complete'}
        busy={busy()}
        onConfirm={() => {
          const action = closing();
          if (action) void close(action);
        }}
        onClose={() => setClosing(undefined)}
      >
        <p>{t(CLOSING[closing() ?? 'end'].body)}</p>
      </ConfirmDialog>
    </>
  );
}

export default function MentorshipPage() {
  const params = useParams();
  const me = createAsync(() => getMe());
  const mentorship = createAsync(() => getMentorship(params.id ?? ''));
  return (
    <div class="narrow">
      <p class="back">
        <A href="/mentorships">{t('mentorship.back')}</A>
      </p>
      <Suspense fallback={<Loading />}>
        <Show
          when={mentorship() && me()}
          fallback={
            <Show when={mentorship() === null}>
              <PageHeading>{t('notFound.title')}</PageHeading>
              <p>{t('mentorship.notFound')}</p>
            </Show>
          }
        >
          <MentorshipDetail mentorship={mentorship()!} me={me()!.id} />
        </Show>
      </Suspense>
    </div>
  );
}
