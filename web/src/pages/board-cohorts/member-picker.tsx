import { createAsync } from '@solidjs/router';
import { createSignal, Show, Suspense } from 'solid-js';
import type { Profile } from '../../../../shared/schemas';
import { Checkbox, CheckboxGroup } from '../../components/choice-group';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { Select } from '../../components/select';
import { t } from '../../i18n';
import { countryName } from '../../i18n/format';
import { createMorePages } from '../../lib/more-pages';
import { asKind, KINDS } from '../../lib/reference';
import { getCandidates } from './data';

type Role = 'mentee' | 'mentor';

/** Does this member fit the role, by what she set in her profile? */
const fits = (p: Profile, role: Role) =>
  role === 'mentee' ? !!p.mentoring?.seeking.active : !!p.mentoring?.offering.active && p.mentoring.offering.capacity > 0;

/** One list of members to pick, with its own filters and its own "Load more". */
export function MemberPicker(props: { side: Role; selected: readonly string[]; onChange: (ids: string[]) => void; error?: string }) {
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
