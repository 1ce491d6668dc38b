import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/profile-fields';
import { ErrorSummary } from '../../components/error-summary';
import { EmailField, PasswordField } from '../../components/account-fields';
import { Field } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { api, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId, focusFieldSoon } from '../../lib/form';
import { setFarewell } from '../../lib/session';

/**
 * A forgotten password: her address, then the emailed code with a new password. The first step
 * answers the same whether or not the address has an account.
 */
export default function ForgotPasswordPage() {
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [code, setCode] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [step, setStep] = createSignal<'email' | 'code'>('email');
  const { busy, run } = createBusy();
  const errors = createFormErrors(['email', 'code', 'password']);
  const send = (action: () => Promise<void>) => run(action, (err) => errors.fromError(err, { code: t('reset.codeWrong') }));

  const askForCode = (e: SubmitEvent) => {
    e.preventDefault();
    if (!errors.check({ email: email().trim() ? undefined : t('validation.email') })) return;
    return send(async () => {
      await unwrap(api.auth['forgot-password'].$post({ json: { email: email() } }));
      setStep('code');
      focusFieldSoon('code');
    });
  };

  const reset = (e: SubmitEvent) => {
    e.preventDefault();
    const ok = errors.check({
      code: code().trim() ? undefined : t('validation.code'),
      password: password().length >= PASSWORD_MIN_LENGTH ? undefined : t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH }),
    });
    if (!ok) return;
    return send(async () => {
      await unwrap(api.auth['reset-password'].$post({ json: { email: email(), code: code().trim(), password: password() } }));
      setFarewell('passwordReset');
      navigate('/sign-in', { replace: true });
    });
  };

  return (
    <div class="narrow">
      <Show
        when={step() === 'code'}
        fallback={
          <>
            <PageHeading>{t('reset.title')}</PageHeading>
            <p>{t('reset.intro')}</p>
            <ErrorSummary items={errors.summary()} general={errors.general()} />
            <form class="form" onSubmit={askForCode} novalidate>
              <EmailField value={email()} onInput={setEmail} error={errors.error('email')} />
              <div class="actions">
                <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
                  {busy() ? t('reset.sending') : t('reset.send')}
                </button>
              </div>
            </form>
            <p>
              <A href="/sign-in">{t('reset.backToSignIn')}</A>
            </p>
          </>
        }
      >
        <PageHeading>{t('reset.codeTitle')}</PageHeading>
        <p>{t('reset.codeIntro', { email: email() })}</p>
        <ErrorSummary items={errors.summary()} general={errors.general()} />
        <form class="form" onSubmit={reset} novalidate>
          <Field
            id={fieldId('code')}
            label={t('field.code')}
            autocomplete="one-time-code"
            spellcheck={false}
            value={code()}
            onInput={setCode}
            error={errors.error('code')}
          />
          <PasswordField value={password()} onInput={setPassword} error={errors.error('password')} label={t('field.newPassword')} isNew />
          <div class="actions">
            <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
              {busy() ? t('reset.saving') : t('reset.save')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setStep('email')}>
              {t('reset.startAgain')}
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
