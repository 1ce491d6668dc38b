import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, Match, Show, Suspense, Switch } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { QrCode } from '../../components/qr-code';
import { looksLikeTotp, TotpCodeField } from '../../components/totp-code-field';
import { t } from '../../i18n';
import { api, unwrap } from '../../lib/api';
import { createFormErrors, fieldId } from '../../lib/form';
import { getMfa } from '../../lib/session';

/** The key as apps print it: groups of four, easier to read out and type. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** Focus a control once the part of the section that holds it is on screen. */
const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

/**
 * Two-step sign-in with an authenticator app (TOTP through Cognito). Setting it up shows the key
 * as a QR code and as text; turning it off takes her password and a current code, so a session
 * left open on a shared computer is not enough.
 */
export function TwoStepSignIn() {
  const mfa = createAsync(() => getMfa());
  const [setup, setSetup] = createSignal<{ secret: string; uri: string }>();
  const [turningOff, setTurningOff] = createSignal(false);
  const [code, setCode] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const errors = createFormErrors(['password', 'code']);

  const reset = () => {
    setSetup(undefined);
    setTurningOff(false);
    setCode('');
    setPassword('');
    errors.clear();
  };

  const run = async (action: () => Promise<void>) => {
    if (busy()) return;
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => {
      setDone(undefined);
      errors.clear();
      try {
        setSetup(await unwrap(api.auth.mfa.totp.$post()));
        focusLater('mfa-steps');
      } catch (e) {
        errors.fromError(e);
      }
    });

  const confirm = (e: SubmitEvent) => {
    e.preventDefault();
    if (!errors.check({ code: looksLikeTotp(code()) ? undefined : t('validation.totp') })) return;
    return run(async () => {
      try {
        await unwrap(api.auth.mfa.totp.verify.$post({ json: { code: code() } }));
        reset();
        setDone(t('settings.mfaTurnedOn'));
        await revalidate(getMfa.key);
        focusLater('mfa-title');
      } catch (err) {
        setCode('');
        errors.fromError(err, { code: t('settings.mfaCodeWrong') });
      }
    });
  };

  const turnOff = (e: SubmitEvent) => {
    e.preventDefault();
    const ok = errors.check({
      password: password() ? undefined : t('validation.password'),
      code: looksLikeTotp(code()) ? undefined : t('validation.totp'),
    });
    if (!ok) return;
    return run(async () => {
      try {
        await unwrap(api.auth.mfa.totp.disable.$post({ json: { password: password(), code: code() } }));
        reset();
        setDone(t('settings.mfaTurnedOff'));
        await revalidate(getMfa.key);
        focusLater('mfa-title');
      } catch (err) {
        setCode('');
        setPassword('');
        errors.fromError(err, { code: t('settings.mfaCodeWrong'), password: t('settings.mfaPasswordWrong') });
      }
    });
  };

  const codeField = () => <TotpCodeField value={code()} onInput={setCode} error={errors.error('code')} />;

  return (
    <section class="panel" aria-labelledby="mfa-title">
      <h2 class="section-title" id="mfa-title" tabindex="-1">
        {t('settings.mfaTitle')}
      </h2>
      <div role="status">
        <Show when={done()}>
          {(text) => (
            <Notice tone="success">
              <p>{text()}</p>
            </Notice>
          )}
        </Show>
      </div>
      <Suspense fallback={<Loading />}>
        <Show when={mfa()}>
          {(status) => (
            <Switch>
              <Match when={setup()}>
                {(s) => (
                  <>
                    <ErrorSummary items={errors.summary()} general={errors.general()} />
                    <ol class="mfa-steps" id="mfa-steps" tabindex="-1">
                      <li>{t('settings.mfaStep1')}</li>
                      <li>
                        <p>{t('settings.mfaStep2')}</p>
                        <QrCode text={s().uri} label={t('settings.mfaQrLabel')} />
                        <p>
                          {t('settings.mfaKey')}:{' '}
                          <code class="mfa-key" dir="ltr" data-testid="totp-key">
                            {grouped(s().secret)}
                          </code>
                        </p>
                        <p class="field__hint">{t('settings.mfaKeyHint')}</p>
                      </li>
                      <li>{t('settings.mfaStep3')}</li>
                    </ol>
                    <form class="form" onSubmit={confirm} novalidate>
                      {codeField()}
                      <div class="actions">
                        <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
                          {busy() ? t('settings.mfaConfirming') : t('settings.mfaConfirm')}
                        </button>
                        <button type="button" class="button button--secondary" onClick={reset}>
                          {t('settings.mfaCancel')}
                        </button>
                      </div>
                    </form>
                  </>
                )}
              </Match>
              <Match when={status().totp && turningOff()}>
                <p>{t('settings.mfaTurnOffIntro')}</p>
                <ErrorSummary items={errors.summary()} general={errors.general()} />
                <form class="form" onSubmit={turnOff} novalidate>
                  <Field
                    id={fieldId('password')}
                    label={t('field.password')}
                    type="password"
                    autocomplete="current-password"
                    value={password()}
                    onInput={setPassword}
                    error={errors.error('password')}
                  />
                  {codeField()}
                  <div class="actions">
                    <button type="submit" class="button button--danger" aria-disabled={busy() ? 'true' : undefined}>
                      {busy() ? t('settings.mfaTurningOff') : t('settings.mfaTurnOff')}
                    </button>
                    <button type="button" class="button button--secondary" onClick={reset}>
                      {t('settings.mfaCancel')}
                    </button>
                  </div>
                </form>
              </Match>
              <Match when={status().totp}>
                <p class="mfa-state mfa-state--on">{t('settings.mfaOn')}</p>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => {
                    setDone(undefined);
                    setTurningOff(true);
                    focusLater(fieldId('password'));
                  }}
                >
                  {t('settings.mfaTurnOff')}
                </button>
              </Match>
              <Match when={!status().totp}>
                <p class="mfa-state">{t('settings.mfaOff')}</p>
                <p>{t('settings.mfaWhy')}</p>
                <ErrorSummary items={errors.summary()} general={errors.general()} />
                <button type="button" class="button" aria-disabled={busy() ? 'true' : undefined} onClick={() => void start()}>
                  {t('settings.mfaSetUp')}
                </button>
              </Match>
            </Switch>
          )}
        </Show>
      </Suspense>
    </section>
  );
}
