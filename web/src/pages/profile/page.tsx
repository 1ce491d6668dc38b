import { createAsync, revalidate } from '@solidjs/router';
import type { InferRequestType } from 'hono/client';
import { createSignal, Show, Suspense, type JSX } from 'solid-js';
import { type AudienceLevel, DEFAULT_VISIBILITY, type Visibility, type VisibilityField } from '../../../../shared/profile-fields';
import { canonicalTimeZone } from '../../../../shared/meta';
import type { Goals, Profile } from '../../../../shared/schemas';
import { CheckboxGroup } from '../../components/choice-group';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { EMPTY_GOALS, GoalFields, trimGoals, withGoal } from '../../components/goal-fields';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { VisibilityPicker } from '../../components/visibility-picker';
import { t, type MessageKey } from '../../i18n';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import {
  asExpertise,
  countryOptions,
  expertiseOptions,
  languageOptions,
  optional,
  searchOptions,
  timezoneOptions,
} from '../../lib/reference';
import { getOwnProfile } from './data';
import { createMentoringForm, hasGoals, MENTORING_FIELDS, MentoringSection } from './mentoring';

type ProfileBody = InferRequestType<typeof api.members.me.$put>['json'];

const FIELDS = [
  'displayName',
  'country',
  'organization',
  'jobTitle',
  'bio',
  'expertise',
  'languages',
  'timezone',
  'goals.shortTerm',
  'goals.mediumTerm',
  'goals.longTerm',
  ...MENTORING_FIELDS,
  'version',
];

/** The fields this page edits, each with who may see it. */
const EDITED: readonly VisibilityField[] = [
  'country',
  'organization',
  'jobTitle',
  'bio',
  'expertise',
  'languages',
  'timezone',
  'goals',
  'mentoring',
];

/** A profile field and, beside it, who may see it. */
function WithVisibility(props: {
  field: VisibilityField;
  label: string;
  visibility: Visibility;
  onVisibility: (field: VisibilityField, level: AudienceLevel) => void;
  children: JSX.Element;
}) {
  return (
    <div class="field-row">
      {props.children}
      <VisibilityPicker
        id={`vis-${props.field}`}
        field={props.label}
        value={props.visibility[props.field]}
        onChange={(level) => props.onVisibility(props.field, level)}
      />
    </div>
  );
}

function ProfileForm(props: { profile: Profile }) {
  // The form starts from the loaded profile; a reload re-creates the form (keyed <Show>).
  const p = props.profile;
  const [displayName, setDisplayName] = createSignal(p.displayName);
  const [country, setCountry] = createSignal(p.country ?? '');
  const [organization, setOrganization] = createSignal(p.organization ?? '');
  const [jobTitle, setJobTitle] = createSignal(p.jobTitle ?? '');
  const [bio, setBio] = createSignal(p.bio ?? '');
  const [expertise, setExpertise] = createSignal<string[]>(p.expertise ?? []);
  const [languages, setLanguages] = createSignal<string[]>(p.languages ?? []);
  // A zone saved under a name IANA retired (Asia/Calcutta) is shown, and saved again, under its current one.
  const [timezone, setTimezone] = createSignal(p.timezone ? canonicalTimeZone(p.timezone) : '');
  const zones = timezoneOptions();
  const [zoneQuery, setZoneQuery] = createSignal('');
  // One set of goals: the profile's, or, for a profile saved before they were one, those she sought mentoring with.
  const [goals, setGoals] = createSignal<Goals>({ ...EMPTY_GOALS, ...(hasGoals(p.goals) ? p.goals : p.mentoring?.seeking.goals) });
  const [visibility, setVisibility] = createSignal<Visibility>({ ...DEFAULT_VISIBILITY, ...p.visibility });
  const [version, setVersion] = createSignal(p.version);
  const { busy, run } = createBusy();
  const [saved, setSaved] = createSignal(false);
  const [stale, setStale] = createSignal(false);
  const errors = createFormErrors(FIELDS);
  const mentoring = createMentoringForm(p.mentoring, () => setSaved(false));

  const onVisibility = (field: VisibilityField, level: AudienceLevel) => setVisibility((v) => ({ ...v, [field]: level }));
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setSaved(false);
      set(v);
    };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setSaved(false);
    setStale(false);
    const ok = errors.check({
      displayName: displayName().trim() ? undefined : t('validation.displayName'),
      country: country() ? undefined : t('validation.country'),
      ...mentoring.problems(),
    });
    if (!ok) return;
    const shown = visibility();
    const body: ProfileBody = {
      displayName: displayName(),
      country: country(),
      organization: optional(organization()),
      jobTitle: optional(jobTitle()),
      bio: optional(bio()),
      expertise: asExpertise(expertise()),
      languages: languages(),
      timezone: timezone() || undefined,
      goals: trimGoals(goals()),
      // Always sent from here: leaving it out would keep the stored settings instead of hers.
      mentoring: mentoring.value(languages(), trimGoals(goals())),
      visibility: Object.fromEntries(EDITED.map((f) => [f, shown[f]])),
      version: version(),
    };
    await run(
      async () => {
        const next = await unwrap(api.members.me.$put({ json: body }));
        setVersion(next.version);
        setSaved(true);
      },
      (err) => {
        if (isStatus(err, 409)) setStale(true);
        else errors.fromError(err);
      },
    );
  };

  const label = (key: MessageKey) => t(key);
  const reload = async () => {
    // The form is re-created from the fresh profile; resume at the page title.
    await revalidate(getOwnProfile.key);
    document.querySelector<HTMLElement>('.page-title')?.focus();
  };

  return (
    <>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" onSubmit={submit} novalidate>
        <div class="field-row">
          <Field
            id={fieldId('displayName')}
            label={t('field.displayName')}
            hint={t('visibility.always')}
            autocomplete="nickname"
            dir="auto"
            maxLength={60}
            value={displayName()}
            onInput={edit(setDisplayName)}
            error={errors.error('displayName')}
          />
          <p class="muted">{t('profile.kind', { kind: t(`kind.${p.kind}`) })}</p>
        </div>
        <WithVisibility field="country" label={label('field.country')} visibility={visibility()} onVisibility={onVisibility}>
          <Select
            id={fieldId('country')}
            label={t('field.country')}
            placeholder={t('field.country.placeholder')}
            options={countryOptions()}
            value={country()}
            onChange={edit(setCountry)}
            error={errors.error('country')}
          />
        </WithVisibility>
        <WithVisibility field="organization" label={label('field.organization')} visibility={visibility()} onVisibility={onVisibility}>
          <Field
            id={fieldId('organization')}
            label={t('field.organization')}
            optional
            autocomplete="organization"
            dir="auto"
            maxLength={120}
            value={organization()}
            onInput={edit(setOrganization)}
            error={errors.error('organization')}
          />
        </WithVisibility>
        <WithVisibility field="jobTitle" label={label('field.jobTitle')} visibility={visibility()} onVisibility={onVisibility}>
          <Field
            id={fieldId('jobTitle')}
            label={t('field.jobTitle')}
            optional
            autocomplete="organization-title"
            dir="auto"
            maxLength={120}
            value={jobTitle()}
            onInput={edit(setJobTitle)}
            error={errors.error('jobTitle')}
          />
        </WithVisibility>
        <WithVisibility field="bio" label={label('field.bio')} visibility={visibility()} onVisibility={onVisibility}>
          <Field
            id={fieldId('bio')}
            label={t('field.bio')}
            hint={t('field.bio.hint')}
            optional
            multiline
            rows={5}
            dir="auto"
            maxLength={2000}
            value={bio()}
            onInput={edit(setBio)}
            error={errors.error('bio')}
          />
        </WithVisibility>
        <WithVisibility field="expertise" label={label('field.expertise')} visibility={visibility()} onVisibility={onVisibility}>
          <CheckboxGroup
            id={fieldId('expertise')}
            legend={t('field.expertise')}
            optional
            columns
            choices={expertiseOptions()}
            values={expertise()}
            onChange={edit(setExpertise)}
            error={errors.error('expertise')}
          />
        </WithVisibility>
        <WithVisibility field="languages" label={label('field.languages')} visibility={visibility()} onVisibility={onVisibility}>
          <CheckboxGroup
            id={fieldId('languages')}
            legend={t('field.languages')}
            optional
            columns
            choices={languageOptions()}
            values={languages()}
            onChange={edit(setLanguages)}
            error={errors.error('languages')}
          />
        </WithVisibility>
        <WithVisibility field="timezone" label={label('field.timezone')} visibility={visibility()} onVisibility={onVisibility}>
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
            label={t('field.timezone')}
            optional
            placeholder={t('field.timezone.placeholder')}
            options={searchOptions(zones, zoneQuery(), timezone())}
            value={timezone()}
            onChange={edit(setTimezone)}
            error={errors.error('timezone')}
          />
        </WithVisibility>
        <WithVisibility field="goals" label={label('field.goals')} visibility={visibility()} onVisibility={onVisibility}>
          <fieldset class="field">
            <legend class="field__label">
              {t('field.goals')} <span class="field__optional">{t('common.optional')}</span>
            </legend>
            <p class="field__hint">{t('field.goals.hint')}</p>
            <GoalFields
              path="goals"
              value={goals()}
              onInput={(term, text) => edit(setGoals)(withGoal(goals(), term, text))}
              error={errors.error}
            />
          </fieldset>
        </WithVisibility>
        <MentoringSection
          form={mentoring}
          errors={errors}
          workingLanguages={languages()}
          visibility={
            <VisibilityPicker
              id="vis-mentoring"
              field={label('mentoring.visibilityField')}
              value={visibility().mentoring}
              onChange={(level) => onVisibility('mentoring', level)}
            />
          }
        />
        <Show when={stale()}>
          <Notice tone="warning" live>
            <p>{t('profile.conflict')}</p>
            <button type="button" class="button button--secondary" onClick={reload}>
              {t('profile.reload')}
            </button>
          </Notice>
        </Show>
        <Show when={saved()}>
          <Notice tone="success" live>
            <p>{t('profile.saved')}</p>
          </Notice>
        </Show>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('profile.saving') : t('profile.save')}
          </button>
        </div>
      </form>
    </>
  );
}

export default function ProfilePage() {
  const profile = createAsync(() => getOwnProfile());
  return (
    <div class="narrow">
      <PageHeading>{t('profile.title')}</PageHeading>
      <p class="lead">{t('profile.intro')}</p>
      <Notice>
        <p>{t('visibility.explain')}</p>
        <p>{t('visibility.partnersExplain')}</p>
      </Notice>
      <Suspense fallback={<Loading />}>
        <Show when={profile()} keyed>
          {(p) => <ProfileForm profile={p} />}
        </Show>
      </Suspense>
    </div>
  );
}
