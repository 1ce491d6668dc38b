import { ActionOutcome } from '../../components/status-message';
import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { isolate, t } from '../../i18n';
import { formatDay } from '../../i18n/format';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { mentorshipProblem, today } from '../../lib/mentorship';
import { createMorePages } from '../../lib/more-pages';
import { fetchCheckInsPage, getCheckIns, getMentorship } from './data';
import { FormActions } from '../../components/form-actions';
import { Select } from '../../components/select';
import type { GoalChoice } from './plan-goals';
import { getOwnPlan, getSharedPlan } from '../plan/data';

type CheckIn = NonNullable<Awaited<ReturnType<typeof getCheckIns>>>['items'][number];
type Draft = { date: string; notes: string; nextSteps: string; goalId?: string };

const FIELDS = ['date', 'notes', 'nextSteps', 'goalId'] as const;

/**
 * The form for a new check-in and for editing one; only one is on the page at a time, so the
 * field ids stay unique. A meeting date cannot be later than today.
 */
function CheckInForm(props: {
  initial: Draft;
  submitLabel: string;
  onSave: (d: Draft) => Promise<void>;
  onError: (e: unknown) => void;
  onCancel?: () => void;
  errors: ReturnType<typeof createFormErrors>;
  /** The mentee's goals when her plan is shared with this mentorship: the meeting may concern one. */
  goals?: GoalChoice[];
  /** The goals are her own (she is the mentee), not the mentee's she is reading. */
  ownGoals?: boolean;
}) {
  const [date, setDate] = createSignal(props.initial.date);
  const [goalId, setGoalId] = createSignal('');
  const [notes, setNotes] = createSignal(props.initial.notes);
  const [nextSteps, setNextSteps] = createSignal(props.initial.nextSteps);
  const { busy, run } = createBusy();

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(date());
    const ok = props.errors.check({
      date: !valid ? t('validation.date') : date() > today() ? t('checkins.dateFuture') : undefined,
      notes: notes().trim() ? undefined : t('validation.notes'),
    });
    if (!ok) return;
    void run(async () => {
      await props.onSave({ date: date(), notes: notes().trim(), nextSteps: nextSteps().trim(), ...(goalId() ? { goalId: goalId() } : {}) });
      if (!props.onCancel) {
        setNotes('');
        setNextSteps('');
        setGoalId('');
      }
    }, props.onError);
  };

  return (
    <>
      <ErrorSummary items={props.errors.summary()} general={props.errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        <Field
          id={fieldId('date')}
          type="date"
          max={today()}
          label={t('checkins.date')}
          value={date()}
          onInput={setDate}
          error={props.errors.error('date')}
        />
        <Field
          id={fieldId('notes')}
          label={t('checkins.notes')}
          hint={t('checkins.notesHint')}
          multiline
          rows={4}
          dir="auto"
          maxLength={4000}
          value={notes()}
          onInput={setNotes}
          error={props.errors.error('notes')}
        />
        <Field
          id={fieldId('nextSteps')}
          label={t('checkins.nextStepsField')}
          optional
          multiline
          rows={2}
          dir="auto"
          maxLength={2000}
          value={nextSteps()}
          onInput={setNextSteps}
          error={props.errors.error('nextSteps')}
        />
        <Show when={props.goals?.length}>
          <Select
            id={fieldId('goalId')}
            label={t('plan.checkInGoal')}
            hint={t(props.ownGoals ? 'plan.checkInGoalHintOwn' : 'plan.checkInGoalHint')}
            optional
            value={goalId()}
            placeholder={t('plan.checkInNoGoal')}
            options={(props.goals ?? []).map((g) => ({ value: g.id, label: g.title }))}
            onChange={setGoalId}
            error={props.errors.error('goalId')}
          />
        </Show>
        <FormActions label={props.submitLabel} busy={busy()} busyLabel={t('checkins.saving')} onCancel={props.onCancel} />
      </form>
    </>
  );
}

/** The shared log of an accepted mentorship's meetings, latest meeting first; each author edits and deletes her own. */
/** `prefillDate`: the date of an agreed meeting she chose to write a check-in about (from the conversation). */
export function CheckIns(props: {
  id: string;
  me: string;
  otherName: string;
  prefillDate?: string;
  goals?: GoalChoice[];
  ownGoals?: boolean;
}) {
  const list = createAsync(() => getCheckIns(props.id));
  const more = createMorePages(
    list,
    (cursor) => fetchCheckInsPage(props.id, cursor),
    () => props.id,
  );
  const [editing, setEditing] = createSignal<CheckIn>();
  const [deleting, setDeleting] = createSignal<CheckIn>();
  const [done, setDone] = createSignal<'saved' | 'edited' | 'deleted'>();
  const doneText = () => {
    const d = done();
    return d ? t(`checkins.done.${d}`) : undefined;
  };
  const [problem, setProblem] = createSignal<string>();
  const errors = createFormErrors(FIELDS);
  const removal = createBusy();

  const reload = () => revalidate([getCheckIns.keyFor(props.id)]);
  const onError = (err: unknown) => {
    if (isStatus(err, 409)) {
      errors.setGeneral(mentorshipProblem(err, { stale_version: 'checkins.stale' }));
      void reload();
      void revalidate(getMentorship.keyFor(props.id));
    } else errors.fromError(err);
  };

  const add = async (d: Draft) => {
    setDone(undefined);
    await unwrap(api.mentorships[':id']['check-ins'].$post({ param: { id: props.id }, json: d }));
    await reload();
    // The plan lists the check-ins about each goal: read it afresh next time.
    if (d.goalId) void revalidate([getOwnPlan.key, getSharedPlan.key]);
    setDone('saved');
  };

  const edit = (c: CheckIn) => async (d: Draft) => {
    setDone(undefined);
    await unwrap(
      api.mentorships[':id']['check-ins'][':checkInId'].$patch({
        param: { id: props.id, checkInId: c.id },
        json: { ...d, version: c.version },
      }),
    );
    await reload();
    setEditing(undefined);
    setDone('edited');
  };

  const remove = () => {
    const c = deleting();
    if (!c) return;
    setProblem(undefined);
    void removal.run(
      async () => {
        await unwrap(
          api.mentorships[':id']['check-ins'][':checkInId'].$delete({
            param: { id: props.id, checkInId: c.id },
            query: { version: String(c.version) },
          }),
        );
        await reload();
        setDeleting(undefined);
        setDone('deleted');
      },
      (err) => {
        setDeleting(undefined);
        setProblem(mentorshipProblem(err, { stale_version: 'checkins.stale' }));
        void reload();
      },
    );
  };

  const startEditing = (c: CheckIn) => {
    errors.clear();
    setDone(undefined);
    setEditing(c);
    setTimeout(() => document.getElementById(fieldId('date'))?.focus(), 0);
  };

  return (
    <section class="panel" aria-labelledby="checkins-title">
      <h2 class="section-title" id="checkins-title">
        {t('checkins.title')}
      </h2>
      <p class="muted">{t('checkins.intro')}</p>
      <ActionOutcome done={doneText()} problem={problem()} />
      <Suspense fallback={<Loading />}>
        <Show when={list()}>
          {(l) => (
            <Show when={l().items.length > 0} fallback={<p>{t('checkins.empty')}</p>}>
              <ol class="plain-list checkins">
                <For each={[...l().items, ...more.items()]}>
                  {(c) => (
                    <li class="checkin">
                      <Show
                        when={editing()?.id === c.id}
                        fallback={
                          <>
                            <h3 class="checkin__date">{formatDay(c.date)}</h3>
                            <p class="card__meta">
                              {c.authorId === props.me ? t('checkins.byYou') : t('checkins.by', { name: isolate(props.otherName) })}
                            </p>
                            <Show when={props.goals?.find((g) => g.id === c.goalId)}>
                              {(g) => (
                                <p class="card__meta">
                                  {t('plan.checkInAbout')} <span dir="auto">{g().title}</span>
                                </p>
                              )}
                            </Show>
                            <p class="prose" dir="auto">
                              {c.notes}
                            </p>
                            <Show when={c.nextSteps}>
                              <p class="checkin__next">
                                <strong>{t('checkins.nextSteps')}: </strong>
                                <span class="prose" dir="auto">
                                  {c.nextSteps}
                                </span>
                              </p>
                            </Show>
                            <Show when={c.authorId === props.me && !editing()}>
                              <div class="actions">
                                <button
                                  type="button"
                                  class="button button--secondary"
                                  aria-label={t('checkins.editLabel', { date: formatDay(c.date) })}
                                  onClick={() => startEditing(c)}
                                >
                                  {t('checkins.edit')}
                                </button>
                                <button
                                  type="button"
                                  class="button button--secondary"
                                  aria-haspopup="dialog"
                                  aria-label={t('checkins.deleteLabel', { date: formatDay(c.date) })}
                                  onClick={() => setDeleting(c)}
                                >
                                  {t('checkins.delete')}
                                </button>
                              </div>
                            </Show>
                          </>
                        }
                      >
                        <h3 class="subsection-title">{t('checkins.editTitle', { date: formatDay(c.date) })}</h3>
                        <CheckInForm
                          initial={{ date: c.date, notes: c.notes, nextSteps: c.nextSteps }}
                          submitLabel={t('checkins.saveChanges')}
                          onSave={edit(c)}
                          onError={onError}
                          onCancel={() => {
                            errors.clear();
                            setEditing(undefined);
                          }}
                          errors={errors}
                        />
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
              <LoadMore more={more} />
            </Show>
          )}
        </Show>
      </Suspense>
      <Show when={!editing()}>
        <h3 class="subsection-title">{t('checkins.formTitle')}</h3>
        <Show when={props.prefillDate ?? today()} keyed>
          {(date) => (
            <CheckInForm
              initial={{ date, notes: '', nextSteps: '' }}
              submitLabel={t('checkins.save')}
              onSave={add}
              onError={onError}
              errors={errors}
              goals={props.goals}
              ownGoals={props.ownGoals}
            />
          )}
        </Show>
      </Show>
      <ConfirmDialog
        open={!!deleting()}
        title={t('checkins.deleteTitle')}
        confirmLabel={t('checkins.delete')}
        danger
        busy={removal.busy()}
        onConfirm={remove}
        onClose={() => setDeleting(undefined)}
      >
        <p>{t('checkins.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
