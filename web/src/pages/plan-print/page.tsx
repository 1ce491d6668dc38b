import { A, createAsync } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { getOwnPlan } from '../plan/data';
import { PlanView } from '../plan/view';

/**
 * Her plan as a document: the browser's print (or "save as PDF") gives a clean copy in her
 * language and direction. The print stylesheet (styles.css, "print") hides the menu, header,
 * footer and every `.no-print`; the headings carry the structure a PDF outline reads.
 */
export default function PlanPrintPage() {
  const plan = createAsync(() => getOwnPlan());
  return (
    <div class="narrow plan-print">
      <p class="back no-print">
        <A href="/plan">{t('plan.backToPlan')}</A>
      </p>
      <PageHeading>{t('plan.title')}</PageHeading>
      <div class="actions no-print">
        <button type="button" class="button" onClick={() => window.print()}>
          {t('plan.printNow')}
        </button>
      </div>
      <Suspense fallback={<Loading />}>
        <Show when={plan()}>
          {(p) => (
            <>
              <p class="muted">{t('plan.printedOn', { date: formatDate(new Date().toISOString()) })}</p>
              <PlanView plan={p()} own />
            </>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
