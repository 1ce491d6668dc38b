import { createAsync } from '@solidjs/router';
import { createEffect, createSignal, on } from 'solid-js';
import { REQUEST_EXPIRY_DAYS } from '../../../../shared/meta';
import type { Goals } from '../../../../shared/schemas';
import { Dialog } from '../../components/dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { EMPTY_GOALS, GoalFields, trimGoals, withGoal } from '../../components/goal-fields';
import { isolate, t } from '../../i18n';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { ASK_CONFLICTS, mentorshipProblem } from '../../lib/mentorship';
import { getOwnProfile } from '../profile/data';
import { FormActions } from '../../components/form-actions';

const ASK_FIELDS = ['message', 'goals.shortTerm', 'goals.mediumTerm', 'goals.longTerm'];

/** The request to a mentor: a message (required) and her goals, prefilled from what she seeks. */
export function AskDialog(props: {
  mentor: { id: string; displayName: string } | undefined;
  onClose: () => void;
  onSent: (mentorId: string, mentorshipId: string) => void;
}) {
  const profile = createAsync(() => getOwnProfile());
  const ownGoals = (): Goals => {
    const s = profile()?.mentoring?.seeking?.goals;
    if (s && (s.shortTerm || s.mediumTerm || s.longTerm)) return s;
    return profile()?.goals ?? EMPTY_GOALS;
  };
  const [message, setMessage] = createSignal('');
  const [goals, setGoals] = createSignal<Goals>(EMPTY_GOALS);
  const { busy, run } = createBusy();
  const errors = createFormErrors(ASK_FIELDS);
  // Each opening starts afresh, from her goals.
  createEffect(
    on(
      () => props.mentor,
      (s) => {
        if (!s) return;
        setMessage('');
        setGoals(ownGoals());
        errors.clear();
      },
    ),
  );
  const name = () => props.mentor?.displayName ?? '';

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const s = props.mentor;
    if (!s || busy()) return;
    if (!errors.check({ message: message().trim() ? undefined : t('validation.message') })) return;
    await run(
      async () => {
        const created = await unwrap(
          api.mentorships.$post({
            json: {
              mentorId: s.id,
              message: message().trim(),
              goals: trimGoals(goals()),
            },
          }),
        );
        props.onSent(s.id, created.id);
      },
      (err) => {
        if (isStatus(err, 409)) errors.setGeneral(mentorshipProblem(err, ASK_CONFLICTS));
        else errors.fromError(err, { message: t('validation.message') });
      },
    );
  };

  return (
    <Dialog open={!!props.mentor} title={t('mentors.askTitle', { name: isolate(name()) })} onClose={props.onClose}>
      <p>{t('mentors.askIntro', { days: REQUEST_EXPIRY_DAYS })}</p>
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
        <FormActions label={t('mentors.send')} busy={busy()} busyLabel={t('mentors.sending')} onCancel={() => props.onClose()} />
      </form>
    </Dialog>
  );
}
