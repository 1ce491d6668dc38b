import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import type { EventView } from '../../../../shared/events-schemas';
import { Checkbox, RadioGroup } from '../../components/choice-group';
import { ErrorSummary } from '../../components/error-summary';
import { Field } from '../../components/field';
import { FileList } from '../../components/file-list';
import { FileUpload } from '../../components/file-upload';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import { formatDateTime, formatList, formatNumber, languageName } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { capacityState, eventWhen, kindLabel, partOf } from '../../lib/events';
import { createBusy, createFormErrors, fieldId, generalMessage } from '../../lib/form';
import { getMe, isBoard } from '../../lib/session';
import { getEvent, getEventFeedback, getRegistrations, getSeriesDetail } from './data';

/** Register, cancel or wait; the join link once it opens; the calendar file, neutral unless she chooses. */
function Registration(props: { event: EventView; refresh: () => Promise<void> }) {
  const e = () => props.event;
  const [done, setDone] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const [fullTitle, setFullTitle] = createSignal(false);
  const acting = createBusy();
  const act = (run: () => Promise<string>) => {
    setDone(undefined);
    setProblem(undefined);
    void acting.run(
      async () => {
        setDone(await run());
        await props.refresh();
      },
      (err) => setProblem(generalMessage(err)),
    );
  };
  const id = () => ({ param: { id: e().id } });
  const register = () =>
    act(async () => {
      const r = await unwrap(api.events[':id'].registration.$post(id()));
      return r.state === 'registered' ? t('event.registered') : t('event.waitlisted');
    });
  const cancel = () =>
    act(async () => {
      await unwrap(api.events[':id'].registration.$delete(id()));
      return t('event.cancelled');
    });
  const started = () => new Date(e().startsAt).getTime() <= Date.now();
  const mine = () => e().myRegistration;
  return (
    <section aria-labelledby="event-registration">
      <h2 id="event-registration">{t('event.registration')}</h2>
      <p>
        <Show when={mine()} fallback={started() ? '' : capacityState(e())}>
          {(m) => <span class="badge">{t(`events.mine.${m()}`)}</span>}
        </Show>
      </p>
      <div role="status" class="live">
        <Show when={done()}>
          {(d) => (
            <Notice tone="success">
              <p>{d()}</p>
            </Notice>
          )}
        </Show>
      </div>
      <Show when={problem()}>
        {(p) => (
          <Notice tone="warning">
            <p role="alert">{p()}</p>
          </Notice>
        )}
      </Show>
      <Show when={!started()}>
        <div class="actions">
          <Show when={mine() === null}>
            <button type="button" class="button" aria-disabled={acting.busy() ? 'true' : undefined} onClick={register}>
              {e().registered < e().capacity ? t('event.register') : t('event.joinWaitlist')}
            </button>
          </Show>
          <Show when={mine() === 'registered' || mine() === 'waitlisted'}>
            <button type="button" class="button button--secondary" aria-disabled={acting.busy() ? 'true' : undefined} onClick={cancel}>
              {mine() === 'registered' ? t('event.cancel') : t('event.leaveWaitlist')}
            </button>
          </Show>
        </div>
      </Show>
      <Show when={mine() === 'registered' || mine() === 'attended' || e().canManage}>
        <Show
          when={e().joinUrl}
          fallback={
            <Show when={e().mode === 'online' && mine() === 'registered'}>
              <p>{t('event.joinLater', { time: formatDateTime(e().joinOpensAt) })}</p>
            </Show>
          }
        >
          {(url) => (
            <p>
              <a class="button" href={url()} target="_blank" rel="noopener noreferrer">
                {t('event.join')}
              </a>
            </p>
          )}
        </Show>
      </Show>
      <Show when={mine() === 'registered' || mine() === 'attended'}>
        <h3>{t('event.calendar.title')}</h3>
        <p class="muted">{t('event.calendar.why')}</p>
        <Checkbox id="calendar-full-title" label={t('event.calendar.full')} checked={fullTitle()} onChange={setFullTitle} />
        <p>
          <a href={`/api/events/${encodeURIComponent(e().id)}/calendar${fullTitle() ? '?title=full' : ''}`} download="event.ics">
            {t('event.calendar.download')}
          </a>
        </p>
      </Show>
    </section>
  );
}

/** A rating from 1 to 5 and a comment, once, for a member who attended. */
function FeedbackForm(props: { event: EventView; refresh: () => Promise<void> }) {
  const [rating, setRating] = createSignal('');
  const [comment, setComment] = createSignal('');
  const errors = createFormErrors(['rating', 'comment']);
  const sending = createBusy();
  const submit = (ev: SubmitEvent) => {
    ev.preventDefault();
    if (!errors.check({ rating: rating() ? undefined : t('event.feedback.required') })) return;
    void sending.run(
      async () => {
        await unwrap(
          api.events[':id'].feedback.$post({
            param: { id: props.event.id },
            json: { rating: Number(rating()), comment: comment().trim() },
          }),
        );
        await props.refresh();
      },
      (err) => errors.fromError(err),
    );
  };
  return (
    <section aria-labelledby="event-feedback">
      <h2 id="event-feedback">{t('event.feedback.title')}</h2>
      <Show when={!props.event.myFeedback} fallback={<p>{t('event.feedback.thanks')}</p>}>
        <ErrorSummary items={errors.summary()} general={errors.general()} />
        <form class="form" novalidate onSubmit={submit}>
          <RadioGroup
            id={fieldId('rating')}
            legend={t('event.feedback.rating')}
            hint={t('event.feedback.ratingHint')}
            value={rating()}
            choices={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: formatNumber(Number(v)) }))}
            onChange={setRating}
            error={errors.error('rating')}
          />
          <Field
            id={fieldId('comment')}
            label={t('event.feedback.comment')}
            optional
            multiline
            rows={4}
            maxLength={2000}
            dir="auto"
            value={comment()}
            onInput={setComment}
            error={errors.error('comment')}
          />
          <div class="actions">
            <button type="submit" class="button" aria-disabled={sending.busy() ? 'true' : undefined}>
              {t('event.feedback.send')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

/** For the board and the hosts: who registered, who waits, and who attended (marked here). */
function Manage(props: { event: EventView; isBoard: boolean }) {
  const rows = createAsync(() => getRegistrations(props.event.id));
  const feedback = createAsync(() => (props.isBoard ? getEventFeedback(props.event.id) : Promise.resolve(undefined)));
  const [ticked, setTicked] = createSignal<Record<string, boolean>>({});
  const [saved, setSaved] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const saving = createBusy();
  const started = () => new Date(props.event.startsAt).getTime() <= Date.now();
  const present = (r: { memberId: string; state: string }) => ticked()[r.memberId] ?? r.state === 'attended';
  const save = () => {
    setSaved(false);
    setProblem(undefined);
    const list = (rows()?.items ?? []).filter((r) => r.state !== 'waitlisted');
    const yes = list.filter((r) => present(r)).map((r) => r.memberId);
    const no = list.filter((r) => !present(r)).map((r) => r.memberId);
    void saving.run(
      async () => {
        const param = { id: props.event.id };
        if (yes.length) await unwrap(api.events[':id'].attendance.$post({ param, json: { memberIds: yes, attended: true } }));
        if (no.length) await unwrap(api.events[':id'].attendance.$post({ param, json: { memberIds: no, attended: false } }));
        setSaved(true);
        await revalidate(getRegistrations.key);
      },
      (err) => setProblem(generalMessage(err)),
    );
  };
  return (
    <section aria-labelledby="event-manage">
      <h2 id="event-manage">{t('event.manage.title')}</h2>
      <Suspense fallback={<Loading />}>
        <Show when={rows()}>
          {(page) => (
            <Show when={page().items.length > 0} fallback={<p>{t('event.manage.none')}</p>}>
              <Show when={!started()}>
                <p class="muted">{t('event.manage.notStarted')}</p>
              </Show>
              <fieldset class="field choices">
                <legend class="field__label">{t('event.manage.attended')}</legend>
                <For each={page().items.filter((r) => r.state !== 'waitlisted')}>
                  {(r) => (
                    <div class="choice">
                      <input
                        class="choice__input"
                        type="checkbox"
                        id={`attended-${r.memberId}`}
                        checked={present(r)}
                        disabled={!started()}
                        onChange={(ev) => setTicked({ ...ticked(), [r.memberId]: ev.currentTarget.checked })}
                      />
                      <label class="choice__label" for={`attended-${r.memberId}`}>
                        <bdi>{r.name}</bdi>
                      </label>
                    </div>
                  )}
                </For>
              </fieldset>
              <Show when={started()}>
                <div class="actions">
                  <button type="button" class="button" aria-disabled={saving.busy() ? 'true' : undefined} onClick={save}>
                    {t('event.manage.save')}
                  </button>
                </div>
              </Show>
              <div role="status" class="live">
                <Show when={saved()}>
                  <Notice tone="success">
                    <p>{t('event.manage.saved')}</p>
                  </Notice>
                </Show>
              </div>
              <Show when={problem()}>{(p) => <p role="alert">{p()}</p>}</Show>
              <Show when={page().items.some((r) => r.state === 'waitlisted')}>
                <h3>{t('event.manage.waitlist')}</h3>
                <ol>
                  <For
                    each={page()
                      .items.filter((r) => r.state === 'waitlisted')
                      .sort((a, b) => (a.at < b.at ? -1 : 1))}
                  >
                    {(r) => (
                      <li>
                        <bdi>{r.name}</bdi>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
            </Show>
          )}
        </Show>
        <Show when={feedback()}>
          {(f) => (
            <>
              <h3>{t('event.manage.feedbackTitle')}</h3>
              <Show when={f().summary.count > 0} fallback={<p>{t('events.empty')}</p>}>
                <p>{t('event.manage.feedback', { count: f().summary.count, average: formatNumber(f().summary.average ?? 0) })}</p>
              </Show>
              <ul class="plain-list">
                <For each={f().items.filter((i) => i.comment)}>
                  {(i) => (
                    <li class="card">
                      <p class="card__meta">{t('event.manage.rating', { rating: formatNumber(i.rating) })}</p>
                      <p class="prose quote" dir="auto">
                        {i.comment}
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      </Suspense>
    </section>
  );
}

/**
 * Files to download (issue 14): shown to all who may see the event; the board and hosts attach
 * them (before the event too: a reading pack, slides) and remove them.
 */
function EventFiles(props: { event: EventView; refresh: () => Promise<void> }) {
  const e = () => props.event;
  const param = () => ({ id: e().id });
  return (
    <section aria-labelledby="event-files">
      <h2 id="event-files">{t('files.materialsHeading')}</h2>
      <FileList
        files={e().files ?? []}
        href={(fileId) => `/api/events/${encodeURIComponent(e().id)}/files/${encodeURIComponent(fileId)}`}
        canRemove={() => e().canManage}
        remove={async (fileId) => {
          await unwrap(api.events[':id'].files[':fileId'].$delete({ param: { ...param(), fileId } }));
        }}
        onRemoved={props.refresh}
        prepare={async (fileId) => {
          const res = await api.events[':id'].files[':fileId'].$get({ param: { ...param(), fileId } }, { init: { redirect: 'manual' } });
          // The API's 302 to the download link is what a good answer looks like here.
          if (res.type !== 'opaqueredirect') await unwrap(res);
        }}
      />
      <Show when={e().canManage}>
        <FileUpload
          start={(json) => unwrap(api.events[':id'].files.$post({ param: param(), json }))}
          finish={(fileId) => unwrap(api.events[':id'].files[':fileId'].complete.$post({ param: { ...param(), fileId } }))}
          onUploaded={props.refresh}
        />
      </Show>
    </section>
  );
}

/** Links shared after the event: shown to all who may see it; the board and hosts add them. */
function Materials(props: { event: EventView; refresh: () => Promise<void> }) {
  const [title, setTitle] = createSignal('');
  const [url, setUrl] = createSignal('');
  const errors = createFormErrors(['materials.0.title', 'materials.0.url']);
  const saving = createBusy();
  const started = () => new Date(props.event.startsAt).getTime() <= Date.now();
  const add = (ev: SubmitEvent) => {
    ev.preventDefault();
    const e = props.event;
    void saving.run(
      async () => {
        const materials = [{ title: title().trim(), url: url().trim() }, ...e.materials];
        await unwrap(api.events[':id'].materials.$patch({ param: { id: e.id }, json: { materials, version: e.version } }));
        setTitle('');
        setUrl('');
        await props.refresh();
      },
      (err) => errors.fromError(err),
    );
  };
  return (
    <section aria-labelledby="event-materials">
      <h2 id="event-materials">{t('event.materials')}</h2>
      <Show when={props.event.materials.length > 0} fallback={<p>{t('event.noMaterials')}</p>}>
        <ul>
          <For each={props.event.materials}>
            {(m) => (
              <li>
                <a href={m.url} target="_blank" rel="noopener noreferrer nofollow" dir="auto">
                  {m.title}
                </a>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.event.canManage && started()}>
        <ErrorSummary items={errors.summary()} general={errors.general()} />
        <form class="form" novalidate onSubmit={add}>
          <Field
            id={fieldId('materials.0.title')}
            label={t('event.materialTitle')}
            value={title()}
            onInput={setTitle}
            maxLength={200}
            dir="auto"
            error={errors.error('materials.0.title')}
          />
          <Field
            id={fieldId('materials.0.url')}
            label={t('event.materialUrl')}
            hint={t('event.materialUrlHint')}
            value={url()}
            onInput={setUrl}
            dir="ltr"
            error={errors.error('materials.0.url')}
          />
          <div class="actions">
            <button type="submit" class="button button--secondary" aria-disabled={saving.busy() ? 'true' : undefined}>
              {t('event.addMaterial')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

export default function EventPage() {
  const params = useParams();
  const event = createAsync(() => getEvent(params.id ?? ''));
  const me = createAsync(() => getMe());
  const series = createAsync(() => {
    const s = event()?.seriesId;
    return s ? getSeriesDetail(s) : Promise.resolve(undefined);
  });
  const refresh = async () => {
    await revalidate([getEvent.key, getSeriesDetail.key]);
  };
  return (
    <div class="narrow">
      <Suspense fallback={<Loading />}>
        <Show when={event()}>
          {(e) => (
            <>
              <PageHeading dir="auto">{e().title}</PageHeading>
              <p class="lead">{eventWhen(e())}</p>
              <p class="card__meta">
                {kindLabel(e())}
                <Show when={partOf(e())}>{(p) => <> · {p()}</>}</Show>
              </p>
              <Show when={series()}>
                {(s) => (
                  <p>
                    <A href={`/series/${encodeURIComponent(s().series.id)}`}>{t('event.series', { title: isolate(s().series.title) })}</A>{' '}
                    {t('event.progress', { attended: formatNumber(s().progress.attended), parts: formatNumber(s().progress.parts) })}
                    <Show when={s().completedAt}> · {t('event.completed')}</Show>
                  </p>
                )}
              </Show>
              <dl class="facts">
                <Show when={e().place}>
                  {(place) => (
                    <>
                      <dt>{t('event.place')}</dt>
                      <dd dir="auto">{place()}</dd>
                    </>
                  )}
                </Show>
                <Show when={e().hosts.members.length + e().hosts.guests.length > 0}>
                  <dt>{t('event.hosts')}</dt>
                  <dd>{formatList([...e().hosts.members.map((m) => isolate(m.name)), ...e().hosts.guests.map(isolate)])}</dd>
                </Show>
                <dt>{t('event.languages')}</dt>
                <dd>{formatList(e().languages.map(languageName))}</dd>
              </dl>
              <Show when={e().description}>
                <p class="prose" dir="auto">
                  {e().description}
                </p>
              </Show>
              <Registration event={e()} refresh={refresh} />
              <Materials event={e()} refresh={refresh} />
              <EventFiles event={e()} refresh={refresh} />
              <Show when={e().myRegistration === 'attended'}>
                <FeedbackForm event={e()} refresh={refresh} />
              </Show>
              <Show when={e().canManage}>
                <Manage event={e()} isBoard={isBoard(me())} />
              </Show>
            </>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
