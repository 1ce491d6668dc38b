import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { t } from '../i18n';
import { SHIFT_PRESSES } from '../../../shared/discretion';
import { exitUrl, listenForShifts, quickExit } from '../lib/quick-exit';

/** The exit button's landmark, where the skip link leads without JavaScript. */
const CONTROL_ID = 'quick-exit';

/** A link to the neutral site that, with JavaScript, makes the whole quick exit instead. */
function leave(e: MouseEvent) {
  e.preventDefault();
  quickExit();
}

/**
 * The first stop of the keyboard on every page: Tab, then Enter, and she has left. Without
 * JavaScript it leads to the exit button (a plain link to the neutral site).
 */
export function QuickExitSkipLink() {
  return (
    <a class="skip-link" href={`#${CONTROL_ID}`} onClick={leave}>
      {t('exit.skip')}
    </a>
  );
}

const [presses, setPresses] = createSignal(0);

/**
 * The quick exit's button, on every page, fixed to the corner of the screen so that scrolling
 * never takes it away and nothing covers it: banners and the phone menu sit beneath it, and each
 * modal dialog (which makes the rest of the page inert) carries its own copy. The dots fill as
 * Shift is pressed. The page's own is a landmark of its own (`inDialog` copies are not: one landmark
 * of a name per page).
 */
export function QuickExitButton(props: { inDialog?: boolean }) {
  return (
    <Dynamic
      component={props.inDialog ? 'div' : 'aside'}
      class="quick-exit"
      id={props.inDialog ? undefined : CONTROL_ID}
      aria-label={props.inDialog ? undefined : t('exit.region')}
    >
      <a class="quick-exit__button" href={exitUrl()} rel="noreferrer nofollow" onClick={leave}>
        {t('exit.button')}
        <span class="quick-exit__dots" aria-hidden="true">
          <For each={Array.from({ length: SHIFT_PRESSES }, (_, i) => i)}>
            {(i) => <span class="quick-exit__dot" classList={{ 'quick-exit__dot--on': i < presses() }} />}
          </For>
        </span>
      </a>
      <A class="quick-exit__help" href="/staying-safe">
        {t('exit.help')}
      </A>
      {props.inDialog ? null : <QuickExitShortcut />}
    </Dynamic>
  );
}

/**
 * Listens for three presses of Shift on every page, and says politely how many are left: a
 * screen-reader user who pressed Shift by chance learns why, and one who meant it, that it works.
 */
function QuickExitShortcut() {
  onMount(() => onCleanup(listenForShifts(setPresses)));
  return (
    <p class="visually-hidden" role="status">
      {presses() > 0 ? t('exit.shiftStatus', { count: SHIFT_PRESSES - presses() }) : ''}
    </p>
  );
}
