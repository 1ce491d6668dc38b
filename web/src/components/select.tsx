import { createEffect, createMemo, Show } from 'solid-js';
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
  let select: HTMLSelectElement | undefined;
  // The options are built in one pass, as plain elements: the directory's four pickers hold about
  // 450, and a <For> gave each its own reactive scope and a `selected` effect, about 65 ms of a
  // cheap phone's first render (260 ms at Lighthouse's 4× throttling). The lists are built once per
  // language (lib/reference.ts), so they are rebuilt only when the language changes.
  const options = createMemo(() =>
    props.options.map((o) => {
      const option = document.createElement('option');
      option.value = o.value;
      option.textContent = o.label;
      return option;
    }),
  );
  // Her choice is the select's value, set once the options are in; a value that names no option
  // leaves the first one shown, as the browser would.
  createEffect(() => {
    options();
    if (!select) return;
    select.value = props.value;
    if (select.selectedIndex === -1 && select.options.length > 0) select.selectedIndex = 0;
  });
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error} optional={props.optional}>
      <select
        ref={select}
        id={props.id}
        name={props.id}
        class="input select"
        classList={{ 'select--compact': props.compact }}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <Show when={props.placeholder !== undefined}>
          <option value="">{props.placeholder}</option>
        </Show>
        {options()}
      </select>
    </FieldFrame>
  );
}
