import { createAsync } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { heldReasons } from '../../../shared/held-content';
import { isolate, t } from '../i18n';
import { api, unwrap } from '../lib/api';
import { audienceWords, heldInWords, type Space } from '../lib/discussion';
import { createBusy, createFormErrors, fieldId } from '../lib/form';
import { getMe, isBoard } from '../lib/session';
import { RadioGroup } from './choice-group';
import { ErrorSummary } from './error-summary';
import { Field } from './field';
import { Notice } from './notice';

type Posted = { state: string; heldReasons?: string[] | undefined };

/**
 * Writes a new thread (with a title) or a reply, as herself or anonymously. It names who will
 * see the post, warns before posting when the post will wait for the board, and says so after.
 */
export function Composer(props: {
  space: Space | undefined;
  target: { spaceId: string } | { threadId: string };
  idPrefix: string;
  onPosted: (posted: Posted) => void;
}) {
  const me = createAsync(() => getMe());
  const withTitle = () => 'spaceId' in props.target;
  const [title, setTitle] = createSignal('');
  const [body, setBody] = createSignal('');
  const [identity, setIdentity] = createSignal<'named' | 'anonymous'>('named');
  const { busy, run } = createBusy();
  const [posted, setPosted] = createSignal<Posted>();
  const errors = createFormErrors(['title', 'body', 'identity']);
  const id = (f: string) => `${props.idPrefix}-${fieldId(f)}`;

  // The same rules the API applies, so she learns before posting (board posts never wait).
  const warning = createMemo(() => {
    if (isBoard(me())) return '';
    const reasons: string[] = identity() === 'anonymous' ? ['anonymous'] : [];
    reasons.push(...heldReasons(`${title()}\n${body()}`));
    return body().trim() || title().trim() ? heldInWords(reasons) : '';
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy()) return;
    setPosted(undefined);
    const ok = errors.check({
      title: withTitle() && !title().trim() ? t('validation.title') : undefined,
      body: body().trim() ? undefined : t('validation.body'),
    });
    if (!ok) return;
    await run(
      async () => {
        const target = props.target;
        const result: Posted =
          'spaceId' in target
            ? await unwrap(
                api.spaces[':id'].threads.$post({
                  param: { id: target.spaceId },
                  json: { title: title().trim(), body: body(), identity: identity() },
                }),
              )
            : await unwrap(
                api.threads[':id'].posts.$post({ param: { id: target.threadId }, json: { body: body(), identity: identity() } }),
              );
        setTitle('');
        setBody('');
        setPosted(result);
        props.onPosted(result);
      },
      (err) => {
        errors.fromError(err);
      },
    );
  };

  const fieldIds = (f: string) => ({ id: id(f) });
  return (
    <>
      <ErrorSummary items={errors.summary().map((i) => ({ ...i, id: `${props.idPrefix}-${i.id}` }))} general={errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        <Show when={props.space}>
          {(s) => (
            <p class="muted">
              {(() => {
                const size = s().audienceSize;
                return size === undefined
                  ? t('composer.audience', { space: isolate(s().name), audience: audienceWords(s().audience) })
                  : t('composer.audienceCount', { count: size, space: isolate(s().name), audience: audienceWords(s().audience) });
              })()}
            </p>
          )}
        </Show>
        <Show when={withTitle()}>
          <Field
            {...fieldIds('title')}
            label={t('composer.title')}
            dir="auto"
            maxLength={200}
            value={title()}
            onInput={setTitle}
            error={errors.error('title')}
          />
        </Show>
        <Field
          {...fieldIds('body')}
          label={t('composer.body')}
          hint={t('composer.bodyHint')}
          multiline
          rows={6}
          dir="auto"
          maxLength={20000}
          value={body()}
          onInput={(v) => {
            setPosted(undefined);
            setBody(v);
          }}
          error={errors.error('body')}
        />
        <RadioGroup
          id={id('identity')}
          legend={t('composer.identity')}
          choices={[
            { value: 'named', label: t('composer.named', { name: isolate(me()?.profile?.displayName ?? '') }) },
            { value: 'anonymous', label: t('composer.anonymous'), hint: t('composer.anonymousHint') },
          ]}
          value={identity()}
          onChange={(v) => setIdentity(v === 'anonymous' ? 'anonymous' : 'named')}
        />
        <Show when={warning()}>
          <Notice tone="warning">
            <p>{t('composer.warn', { reasons: warning() })}</p>
          </Notice>
        </Show>
        <div role="status" class="live">
          <Show when={posted()}>
            {(p) => (
              <Notice tone={p().state === 'pending' ? 'warning' : 'success'}>
                <p>
                  {p().state === 'pending'
                    ? t('composer.held', { reasons: heldInWords(p().heldReasons) || t('held.first_posts') })
                    : t('composer.posted')}
                </p>
              </Notice>
            )}
          </Show>
        </div>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy() ? 'true' : undefined}>
            {busy() ? t('composer.posting') : withTitle() ? t('space.start') : t('composer.reply')}
          </button>
        </div>
      </form>
    </>
  );
}
