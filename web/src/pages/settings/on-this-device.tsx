import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { Checkbox, RadioGroup } from '../../components/choice-group';
import { type Status, StatusMessage } from '../../components/status-message';
import { t } from '../../i18n';
import { IDLE_MINUTES } from '../../../../shared/discretion';
import { discreet, setDiscreet } from '../../lib/discreet';
import { generalMessage } from '../../lib/form';

const NEVER = 'never';

/** Discreet mode and its idle sign-out: settings of this browser, not of her account. */
export function OnThisDevice() {
  const [message, setMessage] = createSignal<Status>();
  const save = async (next: Parameters<typeof setDiscreet>[0]) => {
    setMessage(undefined);
    try {
      await setDiscreet(next, true);
      setMessage({ tone: 'success', text: t('settings.deviceSaved') });
    } catch (e) {
      setMessage({ tone: 'warning', text: generalMessage(e) });
    }
  };
  const choices = () => [
    { value: NEVER, label: t('settings.idleNever') },
    ...IDLE_MINUTES.map((m) => ({ value: String(m), label: t('settings.idleMinutes', { count: m }) })),
  ];
  return (
    <section class="panel" aria-labelledby="device-title">
      <h2 class="section-title" id="device-title">
        {t('settings.deviceTitle')}
      </h2>
      <p>{t('settings.deviceIntro')}</p>
      <Checkbox
        id="discreet"
        label={t('settings.discreet')}
        hint={t('settings.discreetHint')}
        checked={discreet().on}
        onChange={(on) => void save({ on, idleMinutes: discreet().idleMinutes })}
      />
      <Show when={discreet().on}>
        <RadioGroup
          id="idle"
          legend={t('settings.idleLegend')}
          hint={t('settings.idleHint')}
          choices={choices()}
          value={discreet().idleMinutes === null ? NEVER : String(discreet().idleMinutes)}
          onChange={(v) => void save({ on: true, idleMinutes: IDLE_MINUTES.find((m) => String(m) === v) ?? null })}
        />
      </Show>
      <StatusMessage message={message()} />
      <p>
        <A href="/staying-safe">{t('settings.stayingSafe')}</A>
      </p>
    </section>
  );
}
