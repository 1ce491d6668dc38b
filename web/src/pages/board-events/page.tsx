import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { RadioGroup } from '../../components/choice-group';
import { ErrorSummary } from '../../components/error-summary';
import { describedBy, Field, FieldFrame } from '../../components/field';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { Select } from '../../components/select';
import { isolate, t } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { api, unwrap } from '../../lib/api';
import { createBusy, createFormErrors, fieldId } from '../../lib/form';
import { getBoardSeries, getSeriesFeedback } from './data';

const lines = (s: string) =>
  s
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A date and time on this device's clock, sent as UTC. */
function DateTimeField(props: { id: string; label: string; hint: string; value: string; onInput: (v: string) => void; error?: string }) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <input
        class="input"
        type="datetime-local"
        id={props.id}
        name={props.id}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </FieldFrame>
  );
}

function NewSeries() {
  const [title, setTitle] = createSignal('');
  const [parts, setParts] = createSignal('4');
  const [done, setDone] = createSignal(false);
  const errors = createFormErrors(['title', 'parts']);
  const busy = createBusy();
  const submit = (ev: SubmitEvent) => {
    ev.preventDefault();
    setDone(false);
    const n = Number(parts());
    if (
      !errors.check({
        title: title().trim() ? undefined : t('boardEvents.required'),
        parts: Number.isInteger(n) && n >= 1 && n <= 20 ? undefined : t('boardEvents.partsRange'),
      })
    )
      return;
    void busy.run(
      async () => {
        await unwrap(api.series.$post({ json: { title: title().trim(), description: '', parts: n } }));
        setTitle('');
        setDone(true);
        await revalidate(getBoardSeries.key);
      },
      (err) => errors.fromError(err),
    );
  };
  return (
    <section aria-labelledby="new-series">
      <h2 id="new-series">{t('boardEvents.newSeries')}</h2>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        <Field
          id={fieldId('title')}
          label={t('boardEvents.seriesTitle')}
          value={title()}
          onInput={setTitle}
          maxLength={200}
          dir="auto"
          error={errors.error('title')}
        />
        <Field
          id={fieldId('parts')}
          label={t('boardEvents.seriesParts')}
          value={parts()}
          onInput={setParts}
          inputmode="numeric"
          error={errors.error('parts')}
        />
        <div role="status" class="live">
          <Show when={done()}>
            <Notice tone="success">
              <p>{t('boardEvents.seriesCreated')}</p>
            </Notice>
          </Show>
        </div>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy.busy() ? 'true' : undefined}>
            {t('boardEvents.createSeries')}
          </button>
        </div>
      </form>
    </section>
  );
}

const EVENT_FIELDS = [
  'kind',
  'mode',
  'title',
  'description',
  'startsAt',
  'endsAt',
  'languages',
  'capacity',
  'joinUrl',
  'place',
  'hosts',
  'audience',
  'seriesId',
  'part',
] as const;

function NewEvent() {
  const series = createAsync(() => getBoardSeries());
  const [kind, setKind] = createSignal<'webinar' | 'coaching'>('webinar');
  const [mode, setMode] = createSignal<'online' | 'in_person'>('online');
  const [title, setTitle] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [startsAt, setStartsAt] = createSignal('');
  const [endsAt, setEndsAt] = createSignal('');
  const [languages, setLanguages] = createSignal('en');
  const [capacity, setCapacity] = createSignal('20');
  const [joinUrl, setJoinUrl] = createSignal('');
  const [place, setPlace] = createSignal('');
  const [guests, setGuests] = createSignal('');
  const [hostIds, setHostIds] = createSignal('');
  const [audience, setAudience] = createSignal('all');
  const [cohort, setCohort] = createSignal('');
  const [countries, setCountries] = createSignal('');
  const [seriesId, setSeriesId] = createSignal('');
  const [part, setPart] = createSignal('');
  const [created, setCreated] = createSignal<string>();
  const errors = createFormErrors(EVENT_FIELDS);
  const busy = createBusy();
  const online = () => kind() === 'webinar' || mode() === 'online';
  const submit = (ev: SubmitEvent) => {
    ev.preventDefault();
    setCreated(undefined);
    const required = t('boardEvents.required');
    const ok = errors.check({
      title: title().trim() ? undefined : required,
      startsAt: startsAt() ? undefined : required,
      endsAt: endsAt() ? undefined : required,
      joinUrl: online() && !joinUrl().trim() ? required : undefined,
      place: !online() && !place().trim() ? required : undefined,
      part: seriesId() && !part() ? required : undefined,
    });
    if (!ok) return;
    const aud =
      audience() === 'practitioners'
        ? { kinds: ['practitioner' as const] }
        : audience() === 'champions'
          ? { kinds: ['champion' as const] }
          : audience() === 'cohort'
            ? { memberIds: lines(cohort()) }
            : audience() === 'countries'
              ? { countries: lines(countries()).map((c) => c.toUpperCase()) }
              : {};
    void busy.run(
      async () => {
        const e = await unwrap(
          api.events.$post({
            json: {
              kind: kind(),
              mode: online() ? 'online' : 'in_person',
              title: title().trim(),
              description: description().trim(),
              startsAt: new Date(startsAt()).toISOString(),
              endsAt: new Date(endsAt()).toISOString(),
              languages: lines(languages()),
              capacity: Number(capacity()),
              ...(online() ? { joinUrl: joinUrl().trim() } : { place: place().trim() }),
              hosts: {
                memberIds: lines(hostIds()),
                guests: guests()
                  .split('\n')
                  .map((g) => g.trim())
                  .filter(Boolean),
              },
              audience: aud,
              ...(seriesId() ? { seriesId: seriesId(), part: Number(part()) } : {}),
            },
          }),
        );
        setCreated(e.id);
        setTitle('');
        setDescription('');
      },
      (err) => errors.fromError(err),
    );
  };
  return (
    <section aria-labelledby="new-event">
      <h2 id="new-event">{t('boardEvents.newEvent')}</h2>
      <ErrorSummary items={errors.summary()} general={errors.general()} />
      <form class="form" novalidate onSubmit={submit}>
        <RadioGroup
          id={fieldId('kind')}
          legend={t('boardEvents.kind')}
          value={kind()}
          choices={[
            { value: 'webinar', label: t('events.kind.webinar') },
            { value: 'coaching', label: t('events.kind.coaching') },
          ]}
          onChange={(v) => setKind(v === 'coaching' ? 'coaching' : 'webinar')}
          error={errors.error('kind')}
        />
        <Show when={kind() === 'coaching'}>
          <RadioGroup
            id={fieldId('mode')}
            legend={t('boardEvents.mode')}
            value={mode()}
            choices={[
              { value: 'online', label: t('events.mode.online') },
              { value: 'in_person', label: t('events.mode.in_person') },
            ]}
            onChange={(v) => setMode(v === 'in_person' ? 'in_person' : 'online')}
            error={errors.error('mode')}
          />
        </Show>
        <Field
          id={fieldId('title')}
          label={t('boardEvents.eventTitle')}
          value={title()}
          onInput={setTitle}
          maxLength={200}
          dir="auto"
          error={errors.error('title')}
        />
        <Field
          id={fieldId('description')}
          label={t('boardEvents.description')}
          optional
          multiline
          rows={4}
          maxLength={4000}
          dir="auto"
          value={description()}
          onInput={setDescription}
          error={errors.error('description')}
        />
        <DateTimeField
          id={fieldId('startsAt')}
          label={t('boardEvents.startsAt')}
          hint={t('boardEvents.timeHint')}
          value={startsAt()}
          onInput={setStartsAt}
          error={errors.error('startsAt')}
        />
        <DateTimeField
          id={fieldId('endsAt')}
          label={t('boardEvents.endsAt')}
          hint={t('boardEvents.timeHint')}
          value={endsAt()}
          onInput={setEndsAt}
          error={errors.error('endsAt')}
        />
        <Field
          id={fieldId('languages')}
          label={t('boardEvents.languages')}
          hint={t('boardEvents.languagesHint')}
          value={languages()}
          onInput={setLanguages}
          dir="ltr"
          error={errors.error('languages')}
        />
        <Field
          id={fieldId('capacity')}
          label={t('boardEvents.capacity')}
          value={capacity()}
          onInput={setCapacity}
          inputmode="numeric"
          error={errors.error('capacity')}
        />
        <Show
          when={online()}
          fallback={
            <Field
              id={fieldId('place')}
              label={t('boardEvents.place')}
              value={place()}
              onInput={setPlace}
              maxLength={300}
              dir="auto"
              error={errors.error('place')}
            />
          }
        >
          <Field
            id={fieldId('joinUrl')}
            label={t('boardEvents.joinUrl')}
            hint={t('boardEvents.joinUrlHint')}
            value={joinUrl()}
            onInput={setJoinUrl}
            dir="ltr"
            error={errors.error('joinUrl')}
          />
        </Show>
        <Field
          id={fieldId('hosts')}
          label={t('boardEvents.guests')}
          hint={t('boardEvents.guestsHint')}
          optional
          multiline
          rows={2}
          dir="auto"
          value={guests()}
          onInput={setGuests}
          error={errors.error('hosts')}
        />
        <Field
          id="host-ids"
          label={t('boardEvents.hostIds')}
          hint={t('boardEvents.idsHint')}
          optional
          multiline
          rows={2}
          dir="ltr"
          value={hostIds()}
          onInput={setHostIds}
        />
        <RadioGroup
          id={fieldId('audience')}
          legend={t('boardEvents.audience')}
          value={audience()}
          choices={['all', 'practitioners', 'champions', 'cohort', 'countries'].map((v) => ({
            value: v,
            label: t(`boardEvents.audience.${v as 'all'}`),
          }))}
          onChange={setAudience}
          error={errors.error('audience')}
        />
        <Show when={audience() === 'cohort'}>
          <Field
            id="audience-cohort"
            label={t('boardEvents.cohortIds')}
            hint={t('boardEvents.idsHint')}
            multiline
            rows={3}
            dir="ltr"
            value={cohort()}
            onInput={setCohort}
          />
        </Show>
        <Show when={audience() === 'countries'}>
          <Field
            id="audience-countries"
            label={t('boardEvents.countries')}
            hint={t('boardEvents.countriesHint')}
            dir="ltr"
            value={countries()}
            onInput={setCountries}
          />
        </Show>
        <Select
          id={fieldId('seriesId')}
          label={t('boardEvents.series')}
          placeholder={t('boardEvents.noSeries')}
          value={seriesId()}
          options={(series()?.items ?? []).map((s) => ({ value: s.id, label: s.title }))}
          onChange={setSeriesId}
          error={errors.error('seriesId')}
        />
        <Show when={seriesId()}>
          <Field
            id={fieldId('part')}
            label={t('boardEvents.part')}
            value={part()}
            onInput={setPart}
            inputmode="numeric"
            error={errors.error('part')}
          />
        </Show>
        <div role="status" class="live">
          <Show when={created()}>
            {(id) => (
              <Notice tone="success">
                <p>
                  {t('boardEvents.created')} <A href={`/events/${encodeURIComponent(id())}`}>{t('boardEvents.open')}</A>
                </p>
              </Notice>
            )}
          </Show>
        </div>
        <div class="actions">
          <button type="submit" class="button" aria-disabled={busy.busy() ? 'true' : undefined}>
            {t('boardEvents.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SeriesSummary(props: { id: string; title: string }) {
  const fb = createAsync(() => getSeriesFeedback(props.id));
  return (
    <li class="card">
      <h3 class="card__title" dir="auto">
        {props.title}
      </h3>
      <Show when={fb()}>
        {(f) => (
          <>
            <p>{t('event.manage.feedback', { count: f().summary.count, average: formatNumber(f().summary.average ?? 0) })}</p>
            <ul>
              <For each={f().parts}>
                {(p) => (
                  <li>
                    <A href={`/events/${encodeURIComponent(p.eventId)}`} dir="auto">
                      {p.title}
                    </A>{' '}
                    {t('boardEvents.partSummary', {
                      registered: p.registered,
                      attended: p.attended,
                      count: p.summary.count,
                      average: formatNumber(p.summary.average ?? 0),
                    })}
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Show>
    </li>
  );
}

/** The board's programme page: new series and events, and how each series went. */
export default function BoardEventsPage() {
  const series = createAsync(() => getBoardSeries());
  return (
    <div class="narrow">
      <PageHeading>{t('boardEvents.title')}</PageHeading>
      <p class="lead">{t('boardEvents.intro')}</p>
      <NewEvent />
      <NewSeries />
      <section aria-labelledby="series-feedback">
        <h2 id="series-feedback">{t('boardEvents.seriesFeedback')}</h2>
        <Suspense fallback={<Loading />}>
          <Show when={(series()?.items.length ?? 0) > 0} fallback={<p>{t('events.empty')}</p>}>
            <ul class="plain-list cards cards--single">
              <For each={series()?.items ?? []}>{(s) => <SeriesSummary id={s.id} title={isolate(s.title)} />}</For>
            </ul>
          </Show>
        </Suspense>
      </section>
    </div>
  );
}
