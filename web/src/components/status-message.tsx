import { Show } from 'solid-js';
import { Notice } from './notice';

export type Status = { tone: 'success' | 'warning'; text: string };

/**
 * The outcome of an action, announced politely: the live region is on the page from the start,
 * so a screen reader hears the message that appears in it.
 */
export function StatusMessage(props: { message: Status | undefined }) {
  return (
    <div role="status">
      <Show when={props.message}>
        {(m) => (
          <Notice tone={m().tone}>
            <p>{m().text}</p>
          </Notice>
        )}
      </Show>
    </div>
  );
}

/**
 * What an action came to, in words already looked up: a success announced politely, or a problem
 * announced at once (an alert). Pages with several actions on one record show their outcome here.
 */
export function ActionOutcome(props: { done: string | undefined; problem: string | undefined }) {
  return (
    <>
      <StatusMessage message={props.done ? { tone: 'success', text: props.done } : undefined} />
      <Show when={props.problem}>
        <p class="field__error" role="alert">
          {props.problem}
        </p>
      </Show>
    </>
  );
}
