import { type Accessor, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { AudienceLevel, Visibility, VisibilityField } from '../../../shared/profile-fields';
import type { Goals } from '../../../shared/schemas';
import { type MessageKey, t } from '../i18n';
import { type createFormErrors, fieldId } from '../lib/form';
import { countryOptions, expertiseOptions, languageOptions, searchOptions, timezoneOptions } from '../lib/reference';
import { CheckboxGroup } from './choice-group';
import { Field } from './field';
import { EMPTY_GOALS, GoalFields, withGoal } from './goal-fields';
import { type Option, Select } from './select';
import { VisibilityPicker } from './visibility-picker';

/** What a member fills in about herself, on the application and on her profile, as the form holds it. */
export type ProfileFieldValues = {
  country: string;
  organization: string;
  jobTitle: string;
  bio: string;
  expertise: string[];
  languages: string[];
  timezone: string;
  goals: Goals;
};

type TextName = 'organization' | 'jobTitle' | 'bio';
type ListName = 'expertise' | 'languages';

/** How one field is asked: its input kind, its words and, by its name, who may see it. */
type ProfileFieldSpec = { label: MessageKey; hint?: MessageKey; optional?: true } & (
  | { name: TextName; input: 'text'; autocomplete?: string; multiline?: true; rows?: number; maxLength: number }
  | { name: 'country'; input: 'select'; placeholder: MessageKey; options: () => Option[] }
  | { name: ListName; input: 'checkboxes'; options: () => Option[] }
  | { name: 'timezone'; input: 'timezone' }
  | { name: 'goals'; input: 'goals' }
);

const SPECS = [
  { name: 'country', input: 'select', label: 'field.country', placeholder: 'field.country.placeholder', options: countryOptions },
  { name: 'organization', input: 'text', label: 'field.organization', optional: true, autocomplete: 'organization', maxLength: 120 },
  { name: 'jobTitle', input: 'text', label: 'field.jobTitle', optional: true, autocomplete: 'organization-title', maxLength: 120 },
  { name: 'bio', input: 'text', label: 'field.bio', hint: 'field.bio.hint', optional: true, multiline: true, rows: 5, maxLength: 2000 },
  { name: 'expertise', input: 'checkboxes', label: 'field.expertise', optional: true, options: expertiseOptions },
  { name: 'languages', input: 'checkboxes', label: 'field.languages', optional: true, options: languageOptions },
  { name: 'timezone', input: 'timezone', label: 'field.timezone', optional: true },
  { name: 'goals', input: 'goals', label: 'field.goals', hint: 'field.goals.hint', optional: true },
] as const satisfies readonly ProfileFieldSpec[];

export type ProfileFieldName = (typeof SPECS)[number]['name'];

type Slot<T> = { get: Accessor<T>; set: (v: T) => void };

/** The form's values, one signal a field; `onEdit` runs before every change (to clear a "Saved"). */
export function createProfileFields(initial: Partial<ProfileFieldValues>, onEdit: () => void = () => undefined) {
  const slot = <T,>(v: T): Slot<T> => {
    const [get, set] = createSignal<T>(v);
    return {
      get,
      set: (next: T) => {
        onEdit();
        set(() => next);
      },
    };
  };
  const fields: { [K in keyof ProfileFieldValues]: Slot<ProfileFieldValues[K]> } = {
    country: slot(initial.country ?? ''),
    organization: slot(initial.organization ?? ''),
    jobTitle: slot(initial.jobTitle ?? ''),
    bio: slot(initial.bio ?? ''),
    expertise: slot(initial.expertise ?? []),
    languages: slot(initial.languages ?? []),
    timezone: slot(initial.timezone ?? ''),
    goals: slot(initial.goals ?? EMPTY_GOALS),
  };
  return fields;
}

export type ProfileFieldsForm = ReturnType<typeof createProfileFields>;

/** Who may see each field: given on the profile, where every field carries its picker; absent on the application. */
export type VisibilityControl = { value: Visibility; onChange: (field: VisibilityField, level: AudienceLevel) => void };

/** A time zone, found by typing part of its name. */
function TimezoneField(props: { spec: ProfileFieldSpec; slot: Slot<string>; error?: string }) {
  const zones = timezoneOptions();
  const [zoneQuery, setZoneQuery] = createSignal('');
  return (
    <>
      <Field
        id="timezone-search"
        label={t('field.timezone.search')}
        hint={t('field.timezone.searchHint')}
        optional
        value={zoneQuery()}
        onInput={setZoneQuery}
        autocomplete="off"
      />
      <Select
        id={fieldId('timezone')}
        label={t(props.spec.label)}
        optional
        placeholder={t('field.timezone.placeholder')}
        options={searchOptions(zones, zoneQuery(), props.slot.get())}
        value={props.slot.get()}
        onChange={props.slot.set}
        error={props.error}
      />
    </>
  );
}

/** One field's control, by its input kind. */
function ProfileField(props: { spec: ProfileFieldSpec; form: ProfileFieldsForm; errors: ReturnType<typeof createFormErrors> }) {
  const hint = () => (props.spec.hint ? t(props.spec.hint) : undefined);
  return (
    <Switch>
      <Match when={props.spec.input === 'text' && props.spec}>
        {(s) => (
          <Field
            id={fieldId(s().name)}
            label={t(s().label)}
            hint={hint()}
            optional={s().optional}
            autocomplete={s().autocomplete}
            multiline={s().multiline}
            rows={s().rows}
            dir="auto"
            maxLength={s().maxLength}
            value={props.form[s().name].get()}
            onInput={props.form[s().name].set}
            error={props.errors.error(s().name)}
          />
        )}
      </Match>
      <Match when={props.spec.input === 'select' && props.spec}>
        {(s) => (
          <Select
            id={fieldId(s().name)}
            label={t(s().label)}
            placeholder={t(s().placeholder)}
            options={s().options()}
            value={props.form[s().name].get()}
            onChange={props.form[s().name].set}
            error={props.errors.error(s().name)}
          />
        )}
      </Match>
      <Match when={props.spec.input === 'checkboxes' && props.spec}>
        {(s) => (
          <CheckboxGroup
            id={fieldId(s().name)}
            legend={t(s().label)}
            optional={s().optional}
            columns
            choices={s().options()}
            values={props.form[s().name].get()}
            onChange={props.form[s().name].set}
            error={props.errors.error(s().name)}
          />
        )}
      </Match>
      <Match when={props.spec.input === 'timezone' && props.spec}>
        {(s) => <TimezoneField spec={s()} slot={props.form.timezone} error={props.errors.error('timezone')} />}
      </Match>
      <Match when={props.spec.input === 'goals' && props.spec}>
        {(s) => (
          <fieldset class="field">
            <legend class="field__label">
              {t(s().label)} <span class="field__optional">{t('common.optional')}</span>
            </legend>
            <p class="field__hint">{hint()}</p>
            <GoalFields
              path="goals"
              value={props.form.goals.get()}
              onInput={(term, text) => props.form.goals.set(withGoal(props.form.goals.get(), term, text))}
              error={props.errors.error}
            />
          </fieldset>
        )}
      </Match>
    </Switch>
  );
}

/**
 * The profile fields named, in that order; with `visibility`, each beside the picker of who may
 * see it. Ids follow the API paths (`f-country`, `vis-country`), so a 400 lands on its control.
 */
export function ProfileFields(props: {
  fields: readonly ProfileFieldName[];
  form: ProfileFieldsForm;
  errors: ReturnType<typeof createFormErrors>;
  visibility?: VisibilityControl;
}) {
  const specs = () => props.fields.flatMap((name) => SPECS.filter((s) => s.name === name));
  return (
    <For each={specs()}>
      {(spec) => (
        <Show when={props.visibility} fallback={<ProfileField spec={spec} form={props.form} errors={props.errors} />}>
          {(visibility) => (
            <div class="field-row">
              <ProfileField spec={spec} form={props.form} errors={props.errors} />
              <VisibilityPicker
                id={`vis-${spec.name}`}
                field={t(spec.label)}
                value={visibility().value[spec.name]}
                onChange={(level) => visibility().onChange(spec.name, level)}
              />
            </div>
          )}
        </Show>
      )}
    </For>
  );
}
