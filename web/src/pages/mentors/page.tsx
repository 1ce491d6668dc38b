import { A, createAsync, revalidate } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { createEffect, createSignal, For, on, Show, Suspense } from 'solid-js';
import type { Goals } from '../../../../shared/schemas';
import { Dialog } from '../../components/dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { EMPTY_GOALS, GoalFields, trimGoals, withGoal } from '../../components/goal-fields';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import { countryName } from '../../i18n/format';
import { api, isStatus, unwrap } from '../../lib/api';
import { createFormErrors, fieldId } from '../../lib/form';
import { reasonText } from '../../lib/match-reasons';
import { ASK_CONFLICTS, mentorshipProblem } from '../../lib/mentorship';
import { getMyMentorships } from '../mentorships/data';
import { getOwnProfile } from '../profile/data';
import { getSuggestions } from './data';

type Suggestion = InferResponseType<typeof api.matches.suggestions.$get, 200>['items'][number];

/** A discreet match meter: the bar is decoration, the words carry the value. */
function Match(props: { score: number }) {
  const score = () => Math.max(0, Math.min(100, Math.round(props.score)));
  return (
    <p class="match">
      <span class="match__label">{t('mentors.match')}</span>
      <meter class="match__meter" aria-hidden="true" min={0} max={100} value={score()} />
      <span>{t('mentors.matchText', { score: score() })}</span>
    </p>
  );
}

function SuggestionCard(props: { suggestion: Suggestion; sentId?: string; onAsk: () => void }) {
  const m = () => props.suggestion.mentor;
  const whyId = () => `why-${m().id}`;
  return (
    <li class="card suggestion">
      <h2 class="card__title">
        <A href={`/members/${encodeURIComponent(m().id)}`} dir="auto">
          {m().displayName}
        </A>
      </h2>
      <p class="card__meta">
        {t(`kind.${m().kind}`)}
        <Show when={m().country}>{(c) => <> · {countryName(c())}</>}</Show>
      </p>
      <Match score={props.suggestion.score} />
      <h3 class="card__subtitle" id={whyId()}>
        {t('mentors.why')}
      </h3>
      <ul class="reasons" aria-labelledby={whyId()}>
        <For each={props.suggestion.reasons}>{(r) => <li>{reasonText(r, 'mentee')}</li>}</For>
      </ul>
      <Show
        when={props.sentId}
        fallback={
          <button
            type="button"
            class="button"
            aria-label={t('mentors.askLabel', { name: isolate(m().displayName) })}
            aria-haspopup="dialog"
            onClick={() => props.onAsk()}
          >
            {t('mentors.ask')}
          </button>
        }
      >
        {(id) => (
          <div class="notice notice--success sent" id={`sent-${m().id}`} tabindex="-1">
            <p>
              {t('mentors.sent', { name: isolate(m().displayName) })}{' '}
              <A href={`/mentorships/${encodeURIComponent(id())}`}>{t('mentors.sentLink')}</A>
            </p>
          </div>
        )}
      </Show>
    </li>
  );
}

const ASK_FIELDS = ['message', 'goals.shortTerm', 'goals.mediumTerm', 'goals.longTerm'];

/** The request: a message (required) and her goals, prefilled from what she seeks. */
function AskDialog(props: {
  suggestion: Suggestion | undefined;
  goals: Goals;
  onClose: () => void;
  onSent: (mentorId: string, mentorshipId: string) => void;
}) {
  const [message, setMessage] = createSignal('');
  const [goals, setGoals] = createSignal<Goals>(EMPTY_GOALS);
  const [busy, setBusy] = createSignal(false);
  const errors = createFormErrors(ASK_FIELDS);
  // Each opening starts afresh, from her goals.
  createEffect(
    on(
      () => props.suggestion,
      (s) => {
        if (!s) return;
        setMessage('');
        setGoals(props.goals);
        errors.clear();
      },
    ),
  );
  const name = () => props.suggestion?.mentor.displayName ?? '';

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const s = props.suggestion;
    if (!s || busy()) return;
    if (!errors.check({ message: message().trim() ? undefined : t('validation.message') })) return;
    setBusy(true);
    try {
      const created = await unwrap(
        api.mentorships.$post({
          json: {
            mentorId: s.mentor.id,
            message: message().trim(),
            goals: trimGoals(goals()),
          },
        }),
      );
      props.onSent(s.mentor.id, created.id);
    } catch (err) {
      if (isStatus(err, 409)) errors.setGeneral(mentorshipProblem(err, ASK_CONFLICTS));
      else errors.fromError(err, { message: t('validation.message') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={!!props.suggestion} title={t('mentors.askTitle', { name: isolate(name()) })} onClose={props.onClose}>
      <p>{t('mentors.askIntro')}</p>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form dialog__form" novalidate onSubmit={submit}>
        <Field
          id={fieldId('message')}
          label={t('mentors.message')}
          hint={t('mentors.messageHint')}
          multiline
          rows={4}
          dir="auto"
          maxLength={2000}
          value={message()}
          onInput={setMessage}
          error={errors.error('message')}
        />
        <fieldset class="field">
          <legend class="field__label">
            {t('mentors.goalsLegend')} <span class="field__optional">{t('common.optional')}</span>
          </legend>
          <GoalFields path="goals" value={goals()} onInput={(term, text) => setGoals(withGoal(goals(), term, text))} error={errors.error} />
        </fieldset>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('mentors.sending') : t('mentors.send')}
          </button>
          <button type="button" class="button button--secondary" onClick={() => props.onClose()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export default function MentorsPage() {
  const suggestions = createAsync(() => getSuggestions());
  const profile = createAsync(() => getOwnProfile());
  const [asking, setAsking] = createSignal<Suggestion>();
  // Mentors asked on this visit, with the request's id: the card says so instead of offering to ask again.
  const [sent, setSent] = createSignal<Record<string, string>>({});
  const seeking = () => profile()?.mentoring?.seeking;
  const notSeeking = () => profile() !== undefined && !(seeking()?.active && seeking()?.topics.length);
  const goals = (): Goals => {
    const s = seeking()?.goals;
    if (s && (s.shortTerm || s.mediumTerm || s.longTerm)) return s;
    return profile()?.goals ?? EMPTY_GOALS;
  };

  const onSent = (mentorId: string, mentorshipId: string) => {
    setSent((s) => ({ ...s, [mentorId]: mentorshipId }));
    setAsking(undefined);
    void revalidate(getMyMentorships.key);
    // The button that opened the dialog is gone: continue at the confirmation that replaced it.
    requestAnimationFrame(() => document.getElementById(`sent-${mentorId}`)?.focus());
  };

  return (
    <div class="narrow">
      <PageHeading>{t('mentors.title')}</PageHeading>
      <p class="lead">{t('mentors.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={notSeeking()}>
          <Notice>
            <p>{t('mentors.notSeeking')}</p>
            <p>
              <A href="/profile#mentoring">{t('mentors.setProfile')}</A>
            </p>
          </Notice>
        </Show>
        <Show when={suggestions()}>
          {(list) => (
            <Show
              when={list().items.length > 0}
              fallback={
                <Show when={!notSeeking()}>
                  <Notice>
                    <p>{t('mentors.empty')}</p>
                    <p>
                      <A href="/profile#mentoring">{t('mentors.emptyLink')}</A>
                    </p>
                  </Notice>
                </Show>
              }
            >
              <ul class="cards cards--single">
                <For each={list().items}>
                  {(s) => <SuggestionCard suggestion={s} sentId={sent()[s.mentor.id]} onAsk={() => setAsking(s)} />}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Suspense>
      <AskDialog suggestion={asking()} goals={goals()} onClose={() => setAsking(undefined)} onSent={onSent} />
    </div>
  );
}
