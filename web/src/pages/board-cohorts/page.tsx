import { A, createAsync, useSearchParams } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { cohortIdFrom, getCohort } from './data';
import { CohortPicker } from './cohort-picker';
import { CohortView } from './cohort-view';

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
