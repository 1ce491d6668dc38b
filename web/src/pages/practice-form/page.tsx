import { createAsync, revalidate, useNavigate, useParams } from '@solidjs/router';
import { batch, createEffect, createSignal, For, Show, Suspense } from 'solid-js';
import type { PracticeTheme } from '../../../../shared/practice-schemas';
import { Checkbox, CheckboxGroup, RadioGroup } from '../../components/choice-group';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { locale, t } from '../../i18n';
import { countryName } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId, focusFieldSoon } from '../../lib/form';
import { asTheme, audienceName, getLibraryPage, getPractice, type Practice, themeOptions } from '../../lib/library';
import { countryOptions, languageOptions } from '../../lib/reference';
import { getMe } from '../../lib/session';

const FIELDS = ['title', 'summary', 'countries', 'themes', 'done', 'worked', 'didNotWork', 'language', 'audience', 'identity', 'contact'];
type Audience = 'members' | 'practitioners' | 'board';

/** The form for a new practice, or for an edit of hers (`practice`), which goes back to the board. */
function PracticeForm(props: { practice?: Practice; language: string }) {
  const navigate = useNavigate();
  const p = props.practice;
  const [title, setTitle] = createSignal(p?.title ?? '');
  const [summary, setSummary] = createSignal(p?.summary ?? '');
  const [countries, setCountries] = createSignal<string[]>(p?.countries ?? []);
  const [themes, setThemes] = createSignal<PracticeTheme[]>(p?.themes ?? []);
  const [done, setDone] = createSignal(p?.done ?? '');
  const [worked, setWorked] = createSignal(p?.worked ?? '');
  const [didNotWork, setDidNotWork] = createSignal(p?.didNotWork ?? '');
  const [language, setLanguage] = createSignal(p?.language ?? props.language);
  const [audience, setAudience] = createSignal<Audience>(p?.audience ?? 'members');
  const [identity, setIdentity] = createSignal<'named' | 'anonymous'>(p?.identity ?? 'named');
  const [contact, setContact] = createSignal(p?.contact ?? false);
  const [adding, setAdding] = createSignal('');
  const errors = createFormErrors(FIELDS);
  const sending = createBusy();

  const addCountry = (code: string) => {
    setAdding('');
    if (code && !countries().includes(code)) setCountries([...countries(), code]);
  };
  const removeCountry = (code: string) => {
    setCountries(countries().filter((c) => c !== code));
    focusFieldSoon('countries');
  };

  const required = (v: string) => (v.trim() ? undefined : t('validation.required'));
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const ok = errors.check({
      title: required(title()),
      summary: required(summary()),
      countries: countries().length ? undefined : t('validation.required'),
      themes: themes().length ? undefined : t('validation.required'),
      done: required(done()),
      worked: required(worked()),
      language: required(language()),
    });
    if (!ok) {
      focusFieldSoon(errors.summary()[0]?.id.replace(/^f-/, '') ?? 'title');
      return;
    }
    const body = {
      title: title().trim(),
      summary: summary().trim(),
      countries: countries(),
      themes: themes(),
      done: done().trim(),
      worked: worked().trim(),
      didNotWork: didNotWork().trim(),
      language: language(),
      audience: audience(),
      identity: identity(),
      contact: identity() === 'named' && contact(),
    };
    void sending.run(
      async () => {
        const saved = p
          ? await unwrap(api.practices[':id'].$patch({ param: { id: p.id }, json: { ...body, version: p.version } }))
          : await unwrap(api.practices.$post({ json: body }));
        await revalidate([getPractice.keyFor(saved.id), getLibraryPage.key]);
        navigate(`/library/${encodeURIComponent(saved.id)}`);
      },
      (err) => errors.fromError(err),
    );
  };

  return (
    <>
      <Notice tone="info">
        <p>{t('practiceForm.review')}</p>
        <p>{t('practiceForm.heldWarning')}</p>
      </Notice>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        <Field
          id={fieldId('title')}
          label={t('practiceForm.title')}
          value={title()}
          onInput={setTitle}
          maxLength={200}
          dir="auto"
          error={errors.error('title')}
        />
        <Field
          id={fieldId('summary')}
          label={t('practiceForm.summary')}
          hint={t('practiceForm.summaryHint')}
          multiline
          rows={3}
          maxLength={1000}
          dir="auto"
          value={summary()}
          onInput={setSummary}
          error={errors.error('summary')}
        />
        <fieldset
          class="field"
          classList={{ 'field--error': !!errors.error('countries') }}
          aria-describedby={`${fieldId('countries')}-hint`}
        >
          <legend class="field__label">{t('practiceForm.countries')}</legend>
          <p class="field__hint" id={`${fieldId('countries')}-hint`}>
            {t('practiceForm.countriesHint')}
          </p>
          <Show when={errors.error('countries')}>
            <p class="field__error">{errors.error('countries')}</p>
          </Show>
          <Show when={countries().length > 0}>
            <ul class="tags">
              <For each={countries()}>
                {(code) => (
                  <li class="tag">
                    {countryName(code)}{' '}
                    <button type="button" class="tag__remove" onClick={() => removeCountry(code)}>
                      <span aria-hidden="true">×</span>
                      <span class="visually-hidden">{t('practiceForm.removeCountry', { country: countryName(code) })}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Select
            id={fieldId('countries')}
            label={t('practiceForm.addCountry')}
            placeholder=""
            options={countryOptions().filter((o) => !countries().includes(o.value))}
            value={adding()}
            onChange={addCountry}
          />
        </fieldset>
        <CheckboxGroup
          id={fieldId('themes')}
          legend={t('practiceForm.themes')}
          choices={themeOptions()}
          values={themes()}
          onChange={(v) => setThemes(v.flatMap((x) => asTheme(x) ?? []))}
          error={errors.error('themes')}
        />
        <Field
          id={fieldId('done')}
          label={t('practiceForm.done')}
          multiline
          rows={6}
          dir="auto"
          value={done()}
          onInput={setDone}
          error={errors.error('done')}
        />
        <Field
          id={fieldId('worked')}
          label={t('practiceForm.worked')}
          multiline
          rows={5}
          dir="auto"
          value={worked()}
          onInput={setWorked}
          error={errors.error('worked')}
        />
        <Field
          id={fieldId('didNotWork')}
          label={t('practiceForm.didNotWork')}
          optional
          multiline
          rows={5}
          dir="auto"
          value={didNotWork()}
          onInput={setDidNotWork}
          error={errors.error('didNotWork')}
        />
        <Select
          id={fieldId('language')}
          label={t('practiceForm.language')}
          options={languageOptions()}
          value={language()}
          onChange={setLanguage}
          error={errors.error('language')}
        />
        <RadioGroup
          id={fieldId('audience')}
          legend={t('practiceForm.audience')}
          choices={(['members', 'practitioners', 'board'] as const).map((value) => ({ value, label: audienceName(value) }))}
          value={audience()}
          onChange={(v) => setAudience(v === 'practitioners' || v === 'board' ? v : 'members')}
        />
        <RadioGroup
          id={fieldId('identity')}
          legend={t('practiceForm.identity')}
          choices={[
            { value: 'named', label: t('practiceForm.named') },
            { value: 'anonymous', label: t('practiceForm.anonymous'), hint: t('practiceForm.anonymousHint') },
          ]}
          value={identity()}
          onChange={(v) =>
            batch(() => {
              setIdentity(v === 'anonymous' ? 'anonymous' : 'named');
              if (v === 'anonymous') setContact(false);
            })
          }
        />
        <Show when={identity() === 'named'}>
          <Checkbox
            id={fieldId('contact')}
            label={t('practiceForm.contact')}
            hint={t('practiceForm.contactHint')}
            checked={contact()}
            onChange={setContact}
          />
        </Show>
        <FormActions
          label={p ? t('practiceForm.save') : t('practiceForm.submit')}
          busy={sending.busy()}
          busyLabel={t('practiceForm.sending')}
          onCancel={() => navigate(p ? `/library/${encodeURIComponent(p.id)}` : '/library')}
        />
      </form>
    </>
  );
}

export default function PracticeFormPage() {
  const params = useParams();
  const me = createAsync(() => getMe());
  const practice = createAsync(() => (params.id ? getPractice(params.id) : Promise.resolve(undefined)));
  const [ready, setReady] = createSignal(false);
  createEffect(() => {
    if (me() && (!params.id || practice() !== undefined)) setReady(true);
  });
  return (
    <div class="narrow">
      <PageHeading>{params.id ? t('practiceForm.editTitle') : t('practiceForm.newTitle')}</PageHeading>
      <Suspense fallback={<Loading />}>
        <Show when={ready()} fallback={<Loading />}>
          <Show when={!params.id || practice()} fallback={<p>{t('library.notFound')}</p>}>
            <PracticeForm practice={practice() ?? undefined} language={locale()} />
          </Show>
        </Show>
      </Suspense>
    </div>
  );
}
