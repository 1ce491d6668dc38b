import { markSignedUp } from '../../lib/account-locale';
import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/profile-fields';
import { ErrorSummary } from '../../components/error-summary';
import { Notice } from '../../components/notice';
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
  /**
   * After the API's 202 `{}`, which is the same for a new address and a taken one: "check your
   * email". Only a sign-in that works (local mode confirms a new account at once; the owner of a
   * taken address who typed her own password) skips it, as the sign-in page would let her in.
   */
  const [checkEmail, setCheckEmail] = createSignal(false);
  const { busy, run } = createBusy();
  const errors = createFormErrors(['email', 'password', 'code']);

  /**
   * Tries to sign her in with the password she chose. A new account still waiting for its emailed
   * code (403) and an address that had an account with another password (401) get the same step,
   * word for word: what the two emails say tells them apart, to the owner of the address alone.
   */
  const enter = async () => {
    try {
      markSignedUp();
      const me = await signIn(email(), password());
      // A new account has no second step yet; should one appear, the sign-in page asks for it.
      navigate(me === 'code' ? '/sign-in' : homeFor(me), { replace: true });
    } catch (err) {
      if (isStatus(err, 403) || isStatus(err, 401)) {
        setCheckEmail(true);
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

  const startAgain = () => {
    errors.clear();
    setCode('');
    setCheckEmail(false);
  };

  return (
    <div class="narrow">
      <Show
        when={checkEmail()}
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
            <p>
              {t('signUp.haveAccount')} <A href="/sign-in">{t('signUp.signIn')}</A>
            </p>
          </>
        }
      >
        <PageHeading>{t('signUp.checkTitle')}</PageHeading>
        <p>{t('signUp.checkIntro', { email: email() })}</p>
        {/* Said calmly, not as an error: for a new member waiting for her code it is no problem at all. */}
        <Notice live>{t('signUp.notSignedIn')}</Notice>
        <ErrorSummary items={errors.summary()} general={errors.general()} />
        <form class="form" onSubmit={confirm} novalidate>
          <Field
            id={fieldId('code')}
            label={t('field.code')}
            hint={t('signUp.codeHint')}
            autocomplete="one-time-code"
            value={code()}
            onInput={setCode}
            error={errors.error('code')}
          />
          <div class="actions">
            <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
              {t('signUp.confirmSubmit')}
            </button>
            <button type="button" class="button button--secondary" onClick={startAgain}>
              {t('reset.startAgain')}
            </button>
          </div>
        </form>
        <ul class="plain-list">
          <li>
            <A href="/sign-in">{t('signUp.signIn')}</A>
          </li>
          <li>
            <A href="/forgot-password">{t('signUp.forgot')}</A>
          </li>
        </ul>
      </Show>
    </div>
  );
}
