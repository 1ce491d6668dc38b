import { A, createAsync, revalidate, useNavigate, useParams } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FileList } from '../../components/file-list';
import { FileUpload } from '../../components/file-upload';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import { countryName, formatDate, formatList, languageName } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { heldInWords } from '../../lib/discussion';
import { createBusy, generalMessage } from '../../lib/form';
import { audienceName, authorWords, getLibraryPage, getPractice, type Practice, themeName } from '../../lib/library';
import { renderMarkdown } from '../../lib/markdown';
import { getMe } from '../../lib/session';
import { createSignal } from 'solid-js';

/** One of the three parts of a practice, as its author wrote it (the app's safe Markdown). */
function Section(props: { id: string; title: string; text: string; lang: string }) {
  return (
    <Show when={props.text}>
      <section aria-labelledby={props.id}>
        <h2 id={props.id}>{props.title}</h2>
        <div class="post__body" dir="auto" lang={props.lang}>
          {renderMarkdown(props.text)}
        </div>
      </section>
    </Show>
  );
}

/** What only its author (and the board) reads: where the practice stands with the board. */
function Standing(props: { practice: Practice }) {
  const p = () => props.practice;
  return (
    <>
      <Show when={p().state === 'pending'}>
        <Notice tone="info">
          <p>{p().liveRevision ? t('practice.pendingEdit') : t('practice.pending')}</p>
          <Show when={heldInWords(p().heldReasons)}>{(words) => <p>{t('practice.held', { reasons: words() })}</p>}</Show>
        </Notice>
      </Show>
      <Show when={p().state === 'rejected' && p().moderationReason}>
        {(reason) => (
          <Notice tone="warning">
            <p dir="auto">{t('practice.rejected', { reason: isolate(reason()) })}</p>
          </Notice>
        )}
      </Show>
    </>
  );
}

function Useful(props: { practice: Practice }) {
  const p = () => props.practice;
  const busy = createBusy();
  const [error, setError] = createSignal<string>();
  const toggle = () =>
    void busy.run(
      async () => {
        setError(undefined);
        const param = { param: { id: p().id } };
        await unwrap(p().markedUseful ? api.practices[':id'].useful.$delete(param) : api.practices[':id'].useful.$put(param));
        await revalidate([getPractice.keyFor(p().id), getLibraryPage.key]);
      },
      (e) => setError(generalMessage(e)),
    );
  return (
    <section class="panel" aria-labelledby="useful-title">
      <h2 id="useful-title" class="card__subtitle">
        {t('library.useful', { count: p().useful })}
      </h2>
      <p class="muted">{t('practice.usefulPrivacy')}</p>
      <button
        type="button"
        class="button"
        classList={{ 'button--secondary': !!p().markedUseful }}
        aria-pressed={p().markedUseful ? 'true' : 'false'}
        aria-disabled={busy.busy() ? 'true' : undefined}
        onClick={toggle}
      >
        {p().markedUseful ? t('practice.unmarkUseful') : t('practice.markUseful')}
      </button>
      <div role="status" class="live">
        <Show when={error()}>
          <p class="field__error">{error()}</p>
        </Show>
      </div>
    </section>
  );
}

function Discussion(props: { practice: Practice }) {
  const navigate = useNavigate();
  const busy = createBusy();
  const [error, setError] = createSignal<string>();
  const open = () =>
    void busy.run(
      async () => {
        const { threadId } = await unwrap(api.practices[':id'].thread.$post({ param: { id: props.practice.id } }));
        navigate(`/threads/${encodeURIComponent(threadId)}`);
      },
      (e) => setError(generalMessage(e)),
    );
  return (
    <>
      <Show
        when={props.practice.threadId}
        fallback={
          <button type="button" class="button button--secondary" aria-disabled={busy.busy() ? 'true' : undefined} onClick={open}>
            {t('practice.discuss')}
          </button>
        }
      >
        {(id) => (
          <A class="button button--secondary" href={`/threads/${encodeURIComponent(id())}`}>
            {t('practice.discuss')}
          </A>
        )}
      </Show>
      <Show when={error()}>
        <p class="field__error" role="alert">
          {error()}
        </p>
      </Show>
    </>
  );
}

/** Her own practice, taken back after a confirmation: members no longer read it. */
function Withdraw(props: { practice: Practice }) {
  const navigate = useNavigate();
  const [open, setOpen] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const busy = createBusy();
  const confirm = () =>
    void busy.run(
      async () => {
        await unwrap(api.practices[':id'].$delete({ param: { id: props.practice.id } }));
        setOpen(false);
        await revalidate([getPractice.keyFor(props.practice.id), getLibraryPage.key]);
        navigate('/library?mine=true');
      },
      (e) => setError(generalMessage(e)),
    );
  return (
    <>
      <button type="button" class="button button--secondary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('practice.withdraw')}
      </button>
      <ConfirmDialog
        open={open()}
        title={t('practice.withdrawTitle')}
        confirmLabel={t('practice.withdraw')}
        busy={busy.busy()}
        danger
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <p>{t('practice.withdrawExplain')}</p>
        <Show when={error()}>
          <p class="field__error" role="alert">
            {error()}
          </p>
        </Show>
      </ConfirmDialog>
    </>
  );
}

/**
 * A practice's attachments (issue 14): whoever may read it downloads them (saved, never opened in
 * the app); its author attaches up to five and removes them.
 */
function PracticeFiles(props: { practice: Practice; own: boolean }) {
  const p = () => props.practice;
  const param = () => ({ id: p().id });
  const refresh = () => revalidate([getPractice.keyFor(p().id)]);
  return (
    <section aria-labelledby="practice-files">
      <h2 id="practice-files">{t('practice.files')}</h2>
      <Show when={p().files.length > 0} fallback={<p class="muted">{t('practice.noFiles')}</p>}>
        <FileList
          files={p().files}
          href={(fileId) => `/api/practices/${encodeURIComponent(p().id)}/files/${encodeURIComponent(fileId)}`}
          canRemove={() => props.own}
          remove={async (fileId) => {
            await unwrap(api.practices[':id'].files[':fileId'].$delete({ param: { ...param(), fileId } }));
          }}
          onRemoved={refresh}
          prepare={async (fileId) => {
            const res = await api.practices[':id'].files[':fileId'].$get(
              { param: { ...param(), fileId } },
              { init: { redirect: 'manual' } },
            );
            // The API's 302 to the download link is what a good answer looks like here.
            if (res.type !== 'opaqueredirect') await unwrap(res);
          }}
        />
      </Show>
      <Show when={props.own}>
        <FileUpload
          start={(json) => unwrap(api.practices[':id'].files.$post({ param: param(), json }))}
          finish={(fileId) => unwrap(api.practices[':id'].files[':fileId'].complete.$post({ param: { ...param(), fileId } }))}
          onUploaded={refresh}
        />
      </Show>
    </section>
  );
}

function PracticeView(props: { practice: Practice; me: string }) {
  const p = () => props.practice;
  const own = () => p().authorId === props.me;
  const live = () => p().publishedAt !== null && p().state !== 'removed';
  return (
    <article>
      {/* The tab says only "Library": a practice's title could say what she works on. */}
      <PageHeading dir="auto" kind={t('nav.library')}>
        {p().title}
      </PageHeading>
      <p class="card__meta">
        <Show
          when={p().authorId && p().contact && !own()}
          fallback={<span dir="auto">{t('practice.sharedBy', { name: isolate(authorWords(p())) })}</span>}
        >
          <A href={`/members/${encodeURIComponent(p().authorId ?? '')}`} dir="auto">
            {t('practice.sharedBy', { name: isolate(authorWords(p())) })}
          </A>
        </Show>
        <Show when={p().publishedAt}>{(at) => <> · {t('practice.publishedOn', { date: formatDate(at()) })}</>}</Show>
      </p>
      <Show when={own() || p().state !== 'published'}>
        <Standing practice={p()} />
      </Show>
      <p class="lead" dir="auto" lang={p().language}>
        {p().summary}
      </p>
      <dl class="details">
        <div class="details__row">
          <dt>{t('practice.countries')}</dt>
          <dd>{formatList(p().countries.map(countryName))}</dd>
        </div>
        <div class="details__row">
          <dt>{t('practice.themes')}</dt>
          <dd>{formatList(p().themes.map(themeName))}</dd>
        </div>
        <div class="details__row">
          <dt>{t('practice.language')}</dt>
          <dd>{languageName(p().language)}</dd>
        </div>
        <div class="details__row">
          <dt>{t('practice.audience')}</dt>
          <dd>{audienceName(p().audience)}</dd>
        </div>
      </dl>
      <Section id="practice-done" title={t('practice.done')} text={p().done} lang={p().language} />
      <Section id="practice-worked" title={t('practice.worked')} text={p().worked} lang={p().language} />
      <Section id="practice-did-not-work" title={t('practice.didNotWork')} text={p().didNotWork} lang={p().language} />
      <PracticeFiles practice={p()} own={own()} />
      <Show when={live()}>
        <Useful practice={p()} />
      </Show>
      <div class="actions">
        <Show when={live()}>
          <Discussion practice={p()} />
        </Show>
        <Show when={own() && p().state !== 'removed'}>
          <A class="button button--secondary" href={`/library/${encodeURIComponent(p().id)}/edit`}>
            {t('practice.edit')}
          </A>
          <Withdraw practice={p()} />
        </Show>
      </div>
    </article>
  );
}

export default function PracticePage() {
  const params = useParams();
  const me = createAsync(() => getMe());
  const practice = createAsync(() => getPractice(params.id ?? ''));
  return (
    <div class="narrow">
      <Suspense fallback={<Loading />}>
        <Show
          when={practice() && me()}
          fallback={
            <Show when={practice() === null}>
              <PageHeading>{t('notFound.title')}</PageHeading>
              <p>{t('library.notFound')}</p>
            </Show>
          }
        >
          <PracticeView practice={practice()!} me={me()?.id ?? ''} />
        </Show>
      </Suspense>
    </div>
  );
}
