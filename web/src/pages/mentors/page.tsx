import { A, createAsync, revalidate } from '@solidjs/router';
import type { InferResponseType } from 'hono/client';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { PageHeading } from '../../components/page-heading';
import { isolate, t } from '../../i18n';
import { countryName } from '../../i18n/format';
import type { api } from '../../lib/api';
import { reasonText } from '../../lib/match-reasons';
import { getMyMentorships } from '../mentorships/data';
import { getOwnProfile } from '../profile/data';
import { AskDialog } from './ask-dialog';
import { getSuggestions } from './data';

type Suggestion = InferResponseType<typeof api.matches.suggestions.$get, 200>['items'][number];

/** A discreet match meter: the bar is decoration, the words carry the value. */
function Match(props: { score: number }) {
  const score = () => Math.max(0, Math.min(100, Math.round(props.score)));
  return (
    <p class="match">
      <span class="match__label">{t('mentors.match')}</span>
      <meter class="match__meter" aria-hidden="true" min={0} max={100} value={score()} />
      <span>{t('mentors.matchText', { score: score() })}</span>
    </p>
  );
}

function SuggestionCard(props: { suggestion: Suggestion; sentId?: string; onAsk: () => void }) {
  const m = () => props.suggestion.mentor;
  const whyId = () => `why-${m().id}`;
  return (
    <li class="card suggestion">
      <h2 class="card__title">
        <A href={`/members/${encodeURIComponent(m().id)}`} dir="auto">
          {m().displayName}
        </A>
      </h2>
      <p class="card__meta">
        {t(`kind.${m().kind}`)}
        <Show when={m().country}>{(c) => <> · {countryName(c())}</>}</Show>
      </p>
      <Match score={props.suggestion.score} />
      <h3 class="card__subtitle" id={whyId()}>
        {t('mentors.why')}
      </h3>
      <ul class="reasons" aria-labelledby={whyId()}>
        <For each={props.suggestion.reasons}>{(r) => <li>{reasonText(r, 'mentee')}</li>}</For>
      </ul>
      <Show
        when={props.sentId}
        fallback={
          <button
            type="button"
            class="button"
            aria-label={t('mentors.askLabel', { name: isolate(m().displayName) })}
            aria-haspopup="dialog"
            onClick={() => props.onAsk()}
          >
            {t('mentors.ask')}
          </button>
        }
      >
        {(id) => (
          <div class="notice notice--success sent" id={`sent-${m().id}`} tabindex="-1">
            <p>
              {t('mentors.sent', { name: isolate(m().displayName) })}{' '}
              <A href={`/mentorships/${encodeURIComponent(id())}`}>{t('mentors.sentLink')}</A>
            </p>
          </div>
        )}
      </Show>
    </li>
  );
}

export default function MentorsPage() {
  const suggestions = createAsync(() => getSuggestions());
  const profile = createAsync(() => getOwnProfile());
  const [asking, setAsking] = createSignal<Suggestion>();
  // Mentors asked on this visit, with the request's id: the card says so instead of offering to ask again.
  const [sent, setSent] = createSignal<Record<string, string>>({});
  const seeking = () => profile()?.mentoring?.seeking;
  const notSeeking = () => profile() !== undefined && !(seeking()?.active && seeking()?.topics.length);

  const onSent = (mentorId: string, mentorshipId: string) => {
    setSent((s) => ({ ...s, [mentorId]: mentorshipId }));
    setAsking(undefined);
    void revalidate(getMyMentorships.key);
    // The button that opened the dialog is gone: continue at the confirmation that replaced it.
    requestAnimationFrame(() => document.getElementById(`sent-${mentorId}`)?.focus());
  };

  return (
    <div class="narrow">
      <PageHeading>{t('mentors.title')}</PageHeading>
      <p class="lead">{t('mentors.intro')}</p>
      <Suspense fallback={<Loading />}>
        <Show when={suggestions()}>
          {(list) => (
            <Show
              when={list().items.length > 0}
              fallback={
                <Notice>
                  <p>{t(notSeeking() ? 'mentors.notSeeking' : 'mentors.empty')}</p>
                  <p>
                    <A href="/profile#mentoring">{t(notSeeking() ? 'mentors.setProfile' : 'mentors.emptyLink')}</A>
                  </p>
                </Notice>
              }
            >
              {/* Suggestions without topics come from her languages: say so, never that she sought nothing. */}
              <Show when={notSeeking()}>
                <Notice>
                  <p>{t('mentors.basedOnLanguages')}</p>
                  <p>
                    <A href="/profile#mentoring">{t('mentors.setProfile')}</A>
                  </p>
                </Notice>
              </Show>
              <ul class="cards cards--single">
                <For each={list().items}>
                  {(s) => <SuggestionCard suggestion={s} sentId={sent()[s.mentor.id]} onAsk={() => setAsking(s)} />}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Suspense>
      <AskDialog mentor={asking()?.mentor} onClose={() => setAsking(undefined)} onSent={onSent} />
    </div>
  );
}
