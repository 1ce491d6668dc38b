import { createAsync, query, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { BoardSanction } from '../../../../shared/schemas';
import { RadioGroup } from '../../components/choice-group';
import { Dialog } from '../../components/dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { LoadMore } from '../../components/load-more';
import { Notice } from '../../components/notice';
import { ReasonDialog } from '../../components/reason-dialog';
import { isolate, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { createMorePages } from '../../lib/more-pages';
import { FormActions } from '../../components/form-actions';

const TYPES = ['warn', 'read_only', 'suspend'] as const;
type SanctionType = (typeof TYPES)[number];

/** The end of the chosen day, in her time zone, as the API's ISO datetime; undefined when not in the future. */
function untilOf(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const end = new Date(`${day}T23:59:59`);
  return Number.isNaN(end.getTime()) || end.getTime() <= Date.now() ? undefined : end.toISOString();
}

const fetchSanctions = (memberId: string, cursor?: string) =>
  unwrap(api.moderation.members[':id'].sanctions.$get({ param: { id: memberId }, query: { limit: '20', ...(cursor ? { cursor } : {}) } }));

/** The sanctions about a member, newest first, as the board sees them. */
const getSanctions = query((memberId: string) => fetchSanctions(memberId), 'boardSanctions');

function SanctionEntry(props: { sanction: BoardSanction; onLift: () => void }) {
  const s = () => props.sanction;
  return (
    <li class="card">
      <h3 class="card__title">
        {t(`notifications.sanction.${s().type}`)}
        <Show when={s().inForce}>
          {' '}
          <span class="badge badge--pending">{t('sanction.inForce')}</span>
        </Show>
      </h3>
      <p class="card__meta">
        {t('sanction.given', { date: formatDate(s().at) })}
        <Show when={s().until}>{(until) => <> · {t('sanction.untilDate', { date: formatDate(until()) })}</>}</Show>
      </p>
      <p class="prose" dir="auto">
        {s().reason}
      </p>
      <Show when={s().lifted}>
        {(l) => <p dir="auto">{t('sanction.liftedOn', { date: formatDate(l().at), reason: isolate(l().reason) })}</p>}
      </Show>
      <Show when={s().inForce}>
        <div class="actions">
          <button type="button" class="button button--secondary button--small" aria-haspopup="dialog" onClick={() => props.onLift()}>
            {t('sanction.lift')}
          </button>
        </div>
      </Show>
    </li>
  );
}

/** The board's sanction for a member: a warning, or read-only or suspended until a date. */
export function Sanction(props: { memberId: string; name: string; kind: 'practitioner' | 'champion' }) {
  const [open, setOpen] = createSignal(false);
  const [type, setType] = createSignal<SanctionType | ''>('');
  const [until, setUntil] = createSignal('');
  const [reason, setReason] = createSignal('');
  const { busy, run } = createBusy();
  const [done, setDone] = createSignal(false);
  const errors = createFormErrors(['type', 'until', 'reason']);
  const history = createAsync(() => getSanctions(props.memberId));
  const more = createMorePages(
    history,
    (cursor) => fetchSanctions(props.memberId, cursor),
    () => props.memberId,
  );
  const [lifting, setLifting] = createSignal<BoardSanction>();
  const [liftedNotice, setLiftedNotice] = createSignal(false);
  const refresh = () => revalidate(getSanctions.keyFor(props.memberId));
  const lift = async (reason: string) => {
    const s = lifting();
    if (!s) return;
    await unwrap(
      api.moderation.members[':id'].sanctions[':sanctionId'].lift.$post({
        param: { id: props.memberId, sanctionId: s.id },
        json: { reason },
      }),
    );
    setLifting(undefined);
    setLiftedNotice(true);
    await refresh();
  };

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
    await run(
      async () => {
        await unwrap(
          api.moderation.members[':id'].sanctions.$post({
            param: { id: props.memberId },
            json: { type: kind, reason: reason().trim(), ...(kind === 'warn' ? {} : { until: end }) },
          }),
        );
        setOpen(false);
        setDone(true);
        void refresh();
      },
      (err) => {
        errors.fromError(err);
      },
    );
  };

  return (
    <section class="panel panel--quiet" aria-labelledby="sanction-title">
      <h2 class="section-title" id="sanction-title">
        {t('sanction.title')}
      </h2>
      <p>{t('sanction.intro', { kind: props.kind })}</p>
      <div role="status" class="live">
        <Show when={done()}>
          <Notice tone="success">
            <p>{t('sanction.saved')}</p>
          </Notice>
        </Show>
      </div>
      <div role="status" class="live">
        <Show when={liftedNotice()}>
          <Notice tone="success">
            <p>{t('sanction.liftedNotice')}</p>
          </Notice>
        </Show>
      </div>
      {/* In its own row: the panel's section titles have no top margin, so the history's would touch it. */}
      <div class="actions">
        <button type="button" class="button button--secondary" aria-haspopup="dialog" onClick={start}>
          {t('sanction.open')}
        </button>
      </div>
      <h3 class="section-title">{t('sanction.history')}</h3>
      <Show when={history()}>
        {(h) => (
          <Show when={h().items.length > 0} fallback={<p>{t('sanction.none')}</p>}>
            <ul class="plain-list cards cards--single">
              <For each={[...h().items, ...more.items()]}>{(s) => <SanctionEntry sanction={s} onLift={() => setLifting(s)} />}</For>
            </ul>
            <LoadMore more={more} />
          </Show>
        )}
      </Show>
      <ReasonDialog
        open={!!lifting()}
        title={t('sanction.liftTitle')}
        confirmLabel={t('sanction.liftConfirm')}
        idPrefix="sanction-lift"
        act={lift}
        onClose={() => setLifting(undefined)}
      />
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
          <FormActions label={t('sanction.save')} busy={busy()} danger onCancel={() => setOpen(false)} />
        </form>
      </Dialog>
    </section>
  );
}
