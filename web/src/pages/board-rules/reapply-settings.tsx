import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, Show, untrack } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { t } from '../../i18n';
import { api, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { getBoardSettings } from './data';

function WaitForm(props: { days: number; version: number }) {
  const [days, setDays] = createSignal(untrack(() => String(props.days)));
  const [version, setVersion] = createSignal(untrack(() => props.version));
  const [saved, setSaved] = createSignal(false);
  const errors = createFormErrors(['reapplyAfterDays']);
  const saving = createBusy();
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setSaved(false);
    const n = Number(days());
    if (
      !errors.check({
        reapplyAfterDays: /^\d{1,4}$/.test(days().trim()) && n <= 3650 ? undefined : t('validation.reapplyDays', { min: 0, max: 3650 }),
      })
    )
      return;
    void saving.run(
      async () => {
        const next = await unwrap(api.board.settings.$put({ json: { reapplyAfterDays: n, version: version() } }));
        setVersion(next.version);
        setDays(String(next.reapplyAfterDays));
        setSaved(true);
        void revalidate(getBoardSettings.key);
      },
      (err) => errors.fromError(err),
    );
  };
  return (
    <>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        <Field
          id={fieldId('reapplyAfterDays')}
          label={t('rules.reapplyDays')}
          hint={t('rules.reapplyHint')}
          inputmode="numeric"
          value={days()}
          onInput={(v) => {
            setSaved(false);
            setDays(v);
          }}
          error={errors.error('reapplyAfterDays')}
        />
        <div role="status" class="live">
          <Show when={saved()}>
            <Notice tone="success">
              <p>{t('rules.reapplySaved')}</p>
            </Notice>
          </Show>
        </div>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={saving.busy() ? 'true' : undefined}>
            {saving.busy() ? t('rules.saving') : t('rules.reapplySave')}
          </button>
        </div>
      </form>
    </>
  );
}

/** How long a declined applicant waits before she may apply again (the board's setting). */
export function ReapplySettings() {
  const settings = createAsync(() => getBoardSettings());
  return (
    <section aria-labelledby="reapply-settings-title">
      <h2 id="reapply-settings-title">{t('rules.reapplyTitle')}</h2>
      <Show when={settings()}>{(s) => <WaitForm days={s().reapplyAfterDays} version={s().version} />}</Show>
    </section>
  );
}
