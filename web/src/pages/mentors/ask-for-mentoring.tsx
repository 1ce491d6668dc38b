import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { isolate, t } from '../../i18n';
import { getMyMentorships } from '../mentorships/data';
import { AskDialog } from './ask-dialog';
import { getAvailability } from './data';

/**
 * On a member's page: "Ask for mentoring" while she offers mentoring and has a free place, or a
 * link to the request already open with her. Nothing when she is not offering or has no room.
 */
export function AskForMentoring(props: { mentorId: string; name: string }) {
  const availability = createAsync(() => getAvailability(props.mentorId));
  const [asking, setAsking] = createSignal(false);
  const [sent, setSent] = createSignal<string>();
  const open = () => sent() ?? (availability()?.reason === 'open_request' ? availability()?.mentorshipId : undefined);

  const onSent = (_mentorId: string, mentorshipId: string) => {
    setSent(mentorshipId);
    setAsking(false);
    void revalidate([getMyMentorships.key, getAvailability.keyFor(props.mentorId)]);
    requestAnimationFrame(() => document.getElementById('ask-sent')?.focus());
  };

  return (
    <Show when={availability()?.available || open()}>
      <section class="panel" aria-labelledby="ask-title">
        <h2 class="section-title" id="ask-title">
          {t('member.mentoringTitle')}
        </h2>
        <Show
          when={open()}
          fallback={
            <>
              <p>{t('member.mentoringOffered', { name: isolate(props.name) })}</p>
              <button type="button" class="button" aria-haspopup="dialog" onClick={() => setAsking(true)}>
                {t('mentors.ask')}
              </button>
            </>
          }
        >
          {(id) => (
            <div class="notice notice--success" id="ask-sent" tabindex="-1">
              <p>
                {t(sent() ? 'mentors.sent' : 'member.mentoringOpen', { name: isolate(props.name) })}{' '}
                <A href={`/mentorships/${encodeURIComponent(id())}`}>{t('mentors.sentLink')}</A>
              </p>
            </div>
          )}
        </Show>
        <AskDialog
          mentor={asking() ? { id: props.mentorId, displayName: props.name } : undefined}
          onClose={() => setAsking(false)}
          onSent={onSent}
        />
      </section>
    </Show>
  );
}
