import { revalidate, useNavigate } from '@solidjs/router';
import type { InferRequestType } from 'hono/client';
import { createSignal } from 'solid-js';
import { RadioGroup } from '../../components/choice-group';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Notice } from '../../components/notice';
import { createProfileFields, ProfileFields } from '../../components/profile-fields';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { asExpertise, asKind, KINDS, optional } from '../../lib/reference';
import { getMe } from '../../lib/session';

type ProfileBody = InferRequestType<typeof api.members.me.$put>['json'];

const FIELDS = ['displayName', 'kind', 'country', 'statement', 'organization', 'jobTitle', 'expertise', 'languages', 'bio'];

export default function ApplicationPage() {
  const navigate = useNavigate();
  const [displayName, setDisplayName] = createSignal('');
  const [kind, setKind] = createSignal('');
  const [statement, setStatement] = createSignal('');
  const fields = createProfileFields({});
  const { busy, run } = createBusy();
  const errors = createFormErrors(FIELDS);

  const toPending = async () => {
    await revalidate(getMe.key);
    navigate('/pending', { replace: true });
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const k = asKind(kind());
    const ok = errors.check({
      displayName: displayName().trim() ? undefined : t('validation.displayName'),
      kind: k ? undefined : t('validation.kind'),
      country: fields.country.get() ? undefined : t('validation.country'),
      statement: statement().trim() ? undefined : t('validation.statement'),
    });
    if (!ok || !k) return;
    const body: ProfileBody = {
      displayName: displayName(),
      kind: k,
      country: fields.country.get(),
      statement: statement(),
      organization: optional(fields.organization.get()),
      jobTitle: optional(fields.jobTitle.get()),
      bio: optional(fields.bio.get()),
      expertise: asExpertise(fields.expertise.get()),
      languages: fields.languages.get(),
    };
    await run(
      async () => {
        await unwrap(api.members.me.$put({ json: body }));
        await toPending();
      },
      async (err) => {
        // Applied already (another tab): her application is waiting, show it.
        if (isStatus(err, 409)) await toPending();
        else errors.fromError(err);
      },
    );
  };

  return (
    <div class="narrow">
      <PageHeading>{t('application.title')}</PageHeading>
      <p class="lead">{t('application.intro')}</p>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" onSubmit={submit} novalidate>
        <Field
          id={fieldId('displayName')}
          label={t('field.displayName')}
          hint={t('field.displayName.hint')}
          autocomplete="nickname"
          dir="auto"
          maxLength={60}
          value={displayName()}
          onInput={setDisplayName}
          error={errors.error('displayName')}
        />
        <RadioGroup
          id={fieldId('kind')}
          legend={t('field.kind')}
          hint={t('kind.fixed')}
          choices={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`), hint: t(`kind.${k}.hint`) }))}
          value={kind()}
          onChange={setKind}
          error={errors.error('kind')}
        />
        <ProfileFields fields={['country']} form={fields} errors={errors} />
        <Field
          id={fieldId('statement')}
          label={t('field.statement')}
          hint={t('field.statement.hint')}
          multiline
          rows={6}
          dir="auto"
          maxLength={4000}
          value={statement()}
          onInput={setStatement}
          error={errors.error('statement')}
        />

        <h2 class="section-title">{t('application.optionalTitle')}</h2>
        <p class="muted">{t('application.optionalIntro')}</p>
        <Notice>
          <p>{t('visibility.explain')}</p>
        </Notice>
        <ProfileFields fields={['organization', 'jobTitle', 'expertise', 'languages', 'bio']} form={fields} errors={errors} />
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('application.submitting') : t('application.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
