import { useNavigate } from '@solidjs/router';
import { createEffect, on, onCleanup } from 'solid-js';
import { idleLimit, sendIdleLimit, watchIdle } from '../lib/discreet';
import { forgetSession, signOut } from '../lib/session';

/**
 * Discreet mode's idle sign-out while she is signed in: tells the server this session's limit
 * (each new session needs it: the limit belongs to a session, the setting to the device), and
 * signs her out after that long without input, to the sign-in page with a neutral word.
 */
export function IdleSignOut(props: { accountId: string | undefined }) {
  const navigate = useNavigate();
  createEffect(
    on([() => props.accountId, idleLimit], ([accountId, minutes]) => {
      if (!accountId || minutes === null) return;
      sendIdleLimit().catch(() => undefined);
      const stop = watchIdle(minutes, () => {
        void signOut('idle')
          .catch(() => undefined)
          .finally(() => {
            navigate('/sign-in', { replace: true });
            void forgetSession();
          });
      });
      onCleanup(stop);
    }),
  );
  return null;
}
