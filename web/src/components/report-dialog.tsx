import { createEffect, createSignal, on, Show } from 'solid-js';
import { t } from '../i18n';
import { api, unwrap } from '../lib/api';
import { createBusy, createFormErrors, fieldId } from '../lib/form';
import { RadioGroup } from './choice-group';
import { Dialog } from './dialog';
import { ErrorSummary } from './error-summary';
import { Field } from './field';
import { Notice } from './notice';
import { FormActions } from './form-actions';

const REASONS = ['harassment', 'personal_data', 'unsafe', 'off_topic', 'spam', 'other'] as const;
type Reason = (typeof REASONS)[number];
/** `mentorshipId` names the conversation a reported message is in. */
export type ReportTarget = {
  targetType: 'post' | 'thread' | 'member' | 'message' | 'conversation';
  targetId: string;
  mentorshipId?: string;
  title: string;
};

/** Reports a post, thread, member, message or conversation to the board: a reason and an optional note; `intro` says what the board will see. */
export function ReportDialog(props: { target: ReportTarget | undefined; intro?: string; onClose: () => void }) {
  const [reason, setReason] = createSignal<Reason | ''>('');
  const [note, setNote] = createSignal('');
  const { busy, run } = createBusy();
  const [sent, setSent] = createSignal(false);
  const errors = createFormErrors(['reason', 'note']);
  createEffect(
    on(
      () => props.target,
      () => {
        setReason('');
        setNote('');
        setSent(false);
        errors.clear();
      },
    ),
  );

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const target = props.target;
    const r = reason();
    if (busy() || !target) return;
    if (!errors.check({ reason: r ? undefined : t('validation.choose') }) || !r) return;
    await run(
      async () => {
        await unwrap(
          api.reports.$post({
            json: {
              targetType: target.targetType,
              targetId: target.targetId,
              ...(target.mentorshipId ? { mentorshipId: target.mentorshipId } : {}),
              reason: r,
              note: note().trim(),
            },
          }),
        );
        setSent(true);
      },
      (err) => {
        errors.fromError(err);
      },
    );
  };

  return (
    <Dialog open={!!props.target} title={props.target?.title ?? t('report.title')} onClose={() => props.onClose()}>
      <Show
        when={!sent()}
        fallback={
          <>
            <Notice tone="success" live>
              <p>{t('report.sent')}</p>
            </Notice>
            <div class="actions">
              <button type="button" class="button" autofocus onClick={() => props.onClose()}>
                {t('common.close')}
              </button>
            </div>
          </>
        }
      >
        <Show when={props.intro}>
          <p>{props.intro}</p>
        </Show>
        <ErrorSummary items={errors.summary()} general={errors.general()} />
        <form class="form" novalidate onSubmit={submit}>
          <RadioGroup
            id={fieldId('reason')}
            legend={t('report.reason')}
            choices={REASONS.map((r) => ({ value: r, label: t(`report.reason.${r}`) }))}
            value={reason()}
            onChange={(v) => setReason(REASONS.find((r) => r === v) ?? '')}
            error={errors.error('reason')}
          />
          <Field
            id={fieldId('note')}
            label={t('report.note')}
            optional
            multiline
            rows={3}
            dir="auto"
            maxLength={2000}
            value={note()}
            onInput={setNote}
            error={errors.error('note')}
          />
          <FormActions label={t('report.send')} busy={busy()} busyLabel={t('report.sending')} onCancel={() => props.onClose()} />
        </form>
      </Show>
    </Dialog>
  );
}
