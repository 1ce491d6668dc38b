import { createAsync } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import type { Application } from '../../../../shared/schemas';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Field } from '../../components/field';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import { countryName, expertiseName, formatDate, languageName } from '../../i18n/format';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors } from '../../lib/form';
import { createMorePages } from '../../lib/more-pages';
import { getPendingApplications } from './data';
import { FormActions } from '../../components/form-actions';

type Decided = (name: string, decision: 'approve' | 'decline' | 'gone') => void;

function ApplicationCard(props: { application: Application; onDecided: Decided }) {
  const a = () => props.application;
  const p = () => a().profile;
  const id = () => a().memberId;
  const [declining, setDeclining] = createSignal(false);
  const [confirming, setConfirming] = createSignal<'approve' | 'decline' | null>(null);
  const [reason, setReason] = createSignal('');
  const { busy, run } = createBusy();
  const errors = createFormErrors(['reason']);
  const reasonId = () => `reason-${id()}`;

  const askToDecline = () => {
    if (!errors.check({ reason: reason().trim() ? undefined : t('board.reasonRequired') })) {
      document.getElementById(reasonId())?.focus();
      return;
    }
    setConfirming('decline');
  };

  const decide = async (decision: 'approve' | 'decline') => {
    if (busy()) return;
    await run(
      async () => {
        await unwrap(
          api.board.applications[':memberId'].decision.$post({
            param: { memberId: id() },
            json: decision === 'approve' ? { decision } : { decision, reason: reason().trim() },
          }),
        );
        props.onDecided(p().displayName, decision);
      },
      (e) => {
        // Decided meanwhile by another board member: it leaves the list all the same.
        if (isStatus(e, 409)) props.onDecided(p().displayName, 'gone');
        else errors.fromError(e);
      },
    );
  };

  return (
    <li class="card application">
      <h2 class="card__title" dir="auto">
        {p().displayName}
      </h2>
      <p class="card__meta">
        {t(`kind.${p().kind}`)}
        <Show when={p().country}>{(c) => <> · {countryName(c())}</>}</Show> · {t('board.submitted', { date: formatDate(a().submittedAt) })}
      </p>
      <dl class="details">
        <Show when={p().organization}>
          <div class="details__row">
            <dt>{t('member.organization')}</dt>
            <dd dir="auto">{p().organization}</dd>
          </div>
        </Show>
        <Show when={p().jobTitle}>
          <div class="details__row">
            <dt>{t('member.jobTitle')}</dt>
            <dd dir="auto">{p().jobTitle}</dd>
          </div>
        </Show>
        <Show when={p().expertise?.length}>
          <div class="details__row">
            <dt>{t('member.expertise')}</dt>
            <dd>{(p().expertise ?? []).map(expertiseName).join(', ')}</dd>
          </div>
        </Show>
        <Show when={p().languages?.length}>
          <div class="details__row">
            <dt>{t('member.languages')}</dt>
            <dd>{(p().languages ?? []).map(languageName).join(', ')}</dd>
          </div>
        </Show>
        <div class="details__row">
          <dt>{t('board.statement')}</dt>
          <dd>
            <p class="prose quote" dir="auto">
              {a().statement}
            </p>
          </dd>
        </div>
      </dl>
      <Show when={errors.general()}>
        <p class="field__error" role="alert">
          {errors.general()}
        </p>
      </Show>
      <Show
        when={declining()}
        fallback={
          <div class="actions">
            <button
              type="button"
              class="button"
              aria-label={t('board.approveLabel', { name: isolate(p().displayName) })}
              aria-disabled={busy() ? 'true' : undefined}
              onClick={() => setConfirming('approve')}
            >
              {t('board.approve')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              aria-label={t('board.declineLabel', { name: isolate(p().displayName) })}
              onClick={() => {
                setDeclining(true);
                document.getElementById(reasonId())?.focus();
              }}
            >
              {t('board.decline')}
            </button>
          </div>
        }
      >
        <form
          class="form decline-form"
          novalidate
          onSubmit={(e) => {
            e.preventDefault();
            askToDecline();
          }}
        >
          <Field
            id={reasonId()}
            label={t('board.reason')}
            hint={t('board.reasonHint')}
            multiline
            rows={3}
            dir="auto"
            maxLength={1000}
            value={reason()}
            onInput={setReason}
            error={errors.error('reason')}
          />
          <FormActions label={t('board.confirmDecline')} busy={busy()} danger onCancel={() => setDeclining(false)} />
        </form>
      </Show>
      <ConfirmDialog
        open={confirming() !== null}
        title={t(confirming() === 'decline' ? 'board.declineConfirmTitle' : 'board.approveConfirmTitle', {
          name: isolate(p().displayName),
        })}
        confirmLabel={t(confirming() === 'decline' ? 'board.confirmDecline' : 'board.approve')}
        danger={confirming() === 'decline'}
        busy={busy()}
        onConfirm={() => {
          const decision = confirming();
          setConfirming(null);
          if (decision) void decide(decision);
        }}
        onClose={() => setConfirming(null)}
      >
        <Show when={confirming() === 'decline'} fallback={<p>{t('board.approveConfirmBody', { kind: p().kind })}</p>}>
          <p>{t('board.declineConfirmBody')}</p>
          <p class="prose quote" dir="auto">
            {reason().trim()}
          </p>
        </Show>
      </ConfirmDialog>
    </li>
  );
}

export default function ApplicationsPage() {
  const first = createAsync(() => getPendingApplications());
  const more = createMorePages(first, (cursor) => getPendingApplications(cursor));
  const [decided, setDecided] = createSignal<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = createSignal('');
  const open = () => [...(first()?.items ?? []), ...more.items()].filter((a) => !decided().has(a.memberId));

  const onDecided = (memberId: string) => (name: string, decision: 'approve' | 'decline' | 'gone') => {
    setDecided((s) => new Set([...s, memberId]));
    setAnnouncement(
      decision === 'gone'
        ? t('board.alreadyDecided')
        : t(decision === 'approve' ? 'board.approved' : 'board.declined', { name: isolate(name) }),
    );
    // Focus would otherwise be lost with the removed card: the heading is a calm place to resume.
    document.querySelector<HTMLElement>('.page-title')?.focus();
  };

  return (
    <div class="narrow">
      <PageHeading>{t('board.title')}</PageHeading>
      <p class="lead">{t('board.intro')}</p>
      <div class="live" role="status">
        <Show when={announcement()}>
          <Notice tone="success">
            <p dir="auto">{announcement()}</p>
          </Notice>
        </Show>
      </div>
      <Suspense fallback={<Loading />}>
        <Show when={first()}>
          <Show when={open().length > 0} fallback={<p>{t('board.empty')}</p>}>
            <ul class="cards cards--single">
              <For each={open()}>{(a) => <ApplicationCard application={a} onDecided={onDecided(a.memberId)} />}</For>
            </ul>
          </Show>
          <LoadMore more={more} />
        </Show>
      </Suspense>
    </div>
  );
}
