import { Show } from 'solid-js';
import { t } from '../i18n';

/**
 * The row every form in a dialog or an inline editor ends with: its submit button (saying it is
 * busy while the request runs, and marked dangerous where it declines or sanctions) and Cancel.
 */
export function FormActions(props: { label: string; busy: boolean; busyLabel?: string; danger?: boolean; onCancel?: () => void }) {
  return (
    <div class="actions">
      <button type="submit" class="button" classList={{ 'button--danger': props.danger }} aria-disabled={props.busy ? 'true' : undefined}>
        {props.busy && props.busyLabel ? props.busyLabel : props.label}
      </button>
      <Show when={props.onCancel}>
        {(cancel) => (
          <button type="button" class="button button--secondary" onClick={() => cancel()()}>
            {t('common.cancel')}
          </button>
        )}
      </Show>
    </div>
  );
}
