import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX } from '../../../../shared/announcement-schemas';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { type Status, StatusMessage } from '../../components/status-message';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { createBusy, createFormErrors, fieldId, generalMessage } from '../../lib/form';
import { createMorePages } from '../../lib/more-pages';
import { fetchAnnouncementsPage, getAnnouncements, getAudience, sendAnnouncement } from './data';

/**
 * The board writes to every active member: an in-app notice each, and for those with email on a
 * neutral email that only says there is something new. A confirm step says how many will hear.
 */
export default function BoardAnnouncementsPage() {
  const [title, setTitle] = createSignal('');
  const [body, setBody] = createSignal('');
  const errors = createFormErrors(['title', 'body']);
  const [confirming, setConfirming] = createSignal<{ members: number }>();
  const [message, setMessage] = createSignal<Status>();
  const sending = createBusy();
  const list = createAsync(() => getAnnouncements());
  const more = createMorePages(list, fetchAnnouncementsPage);
  const all = () => [...(list()?.items ?? []), ...more.items()];

  const review = async (e: SubmitEvent) => {
    e.preventDefault();
    setMessage(undefined);
    const ok = errors.check({
      title: title().trim() ? undefined : t('announcements.titleMissing'),
      body: body().trim() ? undefined : t('announcements.bodyMissing'),
    });
    if (!ok) return;
    try {
      setConfirming(await getAudience());
    } catch (err) {
      errors.setGeneral(generalMessage(err));
    }
  };

  const send = () =>
    sending.run(
      async () => {
        const sent = await sendAnnouncement({ title: title(), body: body() });
        setConfirming(undefined);
        setTitle('');
        setBody('');
        setMessage({ tone: 'success', text: t('announcements.sent', { count: sent.notified }) });
        await revalidate(getAnnouncements.key);
      },
      (err) => {
        setConfirming(undefined);
        errors.fromError(err);
      },
    );

  return (
    <div>
      <PageHeading>{t('announcements.title')}</PageHeading>
      <p>{t('announcements.intro')}</p>
      <section class="panel" aria-labelledby="announce-write-title">
        <h2 class="section-title" id="announce-write-title">
          {t('announcements.writeTitle')}
        </h2>
        <ErrorSummary items={errors.summary()} general={errors.general()} />
        <StatusMessage message={message()} />
        <form class="form" novalidate onSubmit={review}>
          <Field
            id={fieldId('title')}
            label={t('announcements.fieldTitle')}
            maxLength={ANNOUNCEMENT_TITLE_MAX}
            dir="auto"
            value={title()}
            onInput={setTitle}
            error={errors.error('title')}
          />
          <Field
            id={fieldId('body')}
            label={t('announcements.fieldBody')}
            hint={t('announcements.bodyHint')}
            multiline
            rows={8}
            maxLength={ANNOUNCEMENT_BODY_MAX}
            dir="auto"
            value={body()}
            onInput={setBody}
            error={errors.error('body')}
          />
          <div class="actions">
            <button type="submit" class="button">
              {t('announcements.review')}
            </button>
          </div>
        </form>
      </section>
      <ConfirmDialog
        open={!!confirming()}
        title={t('announcements.confirmTitle')}
        confirmLabel={sending.busy() ? t('announcements.sending') : t('announcements.send')}
        busy={sending.busy()}
        onConfirm={() => void send()}
        onClose={() => setConfirming(undefined)}
      >
        <p>{t('announcements.confirmCount', { count: confirming()?.members ?? 0 })}</p>
        <p>{t('announcements.confirmEmail')}</p>
      </ConfirmDialog>
      <section class="panel" aria-labelledby="announce-sent-title">
        <h2 class="section-title" id="announce-sent-title">
          {t('announcements.sentTitle')}
        </h2>
        <Suspense fallback={<Loading />}>
          <Show when={all().length > 0} fallback={<p class="muted">{t('announcements.none')}</p>}>
            <ul class="plain-list">
              <For each={all()}>
                {(a) => (
                  <li>
                    <A href={`/announcements/${encodeURIComponent(a.id)}`} dir="auto">
                      {a.title}
                    </A>{' '}
                    <span class="muted">· {formatDate(a.at)}</span>
                  </li>
                )}
              </For>
            </ul>
            <LoadMore more={more} />
          </Show>
        </Suspense>
      </section>
    </div>
  );
}
