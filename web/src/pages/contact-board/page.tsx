import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { LoadMore } from '../../components/load-more';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { createMorePages } from '../../lib/more-pages';
import { fetchBoardMessagesPage, getBoardMessages } from './data';

/** A private message to the advisory board from any signed-in account, and her earlier ones with the board's answers. */
export default function ContactBoardPage() {
  const messages = createAsync(() => getBoardMessages());
  const more = createMorePages(messages, fetchBoardMessagesPage);
  const [body, setBody] = createSignal('');
  const [sent, setSent] = createSignal(false);
  const errors = createFormErrors(['body']);
  const sending = createBusy();

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setSent(false);
    if (!errors.check({ body: body().trim() ? undefined : t('validation.boardMessage') })) return;
    void sending.run(
      async () => {
        await unwrap(api.members.me['board-messages'].$post({ json: { body: body().trim() } }));
        setBody('');
        setSent(true);
        await revalidate(getBoardMessages.key);
      },
      (err) => errors.fromError(err),
    );
  };

  return (
    <div class="narrow">
      <PageHeading>{t('contact.title')}</PageHeading>
      <p class="lead">{t('contact.intro')}</p>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        <Field
          id={fieldId('body')}
          label={t('contact.body')}
          hint={t('contact.bodyHint')}
          multiline
          rows={6}
          maxLength={4000}
          dir="auto"
          value={body()}
          onInput={(v) => {
            setSent(false);
            setBody(v);
          }}
          error={errors.error('body')}
        />
        <div role="status" class="live">
          <Show when={sent()}>
            <Notice tone="success">
              <p>{t('contact.sent')}</p>
            </Notice>
          </Show>
        </div>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={sending.busy() ? 'true' : undefined}>
            {sending.busy() ? t('contact.sending') : t('contact.send')}
          </button>
        </div>
      </form>
      <h2 id="board-messages-title">{t('contact.listTitle')}</h2>
      <Suspense fallback={<Loading />}>
        <Show when={messages()}>
          {(page) => (
            <Show when={page().items.length > 0} fallback={<p>{t('contact.empty')}</p>}>
              <ul class="plain-list cards cards--single" aria-labelledby="board-messages-title">
                <For each={[...page().items, ...more.items()]}>
                  {(m) => (
                    <li class="card">
                      <p class="card__meta">{t('contact.sentAt', { date: formatDate(m.at) })}</p>
                      <p class="prose quote" dir="auto">
                        {m.body}
                      </p>
                      <Show when={m.reply} fallback={<p class="muted">{t('contact.waiting')}</p>}>
                        {(reply) => (
                          <>
                            <h3 class="card__subtitle">{t('contact.answered', { date: formatDate(m.handledAt ?? m.at) })}</h3>
                            <p class="prose" dir="auto">
                              {reply()}
                            </p>
                          </>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <LoadMore more={more} />
            </Show>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
