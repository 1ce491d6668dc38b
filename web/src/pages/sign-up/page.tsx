import { markSignedUp } from '../../lib/account-locale';
import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/profile-fields';
import { ErrorSummary } from '../../components/error-summary';
import { EmailField, PasswordField } from '../../components/account-fields';
import { Field } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { homeFor, signIn } from '../../lib/session';

export default function SignUpPage() {
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [code, setCode] = createSignal('');
  /** In AWS mode Cognito emails a code first; local mode confirms at once and skips this step. */
  const [confirming, setConfirming] = createSignal(false);
  const { busy, run } = createBusy();
  const errors = createFormErrors(['email', 'password', 'code']);

  /** Sign-in failed after a sign-up: the address may have had an account already (we never say so). */
  const [notSignedIn, setNotSignedIn] = createSignal(false);

  /**
   * Sign-up answers the same for a taken address as for a new one, so the page simply tries to
   * sign her in with the password she chose: a new account (confirmed at once locally) signs in,
   * an account still waiting for its emailed code asks for it, and an address that already had an
   * account with another password fails like any wrong password, with a way to sign in or reset.
   */
  const enter = async () => {
    try {
      markSignedUp();
      const me = await signIn(email(), password());
      // A new account has no second step yet; should one appear, the sign-in page asks for it.
      navigate(me === 'code' ? '/sign-in' : homeFor(me), { replace: true });
    } catch (err) {
      if (isStatus(err, 403)) setConfirming(true);
      else if (isStatus(err, 401)) {
        setNotSignedIn(true);
        errors.setGeneral(t('signUp.notSignedIn'));
      } else throw err;
    }
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const ok = errors.check({
      email: email().trim() ? undefined : t('validation.email'),
      password: password().length >= PASSWORD_MIN_LENGTH ? undefined : t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH }),
    });
    if (!ok) return;
    setNotSignedIn(false);
    await run(
      async () => {
        await unwrap(api.auth['sign-up'].$post({ json: { email: email(), password: password() } }));
        await enter();
      },
      (err) => errors.fromError(err),
    );
  };

  const confirm = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy() || !errors.check({ code: code().trim() ? undefined : t('validation.code') })) return;
    await run(
      async () => {
        await unwrap(api.auth.confirm.$post({ json: { email: email(), code: code().trim() } }));
        await enter();
      },
      (err) => {
        errors.fromError(err);
      },
    );
  };

  return (
    <div class="narrow">
      <Show
        when={confirming()}
        fallback={
          <>
            <PageHeading>{t('signUp.title')}</PageHeading>
            <p>{t('signUp.intro')}</p>
            <ErrorSummary items={errors.summary()} general={errors.general()} />
            <form class="form" onSubmit={submit} novalidate>
              <EmailField
                value={email()}
                onInput={setEmail}
                error={errors.error('email')}
                hint={t('signUp.emailHint')}
                autocomplete="email"
              />
              <PasswordField value={password()} onInput={setPassword} error={errors.error('password')} isNew />
              <div class="actions">
                <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
                  {busy() ? t('signUp.submitting') : t('signUp.submit')}
                </button>
              </div>
            </form>
            <Show when={notSignedIn()}>
              <p>
                <A href="/forgot-password">{t('signUp.forgot')}</A>
              </p>
            </Show>
            <p>
              {t('signUp.haveAccount')} <A href="/sign-in">{t('signUp.signIn')}</A>
            </p>
          </>
        }
      >
        <PageHeading>{t('signUp.confirmTitle')}</PageHeading>
        <p>{t('signUp.confirmIntro', { email: email() })}</p>
        <ErrorSummary items={errors.summary()} general={errors.general()} />
        <form class="form" onSubmit={confirm} novalidate>
          <Field
            id={fieldId('code')}
            label={t('field.code')}
            autocomplete="one-time-code"
            value={code()}
            onInput={setCode}
            error={errors.error('code')}
          />
          <div class="actions">
            <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
              {t('signUp.confirmSubmit')}
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
