import { createSignal, Show } from 'solid-js';
import { RadioGroup } from '../../components/choice-group';
import { Field } from '../../components/field';
import { isolate, t } from '../../i18n';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors } from '../../lib/form';
import { FormActions } from '../../components/form-actions';
import {
  ACCEPT_CONFLICTS,
  asDeclineReason,
  conflictReason,
  DECLINE_REASONS,
  mentorshipProblem,
  type MentorshipView,
} from '../../lib/mentorship';

export type Answer = 'accepted' | 'declined' | 'gone';

/**
 * The mentor's answer to a pending request: accept, or decline with a reason (which the mentee
 * sees) and an optional note. Used in the inbox and on the mentorship's own page.
 */
export function AnswerRequest(props: {
  mentorship: MentorshipView;
  name: string;
  onAnswered: (answer: Answer, next?: MentorshipView) => void;
}) {
  const id = () => props.mentorship.id;
  const [declining, setDeclining] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [note, setNote] = createSignal('');
  const { busy, run } = createBusy();
  const errors = createFormErrors(['reason', 'note']);
  const reasonId = () => `reason-${id()}`;
  const noteId = () => `note-${id()}`;

  const failed = (e: unknown) => {
    // Withdrawn or expired meanwhile: there is nothing left to answer.
    const r = conflictReason(e);
    if (r === 'not_pending' || r === 'stale_state') props.onAnswered('gone');
    else if (isStatus(e, 409)) errors.setGeneral(mentorshipProblem(e, ACCEPT_CONFLICTS));
    else errors.fromError(e);
  };

  const accept = async () => {
    if (busy()) return;
    errors.clear();
    await run(
      async () => {
        props.onAnswered('accepted', await unwrap(api.mentorships[':id'].accept.$post({ param: { id: id() } })));
      },
      (e) => {
        failed(e);
      },
    );
  };

  const decline = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const chosen = asDeclineReason(reason());
    if (!errors.check({ reason: chosen ? undefined : t('requests.reasonRequired') }) || !chosen) {
      document.getElementById(reasonId())?.focus();
      return;
    }
    await run(
      async () => {
        const next = await unwrap(
          api.mentorships[':id'].decline.$post({
            param: { id: id() },
            json: { reason: chosen, note: note().trim() || undefined },
          }),
        );
        props.onAnswered('declined', next);
      },
      (err) => {
        failed(err);
      },
    );
  };

  return (
    <>
      <Show when={errors.general()}>
        <p class="field__error" role="alert">
          {errors.general()}
        </p>
      </Show>
      <Show
        when={declining()}
        fallback={
          <div class="actions">
            <button
              type="button"
              class="button"
              aria-label={t('requests.acceptLabel', { name: isolate(props.name) })}
              aria-disabled={busy() ? 'true' : undefined}
              onClick={() => void accept()}
            >
              {t('requests.accept')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              aria-label={t('requests.declineLabel', { name: isolate(props.name) })}
              onClick={() => {
                setDeclining(true);
                errors.clear();
                document.getElementById(reasonId())?.focus();
              }}
            >
              {t('requests.decline')}
            </button>
          </div>
        }
      >
        <form class="form decline-form" novalidate onSubmit={decline}>
          <RadioGroup
            id={reasonId()}
            legend={t('requests.reason')}
            hint={t('requests.reasonHint')}
            choices={DECLINE_REASONS.map((r) => ({ value: r, label: t(`decline.${r}`) }))}
            value={reason()}
            onChange={setReason}
            error={errors.error('reason')}
          />
          <Field
            id={noteId()}
            label={t('requests.note')}
            optional
            multiline
            rows={3}
            dir="auto"
            maxLength={1000}
            value={note()}
            onInput={setNote}
            error={errors.error('note')}
          />
          <FormActions label={t('requests.confirmDecline')} busy={busy()} danger onCancel={() => setDeclining(false)} />
        </form>
      </Show>
    </>
  );
}
