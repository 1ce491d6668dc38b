import { useLocation } from '@solidjs/router';
import { createSignal, onMount, Show, type JSX } from 'solid-js';
import type { Goals, Mentoring } from '../../../../shared/schemas';
import { Checkbox, CheckboxGroup } from '../../components/choice-group';
import { describedBy, FieldFrame } from '../../components/field';
import { t } from '../../i18n';
import { languageName } from '../../i18n/format';
import { fieldId } from '../../lib/form';
import { asExpertise, expertiseOptions, languageOptions } from '../../lib/reference';

/** The API paths of the mentoring controls, so that a 400's details land on them. */
export const MENTORING_FIELDS = [
  'mentoring.offering.active',
  'mentoring.offering.capacity',
  'mentoring.offering.topics',
  'mentoring.offering.languages',
  'mentoring.seeking.active',
  'mentoring.seeking.topics',
  'mentoring.seeking.sameCountryOnly',
  'mentoring.seeking.outsideOrganizationOnly',
] as const;

export const hasGoals = (g: Goals | undefined) => !!g && !!(g.shortTerm || g.mediumTerm || g.longTerm);

/** The languages she may mentor in: her working languages, or every language when she listed none. */
export function mentoringLanguageChoices(workingLanguages: readonly string[]) {
  return workingLanguages.length ? workingLanguages.map((c) => ({ value: c, label: languageName(c) })) : languageOptions();
}

/**
 * The mentoring part of the profile form. It is always sent with the profile from this editor
 * (the API keeps the stored settings only when the field is left out).
 */
export function createMentoringForm(initial: Mentoring | undefined, onEdit: () => void) {
  const o = initial?.offering;
  const s = initial?.seeking;
  const [offerActive, setOfferActive] = createSignal(o?.active ?? false);
  const [capacity, setCapacity] = createSignal(String(o?.capacity ?? 0));
  const [offerTopics, setOfferTopics] = createSignal<string[]>(o?.topics ?? []);
  const [offerLanguages, setOfferLanguages] = createSignal<string[]>(o?.languages ?? []);
  const [seekActive, setSeekActive] = createSignal(s?.active ?? false);
  const [seekTopics, setSeekTopics] = createSignal<string[]>(s?.topics ?? []);
  const [sameCountryOnly, setSameCountryOnly] = createSignal(s?.sameCountryOnly ?? false);
  const [outsideOrganizationOnly, setOutsideOrganizationOnly] = createSignal(s?.outsideOrganizationOnly ?? false);

  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      onEdit();
      set(v);
    };

  const capacityValue = () => (/^\s*\d{1,2}\s*$/.test(capacity()) ? Number(capacity()) : Number.NaN);

  return {
    offerActive,
    setOfferActive: edit(setOfferActive),
    capacity,
    setCapacity: edit(setCapacity),
    offerTopics,
    setOfferTopics: edit(setOfferTopics),
    offerLanguages,
    setOfferLanguages: edit(setOfferLanguages),
    seekActive,
    setSeekActive: edit(setSeekActive),
    seekTopics,
    setSeekTopics: edit(setSeekTopics),
    sameCountryOnly,
    setSameCountryOnly: edit(setSameCountryOnly),
    outsideOrganizationOnly,
    setOutsideOrganizationOnly: edit(setOutsideOrganizationOnly),
    /** Problems found before sending, by field path. */
    problems(): Record<string, string | undefined> {
      const c = capacityValue();
      return { 'mentoring.offering.capacity': Number.isInteger(c) && c >= 0 && c <= 10 ? undefined : t('validation.capacity') };
    },
    /**
     * The `mentoring` field of the PUT; offered languages are kept only while she still works in
     * them. Her goals are the profile's own: one set, the same object everywhere (the contract).
     */
    value(workingLanguages: readonly string[], goals: Goals): Mentoring {
      const allowed = new Set(mentoringLanguageChoices(workingLanguages).map((c) => c.value));
      return {
        offering: {
          active: offerActive(),
          capacity: capacityValue(),
          topics: asExpertise(offerTopics()),
          languages: offerLanguages().filter((l) => allowed.has(l)),
        },
        seeking: {
          active: seekActive(),
          topics: asExpertise(seekTopics()),
          goals,
          sameCountryOnly: sameCountryOnly(),
          outsideOrganizationOnly: outsideOrganizationOnly(),
        },
      };
    },
  };
}

export type MentoringForm = ReturnType<typeof createMentoringForm>;

type Errors = { error: (field: string) => string | undefined };

/** A whole number from 0 to 10, typed or stepped. */
function CapacityInput(props: { form: MentoringForm; error?: string }) {
  const id = fieldId('mentoring.offering.capacity');
  const hint = () => t('mentoring.offer.capacityHint');
  return (
    <FieldFrame id={id} label={t('mentoring.offer.capacity')} hint={hint()} error={props.error}>
      <input
        id={id}
        name={id}
        class="input input--number"
        type="number"
        inputmode="numeric"
        min="0"
        max="10"
        step="1"
        value={props.form.capacity()}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint(), props.error)}
        onInput={(e) => props.form.setCapacity(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

/** One side of mentoring (offer or seek) in its own box; its details show once she turns it on. */
function Side(props: { id: string; title: string; open: boolean; toggle: JSX.Element; children: JSX.Element }) {
  return (
    <section class="field-row mentoring-side" aria-labelledby={props.id}>
      <h3 class="mentoring-side__title" id={props.id}>
        {props.title}
      </h3>
      {props.toggle}
      <Show when={props.open}>{props.children}</Show>
    </section>
  );
}

export function MentoringSection(props: {
  form: MentoringForm;
  errors: Errors;
  workingLanguages: readonly string[];
  visibility: JSX.Element;
}) {
  const f = props.form;
  const err = (path: string) => props.errors.error(path);
  const anyError = (prefix: string) => MENTORING_FIELDS.some((p) => p.startsWith(prefix) && !!err(p));
  const location = useLocation();
  let heading: HTMLHeadingElement | undefined;
  // "Set what I seek in my profile" links here: continue at this section, not at the page top.
  onMount(() => {
    if (location.hash === '#mentoring' && heading) {
      heading.scrollIntoView({ block: 'start' });
      heading.focus();
    }
  });
  return (
    <section class="mentoring" id="mentoring" aria-labelledby="mentoring-title">
      <h2 class="section-title" id="mentoring-title" tabindex="-1" ref={heading}>
        {t('mentoring.title')}
      </h2>
      <p>{t('mentoring.intro')}</p>
      <Side
        id="offer-title"
        title={t('mentoring.offer')}
        open={f.offerActive() || anyError('mentoring.offering')}
        toggle={
          <Checkbox
            id={fieldId('mentoring.offering.active')}
            label={t('mentoring.offer.active')}
            hint={t('mentoring.offer.activeHint')}
            checked={f.offerActive()}
            onChange={f.setOfferActive}
          />
        }
      >
        <CapacityInput form={f} error={err('mentoring.offering.capacity')} />
        <CheckboxGroup
          id={fieldId('mentoring.offering.topics')}
          legend={t('mentoring.offer.topics')}
          columns
          choices={expertiseOptions()}
          values={f.offerTopics()}
          onChange={f.setOfferTopics}
          error={err('mentoring.offering.topics')}
        />
        <CheckboxGroup
          id={fieldId('mentoring.offering.languages')}
          legend={t('mentoring.offer.languages')}
          hint={t('mentoring.offer.languagesHint')}
          optional
          columns
          choices={mentoringLanguageChoices(props.workingLanguages)}
          values={f.offerLanguages()}
          onChange={f.setOfferLanguages}
          error={err('mentoring.offering.languages')}
        />
      </Side>
      <Side
        id="seek-title"
        title={t('mentoring.seek')}
        open={f.seekActive() || anyError('mentoring.seeking')}
        toggle={
          <Checkbox
            id={fieldId('mentoring.seeking.active')}
            label={t('mentoring.seek.active')}
            hint={t('mentoring.seek.activeHint')}
            checked={f.seekActive()}
            onChange={f.setSeekActive}
          />
        }
      >
        <CheckboxGroup
          id={fieldId('mentoring.seeking.topics')}
          legend={t('mentoring.seek.topics')}
          columns
          choices={expertiseOptions()}
          values={f.seekTopics()}
          onChange={f.setSeekTopics}
          error={err('mentoring.seeking.topics')}
        />
        <fieldset class="field">
          <legend class="field__label">{t('mentoring.seek.filters')}</legend>
          <Checkbox
            id={fieldId('mentoring.seeking.sameCountryOnly')}
            label={t('mentoring.seek.sameCountryOnly')}
            hint={t('mentoring.seek.sameCountryOnlyHint')}
            checked={f.sameCountryOnly()}
            onChange={f.setSameCountryOnly}
          />
          <Checkbox
            id={fieldId('mentoring.seeking.outsideOrganizationOnly')}
            label={t('mentoring.seek.outsideOrganizationOnly')}
            checked={f.outsideOrganizationOnly()}
            onChange={f.setOutsideOrganizationOnly}
          />
        </fieldset>
      </Side>
      {props.visibility}
    </section>
  );
}
