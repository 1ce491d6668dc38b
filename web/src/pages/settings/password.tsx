import { revalidate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/profile-fields';
import { ErrorSummary } from '../../components/error-summary';
import { PasswordField } from '../../components/account-fields';
import { StatusMessage } from '../../components/status-message';
import { t } from '../../i18n';
import { api, unwrap } from '../../lib/api';
import { createBusy, createFormErrors } from '../../lib/form';
import { getSessions } from './data';

/** Her password, changed with the current one. Her session goes on. */
export function ChangePassword() {
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const { busy, run } = createBusy();
  const [done, setDone] = createSignal(false);
  const errors = createFormErrors(['currentPassword', 'newPassword']);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setDone(false);
    const ok = errors.check({
      currentPassword: current() ? undefined : t('validation.password'),
      newPassword: next().length >= PASSWORD_MIN_LENGTH ? undefined : t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH }),
    });
    if (!ok || busy()) return;
    await run(
      async () => {
        await unwrap(api.auth['change-password'].$post({ json: { currentPassword: current(), newPassword: next() } }));
        setDone(true);
        // Her other devices were signed out with the change.
        void revalidate(getSessions.key);
      },
      (err) => errors.fromError(err, { currentPassword: t('settings.passwordWrong') }),
    );
    setCurrent('');
    setNext('');
  };

  return (
    <section class="panel" aria-labelledby="password-title">
      <h2 class="section-title" id="password-title">
        {t('settings.passwordTitle')}
      </h2>
      <StatusMessage message={done() ? { tone: 'success', text: t('settings.passwordChanged') } : undefined} />
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" onSubmit={submit} novalidate>
        <PasswordField
          path="currentPassword"
          label={t('field.currentPassword')}
          value={current()}
          onInput={setCurrent}
          error={errors.error('currentPassword')}
        />
        <PasswordField
          path="newPassword"
          label={t('field.newPassword')}
          value={next()}
          onInput={setNext}
          error={errors.error('newPassword')}
          isNew
        />
        <div class="actions">
          <button type="submit" class="button button--secondary" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('settings.passwordSaving') : t('settings.passwordSave')}
          </button>
        </div>
      </form>
    </section>
  );
}
