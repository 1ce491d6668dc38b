import { createSignal, Show } from 'solid-js';
import { RadioGroup } from '../../components/choice-group';
import { Dialog } from '../../components/dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { isolate, t } from '../../i18n';
import { api, unwrap } from '../../lib/api';
import { createFormErrors, fieldId } from '../../lib/form';

const TYPES = ['warn', 'read_only', 'suspend'] as const;
type SanctionType = (typeof TYPES)[number];

/** The end of the chosen day, in her time zone, as the API's ISO datetime; undefined when not in the future. */
function untilOf(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const end = new Date(`${day}T23:59:59`);
  return Number.isNaN(end.getTime()) || end.getTime() <= Date.now() ? undefined : end.toISOString();
}

/** The board's sanction for a member: a warning, or read-only or suspended until a date. */
export function Sanction(props: { memberId: string; name: string; kind: 'practitioner' | 'champion' }) {
  const [open, setOpen] = createSignal(false);
  const [type, setType] = createSignal<SanctionType | ''>('');
  const [until, setUntil] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const errors = createFormErrors(['type', 'until', 'reason']);

  const start = () => {
    setType('');
    setUntil('');
    setReason('');
    setDone(false);
    errors.clear();
    setOpen(true);
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const kind = type();
    const end = untilOf(until());
    const ok = errors.check({
      type: kind ? undefined : t('validation.choose'),
      until: kind && kind !== 'warn' && !end ? t('validation.until') : undefined,
      reason: reason().trim() ? undefined : t('validation.reason'),
    });
    if (!ok || !kind) return;
    setBusy(true);
    try {
      await unwrap(
        api.moderation.members[':id'].sanctions.$post({
          param: { id: props.memberId },
          json: { type: kind, reason: reason().trim(), ...(kind === 'warn' ? {} : { until: end }) },
        }),
      );
      setOpen(false);
      setDone(true);
    } catch (err) {
      errors.fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel panel--quiet" aria-labelledby="sanction-title">
      <h2 class="section-title" id="sanction-title">
        {t('sanction.title')}
      </h2>
      <p>{t(`sanction.intro.${props.kind}`)}</p>
      <div role="status" class="live">
        <Show when={done()}>
          <Notice tone="success">
            <p>{t('sanction.saved')}</p>
          </Notice>
        </Show>
      </div>
      <button type="button" class="button button--secondary" aria-haspopup="dialog" onClick={start}>
        {t('sanction.open')}
      </button>
      <Dialog open={open()} title={t('sanction.dialog', { name: isolate(props.name) })} onClose={() => setOpen(false)}>
        <ErrorSummary items={errors.summary()} general={errors.general()} />
        <form class="form" novalidate onSubmit={submit}>
          <RadioGroup
            id={fieldId('type')}
            legend={t('sanction.type')}
            choices={TYPES.map((v) => ({ value: v, label: t(`sanction.type.${v}`) }))}
            value={type()}
            onChange={(v) => setType(TYPES.find((x) => x === v) ?? '')}
            error={errors.error('type')}
          />
          <Show when={type() === 'read_only' || type() === 'suspend'}>
            <Field
              id={fieldId('until')}
              type="date"
              label={t('sanction.until')}
              value={until()}
              onInput={setUntil}
              error={errors.error('until')}
            />
          </Show>
          <Field
            id={fieldId('reason')}
            label={t('sanction.reason')}
            multiline
            rows={3}
            dir="auto"
            maxLength={1000}
            value={reason()}
            onInput={setReason}
            error={errors.error('reason')}
          />
          <div class="actions">
            <button type="submit" class="button button--danger" aria-disabled={busy() ? 'true' : undefined}>
              {t('sanction.save')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
