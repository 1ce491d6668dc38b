import { A, useLocation, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { EmailField, looksLikeTotp, PasswordField, TotpCodeField } from '../../components/account-fields';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { isStatus } from '../../lib/api';
import { createBusy, createFormErrors, focusFieldSoon } from '../../lib/form';
import { farewell, homeFor, signIn, signInWithCode } from '../../lib/session';

/** What the sign-in page says about how she got here. */
const FAREWELL_TEXT = {
  signedOut: 'signIn.signedOut',
  deleted: 'signIn.deleted',
  sessionEnded: 'common.sessionEnded',
  passwordReset: 'signIn.passwordReset',
  idle: 'signIn.idle',
} as const;

/**
 * Where a signed-out visit was going (a link from an email, a bookmark): the shell hands it over in
 * the history entry's state, never in the address, and only a path inside the app is taken.
 */
function wasGoingTo(state: unknown): string | undefined {
  const next = state && typeof state === 'object' && 'next' in state ? state.next : undefined;
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : undefined;
}

export default function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  /** Her home, or the page she was going to when she is an active member who may open it. */
  const onward = (me: Parameters<typeof homeFor>[0]) => {
    const home = homeFor(me);
    return (home === '/directory' && wasGoingTo(location.state)) || home;
  };
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [code, setCode] = createSignal('');
  /** After the right password, for an account with two-step sign-in: the authenticator code. */
  const [step, setStep] = createSignal<'password' | 'code'>('password');
  const [lapsed, setLapsed] = createSignal(false);
  const { busy, run } = createBusy();
  const errors = createFormErrors(['email', 'password']);
  const codeErrors = createFormErrors(['code']);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const ok = errors.check({
      email: email().trim() ? undefined : t('validation.email'),
      password: password() ? undefined : t('validation.password'),
    });
    if (!ok || busy()) return;
    setLapsed(false);
    await run(
      async () => {
        const me = await signIn(email(), password());
        if (me === 'code') {
          setCode('');
          codeErrors.clear();
          setStep('code');
          focusFieldSoon('code');
        } else {
          navigate(onward(me), { replace: true });
        }
      },
      (err) => {
        // Same answer whether or not the address exists: never say which part was wrong.
        if (isStatus(err, 401)) errors.setGeneral(t('signIn.wrong'));
        else errors.fromError(err);
      },
    );
    setPassword('');
  };

  const startAgain = (timedOut: boolean) => {
    setStep('password');
    setLapsed(timedOut);
    setCode('');
    focusFieldSoon('password');
  };

  const submitCode = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!codeErrors.check({ code: looksLikeTotp(code()) ? undefined : t('validation.totp') }) || busy()) return;
    await run(
      async () => {
        navigate(onward(await signInWithCode(code())), { replace: true });
      },
      (err) => {
        if (isStatus(err, 401)) startAgain(true);
        else codeErrors.fromError(err, { code: t('signIn.codeWrong') });
        setCode('');
      },
    );
  };

  return (
    <div class="narrow">
      <Show
        when={step() === 'code'}
        fallback={
          <>
            <PageHeading>{t('signIn.title')}</PageHeading>
            <Show when={farewell()}>
              {(f) => (
                <Notice tone={f() === 'sessionEnded' ? 'warning' : 'success'} live>
                  <p>{t(FAREWELL_TEXT[f()])}</p>
                </Notice>
              )}
            </Show>
            <Show when={lapsed()}>
              <Notice tone="warning" live>
                <p>{t('signIn.codeLapsed')}</p>
              </Notice>
            </Show>
            <p>{t('signIn.intro')}</p>
            <ErrorSummary items={errors.summary()} general={errors.general()} />
            <form class="form" onSubmit={submit} novalidate>
              <EmailField value={email()} onInput={setEmail} error={errors.error('email')} />
              <PasswordField value={password()} onInput={setPassword} error={errors.error('password')} />
              <div class="actions">
                <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
                  {busy() ? t('signIn.submitting') : t('signIn.submit')}
                </button>
              </div>
            </form>
            <p>
              <A href="/forgot-password">{t('signIn.forgot')}</A>
            </p>
            <p>
              {t('signIn.new')} <A href="/sign-up">{t('signIn.createAccount')}</A>
            </p>
          </>
        }
      >
        <PageHeading>{t('signIn.codeTitle')}</PageHeading>
        <p>{t('signIn.codeIntro')}</p>
        <ErrorSummary items={codeErrors.summary()} general={codeErrors.general()} />
        <form class="form" onSubmit={submitCode} novalidate>
          <TotpCodeField value={code()} onInput={setCode} error={codeErrors.error('code')} />
          <div class="actions">
            <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
              {busy() ? t('signIn.submitting') : t('signIn.codeSubmit')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => startAgain(false)}>
              {t('signIn.codeBack')}
            </button>
          </div>
        </form>
        <p class="muted">{t('signIn.codeLost')}</p>
      </Show>
    </div>
  );
}
