import { For, Show } from 'solid-js';
import { GOAL_HORIZONS } from '../../../../shared/plan-schemas';
import { t } from '../../i18n';
import { formatDate, formatDay } from '../../i18n/format';
import type { Plan } from './data';

/**
 * A plan to read: her mentor's and the board's view, and her print view (`own`: headings in her words, "My goals"). Headings in order (the
 * page's h1 is the caller's), every text she wrote isolated in its own direction (`dir="auto"`).
 */
export function PlanView(props: { plan: Plan; own?: boolean }) {
  const goalsOf = (h: (typeof GOAL_HORIZONS)[number]) => props.plan.goals.filter((g) => g.horizon === h);
  return (
    <div class="plan-view">
      <section aria-labelledby="pv-vision">
        <h2 class="section-title" id="pv-vision">
          {props.own ? t('plan.vision') : t('plan.readVision')}
        </h2>
        <Show when={props.plan.vision} fallback={<p class="muted">{t('plan.nothingYet')}</p>}>
          <p class="prose" dir="auto">
            {props.plan.vision}
          </p>
        </Show>
      </section>
      <section aria-labelledby="pv-goals">
        <h2 class="section-title" id="pv-goals">
          {props.own ? t('plan.goals') : t('plan.readGoals')}
        </h2>
        <For each={GOAL_HORIZONS}>
          {(h) => (
            <>
              <h3 class="subsection-title">{t('plan.horizon', { horizon: h })}</h3>
              <Show when={goalsOf(h).length > 0} fallback={<p class="muted">{t('plan.noGoals')}</p>}>
                <ul class="plain-list plan-goals">
                  <For each={goalsOf(h)}>
                    {(g) => (
                      <li class="plan-goal">
                        <h4 class="plan-goal__title" dir="auto">
                          {g.title}
                        </h4>
                        <p class={`badge badge--goal-${g.status}`}>{t('plan.statusValue', { status: g.status })}</p>
                        <Show when={g.actions.length > 0}>
                          <ul class="plan-actions">
                            <For each={g.actions}>
                              {(a) => (
                                <li>
                                  <span dir="auto">{a.text}</span>
                                  <Show when={a.due}>
                                    {(due) => <span class="muted"> · {t('plan.dueOn', { date: formatDay(due()) })}</span>}
                                  </Show>
                                  <span class="muted"> · {a.done ? t('plan.actionDone') : t('plan.actionOpen')}</span>
                                </li>
                              )}
                            </For>
                          </ul>
                        </Show>
                        <Show when={g.notes}>
                          <p class="prose" dir="auto">
                            {g.notes}
                          </p>
                        </Show>
                        <Show when={g.checkIns.length > 0}>
                          <h5 class="plan-goal__checkins">{t('plan.checkIns')}</h5>
                          <ul class="plan-actions">
                            <For each={g.checkIns}>
                              {(c) => (
                                <li>
                                  <strong>{formatDay(c.date)}</strong>: <span dir="auto">{c.summary}</span>
                                </li>
                              )}
                            </For>
                          </ul>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </For>
      </section>
      <section aria-labelledby="pv-strengths">
        <h2 class="section-title" id="pv-strengths">
          {props.own ? t('plan.strengths') : t('plan.readStrengths')}
        </h2>
        <Show when={props.plan.strengths.length > 0} fallback={<p class="muted">{t('plan.nothingYet')}</p>}>
          <dl class="details">
            <For each={props.plan.strengths}>
              {(s) => (
                <div class="details__row">
                  <dt dir="auto">{s.text}</dt>
                  <dd dir="auto">{s.use}</dd>
                </div>
              )}
            </For>
          </dl>
        </Show>
      </section>
      <section aria-labelledby="pv-growth">
        <h2 class="section-title" id="pv-growth">
          {t('plan.growth')}
        </h2>
        <Show when={props.plan.growth.length > 0} fallback={<p class="muted">{t('plan.nothingYet')}</p>}>
          <dl class="details">
            <For each={props.plan.growth}>
              {(s) => (
                <div class="details__row">
                  <dt dir="auto">{s.text}</dt>
                  <dd dir="auto">{s.how}</dd>
                </div>
              )}
            </For>
          </dl>
        </Show>
      </section>
      <section aria-labelledby="pv-reflections">
        <h2 class="section-title" id="pv-reflections">
          {t('plan.reflections')}
        </h2>
        <Show when={props.plan.reflections.length > 0} fallback={<p class="muted">{t('plan.nothingYet')}</p>}>
          <ul class="plain-list">
            <For each={props.plan.reflections}>
              {(r) => (
                <li class="plan-reflection">
                  <h3 class="subsection-title">{formatDate(r.at)}</h3>
                  <p class="prose" dir="auto">
                    {r.text}
                  </p>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
}
