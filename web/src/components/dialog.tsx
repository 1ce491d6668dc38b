import { createEffect, createUniqueId, type JSX, Show } from 'solid-js';
import { QuickExitButton } from '../shell/quick-exit';

/**
 * A modal on the native <dialog> for a small form: it traps focus, closes on Escape and returns
 * focus to the control that opened it. The children bring their own actions; the quick exit
 * stays on screen and reachable above it. Its contents are built only while it is open: a thread
 * holds three closed dialogs (report, reason, confirm), and building their forms with the page
 * cost a cheap phone about 30 ms of its first render for nothing she can see.
 */
export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: JSX.Element }) {
  let dialog: HTMLDialogElement | undefined;
  const titleId = `dialog-${createUniqueId()}`;
  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog class="dialog" ref={dialog} aria-labelledby={titleId} onClose={() => props.onClose()}>
      <Show when={props.open}>
        <h2 id={titleId} class="dialog__title" dir="auto">
          {props.title}
        </h2>
        {props.children}
        {/* The modal makes the page beneath inert: the quick exit comes along, last in its tab order. */}
        <QuickExitButton inDialog />
      </Show>
    </dialog>
  );
}
