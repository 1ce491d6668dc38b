import { A, createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../../i18n';
import type { MentorshipView } from '../../lib/mentorship';
import { getOwnPlan, getSharedPlan } from '../plan/data';

export type GoalChoice = { id: string; title: string };

/**
 * The goals of the mentee's plan when she shares it with this mentorship (issue 12): her mentor
 * reads it through the shared route (null when not shared), she through her own plan's sharing.
 * Empty when not shared: the check-in form then offers no goal.
 */
export function usePlanGoals(m: () => MentorshipView, side: () => 'mentor' | 'mentee' | undefined): () => GoalChoice[] | undefined {
  const plan = createAsync(async () => {
    if (m().state !== 'accepted') return undefined;
    if (side() === 'mentor') return (await getSharedPlan(m().menteeId).catch(() => null)) ?? undefined;
    if (side() === 'mentee') {
      const own = await getOwnPlan().catch(() => undefined);
      return own?.sharing?.mentorships.includes(m().id) ? own : undefined;
    }
    return undefined;
  });
  return () => plan()?.goals.map((g) => ({ id: g.id, title: g.title }));
}

/** The way to the plan from the mentorship: her mentor's read-only view, or her own plan. */
export function PlanLink(props: { mentorship: MentorshipView; side: 'mentor' | 'mentee' | undefined; shared: boolean }) {
  return (
    <Show when={props.mentorship.state === 'accepted' && (props.side === 'mentee' || props.shared)}>
      <p>
        <Show when={props.side === 'mentor'} fallback={<A href="/plan">{t('plan.mentorshipOwnLink')}</A>}>
          <A href={`/members/${encodeURIComponent(props.mentorship.menteeId)}/plan`}>{t('plan.mentorshipSharedLink')}</A>
        </Show>
      </p>
    </Show>
  );
}
