import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { Checkbox, RadioGroup } from '../../components/choice-group';
import { Loading } from '../../components/loading';
import { type Status, StatusMessage } from '../../components/status-message';
import { t } from '../../i18n';
import { ApiError } from '../../lib/api';
import { createBusy, generalMessage } from '../../lib/form';
import { getPreferences, type Preferences, savePreferences } from '../../lib/preferences';

type EmailChoices = Preferences['email'];

/** What one email looks like in her inbox: the sender, the subject and the first lines. */
function SampleEmail(props: { label: string; from: string; subject: string; lines: string[] }) {
  return (
    <figure class="email-sample">
      <figcaption class="email-sample__caption">{props.label}</figcaption>
      <dl class="email-sample__head">
        <dt>{t('emailSettings.sampleFrom')}</dt>
        <dd>{props.from}</dd>
        <dt>{t('emailSettings.sampleSubject')}</dt>
        <dd>{props.subject}</dd>
      </dl>
      <For each={props.lines}>{(line) => <p>{line}</p>}</For>
    </figure>
  );
}

/**
 * Settings → Email (`/settings#email`): off until she turns it on. The choices are saved together,
 * at the version read; a save that lost to a change made elsewhere reloads them and says so.
 */
export function EmailSettings() {
  const [prefs, { mutate, refetch }] = createResource(getPreferences);
  const [draft, setDraft] = createSignal<EmailChoices>();
  const [message, setMessage] = createSignal<Status>();
  const { busy, run } = createBusy();
  const email = (): EmailChoices | undefined => draft() ?? prefs()?.email;
  const change = (patch: Partial<EmailChoices>) => {
    const current = email();
    if (!current) return;
    setMessage(undefined);
    setDraft({ ...current, ...patch });
  };

  // The section loads after the page: land on it once it is there when the link named it.
  let landed = false;
  createEffect(() => {
    if (landed || !prefs() || location.hash !== '#email') return;
    landed = true;
    queueMicrotask(() => {
      const heading = document.getElementById('email-title');
      heading?.scrollIntoView({ block: 'start' });
      heading?.focus({ preventScroll: true });
    });
  });

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const current = prefs();
    const next = email();
    if (busy() || !current || !next) return;
    setMessage(undefined);
    await run(
      async () => {
        const saved = await savePreferences({ email: next, version: current.version });
        mutate(saved);
        setDraft(undefined);
        setMessage({ tone: 'success', text: saved.email.enabled ? t('emailSettings.savedOn') : t('emailSettings.savedOff') });
      },
      async (err) => {
        if (err instanceof ApiError && err.status === 409) {
          // Changed on another device meanwhile: show what is saved now, and let her choose again.
          setDraft(undefined);
          await refetch();
          setMessage({ tone: 'warning', text: t('emailSettings.stale') });
          return;
        }
        setMessage({ tone: 'warning', text: generalMessage(err) });
      },
    );
  };

  return (
    <section class="panel" id="email" aria-labelledby="email-title">
      <h2 class="section-title" id="email-title" tabindex="-1">
        {t('emailSettings.title')}
      </h2>
      <p>{t('emailSettings.intro')}</p>
      <Show when={email()} fallback={<Loading />}>
        {(e) => (
          <form class="form" novalidate onSubmit={save}>
            <div class="choice field">
              <input
                class="choice__input"
                type="checkbox"
                role="switch"
                aria-checked={e().enabled}
                id="email-enabled"
                name="email-enabled"
                checked={e().enabled}
                aria-describedby="email-enabled-hint"
                onChange={(ev) => change({ enabled: ev.currentTarget.checked })}
              />
              <label class="choice__label" for="email-enabled">
                {t('emailSettings.enabled')}
              </label>
              <p class="choice__hint" id="email-enabled-hint">
                {t('emailSettings.enabledHint')}
              </p>
            </div>
            <Show when={e().enabled}>
              <RadioGroup
                id="email-digest"
                legend={t('emailSettings.digestLegend')}
                hint={t('emailSettings.digestHint')}
                choices={[
                  { value: 'daily', label: t('emailSettings.daily') },
                  { value: 'weekly', label: t('emailSettings.weekly') },
                ]}
                value={e().digest}
                onChange={(v) => change({ digest: v === 'weekly' ? 'weekly' : 'daily' })}
              />
              <RadioGroup
                id="email-wording"
                legend={t('emailSettings.wordingLegend')}
                choices={[
                  { value: 'neutral', label: t('emailSettings.neutral'), hint: t('emailSettings.neutralHint') },
                  { value: 'detailed', label: t('emailSettings.detailed'), hint: t('emailSettings.detailedHint') },
                ]}
                value={e().wording}
                onChange={(v) => change({ wording: v === 'detailed' ? 'detailed' : 'neutral' })}
              />
              <p>{t('emailSettings.whyNeutral')}</p>
              <div class="email-samples">
                <SampleEmail
                  label={t('emailSettings.sampleNeutral')}
                  from="CN"
                  subject={t('emailSettings.neutralSubject')}
                  lines={[t('emailSettings.neutralLine')]}
                />
                <SampleEmail
                  label={t('emailSettings.sampleDetailed')}
                  from="CN"
                  subject={t('emailSettings.detailedSubject')}
                  lines={[t('emailSettings.detailedLine1'), t('emailSettings.detailedLine2')]}
                />
              </div>
              <Checkbox
                id="email-reminders"
                label={t('emailSettings.reminders')}
                hint={t('emailSettings.remindersHint')}
                checked={e().reminders}
                onChange={(on) => change({ reminders: on })}
              />
              <Checkbox
                id="email-nudges"
                label={t('emailSettings.nudges')}
                hint={t('emailSettings.nudgesHint')}
                checked={e().nudges}
                onChange={(on) => change({ nudges: on })}
              />
            </Show>
            <StatusMessage message={message()} />
            <div class="actions">
              <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
                {busy() ? t('emailSettings.saving') : t('emailSettings.save')}
              </button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}
