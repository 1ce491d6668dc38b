import { A, createAsync, revalidate } from '@solidjs/router';
import type { InferRequestType } from 'hono/client';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { type AudienceLevel, DEFAULT_VISIBILITY, type Visibility, type VisibilityField } from '../../../../shared/profile-fields';
import { canonicalTimeZone } from '../../../../shared/meta';
import type { Profile } from '../../../../shared/schemas';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { EMPTY_GOALS, GOAL_TERMS } from '../../components/goal-fields';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { createProfileFields, type ProfileFieldName, ProfileFields } from '../../components/profile-fields';
import { VisibilityPicker } from '../../components/visibility-picker';
import { CompletionList } from '../../components/completions';
import { t } from '../../i18n';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { asExpertise, optional } from '../../lib/reference';
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
  ...MENTORING_FIELDS,
  'version',
];

/**
 * The profile fields this page edits, in its order, each beside who may see it. Goals are written
 * in her development plan (issue 12), which keeps the profile's goals in step: shown here, with
 * who may see them, but not edited.
 */
const SHOWN: readonly ProfileFieldName[] = ['country', 'organization', 'jobTitle', 'bio', 'expertise', 'languages', 'timezone'];
/** Every field whose audience this page sets: those above and the mentoring section's. */
const EDITED: readonly VisibilityField[] = [...SHOWN, 'goals', 'mentoring', 'programme'];

function ProfileForm(props: { profile: Profile }) {
  // The form starts from the loaded profile; a reload re-creates the form (keyed <Show>).
  const p = props.profile;
  const [saved, setSaved] = createSignal(false);
  const [displayName, setDisplayName] = createSignal(p.displayName);
  const fields = createProfileFields(
    {
      country: p.country,
      organization: p.organization,
      jobTitle: p.jobTitle,
      bio: p.bio,
      expertise: p.expertise,
      languages: p.languages,
      // A zone saved under a name IANA retired (Asia/Calcutta) is shown, and saved again, under its current one.
      timezone: p.timezone ? canonicalTimeZone(p.timezone) : '',
    },
    () => setSaved(false),
  );
  const [visibility, setVisibility] = createSignal<Visibility>({ ...DEFAULT_VISIBILITY, ...p.visibility });
  const [version, setVersion] = createSignal(p.version);
  const { busy, run } = createBusy();
  const [stale, setStale] = createSignal(false);
  const errors = createFormErrors(FIELDS);
  const mentoring = createMentoringForm(p.mentoring, () => setSaved(false));

  const onVisibility = (field: VisibilityField, level: AudienceLevel) => setVisibility((v) => ({ ...v, [field]: level }));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setSaved(false);
    setStale(false);
    const ok = errors.check({
      displayName: displayName().trim() ? undefined : t('validation.displayName'),
      country: fields.country.get() ? undefined : t('validation.country'),
      ...mentoring.problems(),
    });
    if (!ok) return;
    const shown = visibility();
    const languages = fields.languages.get();
    // Sent back as stored (the plan's): the API refuses other goals here, and keeps these.
    const goals = { ...EMPTY_GOALS, ...(p.mentoring?.seeking.goals ?? p.goals) };
    const body: ProfileBody = {
      displayName: displayName(),
      country: fields.country.get(),
      organization: optional(fields.organization.get()),
      jobTitle: optional(fields.jobTitle.get()),
      bio: optional(fields.bio.get()),
      expertise: asExpertise(fields.expertise.get()),
      languages,
      timezone: fields.timezone.get() || undefined,
      // Always sent from here: leaving it out would keep the stored settings instead of hers.
      mentoring: mentoring.value(languages, goals),
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
            onInput={(v) => {
              setSaved(false);
              setDisplayName(v);
            }}
            error={errors.error('displayName')}
          />
          <p class="muted">{t('profile.kind', { kind: t(`kind.${p.kind}`) })}</p>
        </div>
        <ProfileFields fields={SHOWN} form={fields} errors={errors} visibility={{ value: visibility(), onChange: onVisibility }} />
        <section class="field" aria-labelledby="profile-goals-title">
          <h2 class="section-title" id="profile-goals-title">
            {t('field.goals')}
          </h2>
          <Show when={hasGoals(p.goals)} fallback={<p class="muted">{t('plan.profileNoGoals')}</p>}>
            <dl class="details">
              <For each={GOAL_TERMS}>
                {(term) => (
                  <Show when={p.goals?.[term]}>
                    <div class="details__row">
                      <dt>{t(`field.goals.${term}`)}</dt>
                      <dd dir="auto">{p.goals?.[term]}</dd>
                    </div>
                  </Show>
                )}
              </For>
            </dl>
          </Show>
          <p>
            <A href="/plan">{t('plan.profileGoalsLink')}</A>
          </p>
          <VisibilityPicker
            id="vis-goals"
            field={t('field.goals')}
            value={visibility().goals}
            onChange={(level) => onVisibility('goals', level)}
          />
        </section>
        <section class="field" aria-labelledby="profile-programme-title">
          <h2 class="section-title" id="profile-programme-title">
            {t('completion.field')}
          </h2>
          <Show when={p.completions?.length} fallback={<p class="muted">{t('completion.none')}</p>}>
            <CompletionList items={p.completions ?? []} />
          </Show>
          <VisibilityPicker
            id="vis-programme"
            field={t('completion.field')}
            value={visibility().programme}
            onChange={(level) => onVisibility('programme', level)}
          />
        </section>
        <MentoringSection
          form={mentoring}
          errors={errors}
          workingLanguages={fields.languages.get()}
          visibility={
            <VisibilityPicker
              id="vis-mentoring"
              field={t('mentoring.visibilityField')}
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
