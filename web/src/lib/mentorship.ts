import type { InferResponseType } from 'hono/client';
import type { Goals } from '../../../shared/schemas';
import { t, type MessageKey } from '../i18n';
import { type api, ApiError } from './api';
import { generalMessage } from './form';

/** A mentorship as the API answers it to one of its two members. */
export type MentorshipView = InferResponseType<(typeof api.mentorships)[':id']['$get'], 200>;

/** Which side of a mentorship the caller is on; the board sees some that she is not part of. */
export const sideOf = (m: MentorshipView, me: string): 'mentor' | 'mentee' | undefined =>
  m.mentorId === me ? 'mentor' : m.menteeId === me ? 'mentee' : undefined;

export { asMentorshipState, MENTORSHIP_STATES } from './mentorship-states';

export const DECLINE_REASONS = ['no_time', 'not_my_expertise', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const asDeclineReason = (v: string | undefined): DeclineReason | undefined => DECLINE_REASONS.find((r) => r === v);

/** The snake_case reason of a 409 (`details[0].code` in the contract's error shape). */
export function conflictReason(e: unknown): string | undefined {
  return e instanceof ApiError && e.status === 409 ? e.details[0]?.code : undefined;
}

/** Reasons that read the same whatever was being done. */
const COMMON: Partial<Record<string, MessageKey>> = {
  mentee_not_active: 'conflict.mentee_not_active',
  stale_state: 'conflict.stale_state',
  feedback_given: 'conflict.feedback_given',
  stale_version: 'conflict.stale_version',
  published: 'conflict.published',
};

/**
 * A sentence for a failed mentorship action: a known 409 reason from the catalog (`specific`
 * first, for reasons whose wording depends on who acts), else the general message.
 */
export function mentorshipProblem(e: unknown, specific: Partial<Record<string, MessageKey>> = {}): string {
  const reason = conflictReason(e);
  if (reason) {
    const key = specific[reason] ?? COMMON[reason] ?? (reason.startsWith('not_') ? 'conflict.wrongState' : undefined);
    if (key) return t(key);
  }
  return generalMessage(e);
}

export const ASK_CONFLICTS: Partial<Record<string, MessageKey>> = {
  at_capacity: 'conflict.ask.at_capacity',
  not_offering: 'conflict.ask.not_offering',
  open_request_exists: 'conflict.ask.open_request_exists',
  too_many_pending: 'conflict.ask.too_many_pending',
};

export const ACCEPT_CONFLICTS: Partial<Record<string, MessageKey>> = {
  at_capacity: 'conflict.accept.at_capacity',
  mentee_at_limit: 'conflict.accept.mentee_at_limit',
};

/** The goals that were written, in order, each with its label. */
export function writtenGoals(goals: Goals | undefined): { label: string; text: string }[] {
  if (!goals) return [];
  return [
    { label: t('field.goals.shortTerm'), text: goals.shortTerm },
    { label: t('field.goals.mediumTerm'), text: goals.mediumTerm },
    { label: t('field.goals.longTerm'), text: goals.longTerm },
  ].filter((g) => g.text.trim());
}

/** Today in the browser's own calendar, as YYYY-MM-DD (not UTC: a late-evening meeting is still today). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
