import { createAsync, revalidate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, Index, on, Show, Suspense } from 'solid-js';
import { Checkbox } from '../../components/choice-group';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { Loading } from '../../components/loading';
import { MemberName } from '../../components/member-name';
import { Notice } from '../../components/notice';
import { ReportDialog, type ReportTarget } from '../../components/report-dialog';
import { ActionOutcome } from '../../components/status-message';
import { t } from '../../i18n';
import { formatDateTime, timeZone } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { conversationSeen, editable, fetchEarlier, getConversation, type MessageView } from '../../lib/conversation';
import { createBusy, createFormErrors, generalMessage } from '../../lib/form';
import { renderMarkdown } from '../../lib/markdown';
import type { MentorshipView } from '../../lib/mentorship';
import { createMorePages } from '../../lib/more-pages';
import { localNow, zonedToUtc } from '../../lib/zoned-time';

const MAX_PROPOSALS = 3;

/**
 * The private conversation of a mentorship: its two members only. Oldest first with "load
 * earlier" above; her own messages can be edited for 15 minutes and deleted; a message may
 * propose up to three meeting times (typed in her time zone, sent as UTC) and the other member
 * accepts one. Nothing here tells either member what the other has read or is doing.
 */
export function Conversation(props: { mentorship: MentorshipView; me: string; onCheckIn: (date: string) => void }) {
  const id = () => props.mentorship.id;
  const page = createAsync(() => getConversation(id()));
  const more = createMorePages(page, (cursor) => fetchEarlier(id(), cursor), id);
  const messages = createMemo(() => {
    const all = new Map<string, MessageView>();
    for (const m of [...more.items(), ...(page()?.items ?? [])]) all.set(m.id, m);
    return [...all.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  });
  const state = () => page()?.state ?? 'open';
  const otherId = () => (props.mentorship.mentorId === props.me ? props.mentorship.menteeId : props.mentorship.mentorId);
  const otherErased = () =>
    props.mentorship.erased !== undefined && (props.mentorship.mentorId === props.me ? 'mentee' : 'mentor') === props.mentorship.erased;

  const [done, setDone] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const [deleting, setDeleting] = createSignal<MessageView>();
  const [editing, setEditing] = createSignal<string>();
  const [reporting, setReporting] = createSignal<ReportTarget>();
  const action = createBusy();

  const reload = async () => {
    await revalidate(getConversation.keyFor(id()));
  };
  // Reading the latest page cleared her own unread marker on the server: the menu follows, once it has.
  createEffect(
    on(page, (p) => {
      if (p) void conversationSeen();
    }),
  );

  const fail = (e: unknown) => {
    setProblem(generalMessage(e));
    void reload();
  };

  const remove = async () => {
    const m = deleting();
    if (!m) return;
    setProblem(undefined);
    await action.run(
      async () => {
        await unwrap(api.mentorships[':id'].messages[':messageId'].$delete({ param: { id: id(), messageId: m.id } }));
        setDeleting(undefined);
        setDone(t('conversation.deletedDone'));
        await reload();
      },
      (e) => {
        setDeleting(undefined);
        fail(e);
      },
    );
  };

  const accept = async (m: MessageView, startsAt: string) => {
    setProblem(undefined);
    await action.run(async () => {
      await unwrap(
        api.mentorships[':id'].messages[':messageId'].accept.$post({ param: { id: id(), messageId: m.id }, json: { startsAt } }),
      );
      setDone(t('conversation.acceptedDone', { time: formatDateTime(startsAt) }));
      await reload();
    }, fail);
  };

  return (
    <section class="panel conversation" aria-labelledby="conversation-title">
      <h2 class="section-title" id="conversation-title">
        {t('conversation.title')}
      </h2>
      <p class="muted">{t('conversation.privacy')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={state() !== 'open'}>
          <Notice tone="info">
            <p>{t(`conversation.state.${state()}`)}</p>
          </Notice>
        </Show>
        <Show when={more.next()}>
          <div class="actions actions--center">
            <button
              type="button"
              class="button button--secondary button--small"
              aria-disabled={more.loading() ? 'true' : undefined}
              onClick={() => void more.load().catch(fail)}
            >
              {more.loading() ? t('app.loading') : t('conversation.loadEarlier')}
            </button>
          </div>
        </Show>
        <Show when={messages().length > 0} fallback={<p>{t('conversation.empty')}</p>}>
          <ol class="messages">
            <For each={messages()}>
              {(m) => {
                const mine = () => m.authorId === props.me;
                return (
                  <li class="message" classList={{ 'message--mine': mine() }}>
                    <p class="message__meta">
                      <span class="message__author">
                        <Show when={!mine()} fallback={t('conversation.you')}>
                          <MemberName id={otherId()} former={otherErased()} />
                        </Show>
                      </span>{' '}
                      <time datetime={m.at}>{formatDateTime(m.at)}</time>
                      <Show when={m.editedAt && !m.deleted}>
                        {' '}
                        <span class="badge badge--quiet">{t('conversation.edited')}</span>
                      </Show>
                    </p>
                    <Show when={!m.deleted} fallback={<p class="muted message__deleted">{t('conversation.deleted')}</p>}>
                      <Show
                        when={editing() === m.id}
                        fallback={
                          <div class="post__body" dir="auto">
                            {renderMarkdown(m.body)}
                          </div>
                        }
                      >
                        <EditForm
                          mentorshipId={id()}
                          message={m}
                          onDone={async () => {
                            setEditing(undefined);
                            setDone(t('conversation.editedDone'));
                            await reload();
                          }}
                          onCancel={() => setEditing(undefined)}
                        />
                      </Show>
                    </Show>
                    <Show when={!m.deleted && m.proposals && !m.acceptedProposal}>
                      <div class="message__proposals">
                        <p class="message__label">{t('conversation.proposed')}</p>
                        <ul class="plain-list">
                          <For each={m.proposals}>
                            {(p) => (
                              <li>
                                <time datetime={p.startsAt}>{formatDateTime(p.startsAt)}</time>
                                <Show when={!mine() && state() === 'open' && Date.parse(p.startsAt) > Date.now()}>
                                  {' '}
                                  <button
                                    type="button"
                                    class="button button--small"
                                    aria-disabled={action.busy() ? 'true' : undefined}
                                    onClick={() => void accept(m, p.startsAt)}
                                  >
                                    {t('conversation.accept', { time: formatDateTime(p.startsAt) })}
                                  </button>
                                </Show>
                              </li>
                            )}
                          </For>
                        </ul>
                        <Show when={mine()}>
                          <p class="muted">{t('conversation.waiting')}</p>
                        </Show>
                      </div>
                    </Show>
                    <Show when={m.acceptedProposal}>
                      {(meeting) => (
                        <div class="message__meeting">
                          <p>
                            <strong>{t('conversation.agreed', { time: formatDateTime(meeting().startsAt) })}</strong>
                          </p>
                          <div class="actions">
                            <a
                              class="button button--secondary button--small"
                              href={`/api/mentorships/${id()}/messages/${m.id}/calendar`}
                              download="meeting.ics"
                            >
                              {t('conversation.calendar')}
                            </a>
                            <Show when={Date.parse(meeting().startsAt) <= Date.now() && state() === 'open'}>
                              <button
                                type="button"
                                class="button button--secondary button--small"
                                onClick={() => props.onCheckIn(meeting().startsAt.slice(0, 10))}
                              >
                                {t('conversation.writeCheckIn')}
                              </button>
                            </Show>
                          </div>
                        </div>
                      )}
                    </Show>
                    <Show when={!m.deleted}>
                      <div class="message__actions">
                        <Show
                          when={mine()}
                          fallback={
                            <button
                              type="button"
                              class="button button--secondary button--small"
                              aria-haspopup="dialog"
                              onClick={() =>
                                setReporting({
                                  targetType: 'message',
                                  targetId: m.id,
                                  mentorshipId: id(),
                                  title: t('conversation.reportMessage'),
                                })
                              }
                            >
                              {t('conversation.report')}
                            </button>
                          }
                        >
                          <Show when={state() === 'open' && editable(m.at) && editing() !== m.id}>
                            <button type="button" class="button button--secondary button--small" onClick={() => setEditing(m.id)}>
                              {t('conversation.edit')}
                            </button>
                          </Show>
                          <button
                            type="button"
                            class="button button--secondary button--small"
                            aria-haspopup="dialog"
                            onClick={() => setDeleting(m)}
                          >
                            {t('conversation.delete')}
                          </button>
                        </Show>
                      </div>
                    </Show>
                  </li>
                );
              }}
            </For>
          </ol>
        </Show>
        <ActionOutcome done={done()} problem={problem()} />
        <Show when={state() === 'open'}>
          <MessageComposer
            mentorshipId={id()}
            onSent={async () => {
              setDone(undefined);
              setProblem(undefined);
              await reload();
            }}
          />
        </Show>
        <div class="actions">
          <button
            type="button"
            class="button button--secondary button--small"
            aria-haspopup="dialog"
            onClick={() => setReporting({ targetType: 'conversation', targetId: id(), title: t('conversation.reportConversation') })}
          >
            {t('conversation.reportConversation')}
          </button>
        </div>
      </Suspense>
      <ConfirmDialog
        open={!!deleting()}
        title={t('conversation.deleteTitle')}
        confirmLabel={t('conversation.delete')}
        danger
        busy={action.busy()}
        onConfirm={() => void remove()}
        onClose={() => setDeleting(undefined)}
      >
        <p>{t('conversation.deleteBody')}</p>
      </ConfirmDialog>
      <ReportDialog
        target={reporting()}
        intro={reporting()?.targetType === 'conversation' ? t('conversation.reportConversationHint') : t('conversation.reportMessageHint')}
        onClose={() => setReporting(undefined)}
      />
    </section>
  );
}

function EditForm(props: { mentorshipId: string; message: MessageView; onDone: () => Promise<void>; onCancel: () => void }) {
  const [body, setBody] = createSignal(props.message.body);
  const { busy, run } = createBusy();
  const errors = createFormErrors(['body']);
  const fieldId = `edit-${props.message.id}`;
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    if (!errors.check({ body: body().trim() ? undefined : t('validation.body') })) return;
    await run(
      async () => {
        await unwrap(
          api.mentorships[':id'].messages[':messageId'].$patch({
            param: { id: props.mentorshipId, messageId: props.message.id },
            json: { body: body(), version: props.message.version },
          }),
        );
        await props.onDone();
      },
      (err) => errors.fromError(err),
    );
  };
  return (
    <>
      <ErrorSummary items={errors.summary().map((i) => ({ ...i, id: fieldId }))} general={errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        <Field
          id={fieldId}
          label={t('conversation.editLabel')}
          multiline
          rows={3}
          dir="auto"
          maxLength={20000}
          value={body()}
          onInput={setBody}
          error={errors.error('body')}
        />
        <div class="actions">
          <button type="submit" class="button button--small" aria-disabled={busy() ? 'true' : undefined}>
            {t('conversation.save')}
          </button>
          <button type="button" class="button button--secondary button--small" onClick={() => props.onCancel()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </>
  );
}

/** Writes a message; "propose meeting times" opens up to three date-and-time fields in her time zone. */
function MessageComposer(props: { mentorshipId: string; onSent: () => Promise<void> }) {
  const [body, setBody] = createSignal('');
  const [proposing, setProposing] = createSignal(false);
  const [times, setTimes] = createSignal<string[]>(['', '', '']);
  const [sent, setSent] = createSignal(false);
  const { busy, run } = createBusy();
  const errors = createFormErrors(['message', 'time1', 'time2', 'time3']);
  const zone = () => timeZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setSent(false);
    const chosen = proposing() ? times().map((v) => (v ? zonedToUtc(v, zone()) : undefined)) : [];
    const problems: Record<string, string | undefined> = { message: body().trim() ? undefined : t('validation.body') };
    chosen.forEach((at, i) => {
      if (at && Date.parse(at) <= Date.now()) problems[`time${i + 1}`] = t('conversation.timeInPast');
    });
    if (!errors.check(problems)) return;
    const proposals = [...new Set(chosen.filter((x): x is string => !!x))];
    await run(
      async () => {
        await unwrap(
          api.mentorships[':id'].messages.$post({
            param: { id: props.mentorshipId },
            json: { body: body(), ...(proposals.length ? { proposals } : {}) },
          }),
        );
        setBody('');
        setTimes(['', '', '']);
        setProposing(false);
        setSent(true);
        await props.onSent();
      },
      (err) => errors.fromError(err),
    );
  };

  return (
    <>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form conversation__composer" novalidate onSubmit={submit}>
        <Field
          id="message"
          label={t('conversation.message')}
          hint={t('conversation.messageHint')}
          multiline
          rows={4}
          dir="auto"
          maxLength={20000}
          value={body()}
          onInput={(v) => {
            setSent(false);
            setBody(v);
          }}
          error={errors.error('message')}
        />
        <Checkbox id="propose" label={t('conversation.propose')} checked={proposing()} onChange={setProposing} />
        <Show when={proposing()}>
          <fieldset class="field">
            <legend class="field__label">{t('conversation.proposeLegend', { zone: zone() })}</legend>
            <Index each={Array.from({ length: MAX_PROPOSALS })}>
              {(_, i) => (
                <Field
                  id={`time${i + 1}`}
                  type="datetime-local"
                  label={t('conversation.time', { n: i + 1 })}
                  optional={i > 0}
                  min={localNow(zone())}
                  value={times()[i] ?? ''}
                  onInput={(v) => setTimes(times().map((x, j) => (j === i ? v : x)))}
                  error={errors.error(`time${i + 1}`)}
                />
              )}
            </Index>
          </fieldset>
        </Show>
        <div role="status" class="live">
          <Show when={sent()}>
            <Notice tone="success">
              <p>{t('conversation.sent')}</p>
            </Notice>
          </Show>
        </div>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('conversation.sending') : t('conversation.send')}
          </button>
        </div>
      </form>
    </>
  );
}
