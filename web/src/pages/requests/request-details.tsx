import { For, Show } from 'solid-js';
import { t } from '../../i18n';
import { type MentorshipView, writtenGoals } from '../../lib/mentorship';

/** What a mentee wrote when she asked, and her goals: rows for the caller's <dl class="details">. */
export function RequestDetails(props: { mentorship: MentorshipView }) {
  const goals = () => writtenGoals(props.mentorship.goals);
  return (
    <Show
      when={props.mentorship.erased !== 'mentee'}
      fallback={
        <div class="details__row">
          <dt>{t('mentorship.message')}</dt>
          <dd class="muted">{t('mentorship.erasedWords')}</dd>
        </div>
      }
    >
      <div class="details__row">
        <dt>{t('mentorship.message')}</dt>
        <dd>
          <p class="prose quote" dir="auto">
            {props.mentorship.message}
          </p>
        </dd>
      </div>
      <div class="details__row">
        <dt>{t('mentorship.goals')}</dt>
        <dd>
          <Show when={goals().length} fallback={<span class="muted">{t('mentorship.noGoals')}</span>}>
            <ul class="plain-list goals">
              <For each={goals()}>
                {(g) => (
                  <li>
                    <span class="goals__label">{g.label}: </span>
                    <span dir="auto">{g.text}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </dd>
      </div>
    </Show>
  );
}
