import { A, createAsync, useParams } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { useMemberName } from '../../components/member-name';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import { getSharedPlan } from '../plan/data';
import { PlanView } from '../plan/view';

/**
 * A member's plan shared with the caller (her mentor in a shared mentorship, or the board), read
 * only. Not shared, or no longer (the mentorship ended): the same "not shared with you" as a plan
 * that does not exist.
 */
export default function MemberPlanPage() {
  const params = useParams();
  const plan = createAsync(() => getSharedPlan(params.id ?? ''));
  const name = useMemberName(() => params.id ?? '');
  return (
    <div class="narrow">
      <p class="back">
        <A href="/mentorships">{t('plan.backToMentorships')}</A>
      </p>
      <Suspense fallback={<Loading />}>
        <Show
          when={plan()}
          fallback={
            <Show when={plan() === null}>
              <PageHeading>{t('plan.sharedTitleUnknown')}</PageHeading>
              <p>{t('plan.notShared')}</p>
            </Show>
          }
        >
          {(p) => (
            <>
              <PageHeading kind={t('plan.sharedTitleUnknown')}>{t('plan.sharedTitle', { name: isolate(name()) })}</PageHeading>
              <Notice>
                <p>{t('plan.readOnly')}</p>
              </Notice>
              <PlanView plan={p()} />
            </>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
