import { createAsync, revalidate, useNavigate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { StatusMessage } from '../../components/status-message';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId, generalMessage } from '../../lib/form';
import { createMorePages } from '../../lib/more-pages';
import { forgetSession, getMe, signOut } from '../../lib/session';
import { fetchBlocksPage, getBlocks } from './data';
import { EmailSettings } from './email';
import { ChangePassword } from './password';
import { OnThisDevice } from './on-this-device';
import { OtherSessions } from './sessions';
import { TwoStepSignIn } from './two-step';

function Blocks() {
  const blocks = createAsync(() => getBlocks());
  const more = createMorePages(blocks, fetchBlocksPage);
  const all = () => [...(blocks()?.items ?? []), ...more.items()];
  const [message, setMessage] = createSignal<{ tone: 'success' | 'warning'; text: string }>();
  const unblock = async (id: string) => {
    try {
      await unwrap(api.members.me.blocks[':id'].$delete({ param: { id } }));
      setMessage({ tone: 'success', text: t('settings.unblocked') });
      await revalidate(getBlocks.key);
      document.getElementById('blocks-title')?.focus();
    } catch (e) {
      setMessage({ tone: 'warning', text: generalMessage(e) });
    }
  };
  return (
    <section class="panel" aria-labelledby="blocks-title">
      <h2 class="section-title" id="blocks-title" tabindex="-1">
        {t('settings.blocksTitle')}
      </h2>
      <p>{t('settings.blocksIntro')}</p>
      <StatusMessage message={message()} />
      <Suspense fallback={<Loading />}>
        <Show when={all().length > 0} fallback={<p class="muted">{t('settings.blocksEmpty')}</p>}>
          <ul class="plain-list blocks">
            <For each={all()}>
              {(b) => (
                <li class="blocks__item">
                  <span>
                    <span dir="auto">{b.displayName}</span> · {t('settings.blockedOn', { date: formatDate(b.at) })}
                  </span>
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    aria-label={t('settings.unblockLabel', { name: b.displayName })}
                    onClick={() => void unblock(b.memberId)}
                  >
                    {t('settings.unblock')}
                  </button>
                </li>
              )}
            </For>
          </ul>
          <LoadMore more={more} />
        </Show>
      </Suspense>
    </section>
  );
}

function Download() {
  const { busy, run } = createBusy();
  const [error, setError] = createSignal<string>();
  const download = async () => {
    if (busy()) return;
    setError(undefined);
    await run(
      async () => {
        // Always fresh, never from the cache: this is her copy of her data right now.
        const data = await unwrap(api.members.me.export.$get());
        const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
        const a = document.createElement('a');
        a.href = url;
        // A neutral name: a file in a shared phone's downloads must not name the network.
        a.download = `export-${new Date().toISOString().slice(0, 10)}.json`;
        a.rel = 'external';
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      (e) => setError(generalMessage(e)),
    );
  };
  return (
    <section class="panel" aria-labelledby="export-title">
      <h2 class="section-title" id="export-title">
        {t('settings.exportTitle')}
      </h2>
      <p>{t('settings.exportBody')}</p>
      <Show when={error()}>
        <p class="field__error" role="alert">
          {error()}
        </p>
      </Show>
      <button type="button" class="button button--secondary" aria-disabled={busy() ? 'true' : undefined} onClick={download}>
        {busy() ? t('settings.exporting') : t('settings.export')}
      </button>
    </section>
  );
}

function DeleteAccount() {
  const navigate = useNavigate();
  const [typed, setTyped] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const errors = createFormErrors(['confirm']);
  const word = () => t('settings.deleteWord');
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    const ok = errors.check({
      confirm:
        typed().trim().toLocaleLowerCase() === word().toLocaleLowerCase() ? undefined : t('settings.deleteMismatch', { word: word() }),
    });
    if (!ok) return;
    setBusy(true);
    try {
      await unwrap(api.members.me.$delete());
      await signOut('deleted');
      navigate('/sign-in', { replace: true });
      void forgetSession();
    } catch (err) {
      errors.fromError(err);
      setBusy(false);
    }
  };
  return (
    <section class="panel panel--danger" aria-labelledby="delete-title">
      <h2 class="section-title" id="delete-title">
        {t('settings.deleteTitle')}
      </h2>
      <p>{t('settings.deleteBody')}</p>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" onSubmit={submit} novalidate>
        <Field
          id={fieldId('confirm')}
          label={t('settings.deleteConfirmLabel', { word: word() })}
          autocomplete="off"
          spellcheck={false}
          value={typed()}
          onInput={setTyped}
          error={errors.error('confirm')}
        />
        <div class="actions">
          <button type="submit" class="button button--danger" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('settings.deleting') : t('settings.delete')}
          </button>
        </div>
      </form>
    </section>
  );
}

export default function SettingsPage() {
  const me = createAsync(() => getMe());
  return (
    <div class="narrow">
      <PageHeading>{t('settings.title')}</PageHeading>
      <OnThisDevice />
      <EmailSettings />
      <TwoStepSignIn />
      <ChangePassword />
      <OtherSessions />
      {/* Blocking is between members: an applicant still waiting sees no one to block. */}
      <Show when={me()?.status === 'active'}>
        <Blocks />
      </Show>
      <Download />
      <DeleteAccount />
    </div>
  );
}
