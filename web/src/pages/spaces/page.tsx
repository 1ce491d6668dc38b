import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { StatusMessage } from '../../components/status-message';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { t } from '../../i18n';
import { api, unwrap } from '../../lib/api';
import { audienceWords, getSpaces } from '../../lib/discussion';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { getMe, isBoard } from '../../lib/session';

type Audience = 'members' | 'practitioners' | 'board';

/** The board opens a space and chooses who may read and write in it. */
function NewSpace() {
  const [name, setName] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [audience, setAudience] = createSignal<Audience | ''>('');
  const { busy, run } = createBusy();
  const [created, setCreated] = createSignal<string>();
  const errors = createFormErrors(['name', 'audience', 'description']);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setCreated(undefined);
    const ok = errors.check({
      name: name().trim() ? undefined : t('spaces.nameRequired'),
      audience: audience() ? undefined : t('spaces.audienceRequired'),
    });
    if (!ok) return;
    await run(
      async () => {
        const space = await unwrap(
          api.spaces.$post({ json: { name: name().trim(), description: description().trim(), audience: audience() as Audience } }),
        );
        setCreated(space.name);
        setName('');
        setDescription('');
        setAudience('');
        await revalidate(getSpaces.key);
      },
      (err) => {
        errors.fromError(err);
      },
    );
  };
  return (
    <section class="panel" aria-labelledby="new-space-title">
      <h2 class="section-title" id="new-space-title">
        {t('spaces.newTitle')}
      </h2>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <StatusMessage message={created() ? { tone: 'success', text: t('spaces.created', { name: created() ?? '' }) } : undefined} />
      <form class="form" novalidate onSubmit={submit}>
        <Field
          id={fieldId('name')}
          label={t('spaces.name')}
          value={name()}
          onInput={setName}
          error={errors.error('name')}
          maxLength={80}
          dir="auto"
        />
        <Select
          id={fieldId('audience')}
          label={t('spaces.audienceLabel')}
          value={audience()}
          placeholder={t('spaces.audiencePick')}
          options={(['members', 'practitioners', 'board'] as const).map((a) => ({ value: a, label: audienceWords(a) }))}
          onChange={(v) => setAudience(v as Audience)}
          error={errors.error('audience')}
        />
        <Field
          id={fieldId('description')}
          label={t('spaces.description')}
          value={description()}
          onInput={setDescription}
          error={errors.error('description')}
          optional
          multiline
          rows={2}
          maxLength={500}
          dir="auto"
        />
        <button type="submit" class="button" disabled={busy()}>
          {t('spaces.create')}
        </button>
      </form>
    </section>
  );
}

export default function SpacesPage() {
  const spaces = createAsync(() => getSpaces());
  const me = createAsync(() => getMe());
  return (
    <div class="narrow">
      <PageHeading>{t('spaces.title')}</PageHeading>
      <p class="lead">{t('spaces.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={spaces()}>
          {(s) => (
            <Show when={s().items.length > 0} fallback={<p>{t('spaces.empty')}</p>}>
              <ul class="plain-list cards cards--single">
                <For each={s().items}>
                  {(space) => (
                    <li class="card">
                      <h2 class="card__title">
                        <A href={`/spaces/${encodeURIComponent(space.id)}`} dir="auto">
                          {space.name}
                        </A>
                      </h2>
                      <Show when={space.description}>
                        <p dir="auto">{space.description}</p>
                      </Show>
                      <p class="card__meta">{t('spaces.audience', { audience: audienceWords(space.audience) })}</p>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Suspense>
      <Show when={isBoard(me())}>
        <NewSpace />
      </Show>
    </div>
  );
}
