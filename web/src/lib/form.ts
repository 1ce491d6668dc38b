import { createSignal } from 'solid-js';
import { t } from '../i18n';
import { ApiError } from './api';

/** The DOM id of the control for an API field path: `goals.shortTerm` → `f-goals-shortTerm`. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** A sentence for an error that belongs to no field. */
export function generalMessage(e: unknown): string {
  if (e instanceof ApiError) {
    // A change made whose other sessions could not be ended (password, two-step sign-in): not "nothing was changed".
    if (e.status === 503 && e.code === 'sessions_not_ended') return t('common.sessionsNotEnded');
    if (e.status === 503) return t('common.errorUnavailable');
    if (e.status === 429) return t('common.errorRateLimited');
    if (e.status === 401) return t('common.sessionEnded');
    return e.message || t('common.errorGeneric');
  }
  return t('common.errorGeneric');
}

/**
 * Per-field errors for one form. Field keys are the API's paths (`displayName`, `goals.shortTerm`),
 * so a 400's `details` land on the right control; anything else becomes the general message.
 */
export function createFormErrors(fields: readonly string[]) {
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [general, setGeneral] = createSignal<string | undefined>();

  /** `expertise.2` → `expertise`: list items report on their group. */
  const known = (path: string) => {
    let p = path;
    while (p && !fields.includes(p)) p = p.split('.').slice(0, -1).join('.');
    return p || undefined;
  };

  return {
    error: (field: string): string | undefined => errors()[field],
    general,
    /** Items for the ErrorSummary, in the form's order. */
    summary: () => fields.filter((f) => errors()[f]).map((f) => ({ id: fieldId(f), message: errors()[f] as string })),
    clear() {
      setErrors({});
      setGeneral(undefined);
    },
    /** Client-side problems, found before sending. True when there are none. */
    check(found: Record<string, string | undefined>): boolean {
      const clean = Object.fromEntries(Object.entries(found).filter((e): e is [string, string] => !!e[1]));
      setErrors(clean);
      setGeneral(undefined);
      return Object.keys(clean).length === 0;
    },
    fromError(e: unknown, messages: Partial<Record<string, string>> = {}) {
      const byField: Record<string, string> = {};
      const rest: string[] = [];
      if (e instanceof ApiError && e.details.length && e.status === 400) {
        for (const d of e.details) {
          const f = known(d.path);
          if (f) byField[f] ??= messages[f] ?? d.message;
          else rest.push(d.message);
        }
      }
      setErrors(byField);
      // Problems that belong to no field are said once, above the form.
      if (rest.length) setGeneral(rest.join(' '));
      else if (Object.keys(byField).length) setGeneral(undefined);
      else setGeneral(generalMessage(e));
    },
    setGeneral,
  };
}

/**
 * Focuses an element once the step that holds it is on screen: after the new step's heading has
 * taken focus on mount, so this one wins.
 */
export function focusSoon(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/** `focusSoon` for the control of an API field path. */
export const focusFieldSoon = (path: string) => focusSoon(fieldId(path));

/**
 * One submission at a time: `run` does nothing while one is under way, and `busy` says so (for
 * aria-disabled and the button's "…ing" text). A refusal goes to `onError` (awaited, if it answers a promise); it is always cleared.
 */
export function createBusy() {
  const [busy, setBusy] = createSignal(false);
  const run = async (action: () => Promise<void>, onError: (e: unknown) => unknown): Promise<void> => {
    if (busy()) return;
    setBusy(true);
    try {
      await action();
    } catch (e) {
      await onError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
