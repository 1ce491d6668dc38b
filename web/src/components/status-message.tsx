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
