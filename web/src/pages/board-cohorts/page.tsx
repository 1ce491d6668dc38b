import { A, createAsync, revalidate, useSearchParams } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { createEffect, createMemo, createSignal, For, on, Show, Suspense } from 'solid-js';
import type { Profile } from '../../../../shared/schemas';
import { Checkbox, CheckboxGroup } from '../../components/choice-group';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary } from '../../components/error-summary';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { MemberName } from '../../components/member-name';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { isolate, t } from '../../i18n';
import { countryName } from '../../i18n/format';
import { api, isStatus, unwrap } from '../../lib/api';
import { createFormErrors, generalMessage } from '../../lib/form';
import { reasonText } from '../../lib/match-reasons';
import { mentorshipProblem } from '../../lib/mentorship';
import { createMorePages } from '../../lib/more-pages';
import { asKind, KINDS } from '../../lib/reference';
import { getMember } from '../member/data';
import { cohortIdFrom, getCandidates, getCohort } from './data';

type Cohort = InferResponseType<(typeof api.board.cohorts)[':id']['$get'], 200>;
type Role = 'mentee' | 'mentor';

/** Does this member fit the role, by what she set in her profile? */
const fits = (p: Profile, role: Role) =>
  role === 'mentee' ? !!p.mentoring?.seeking.active : !!p.mentoring?.offering.active && p.mentoring.offering.capacity > 0;

/** One list of members to pick, with its own filters and its own "Load more". */
function MemberPicker(props: { side: Role; selected: readonly string[]; onChange: (ids: string[]) => void; error?: string }) {
  const [kind, setKind] = createSignal('');
  const [onlyFitting, setOnlyFitting] = createSignal(true);
  const first = createAsync(() => getCandidates(asKind(kind())));
  const more = createMorePages(
    first,
    (cursor) => getCandidates(asKind(kind()), cursor),
    () => kind(),
  );
  // Applicants still waiting for the board are listed to her too; only active members can be paired.
  const shown = () =>
    [...(first()?.items ?? []), ...more.items()].filter(
      (p) => (p.status ?? 'active') === 'active' && (!onlyFitting() || fits(p, props.side)),
    );
  const choices = () =>
    shown().map((p) => ({
      value: p.id,
      label: p.displayName,
      hint: [
        t(`kind.${p.kind}`),
        p.country ? countryName(p.country) : '',
        props.side === 'mentee'
          ? p.mentoring?.seeking.active
            ? t('cohorts.seeking')
            : ''
          : p.mentoring?.offering.active
            ? t('cohorts.offering', { count: p.mentoring.offering.capacity })
            : '',
      ]
        .filter(Boolean)
        .join(' · '),
    }));

  const id = () => `pick-${props.side}s`;
  const title = () => t(props.side === 'mentee' ? 'cohorts.mentees' : 'cohorts.mentors');
  return (
    <section class="picker" aria-labelledby={`${id()}-title`}>
      <h2 class="section-title" id={`${id()}-title`}>
        {title()} <span class="picker__count">{t('cohorts.selectedCount', { count: props.selected.length })}</span>
      </h2>
      <div class="picker__filters">
        <Select
          id={`${id()}-kind`}
          compact
          label={t('cohorts.kind')}
          placeholder={t('directory.any')}
          options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          value={kind()}
          onChange={setKind}
        />
        <Checkbox
          id={`${id()}-fitting`}
          label={t(props.side === 'mentee' ? 'cohorts.onlySeeking' : 'cohorts.onlyOffering')}
          checked={onlyFitting()}
          onChange={setOnlyFitting}
        />
      </div>
      <Suspense fallback={<Loading />}>
        <Show when={first()}>
          <Show when={choices().length > 0} fallback={<p class="muted">{t('cohorts.noneListed')}</p>}>
            <div class="picker__list">
              <CheckboxGroup
                id={id()}
                legend={title()}
                choices={choices()}
                values={props.selected.filter((s) => choices().some((c) => c.value === s))}
                // Members picked under another filter stay picked.
                onChange={(vals) => {
                  const visible = new Set(choices().map((c) => c.value));
                  props.onChange([...props.selected.filter((s) => !visible.has(s)), ...vals]);
                }}
                error={props.error}
              />
            </div>
          </Show>
          <LoadMore more={more} compact />
        </Show>
      </Suspense>
    </section>
  );
}

function CohortPicker(props: { onDrafted: (id: string) => void }) {
  const [mentees, setMentees] = createSignal<string[]>([]);
  const [mentors, setMentors] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);
  const errors = createFormErrors(['menteeIds', 'mentorIds']);

  const draft = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const ok = errors.check({
      menteeIds: mentees().length ? undefined : t('cohorts.pickMentees'),
      mentorIds: mentors().length ? undefined : t('cohorts.pickMentors'),
    });
    if (!ok) return;
    setBusy(true);
    try {
      const cohort = await unwrap(api.board.cohorts.$post({ json: { menteeIds: mentees(), mentorIds: mentors() } }));
      props.onDrafted(cohort.id);
    } catch (err) {
      errors.fromError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary
        items={[
          ...(errors.error('menteeIds') ? [{ id: 'pick-mentees', message: errors.error('menteeIds') as string }] : []),
          ...(errors.error('mentorIds') ? [{ id: 'pick-mentors', message: errors.error('mentorIds') as string }] : []),
        ]}
        general={errors.general()}
      />
      <form class="form" novalidate onSubmit={draft}>
        <div class="pickers">
          <MemberPicker side="mentee" selected={mentees()} onChange={setMentees} error={errors.error('menteeIds')} />
          <MemberPicker side="mentor" selected={mentors()} onChange={setMentors} error={errors.error('mentorIds')} />
        </div>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('cohorts.drafting') : t('cohorts.draft')}
          </button>
        </div>
      </form>
    </>
  );
}

const selectId = (menteeId: string) => `pair-${menteeId}`;

function CohortView(props: { cohort: Cohort }) {
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
  const [busy, setBusy] = createSignal(false);
  const [publishing, setPublishing] = createSignal(false);

  const save = async () => {
    if (busy() || !dirty()) return;
    setBusy(true);
    setRowErrors({});
    setGeneral(undefined);
    setStale(false);
    setNotice(undefined);
    const rows = c().menteeIds.filter((id) => choice()[id]);
    try {
      await unwrap(
        api.board.cohorts[':id'].$put({
          param: { id: c().id },
          json: { pairs: rows.map((menteeId) => ({ menteeId, mentorId: choice()[menteeId] as string })), version: c().version },
        }),
      );
      setNotice(t('cohorts.saved'));
      await revalidate(getCohort.keyFor(c().id));
    } catch (e) {
      if (isStatus(e, 400) && e.details.length) {
        // `pairs.3` is the fourth pair sent: the row of that mentee.
        const byRow: Record<string, string> = {};
        const rest: string[] = [];
        for (const d of e.details) {
          const index = /^pairs\.(\d+)/.exec(d.path)?.[1];
          const menteeId = index === undefined ? undefined : rows[Number(index)];
          if (menteeId) byRow[menteeId] ??= d.message;
          else rest.push(d.message);
        }
        setRowErrors(byRow);
        if (rest.length) setGeneral(rest.join(' '));
      } else if (isStatus(e, 409)) {
        setStale(true);
        setGeneral(mentorshipProblem(e));
      } else setGeneral(generalMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    setBusy(true);
    setGeneral(undefined);
    setNotice(undefined);
    try {
      await unwrap(api.board.cohorts[':id'].publish.$post({ param: { id: c().id } }));
      setPublishing(false);
      await revalidate(getCohort.keyFor(c().id));
      document.querySelector<HTMLElement>('.page-title')?.focus();
    } catch (e) {
      setPublishing(false);
      setGeneral(mentorshipProblem(e));
      if (isStatus(e, 409)) setStale(true);
    } finally {
      setBusy(false);
    }
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
                <p>{created() === 1 ? t('cohorts.createdOne') : t('cohorts.created', { count: created() })}</p>
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

export default function CohortsPage() {
  const [search, setSearch] = useSearchParams();
  const cohortId = () => cohortIdFrom(search);
  const cohort = createAsync(async () => {
    const id = cohortId();
    return id ? getCohort(id) : undefined;
  });
  return (
    <div>
      <PageHeading>{t('cohorts.title')}</PageHeading>
      <p class="lead">{t('cohorts.intro')}</p>
      <p>
        <A href="/board/mentorships">{t('cohorts.overviewLink')}</A>
      </p>
      <Show when={cohortId()} fallback={<CohortPicker onDrafted={(id) => setSearch({ cohort: id })} />}>
        <Suspense fallback={<Loading />}>
          <Show when={cohort()} fallback={<Show when={cohort() === null}>{<p>{t('cohorts.notFound')}</p>}</Show>}>
            {(c) => <CohortView cohort={c()} />}
          </Show>
        </Suspense>
      </Show>
    </div>
  );
}
