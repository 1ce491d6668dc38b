import { PASSWORD_MIN_LENGTH } from '../../../shared/profile-fields';
import { t } from '../i18n';
import { fieldId } from '../lib/form';
import { Field } from './field';

/*
 * The fields of her account's forms (sign-in, sign-up, reset, settings), each with the
 * autocomplete a password manager or the phone's keyboard needs.
 */

type Props = { value: string; onInput: (v: string) => void; error?: string };

/** Her email address; `email` on sign-up, `username` where an account is signed into. */
export function EmailField(props: Props & { hint?: string; autocomplete?: 'username' | 'email' }) {
  return (
    <Field
      id={fieldId('email')}
      label={t('field.email')}
      hint={props.hint}
      type="email"
      autocomplete={props.autocomplete ?? 'username'}
      spellcheck={false}
      value={props.value}
      onInput={props.onInput}
      error={props.error}
    />
  );
}

/**
 * A password. A new one carries the rules as its hint and `new-password`, so the browser offers
 * to generate and save it; `path` is the API's field name (`password`, `newPassword`…).
 */
export function PasswordField(props: Props & { path?: string; label?: string; isNew?: boolean }) {
  return (
    <Field
      id={fieldId(props.path ?? 'password')}
      label={props.label ?? t('field.password')}
      hint={props.isNew ? t('signUp.passwordHint', { min: PASSWORD_MIN_LENGTH }) : undefined}
      type="password"
      autocomplete={props.isNew ? 'new-password' : 'current-password'}
      value={props.value}
      onInput={props.onInput}
      error={props.error}
    />
  );
}

/** Six digits, typed with or without the space authenticator apps show in the middle. */
export const looksLikeTotp = (s: string) => /^\d{6}$/.test(s.replace(/\s+/g, ''));

/** The code from her authenticator app: a numeric keyboard, and the browser may offer the code itself. */
export function TotpCodeField(props: Props) {
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
