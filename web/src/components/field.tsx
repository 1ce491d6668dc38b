import { Show, type JSX } from 'solid-js';
import { t } from '../i18n';

/** ids of the hint and the error that describe a control, for aria-describedby. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** The label, optional marker, hint and error shared by every control. */
export function FieldFrame(props: { id: string; label: string; hint?: string; error?: string; optional?: boolean; children: JSX.Element }) {
  return (
    <div class="field" classList={{ 'field--error': !!props.error }}>
      <label class="field__label" for={props.id}>
        {props.label}
        <Show when={props.optional}>
          {' '}
          <span class="field__optional">{t('common.optional')}</span>
        </Show>
      </label>
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
      {props.children}
    </div>
  );
}

type FieldProps = {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: boolean;
  type?: 'text' | 'email' | 'password' | 'date' | 'datetime-local';
  /** The latest value a date input offers (YYYY-MM-DD). */
  max?: string;
  /** The earliest value a date or time input offers. */
  min?: string;
  autocomplete?: string;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  /** `auto` for text a member wrote: it may be in any script. */
  dir?: 'auto' | 'ltr';
  spellcheck?: boolean;
  /** The on-screen keyboard: `numeric` for codes. */
  inputmode?: 'numeric' | 'text';
};

/** A labelled text input or textarea with its hint and error wired for assistive technology. */
export function Field(props: FieldProps) {
  const common = () => ({
    id: props.id,
    name: props.id,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(props.id, props.hint, props.error),
    maxLength: props.maxLength,
    dir: props.dir,
    spellcheck: props.spellcheck,
  });
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error} optional={props.optional}>
      <Show
        when={props.multiline}
        fallback={
          <input
            {...common()}
            class="input"
            type={props.type ?? 'text'}
            autocomplete={props.autocomplete}
            inputmode={props.inputmode}
            max={props.max}
            min={props.min}
            value={props.value}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
        }
      >
        <textarea
          {...common()}
          class="input input--multiline"
          rows={props.rows ?? 4}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      </Show>
    </FieldFrame>
  );
}
