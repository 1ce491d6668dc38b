import { For, Show } from 'solid-js';
import { t } from '../i18n';
import { describedBy } from './field';

export type Choice = { value: string; label: string; hint?: string };

type GroupProps = {
  id: string;
  legend: string;
  choices: readonly Choice[];
  hint?: string;
  error?: string;
  optional?: boolean;
  columns?: boolean;
};

/** A fieldset whose first control carries the group's id, so an error summary link lands on it. */
function Group(
  props: GroupProps & { type: 'checkbox' | 'radio'; checked: (v: string) => boolean; onToggle: (v: string, on: boolean) => void },
) {
  return (
    <fieldset
      class="field choices"
      classList={{ 'field--error': !!props.error }}
      aria-describedby={describedBy(props.id, props.hint, props.error)}
    >
      <legend class="field__label">
        {props.legend}
        <Show when={props.optional}>
          {' '}
          <span class="field__optional">{t('common.optional')}</span>
        </Show>
      </legend>
      <Show when={props.hint}>
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
      <div class="choices__list" classList={{ 'choices__list--columns': props.columns }}>
        <For each={props.choices}>
          {(c, i) => {
            const id = () => (i() === 0 ? props.id : `${props.id}-${c.value}`);
            return (
              <div class="choice">
                <input
                  class="choice__input"
                  type={props.type}
                  id={id()}
                  name={props.id}
                  value={c.value}
                  checked={props.checked(c.value)}
                  aria-describedby={c.hint ? `${id()}-hint` : undefined}
                  aria-invalid={props.error ? 'true' : undefined}
                  onChange={(e) => props.onToggle(c.value, e.currentTarget.checked)}
                />
                <label class="choice__label" for={id()}>
                  {c.label}
                </label>
                <Show when={c.hint}>
                  <p class="choice__hint" id={`${id()}-hint`}>
                    {c.hint}
                  </p>
                </Show>
              </div>
            );
          }}
        </For>
      </div>
    </fieldset>
  );
}

/** Several of a list (expertise, languages): checkboxes in a fieldset. */
export function CheckboxGroup(props: GroupProps & { values: readonly string[]; onChange: (values: string[]) => void }) {
  return (
    <Group
      {...props}
      type="checkbox"
      checked={(v) => props.values.includes(v)}
      onToggle={(v, on) => {
        // Keep the order of the choices, whatever order they were ticked in.
        const set = new Set(props.values);
        if (on) set.add(v);
        else set.delete(v);
        props.onChange(props.choices.map((c) => c.value).filter((x) => set.has(x)));
      }}
    />
  );
}

/** One of a few: radios in a fieldset. */
export function RadioGroup(props: GroupProps & { value: string; onChange: (value: string) => void }) {
  return <Group {...props} type="radio" checked={(v) => props.value === v} onToggle={(v, on) => on && props.onChange(v)} />;
}

/** One yes-or-no choice: a checkbox with its label and, optionally, a hint. */
export function Checkbox(props: { id: string; label: string; hint?: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="choice field">
      <input
        class="choice__input"
        type="checkbox"
        id={props.id}
        name={props.id}
        checked={props.checked}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label class="choice__label" for={props.id}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p class="choice__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
    </div>
  );
}
