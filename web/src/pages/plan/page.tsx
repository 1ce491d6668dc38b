import { A, createAsync, query, revalidate } from '@solidjs/router';
import type { InferRequestType } from 'hono/client';
import { For, Show, Suspense, createSignal } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { GOAL_HORIZONS, GOAL_STATUSES, type GoalHorizon, type GoalStatus, PLAN_LIMITS } from '../../../../shared/plan-schemas';
import { Checkbox } from '../../components/choice-group';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { useMemberName } from '../../components/member-name';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { isolate, t } from '../../i18n';
import { formatDate, formatDay } from '../../i18n/format';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId, focusSoon } from '../../lib/form';
import { getOwnPlan, getShareableMentorships, type Plan } from './data';

type PlanBody = InferRequestType<typeof api.plan.$put>['json'];

type Action = { id?: string; text: string; due: string; done: boolean };
type Goal = {
  id?: string;
  horizon: GoalHorizon;
  title: string;
  status: GoalStatus;
  notes: string;
  actions: Action[];
  checkIns: Plan['goals'][number]['checkIns'];
};
type Draft = {
  vision: string;
  goals: Goal[];
  strengths: { text: string; use: string }[];
  growth: { text: string; how: string }[];
  reflections: { id?: string; at?: string; text: string }[];
  sharing: { board: boolean; mentorships: string[] };
};

const draftOf = (p: Plan): Draft => ({
  vision: p.vision,
  goals: p.goals.map((g) => ({ ...g, actions: g.actions.map((a) => ({ ...a, due: a.due ?? '' })) })),
  strengths: p.strengths.map((s) => ({ ...s })),
  growth: p.growth.map((s) => ({ ...s })),
  reflections: p.reflections.map((r) => ({ ...r })),
  sharing: { board: p.sharing?.board ?? false, mentorships: [...(p.sharing?.mentorships ?? [])] },
});

/** Every field path the form has now, in its order: the error summary lists problems in this order. */
function pathsOf(d: Draft): string[] {
  return [
    'vision',
    'goals',
    ...d.goals.flatMap((g, i) => [
      `goals.${i}.title`,
      `goals.${i}.status`,
      ...g.actions.flatMap((_, j) => [`goals.${i}.actions.${j}.text`, `goals.${i}.actions.${j}.due`]),
      `goals.${i}.notes`,
    ]),
    'strengths',
    ...d.strengths.flatMap((_, i) => [`strengths.${i}.text`, `strengths.${i}.use`]),
    'growth',
    ...d.growth.flatMap((_, i) => [`growth.${i}.text`, `growth.${i}.how`]),
    'reflections',
    ...d.reflections.map((_, i) => `reflections.${i}.text`),
    'sharing.mentorships',
  ];
}

/** One of her accepted mentorships, named by its mentor, to share the plan with. */
function ShareWithMentor(props: { mentorshipId: string; mentorId: string; checked: boolean; onChange: (on: boolean) => void }) {
  const name = useMemberName(() => props.mentorId);
  return (
    <Checkbox
      id={`share-${props.mentorshipId}`}
      label={t('plan.shareMentor', { name: isolate(name()) })}
      checked={props.checked}
      onChange={props.onChange}
    />
  );
}

/** A heading that an error summary link or a removal can move focus to. */
function SectionTitle(props: { id: string; path: string; children: string }) {
  return (
    <h2 class="section-title" id={props.id}>
      <span id={fieldId(props.path)} tabindex="-1">
        {props.children}
      </span>
    </h2>
  );
}

function PlanForm(props: { plan: Plan }) {
  const [draft, setDraft] = createStore<Draft>(draftOf(props.plan));
  const [version, setVersion] = createSignal(props.plan.version);
  const [updatedAt, setUpdatedAt] = createSignal(props.plan.updatedAt);
  const [saved, setSaved] = createSignal(false);
  const [stale, setStale] = createSignal(false);
  const fields: string[] = [];
  const errors = createFormErrors(fields);
  const { busy, run } = createBusy();
  const mentorships = createAsync(() => getShareableMentorships());

  const edit = (change: (d: Draft) => void) => {
    setSaved(false);
    setDraft(produce(change));
  };
  /** One field changed: the "saved" notice no longer holds. */
  const change = (set: () => void) => {
    setSaved(false);
    set();
  };
  /** The problems in the form's order, from the fields it has now (its lists grow and shrink). */
  const summary = () =>
    pathsOf(draft).flatMap((path) => {
      const message = errors.error(path);
      return message ? [{ id: fieldId(path), message }] : [];
    });
  const refreshPaths = () => fields.splice(0, fields.length, ...pathsOf(draft));

  const addGoal = (horizon: GoalHorizon) => {
    edit((d) => {
      d.goals.push({ horizon, title: '', status: 'not_started', notes: '', actions: [], checkIns: [] });
    });
    focusSoon(fieldId(`goals.${draft.goals.length - 1}.title`));
  };
  const removeGoal = (i: number) => {
    const horizon = draft.goals[i]?.horizon ?? 'short';
    edit((d) => {
      d.goals.splice(i, 1);
    });
    focusSoon(`add-goal-${horizon}`);
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setSaved(false);
    setStale(false);
    refreshPaths();
    const required = (path: string, text: string) => [path, text.trim() ? undefined : t('plan.required')] as const;
    const ok = errors.check(
      Object.fromEntries([
        ...draft.goals.flatMap((g, i) => [
          required(`goals.${i}.title`, g.title),
          ...g.actions.map((a, j) => required(`goals.${i}.actions.${j}.text`, a.text)),
        ]),
        ...draft.strengths.map((s, i) => required(`strengths.${i}.text`, s.text)),
        ...draft.growth.map((s, i) => required(`growth.${i}.text`, s.text)),
        ...draft.reflections.map((r, i) => required(`reflections.${i}.text`, r.text)),
      ]),
    );
    if (!ok) return;
    const body: PlanBody = {
      vision: draft.vision,
      goals: draft.goals.map((g) => ({
        ...(g.id ? { id: g.id } : {}),
        horizon: g.horizon,
        title: g.title,
        status: g.status,
        notes: g.notes,
        actions: g.actions.map((a) => ({ ...(a.id ? { id: a.id } : {}), text: a.text, done: a.done, ...(a.due ? { due: a.due } : {}) })),
      })),
      strengths: draft.strengths.map((s) => ({ text: s.text, use: s.use })),
      growth: draft.growth.map((s) => ({ text: s.text, how: s.how })),
      reflections: draft.reflections.map((r) => ({ ...(r.id ? { id: r.id } : {}), ...(r.at ? { at: r.at } : {}), text: r.text })),
      sharing: { board: draft.sharing.board, mentorships: [...draft.sharing.mentorships] },
      version: version(),
    };
    await run(
      async () => {
        const next = await unwrap(api.plan.$put({ json: body }));
        // The cached plan is now this one (the print view reads it), without re-creating this form.
        query.set(getOwnPlan.keyFor(), next);
        setDraft(draftOf(next));
        setVersion(next.version);
        setUpdatedAt(next.updatedAt);
        setSaved(true);
      },
      (err) => {
        if (isStatus(err, 409)) setStale(true);
        else errors.fromError(err);
      },
    );
  };

  const reload = async () => {
    await revalidate(getOwnPlan.key);
    document.querySelector<HTMLElement>('.page-title')?.focus();
  };

  const toggleShare = (id: string, on: boolean) =>
    change(() => setDraft('sharing', 'mentorships', (list) => (on ? [...list.filter((m) => m !== id), id] : list.filter((m) => m !== id))));

  return (
    <>
      <ErrorSummary items={summary()} general={errors.general()} />
      <form class="form plan-form" onSubmit={submit} novalidate>
        <section class="plan-vision">
          <Field
            id={fieldId('vision')}
            label={t('plan.vision')}
            hint={t('plan.visionHint')}
            multiline
            rows={4}
            dir="auto"
            maxLength={PLAN_LIMITS.vision}
            value={draft.vision}
            onInput={(v) => change(() => setDraft('vision', v))}
            error={errors.error('vision')}
          />
        </section>

        <section aria-labelledby="plan-goals-title">
          <SectionTitle id="plan-goals-title" path="goals">
            {t('plan.goals')}
          </SectionTitle>
          <Show when={errors.error('goals')}>
            <p class="field__error">{errors.error('goals')}</p>
          </Show>
          <For each={GOAL_HORIZONS}>
            {(h) => (
              <div class="plan-horizon">
                <h3 class="subsection-title">{t('plan.horizon', { horizon: h })}</h3>
                <p class="muted">{t('plan.horizonHint', { horizon: h })}</p>
                <For each={draft.goals}>
                  {(g, i) => (
                    <Show when={g.horizon === h}>
                      <fieldset class="plan-item">
                        <legend class="plan-item__legend">
                          {t('plan.goalLegend', { horizon: h, n: draft.goals.slice(0, i() + 1).filter((x) => x.horizon === h).length })}
                        </legend>
                        <Field
                          id={fieldId(`goals.${i()}.title`)}
                          label={t('plan.goalTitle')}
                          dir="auto"
                          maxLength={PLAN_LIMITS.title}
                          value={g.title}
                          onInput={(v) => change(() => setDraft('goals', i(), 'title', v))}
                          error={errors.error(`goals.${i()}.title`)}
                        />
                        <Select
                          id={fieldId(`goals.${i()}.status`)}
                          label={t('plan.status')}
                          value={g.status}
                          options={GOAL_STATUSES.map((s) => ({ value: s, label: t('plan.statusValue', { status: s }) }))}
                          onChange={(v) => change(() => setDraft('goals', i(), 'status', v as GoalStatus))}
                          error={errors.error(`goals.${i()}.status`)}
                        />
                        <fieldset class="plan-actions-group">
                          <legend class="field__label">{t('plan.actions')}</legend>
                          <For each={g.actions}>
                            {(a, j) => (
                              <div class="plan-action">
                                <Field
                                  id={fieldId(`goals.${i()}.actions.${j()}.text`)}
                                  label={t('plan.actionText', { n: j() + 1 })}
                                  dir="auto"
                                  maxLength={PLAN_LIMITS.actionText}
                                  value={a.text}
                                  onInput={(v) => change(() => setDraft('goals', i(), 'actions', j(), 'text', v))}
                                  error={errors.error(`goals.${i()}.actions.${j()}.text`)}
                                />
                                <div class="plan-action__row">
                                  <Field
                                    id={fieldId(`goals.${i()}.actions.${j()}.due`)}
                                    type="date"
                                    optional
                                    label={t('plan.actionDue')}
                                    value={a.due}
                                    onInput={(v) => change(() => setDraft('goals', i(), 'actions', j(), 'due', v))}
                                    error={errors.error(`goals.${i()}.actions.${j()}.due`)}
                                  />
                                  <Checkbox
                                    id={`${fieldId(`goals.${i()}.actions.${j()}.done`)}`}
                                    label={t('plan.actionDone')}
                                    checked={a.done}
                                    onChange={(on) => change(() => setDraft('goals', i(), 'actions', j(), 'done', on))}
                                  />
                                </div>
                                <button
                                  type="button"
                                  class="button button--secondary button--small"
                                  onClick={() => {
                                    edit((d) => void (d.goals[i()] as Goal).actions.splice(j(), 1));
                                    focusSoon(`add-action-${i()}`);
                                  }}
                                >
                                  {t('plan.removeAction', { n: j() + 1 })}
                                </button>
                              </div>
                            )}
                          </For>
                          <Show when={g.actions.length < PLAN_LIMITS.actions}>
                            <button
                              type="button"
                              id={`add-action-${i()}`}
                              class="button button--secondary button--small"
                              onClick={() => {
                                edit((d) => void (d.goals[i()] as Goal).actions.push({ text: '', due: '', done: false }));
                                focusSoon(fieldId(`goals.${i()}.actions.${g.actions.length - 1}.text`));
                              }}
                            >
                              {t('plan.addAction')}
                            </button>
                          </Show>
                        </fieldset>
                        <Field
                          id={fieldId(`goals.${i()}.notes`)}
                          label={t('plan.notes')}
                          optional
                          multiline
                          rows={3}
                          dir="auto"
                          maxLength={PLAN_LIMITS.notes}
                          value={g.notes}
                          onInput={(v) => change(() => setDraft('goals', i(), 'notes', v))}
                          error={errors.error(`goals.${i()}.notes`)}
                        />
                        <Show when={g.checkIns.length > 0}>
                          <h4 class="plan-goal__checkins">{t('plan.checkIns')}</h4>
                          <ul class="plan-actions">
                            <For each={g.checkIns}>
                              {(c) => (
                                <li>
                                  <A href={`/mentorships/${c.mentorshipId}`}>{formatDay(c.date)}</A>: <span dir="auto">{c.summary}</span>
                                </li>
                              )}
                            </For>
                          </ul>
                        </Show>
                        <button type="button" class="button button--secondary button--small" onClick={() => removeGoal(i())}>
                          {t('plan.removeGoal')}
                        </button>
                      </fieldset>
                    </Show>
                  )}
                </For>
                <Show when={draft.goals.length < PLAN_LIMITS.goals}>
                  <button type="button" id={`add-goal-${h}`} class="button button--secondary" onClick={() => addGoal(h)}>
                    {t('plan.addGoal', { horizon: h })}
                  </button>
                </Show>
              </div>
            )}
          </For>
        </section>

        <For each={['strengths', 'growth'] as const}>
          {(kind) => {
            const list = () => draft[kind];
            const howKey = kind === 'strengths' ? 'use' : 'how';
            return (
              <section aria-labelledby={`plan-${kind}-title`}>
                <SectionTitle id={`plan-${kind}-title`} path={kind}>
                  {t(kind === 'strengths' ? 'plan.strengths' : 'plan.growth')}
                </SectionTitle>
                <p class="muted">{t(kind === 'strengths' ? 'plan.strengthsHint' : 'plan.growthHint')}</p>
                <Show when={errors.error(kind)}>
                  <p class="field__error">{errors.error(kind)}</p>
                </Show>
                <For each={list()}>
                  {(item, i) => (
                    <fieldset class="plan-item">
                      <legend class="plan-item__legend">{t('plan.itemLegend', { kind, n: i() + 1 })}</legend>
                      <Field
                        id={fieldId(`${kind}.${i()}.text`)}
                        label={t(kind === 'strengths' ? 'plan.strengthText' : 'plan.growthText')}
                        dir="auto"
                        maxLength={PLAN_LIMITS.itemText}
                        value={item.text}
                        onInput={(v) =>
                          change(() => (kind === 'strengths' ? setDraft('strengths', i(), 'text', v) : setDraft('growth', i(), 'text', v)))
                        }
                        error={errors.error(`${kind}.${i()}.text`)}
                      />
                      <Field
                        id={fieldId(`${kind}.${i()}.${howKey}`)}
                        label={t(kind === 'strengths' ? 'plan.strengthUse' : 'plan.growthHow')}
                        optional
                        multiline
                        rows={2}
                        dir="auto"
                        maxLength={PLAN_LIMITS.itemHow}
                        value={'use' in item ? item.use : item.how}
                        onInput={(v) =>
                          change(() => (kind === 'strengths' ? setDraft('strengths', i(), 'use', v) : setDraft('growth', i(), 'how', v)))
                        }
                        error={errors.error(`${kind}.${i()}.${howKey}`)}
                      />
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        onClick={() => {
                          edit((d) => void d[kind].splice(i(), 1));
                          focusSoon(`add-${kind}`);
                        }}
                      >
                        {t('plan.removeItem', { kind, n: i() + 1 })}
                      </button>
                    </fieldset>
                  )}
                </For>
                <Show when={list().length < PLAN_LIMITS.items}>
                  <button
                    type="button"
                    id={`add-${kind}`}
                    class="button button--secondary"
                    onClick={() => {
                      edit((d) => {
                        if (kind === 'strengths') d.strengths.push({ text: '', use: '' });
                        else d.growth.push({ text: '', how: '' });
                      });
                      focusSoon(fieldId(`${kind}.${list().length - 1}.text`));
                    }}
                  >
                    {t('plan.addItem', { kind })}
                  </button>
                </Show>
              </section>
            );
          }}
        </For>

        <section aria-labelledby="plan-reflections-title">
          <SectionTitle id="plan-reflections-title" path="reflections">
            {t('plan.reflections')}
          </SectionTitle>
          <p class="muted">{t('plan.reflectionsHint')}</p>
          <For each={draft.reflections}>
            {(r, i) => (
              <div class="plan-item">
                <Field
                  id={fieldId(`reflections.${i()}.text`)}
                  label={r.at ? t('plan.reflectionOf', { date: formatDate(r.at) }) : t('plan.newReflection')}
                  multiline
                  rows={3}
                  dir="auto"
                  maxLength={PLAN_LIMITS.reflectionText}
                  value={r.text}
                  onInput={(v) => change(() => setDraft('reflections', i(), 'text', v))}
                  error={errors.error(`reflections.${i()}.text`)}
                />
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => {
                    edit((d) => void d.reflections.splice(i(), 1));
                    focusSoon('add-reflection');
                  }}
                >
                  {t('plan.removeReflection')}
                </button>
              </div>
            )}
          </For>
          <Show when={draft.reflections.length < PLAN_LIMITS.reflections}>
            <button
              type="button"
              id="add-reflection"
              class="button button--secondary"
              onClick={() => {
                edit((d) => void d.reflections.push({ text: '' }));
                focusSoon(fieldId(`reflections.${draft.reflections.length - 1}.text`));
              }}
            >
              {t('plan.addReflection')}
            </button>
          </Show>
        </section>

        <section aria-labelledby="plan-sharing-title">
          <SectionTitle id="plan-sharing-title" path="sharing">
            {t('plan.sharing')}
          </SectionTitle>
          <p>{t('plan.privateByDefault')}</p>
          <div id={fieldId('sharing.mentorships')} tabindex="-1">
            <Show when={errors.error('sharing.mentorships')}>
              <p class="field__error">{errors.error('sharing.mentorships')}</p>
            </Show>
            <Checkbox
              id="share-board"
              label={t('plan.shareBoard')}
              hint={t('plan.shareBoardHint')}
              checked={draft.sharing.board}
              onChange={(on) => change(() => setDraft('sharing', 'board', on))}
            />
            <Suspense fallback={<Loading />}>
              <Show when={mentorships()?.items.length} fallback={<p class="muted">{t('plan.noMentors')}</p>}>
                <For each={mentorships()?.items}>
                  {(m) => (
                    <ShareWithMentor
                      mentorshipId={m.id}
                      mentorId={m.mentorId}
                      checked={draft.sharing.mentorships.includes(m.id)}
                      onChange={(on) => toggleShare(m.id, on)}
                    />
                  )}
                </For>
                <p class="muted">{t('plan.shareMentorHint')}</p>
              </Show>
            </Suspense>
          </div>
        </section>

        <Show when={stale()}>
          <Notice tone="warning" live>
            <p>{t('plan.stale')}</p>
            <button type="button" class="button button--secondary" onClick={reload}>
              {t('plan.reload')}
            </button>
          </Notice>
        </Show>
        <Show when={saved()}>
          <Notice tone="success" live>
            <p>{t('plan.saved')}</p>
          </Notice>
        </Show>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('plan.saving') : t('plan.save')}
          </button>
          <Show when={updatedAt()}>{(at) => <p class="muted">{t('plan.lastSaved', { date: formatDate(at()) })}</p>}</Show>
        </div>
      </form>
    </>
  );
}

export default function PlanPage() {
  const plan = createAsync(() => getOwnPlan());
  return (
    <div class="narrow">
      <PageHeading>{t('plan.title')}</PageHeading>
      <p class="lead">{t('plan.intro')}</p>
      <p>
        <A href="/plan/print">{t('plan.printLink')}</A>
      </p>
      <Suspense fallback={<Loading />}>
        <Show when={plan()} keyed>
          {(p) => <PlanForm plan={p} />}
        </Show>
      </Suspense>
    </div>
  );
}
