import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { isStatus } from '../../lib/api';
import { createFormErrors, fieldId } from '../../lib/form';
import { farewell, homeFor, signIn } from '../../lib/session';

export default function SignInPage() {
  const navigate = useNavigate();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const errors = createFormErrors(['email', 'password']);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = errors.check({
      email: email().trim() ? undefined : t('validation.email'),
      password: password() ? undefined : t('validation.password'),
    });
    if (!ok || busy()) return;
    setBusy(true);
    try {
      const me = await signIn(email(), password());
      navigate(homeFor(me), { replace: true });
    } catch (err) {
      // Same answer whether or not the address exists: never say which part was wrong.
      if (isStatus(err, 401)) errors.setGeneral(t('signIn.wrong'));
      else errors.fromError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <PageHeading>{t('signIn.title')}</PageHeading>
      <Show when={farewell()}>
        {(f) => (
          <Notice tone={f() === 'sessionEnded' ? 'warning' : 'success'} live>
            <p>{t(f() === 'deleted' ? 'signIn.deleted' : f() === 'sessionEnded' ? 'common.sessionEnded' : 'signIn.signedOut')}</p>
          </Notice>
        )}
      </Show>
      <p>{t('signIn.intro')}</p>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" onSubmit={submit} novalidate>
        <Field
          id={fieldId('email')}
          label={t('field.email')}
          type="email"
          autocomplete="username"
          spellcheck={false}
          value={email()}
          onInput={setEmail}
          error={errors.error('email')}
        />
        <Field
          id={fieldId('password')}
          label={t('field.password')}
          type="password"
          autocomplete="current-password"
          value={password()}
          onInput={setPassword}
          error={errors.error('password')}
        />
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </div>
      </form>
      <p>
        {t('signIn.new')} <A href="/sign-up">{t('signIn.createAccount')}</A>
      </p>
    </div>
  );
}
