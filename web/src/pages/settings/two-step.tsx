import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, Match, Show, Suspense, Switch } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { StatusMessage } from '../../components/status-message';
import { QrCode } from '../../components/qr-code';
import { looksLikeTotp, PasswordField, TotpCodeField } from '../../components/account-fields';
import { t } from '../../i18n';
import { api, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId, focusSoon } from '../../lib/form';
import { getMfa } from '../../lib/session';
import { getSessions } from './data';

/** The key as apps print it: groups of four, easier to read out and type. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/** Where she is: reading the status, confirming her password to start, scanning the key, or turning it off. */
type Stage = { name: 'status' } | { name: 'password' } | { name: 'scan'; secret: string; uri: string } | { name: 'turnOff' };

/**
 * Two-step sign-in with an authenticator app (TOTP through Cognito). Setting it up starts with
 * her password and shows the key as a QR code and as text; turning it off takes her password
 * and a current code. A session left open on a shared computer is not enough for either.
 */
export function TwoStepSignIn() {
  const mfa = createAsync(() => getMfa());
  const [stage, setStage] = createSignal<Stage>({ name: 'status' });
  const [code, setCode] = createSignal('');
  const [password, setPassword] = createSignal('');
  const { busy, run } = createBusy();
  const [done, setDone] = createSignal<string>();
  const errors = createFormErrors(['password', 'code']);
  const scanning = () => {
    const s = stage();
    return s.name === 'scan' ? s : undefined;
  };
  const messages = { code: t('settings.mfaCodeWrong'), password: t('settings.mfaPasswordWrong') };

  const go = (next: Stage, focus?: string) => {
    setStage(next);
    setCode('');
    setPassword('');
    errors.clear();
    if (focus) focusSoon(focus);
  };

  /** Sends one form; a refusal lands on its fields, with both inputs emptied. */
  const send = (action: () => Promise<void>) =>
    run(action, (err) => {
      setCode('');
      setPassword('');
      errors.fromError(err, messages);
    });

  const finish = async (message: string) => {
    go({ name: 'status' }, 'mfa-title');
    setDone(message);
    // Turning it on signs her other devices out.
    await revalidate([getMfa.key, getSessions.key]);
  };

  const start = (e: SubmitEvent) => {
    e.preventDefault();
    if (!errors.check({ password: password() ? undefined : t('validation.password') })) return;
    return send(async () => {
      const s = await unwrap(api.auth.mfa.totp.$post({ json: { password: password() } }));
      go({ name: 'scan', ...s }, 'mfa-steps');
    });
  };

  const confirm = (e: SubmitEvent) => {
    e.preventDefault();
    if (!errors.check({ code: looksLikeTotp(code()) ? undefined : t('validation.totp') })) return;
    return send(async () => {
      await unwrap(api.auth.mfa.totp.verify.$post({ json: { code: code() } }));
      await finish(t('settings.mfaTurnedOn'));
    });
  };

  const turnOff = (e: SubmitEvent) => {
    e.preventDefault();
    const ok = errors.check({
      password: password() ? undefined : t('validation.password'),
      code: looksLikeTotp(code()) ? undefined : t('validation.totp'),
    });
    if (!ok) return;
    return send(async () => {
      await unwrap(api.auth.mfa.totp.disable.$post({ json: { password: password(), code: code() } }));
      await finish(t('settings.mfaTurnedOff'));
    });
  };

  const passwordField = () => <PasswordField value={password()} onInput={setPassword} error={errors.error('password')} />;
  const codeField = () => <TotpCodeField value={code()} onInput={setCode} error={errors.error('code')} />;
  const actions = (submit: string, submitting: string, danger = false) => (
    <div class="actions">
      <button type="submit" class={danger ? 'button button--danger' : 'button'} aria-disabled={busy() ? 'true' : undefined}>
        {busy() ? submitting : submit}
      </button>
      <button type="button" class="button button--secondary" onClick={() => go({ name: 'status' }, 'mfa-title')}>
        {t('settings.mfaCancel')}
      </button>
    </div>
  );

  return (
    <section class="panel" aria-labelledby="mfa-title">
      <h2 class="section-title" id="mfa-title" tabindex="-1">
        {t('settings.mfaTitle')}
      </h2>
      <StatusMessage message={done() ? { tone: 'success', text: done() ?? '' } : undefined} />
      <Suspense fallback={<Loading />}>
        <Show when={mfa()}>
          {(status) => (
            <Switch>
              <Match when={stage().name === 'password'}>
                <p>{t('settings.mfaPasswordFirst')}</p>
                <ErrorSummary items={errors.summary()} general={errors.general()} />
                <form class="form" onSubmit={start} novalidate>
                  {passwordField()}
                  {actions(t('settings.mfaContinue'), t('settings.mfaChecking'))}
                </form>
              </Match>
              <Match when={scanning()}>
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
                      {actions(t('settings.mfaConfirm'), t('settings.mfaConfirming'))}
                    </form>
                  </>
                )}
              </Match>
              <Match when={status().totp && stage().name === 'turnOff'}>
                <p>{t('settings.mfaTurnOffIntro')}</p>
                <ErrorSummary items={errors.summary()} general={errors.general()} />
                <form class="form" onSubmit={turnOff} novalidate>
                  {passwordField()}
                  {codeField()}
                  {actions(t('settings.mfaTurnOff'), t('settings.mfaTurningOff'), true)}
                </form>
              </Match>
              <Match when={status().totp}>
                <p class="mfa-state mfa-state--on">{t('settings.mfaOn')}</p>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => {
                    setDone(undefined);
                    go({ name: 'turnOff' }, fieldId('password'));
                  }}
                >
                  {t('settings.mfaTurnOff')}
                </button>
              </Match>
              <Match when={!status().totp}>
                <p class="mfa-state">{t('settings.mfaOff')}</p>
                <p>{t('settings.mfaWhy')}</p>
                <button
                  type="button"
                  class="button"
                  onClick={() => {
                    setDone(undefined);
                    go({ name: 'password' }, fieldId('password'));
                  }}
                >
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
