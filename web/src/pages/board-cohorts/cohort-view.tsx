import { A, createAsync, revalidate } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { createEffect, createMemo, createSignal, For, on, Show, Suspense } from 'solid-js';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Loading } from '../../components/loading';
import { MemberName } from '../../components/member-name';
import { Notice } from '../../components/notice';
import { isolate, t } from '../../i18n';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, detailMessage, generalMessage } from '../../lib/form';
import { reasonText } from '../../lib/match-reasons';
import { mentorshipProblem } from '../../lib/mentorship';
import { getMember } from '../member/data';
import { getCohort } from './data';

type Cohort = InferResponseType<(typeof api.board.cohorts)[':id']['$get'], 200>;

const selectId = (menteeId: string) => `pair-${menteeId}`;

export function CohortView(props: { cohort: Cohort }) {
  const c = () => props.cohort;
  const draft = () => c().state === 'draft';
  // Names for the selects and the sentences; the board may see every member.
  const names = createAsync(async () => {
    const ids = [...new Set([...c().menteeIds, ...c().mentorIds])];
    const profiles = await Promise.all(ids.map((id) => getMember(id).catch(() => null)));
    return new Map(ids.map((id, i) => [id, profiles[i]?.displayName ?? t('mentorship.unavailable')]));
  });
  const nameOf = (id: string) => names()?.get(id) ?? id;
  const saved = createMemo(() => new Map(c().pairs.map((p) => [p.menteeId, p])));
  const [choice, setChoice] = createSignal<Record<string, string>>({});
  createEffect(on(c, (cohort) => setChoice(Object.fromEntries(cohort.menteeIds.map((id) => [id, saved().get(id)?.mentorId ?? ''])))));
  const changed = (menteeId: string) => (choice()[menteeId] ?? '') !== (saved().get(menteeId)?.mentorId ?? '');
  const dirty = () => c().menteeIds.some(changed);
  const [rowErrors, setRowErrors] = createSignal<Record<string, string>>({});
  const [general, setGeneral] = createSignal<string>();
  const [stale, setStale] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  const { busy, run } = createBusy();
  const [publishing, setPublishing] = createSignal(false);

  const save = async () => {
    if (busy() || !dirty()) return;
    setRowErrors({});
    setGeneral(undefined);
    setStale(false);
    setNotice(undefined);
    const rows = c().menteeIds.filter((id) => choice()[id]);
    await run(
      async () => {
        await unwrap(
          api.board.cohorts[':id'].$put({
            param: { id: c().id },
            json: { pairs: rows.map((menteeId) => ({ menteeId, mentorId: choice()[menteeId] as string })), version: c().version },
          }),
        );
        setNotice(t('cohorts.saved'));
        await revalidate(getCohort.keyFor(c().id));
      },
      (e) => {
        if (isStatus(e, 400) && e.details.length) {
          // `pairs.3` is the fourth pair sent: the row of that mentee.
          const byRow: Record<string, string> = {};
          const rest: string[] = [];
          for (const d of e.details) {
            const index = /^pairs\.(\d+)/.exec(d.path)?.[1];
            const menteeId = index === undefined ? undefined : rows[Number(index)];
            if (menteeId) byRow[menteeId] ??= detailMessage(d);
            else rest.push(detailMessage(d));
          }
          setRowErrors(byRow);
          if (rest.length) setGeneral(rest.join(' '));
        } else if (isStatus(e, 409)) {
          setStale(true);
          setGeneral(mentorshipProblem(e));
        } else setGeneral(generalMessage(e));
      },
    );
  };

  const publish = async () => {
    setGeneral(undefined);
    setNotice(undefined);
    await run(
      async () => {
        await unwrap(api.board.cohorts[':id'].publish.$post({ param: { id: c().id } }));
        setPublishing(false);
        await revalidate(getCohort.keyFor(c().id));
        document.querySelector<HTMLElement>('.page-title')?.focus();
      },
      (e) => {
        setPublishing(false);
        setGeneral(mentorshipProblem(e));
        if (isStatus(e, 409)) setStale(true);
      },
    );
  };

  const reload = async () => {
    setStale(false);
    setGeneral(undefined);
    await revalidate(getCohort.keyFor(c().id));
  };

  const summary = () =>
    Object.entries(rowErrors()).map(([menteeId, message]) => ({ id: selectId(menteeId), message: `${nameOf(menteeId)}: ${message}` }));
  const mentorOptions = () => c().mentorIds.map((id) => ({ value: id, label: nameOf(id) }));
  const created = () => c().published?.created.length ?? 0;

  return (
    <Suspense fallback={<Loading />}>
      <Show when={names()}>
        <section aria-labelledby="cohort-title">
          <h2 class="section-title" id="cohort-title">
            {draft() ? t('cohorts.draftTitle') : t('cohorts.publishedTitle')}
          </h2>
          <Show when={c().published}>
            {(p) => (
              <Notice tone="success">
                <p>{t('cohorts.created', { count: created() })}</p>
                <Show when={p().skipped.length}>
                  <h3 class="notice__title">{t('cohorts.skippedTitle')}</h3>
                  <ul>
                    <For each={p().skipped}>
                      {(s) => (
                        <li>
                          {t('cohorts.skipped', {
                            mentee: isolate(nameOf(s.menteeId)),
                            mentor: isolate(nameOf(s.mentorId)),
                            reason: s.reason.replace(/_/g, ' '),
                          })}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </Notice>
            )}
          </Show>
          <p class="cohort-summary">
            <strong>{t('cohorts.totalScore', { score: Math.round(c().totalScore) })}</strong> ·{' '}
            {t('cohorts.summary', { pairs: c().pairs.length, unassigned: c().unassigned.length })}
          </p>
          <div role="status" class="live">
            <Show when={notice()}>
              <Notice tone="success">
                <p>{notice()}</p>
              </Notice>
            </Show>
          </div>
          <ErrorSummary items={summary()} general={general()} />
          <Show when={stale()}>
            <div class="actions">
              <button type="button" class="button button--secondary" onClick={reload}>
                {t('profile.reload')}
              </button>
            </div>
          </Show>
          {/*
            Focusable, so that keyboard users can scroll it on a middle-sized screen. On a phone its
            rows stack into cards, each value under its column's name (read out with it, where a
            browser no longer treats the stacked rows as a table).
          */}
          <section class="table-wrap" aria-labelledby="pairs-caption" tabindex="0">
            <table class="table table--stack">
              <caption id="pairs-caption">{t('cohorts.pairsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cohorts.colMentee')}</th>
                  <th scope="col">{t('cohorts.colMentor')}</th>
                  <th scope="col">{t('cohorts.colScore')}</th>
                  <th scope="col">{t('cohorts.colReasons')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={c().menteeIds}>
                  {(menteeId) => {
                    const pair = () => saved().get(menteeId);
                    const error = () => rowErrors()[menteeId];
                    const errorId = () => `${selectId(menteeId)}-error`;
                    return (
                      <tr classList={{ 'row--error': !!error() }}>
                        <th scope="row">
                          <MemberName id={menteeId} link />
                        </th>
                        <td data-label={t('cohorts.colMentor')}>
                          <Show
                            when={draft()}
                            fallback={
                              <Show when={pair()} fallback={<span class="muted">{t('cohorts.noMentor')}</span>}>
                                {(p) => <MemberName id={p().mentorId} link />}
                              </Show>
                            }
                          >
                            <Show when={error()}>
                              <p class="field__error" id={errorId()}>
                                {error()}
                              </p>
                            </Show>
                            <select
                              id={selectId(menteeId)}
                              class="input select select--compact"
                              aria-label={t('cohorts.mentorFor', { name: isolate(nameOf(menteeId)) })}
                              aria-invalid={error() ? 'true' : undefined}
                              aria-describedby={
                                [error() ? errorId() : '', changed(menteeId) ? `${selectId(menteeId)}-changed` : '']
                                  .filter(Boolean)
                                  .join(' ') || undefined
                              }
                              onChange={(e) => setChoice((ch) => ({ ...ch, [menteeId]: e.currentTarget.value }))}
                            >
                              <option value="" selected={!choice()[menteeId]}>
                                {t('cohorts.noMentor')}
                              </option>
                              <For each={mentorOptions()}>
                                {(o) => (
                                  <option value={o.value} selected={choice()[menteeId] === o.value}>
                                    {o.label}
                                  </option>
                                )}
                              </For>
                            </select>
                            <Show when={changed(menteeId)}>
                              <p class="table__note" id={`${selectId(menteeId)}-changed`}>
                                {t('cohorts.changed')}
                              </p>
                            </Show>
                          </Show>
                        </td>
                        <td class="table__number" data-label={t('cohorts.colScore')}>
                          {pair() && !changed(menteeId) ? Math.round(pair()?.score ?? 0) : '–'}
                        </td>
                        <td data-label={t('cohorts.colReasons')}>
                          <Show when={!changed(menteeId) && pair()}>
                            {(p) => (
                              <ul class="reasons reasons--compact">
                                <For each={p().reasons}>{(r) => <li>{reasonText(r, 'board')}</li>}</For>
                              </ul>
                            )}
                          </Show>
                        </td>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            </table>
          </section>
          <h3 class="subsection-title">{t('cohorts.unassignedTitle')}</h3>
          <Show when={c().unassigned.length > 0} fallback={<p class="muted">{t('cohorts.unassignedNone')}</p>}>
            <ul class="unassigned">
              <For each={c().unassigned}>
                {(u) => (
                  <li>
                    <MemberName id={u.menteeId} link />: {u.reason}
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={draft()}>
            <div class="actions">
              <button type="button" class="button button--secondary" aria-disabled={busy() || !dirty() ? 'true' : undefined} onClick={save}>
                {busy() && !publishing() ? t('cohorts.saving') : t('cohorts.save')}
              </button>
              <button
                type="button"
                class="button"
                aria-haspopup="dialog"
                onClick={() => {
                  if (dirty()) setGeneral(t('cohorts.unsaved'));
                  else setPublishing(true);
                }}
              >
                {t('cohorts.publish')}
              </button>
            </div>
          </Show>
          <p>
            <A href="/board/cohorts">{t('cohorts.new')}</A>
          </p>
        </section>
        <ConfirmDialog
          open={publishing()}
          title={t('cohorts.publishTitle')}
          confirmLabel={busy() ? t('cohorts.publishing') : t('cohorts.publish')}
          busy={busy()}
          onConfirm={() => void publish()}
          onClose={() => setPublishing(false)}
        >
          <p>{t('cohorts.publishBody')}</p>
          <p>{t('cohorts.publishCount', { count: c().pairs.length })}</p>
        </ConfirmDialog>
      </Show>
    </Suspense>
  );
}
