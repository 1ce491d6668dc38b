import { createSignal } from 'solid-js';
import {
  CONFLICT_REASONS,
  DETAIL_CODES,
  type DetailCode,
  ERROR_CODES,
  FORBIDDEN_REASONS,
  UNAUTHENTICATED_REASONS,
} from '../../../shared/error-codes';
import { type MessageKey, t } from '../i18n';
import { formatDate } from '../i18n/format';
import { ApiError, type FieldProblem } from './api';

/** The DOM id of the control for an API field path: `goals.shortTerm` → `f-goals-shortTerm`. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;

/*
 * The server's errors in the member's language. The API answers stable codes (shared/error-codes.ts)
 * and English `message`s for outside clients; the app never shows those: it words each code from
 * the catalog, `error.<code>` for an error or a 401/403/409 reason and `validation.<code>` for a
 * field's problem. The `satisfies` below fail the type check when a code has no message.
 */
const ERROR_WORDED = [...ERROR_CODES, ...CONFLICT_REASONS, ...FORBIDDEN_REASONS, ...UNAUTHENTICATED_REASONS] as const;
type ErrorWorded = (typeof ERROR_WORDED)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

const errorKey = (code: ErrorWorded) => `error.${code}` satisfies MessageKey;
const validationKey = (code: DetailCode) => `validation.${code}` satisfies MessageKey;

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const word = (v: unknown): string => (typeof v === 'string' ? v : 'other');
const date = (v: unknown): string | undefined => (typeof v === 'string' ? formatDate(v) : undefined);

/** A field's problem in the member's language, from its code and params. */
export function detailMessage(d: Pick<FieldProblem, 'code' | 'params'>): string {
  if (!isOneOf(DETAIL_CODES, d.code)) return t('validation.invalid_value');
  const p = d.params ?? {};
  // Every message's arguments are always given (a missing one would throw): numbers stay numbers for plurals.
  return t(validationKey(d.code), {
    minimum: num(p.minimum),
    maximum: num(p.maximum),
    origin: word(p.origin),
    format: word(p.format),
    reason: word(p.reason),
  });
}

/** The reason of a 401, 403 or 409 in the member's language, or undefined when it names none we word. */
function reasonMessage(details: readonly FieldProblem[]): string | undefined {
  const reason = details.find((d) => d.path === '' && isOneOf(ERROR_WORDED, d.code));
  if (!reason || !isOneOf(ERROR_WORDED, reason.code)) return undefined;
  const p = reason.params ?? {};
  if (reason.code === 'suspended' || reason.code === 'read_only') {
    const until = date(p.until);
    return until ? t(errorKey(reason.code), { until }) : t('error.forbidden');
  }
  if (reason.code === 'reapply_too_soon') {
    const from = date(p.from);
    return from ? t('error.reapply_too_soon', { from }) : t('error.conflict');
  }
  return t(errorKey(reason.code));
}

/** A sentence for an error that belongs to no field, in the member's language (never the server's English). */
export function generalMessage(e: unknown): string {
  if (e instanceof ApiError) {
    // A change made whose other sessions could not be ended (password, two-step sign-in): not "nothing was changed".
    if (e.status === 503 && e.code === 'sessions_not_ended') return t('common.sessionsNotEnded');
    if (e.status === 503) return t('common.errorUnavailable');
    if (e.status === 429) return t('common.errorRateLimited');
    const reason = e.status === 400 ? undefined : reasonMessage(e.details);
    if (reason) return reason;
    if (e.status === 401) return t('common.sessionEnded');
    const first = e.status === 400 ? e.details[0] : undefined;
    if (first) return detailMessage(first);
    if (isOneOf(ERROR_CODES, e.code)) return t(errorKey(e.code));
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
          if (f) byField[f] ??= messages[f] ?? detailMessage(d);
          else rest.push(detailMessage(d));
        }
      }
      setErrors(byField);
      // Problems that belong to no field are said once, above the form.
      if (rest.length) setGeneral([...new Set(rest)].join(' '));
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
