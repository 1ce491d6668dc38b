import { createEffect, createUniqueId, type JSX } from 'solid-js';
import { t } from '../i18n';
import { QuickExitButton } from '../shell/quick-exit';

/**
 * A modal confirmation on the native <dialog>: it traps focus, closes on Escape and returns focus
 * to the control that opened it.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: JSX.Element;
}) {
  let dialog: HTMLDialogElement | undefined;
  // Unique, so that two dialogs on one page never share a title id.
  const titleId = `dialog-${createUniqueId()}`;
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog class="dialog" ref={dialog} aria-labelledby={titleId} onClose={() => props.onClose()}>
      <h2 id={titleId} class="dialog__title">
        {props.title}
      </h2>
      <div class="dialog__body">{props.children}</div>
      <div class="actions">
        <button
          type="button"
          class="button"
          classList={{ 'button--danger': props.danger }}
          disabled={props.busy}
          onClick={() => props.onConfirm()}
        >
          {props.confirmLabel}
        </button>
        {/* The safe choice takes the focus when the dialog opens. */}
        <button type="button" class="button button--secondary" autofocus onClick={() => props.onClose()}>
          {t('common.cancel')}
        </button>
      </div>
      {/* The modal makes the page beneath inert: the quick exit comes along, last in its tab order. */}
      <QuickExitButton inDialog />
    </dialog>
  );
}
