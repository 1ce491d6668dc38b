import { A, createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../../i18n';
import { getSharedPlan } from '../plan/data';

/** For the board on a member's page: her development plan, when she shares it with the board. */
export function SharedPlanLink(props: { memberId: string }) {
  const plan = createAsync(() => getSharedPlan(props.memberId).catch(() => null));
  return (
    <Show when={plan()}>
      <p>
        <A href={`/members/${encodeURIComponent(props.memberId)}/plan`}>{t('plan.sharedTitleUnknown')}</A>
      </p>
    </Show>
  );
}
