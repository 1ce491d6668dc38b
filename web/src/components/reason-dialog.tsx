import { createEffect, createSignal, on, type JSX } from 'solid-js';
import { t } from '../i18n';
import { createBusy, createFormErrors, fieldId } from '../lib/form';
import { Dialog } from './dialog';
import { ErrorSummary } from './error-summary';
import { Field } from './field';
import { FormActions } from './form-actions';

/**
 * A board decision that needs a reason for the audit log (approve, reject, lock, pin …).
 * `act` throws an ApiError on failure; its problem is shown in the dialog.
 */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  idPrefix: string;
  /** The text box's label when it is not a reason for the audit log (e.g. a reply). */
  label?: string;
  act: (reason: string) => Promise<void>;
  onClose: () => void;
  children?: JSX.Element;
}) {
  const [reason, setReason] = createSignal('');
  const { busy, run } = createBusy();
  const errors = createFormErrors(['reason']);
  createEffect(
    on(
      () => props.open,
      () => {
        setReason('');
        errors.clear();
      },
    ),
  );
  const id = `${props.idPrefix}-${fieldId('reason')}`;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    if (!errors.check({ reason: reason().trim() ? undefined : t('validation.reason') })) return;
    await run(
      async () => {
        await props.act(reason().trim());
      },
      (err) => {
        errors.fromError(err);
      },
    );
  };
  return (
    <Dialog open={props.open} title={props.title} onClose={() => props.onClose()}>
      <ErrorSummary items={errors.summary().map((i) => ({ ...i, id }))} general={errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        {props.children}
        <Field
          id={id}
          label={props.label ?? t('mod.reason')}
          multiline
          rows={3}
          dir="auto"
          maxLength={1000}
          value={reason()}
          onInput={setReason}
          error={errors.error('reason')}
        />
        <FormActions label={props.confirmLabel} busy={busy()} onCancel={() => props.onClose()} />
      </form>
    </Dialog>
  );
}
