import { A, createAsync, revalidate } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { api, ApiError, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId, generalMessage } from '../../lib/form';
import { getPreferences, savePreferences } from '../../lib/preferences';
import { StatusMessage, type Status } from '../../components/status-message';
import { getMe } from '../../lib/session';
import type { Me } from '../../../../shared/schemas';

/** The waiting period is over and she has not yet applied again. */
const reapplyOpen = (me: Me) => typeof me.reapplyFrom === 'string' && me.reapplyFrom <= new Date().toISOString();

/** A declined applicant's one new application: her profile as it is, with a new statement. */
function ReapplyForm(props: { version: number }) {
  const [statement, setStatement] = createSignal('');
  const errors = createFormErrors(['statement']);
  const sending = createBusy();
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!errors.check({ statement: statement().trim() ? undefined : t('validation.statement') })) return;
    void sending.run(
      async () => {
        await unwrap(api.members.me.application.$post({ json: { statement: statement().trim(), version: props.version } }));
        // Her status is pending again: this page shows the waiting notice.
        await revalidate(getMe.key);
      },
      (err) => errors.fromError(err),
    );
  };
  return (
    <section aria-labelledby="reapply-title">
      <h2 id="reapply-title">{t('pending.reapplyTitle')}</h2>
      <p>{t('pending.reapplyIntro')}</p>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        <Field
          id={fieldId('statement')}
          label={t('field.statement')}
          hint={t('field.statement.hint')}
          multiline
          rows={6}
          maxLength={4000}
          dir="auto"
          value={statement()}
          onInput={setStatement}
          error={errors.error('statement')}
        />
        <div class="actions">
          <button type="submit" class="button" aria-disabled={sending.busy() ? 'true' : undefined}>
            {sending.busy() ? t('pending.reapplySending') : t('pending.reapplySubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * An applicant may ask to be emailed when the board has decided: email on, with its nudges (the
 * application decision is one). The email says only that there is an answer, never which.
 */
function EmailWhenDecided() {
  const [prefs, { mutate, refetch }] = createResource(getPreferences);
  const [message, setMessage] = createSignal<Status>();
  const { busy, run } = createBusy();
  const on = () => {
    const e = prefs()?.email;
    return !!e?.enabled && e.nudges;
  };
  const turnOn = () =>
    run(
      async () => {
        const current = prefs() ?? (await refetch());
        if (!current) return;
        const change = { email: { enabled: true, nudges: true } };
        // Saved meanwhile on another device: the change is the same whatever else changed, so read again and save once more.
        const saved = await savePreferences({ ...change, version: current.version }).catch(async (e: unknown) => {
          if (!(e instanceof ApiError && e.status === 409)) throw e;
          const fresh = await getPreferences();
          return savePreferences({ ...change, version: fresh.version });
        });
        mutate(saved);
        setMessage({ tone: 'success', text: t('pending.emailSaved') });
      },
      (e) => setMessage({ tone: 'warning', text: generalMessage(e) }),
    );
  return (
    <section class="panel panel--quiet" aria-labelledby="pending-email-title">
      <h2 class="section-title" id="pending-email-title">
        {t('pending.emailTitle')}
      </h2>
      <p>{t('pending.emailBody')}</p>
      <Show when={prefs()}>
        <Show
          when={on()}
          fallback={
            <div class="actions">
              <button
                type="button"
                class="button button--secondary"
                aria-disabled={busy() ? 'true' : undefined}
                onClick={() => void turnOn()}
              >
                {t('pending.emailTurnOn')}
              </button>
            </div>
          }
        >
          <p>{t('pending.emailIsOn')}</p>
        </Show>
      </Show>
      <StatusMessage message={message()} />
      <p>
        <A href="/settings#email">{t('pending.emailSettings')}</A>
      </p>
    </section>
  );
}

/** Where an applicant waits: her status from GET /api/me, and the board's reason if declined. */
export default function PendingPage() {
  const me = createAsync(() => getMe());
  const [checking, setChecking] = createSignal(false);
  const check = async () => {
    setChecking(true);
    try {
      // An approval moves her on: the shell's access rule sends an active member to the directory.
      await revalidate(getMe.key);
    } finally {
      setChecking(false);
    }
  };
  return (
    <div class="narrow">
      <PageHeading>{t('pending.title')}</PageHeading>
      <Show when={me()}>
        {(m) => (
          <>
            <p class="status-line">
              <span class={`badge badge--${m().status}`}>{t('pending.status', { status: t(`status.${m().status}`) })}</span>
            </p>
            <Switch>
              <Match when={m().status === 'pending'}>
                <Notice>
                  <p>{t('pending.pendingBody')}</p>
                </Notice>
                <div class="actions">
                  <button type="button" class="button button--secondary" aria-disabled={checking() ? 'true' : undefined} onClick={check}>
                    {t('pending.check')}
                  </button>
                </div>
                <EmailWhenDecided />
              </Match>
              <Match when={m().status === 'declined'}>
                <Notice tone="warning">
                  <p>{t('pending.declinedBody')}</p>
                  <Show when={m().decisionReason}>
                    <h2 class="notice__title">{t('pending.reason')}</h2>
                    <p class="quote" dir="auto">
                      {m().decisionReason}
                    </p>
                  </Show>
                  <Show when={m().reapplyFrom !== undefined}>
                    <p>
                      {m().reapplyFrom === null
                        ? t('pending.reapplyFinal')
                        : t('pending.reapplyFrom', { date: formatDate(m().reapplyFrom ?? '') })}
                    </p>
                  </Show>
                </Notice>
                <Show when={reapplyOpen(m()) ? m().profile : undefined}>{(p) => <ReapplyForm version={p().version ?? 0} />}</Show>
              </Match>
              <Match when={m().status === 'suspended'}>
                <Notice tone="warning">
                  <p>{t('pending.suspendedBody')}</p>
                </Notice>
              </Match>
              <Match when={m().status === 'deactivated'}>
                <Notice tone="warning">
                  <p>{t('pending.deactivatedBody')}</p>
                </Notice>
              </Match>
            </Switch>
            <p>
              <A href="/contact-board">{t('pending.contact')}</A>
            </p>
            <p>
              <A href="/settings">{t('pending.settings')}</A>
            </p>
          </>
        )}
      </Show>
    </div>
  );
}
