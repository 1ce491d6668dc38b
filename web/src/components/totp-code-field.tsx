import { t } from '../i18n';
import { fieldId } from '../lib/form';
import { Field } from './field';

/** Six digits, typed with or without the space authenticator apps show in the middle. */
export const looksLikeTotp = (s: string) => /^\d{6}$/.test(s.replace(/\s+/g, ''));

/** The code from her authenticator app: a numeric keyboard, and the browser may offer the code itself. */
export function TotpCodeField(props: { value: string; onInput: (v: string) => void; error?: string }) {
  return (
    <Field
      id={fieldId('code')}
      label={t('field.totp')}
      hint={t('field.totp.hint')}
      autocomplete="one-time-code"
      inputmode="numeric"
      spellcheck={false}
      value={props.value}
      onInput={props.onInput}
      error={props.error}
    />
  );
}
