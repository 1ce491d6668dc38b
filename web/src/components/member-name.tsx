import { A, createAsync } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { t } from '../i18n';
import { getMember } from '../pages/member/data';

/**
 * A member's name from her id. Mentorship lists carry ids only; each profile is fetched once and
 * cached, and a name that cannot be read (hidden, erased, or the network failed) is said neutrally
 * instead of breaking the list.
 */
export function MemberName(props: { id: string; link?: boolean; former?: boolean }) {
  const member = createAsync(() => (props.former ? Promise.resolve(null) : getMember(props.id).catch(() => null)));
  return (
    <Suspense fallback={<span class="muted">{t('app.loading')}</span>}>
      <Show
        when={member()}
        fallback={<span class="muted">{props.former ? t('mentorship.formerMember') : t('mentorship.unavailable')}</span>}
      >
        {(m) => (
          <Show when={props.link} fallback={<span dir="auto">{m().displayName}</span>}>
            <A href={`/members/${encodeURIComponent(m().id)}`} dir="auto">
              {m().displayName}
            </A>
          </Show>
        )}
      </Show>
    </Suspense>
  );
}

/** Her name as plain text for labels and announcements, or the neutral wording ("former member" once she erased her account). */
export function useMemberName(id: () => string, former: () => boolean = () => false): () => string {
  const member = createAsync(() => (former() ? Promise.resolve(null) : getMember(id()).catch(() => null)));
  return () => member()?.displayName ?? (former() ? t('mentorship.formerMember') : t('mentorship.unavailable'));
}
