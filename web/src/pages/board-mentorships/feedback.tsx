import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { MemberName } from '../../components/member-name';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { getBoardFeedback } from './data';

export type FeedbackItem = NonNullable<Awaited<ReturnType<typeof getBoardFeedback>>>['items'][number];

/**
 * One member's feedback, as she gave it when the mentorship ended: for the board's eyes only.
 * `link` shows whose mentorship it was and links to it (the board's list); on the mentorship's
 * own page the pair is already named.
 */
export function FeedbackEntry(props: { feedback: FeedbackItem; link?: boolean }) {
  const f = () => props.feedback;
  return (
    <li class="card feedback-entry">
      <p class="card__meta">
        <Show when={f().role}>{(role) => <>{t(role() === 'mentor' ? 'boardFeedback.fromMentor' : 'boardFeedback.fromMentee')} </>}</Show>
        <MemberName id={f().memberId} link />
        {' · '}
        {formatDate(f().at)}
      </p>
      <p>
        <strong>{t('boardFeedback.rating')}: </strong>
        {t(`feedback.rating.${Math.min(5, Math.max(1, f().rating)) as 1 | 2 | 3 | 4 | 5}`)}
      </p>
      <Show when={f().text}>
        <p class="prose quote" dir="auto">
          {f().text}
        </p>
      </Show>
      <Show when={props.link}>
        <p>
          <A href={`/mentorships/${encodeURIComponent(f().mentorshipId)}`}>{t('boardFeedback.open')}</A>
        </p>
      </Show>
    </li>
  );
}
