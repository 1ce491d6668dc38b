import { For, Show } from 'solid-js';
import { describedBy, FieldFrame } from './field';

export type Option = { value: string; label: string };

/** A labelled native select: the most robust picker on small screens and with screen readers. */
export function Select(props: {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  /** The first, empty option ("Choose …" or "Any"). */
  placeholder?: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  compact?: boolean;
}) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error} optional={props.optional}>
      <select
        id={props.id}
        name={props.id}
        class="input select"
        classList={{ 'select--compact': props.compact }}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <Show when={props.placeholder !== undefined}>
          <option value="" selected={props.value === ''}>
            {props.placeholder}
          </option>
        </Show>
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
    </FieldFrame>
  );
}
