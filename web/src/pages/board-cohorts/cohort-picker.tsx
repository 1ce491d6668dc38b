import { createSignal } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { t } from '../../i18n';
import { api, unwrap } from '../../lib/api';
import { createBusy, createFormErrors } from '../../lib/form';
import { MemberPicker } from './member-picker';

export function CohortPicker(props: { onDrafted: (id: string) => void }) {
  const [mentees, setMentees] = createSignal<string[]>([]);
  const [mentors, setMentors] = createSignal<string[]>([]);
  const { busy, run } = createBusy();
  const errors = createFormErrors(['menteeIds', 'mentorIds']);

  const draft = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const ok = errors.check({
      menteeIds: mentees().length ? undefined : t('cohorts.pickMentees'),
      mentorIds: mentors().length ? undefined : t('cohorts.pickMentors'),
    });
    if (!ok) return;
    await run(
      async () => {
        const cohort = await unwrap(api.board.cohorts.$post({ json: { menteeIds: mentees(), mentorIds: mentors() } }));
        props.onDrafted(cohort.id);
      },
      (err) => {
        errors.fromError(err);
      },
    );
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
