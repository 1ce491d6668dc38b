import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, Show, Suspense, untrack } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { api, isStatus, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { getRules } from './data';
import { ReapplySettings } from './reapply-settings';

function RulesForm(props: { words: string[]; version: number }) {
  // Her draft and the version it was based on; set once, then kept across saves and reloads.
  const [text, setText] = createSignal(untrack(() => props.words.join('\n')));
  const [version, setVersion] = createSignal(untrack(() => props.version));
  const { busy, run } = createBusy();
  const [saved, setSaved] = createSignal(false);
  const errors = createFormErrors(['watchedWords']);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setSaved(false);
    errors.clear();
    const watchedWords = [
      ...new Set(
        text()
          .split('\n')
          .map((w) => w.trim())
          .filter(Boolean),
      ),
    ];
    await run(
      async () => {
        const next = await unwrap(api.moderation.rules.$put({ json: { watchedWords, version: version() } }));
        setVersion(next.version);
        setText(next.watchedWords.join('\n'));
        setSaved(true);
        // The cached rules follow, for the next visit; this form is not re-created by it.
        void revalidate(getRules.key);
      },
      async (err) => {
        if (isStatus(err, 409)) {
          const fresh = await unwrap(api.moderation.rules.$get());
          setVersion(fresh.version);
          setText(fresh.watchedWords.join('\n'));
          errors.setGeneral(t('rules.conflict'));
        } else errors.fromError(err);
      },
    );
  };
  return (
    <>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        <Field
          id={fieldId('watchedWords')}
          label={t('rules.words')}
          hint={t('rules.wordsHint')}
          multiline
          rows={10}
          dir="auto"
          value={text()}
          onInput={(v) => {
            setSaved(false);
            setText(v);
          }}
          error={errors.error('watchedWords')}
        />
        <div role="status" class="live">
          <Show when={saved()}>
            <Notice tone="success">
              <p>{t('rules.saved')}</p>
            </Notice>
          </Show>
        </div>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('rules.saving') : t('rules.save')}
          </button>
        </div>
      </form>
    </>
  );
}

export default function RulesPage() {
  const rules = createAsync(() => getRules());
  return (
    <div class="narrow">
      <PageHeading>{t('rules.title')}</PageHeading>
      <p class="lead">{t('rules.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={rules()}>{(r) => <RulesForm words={r().watchedWords} version={r().version} />}</Show>
        <ReapplySettings />
      </Suspense>
    </div>
  );
}
