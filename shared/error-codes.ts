/*
 * Every code the API can answer with, in one place: the server's errors are typed by these lists
 * (a new code is a compile error until it is listed here), the OpenAPI document lists them, and
 * the web app words each of them from its catalog (`error.<code>`, `validation.<code>`), with a
 * test that no code lacks its message. `message` in an answer stays English, for outside clients.
 */

/** `error.code`: what kind of failure, one per HTTP status (plus the 503 of a half-done account change). */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'sessions_not_ended',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A 409's one detail: why the state does not allow it. */
export const CONFLICT_REASONS = [
  'stale_version',
  'stale_state',
  'already_decided',
  'already_handled',
  'already_resolved',
  'already_locked',
  'already_unlocked',
  'already_pinned',
  'already_unpinned',
  'at_capacity',
  'not_offering',
  'open_request_exists',
  'too_many_pending',
  'mentee_at_limit',
  'mentee_not_active',
  'not_pending',
  'not_accepted',
  'not_pending_or_accepted',
  'not_completed_or_ended',
  'not_published',
  'not_hidden',
  'not_in_force',
  'feedback_given',
  'published',
  'publish_in_progress',
  'thread_locked',
  'thread_not_published',
  'opening_post_held',
  'post_removed',
  'post_hidden',
  'no_application',
  'not_declined',
  'reapply_used',
  'reapply_too_soon',
  'profile_exists',
  'totp_already_on',
  'totp_not_on',
  'request_clashed',
  // programme: events (issue 12)
  'already_registered',
  'not_registered',
  'event_started',
  'event_not_started',
  'over_capacity',
  // conversations (issue 12)
  'conversation_closed',
  'conversation_read_only',
  'edit_window_passed',
  'message_deleted',
  'proposal_accepted',
  'proposal_passed',
  // knowledge: files (issue 14)
  'too_many_files',
] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/** A 403's detail, where the member can do something about it or should know why. */
export const FORBIDDEN_REASONS = [
  'membership_not_active',
  'board_only',
  'suspended',
  'read_only',
  'account_closed',
  'own_application',
  'own_message',
  'own_case',
  'own_sanction',
  'own_post',
  'own_mentorship',
  'not_author',
  'parties_only',
  'not_your_part',
  'cross_origin',
  // programme: events (issue 12)
  'hosts_only',
  'attendees_only',
  'registered_only',
  // conversations (issue 12)
  'own_proposal',
  // knowledge: files (issue 14)
  'uploader_only',
] as const;
export type ForbiddenReason = (typeof FORBIDDEN_REASONS)[number];

/** A 401's detail, where the session or sign-in ended for a reason she should hear. */
export const UNAUTHENTICATED_REASONS = ['wrong_credentials', 'session_ended', 'sign_in_step_lapsed', 'more_steps_required'] as const;
export type UnauthenticatedReason = (typeof UNAUTHENTICATED_REASONS)[number];

/**
 * A 400's details, one per field: the generic checks of any schema, then the refinements of
 * shared/schemas.ts and the services' own rules. `params` carry what the message names.
 */
export const DETAIL_CODES = [
  // any schema
  'required', // a missing field
  'invalid_type', // params {expected}
  'invalid_format', // params {format}
  'too_short', // strings: params {minimum}
  'too_long', // strings: params {maximum}
  'too_small', // numbers and lists: params {minimum}
  'too_large', // numbers and lists: params {maximum}
  'invalid_enum', // params {options}
  'unknown_field', // params {fields}
  'read_only',
  'invalid_json',
  'invalid_cursor',
  'invalid_value',
  // refinements in shared/schemas.ts
  'invalid_country',
  'invalid_language',
  'invalid_time_zone',
  'duplicate_items',
  'date_in_past',
  'date_in_future',
  'lone_surrogate',
  'no_visible_character',
  // the services' rules
  'weak_password',
  'common_password',
  'repetitive_password',
  'password_contains_email',
  'wrong_password',
  'wrong_code',
  'unconfirmed',
  'reserved_name',
  'self_target',
  'immutable',
  'not_editable',
  'version_not_expected',
  'not_in_cohort',
  'paired_twice',
  'no_free_place',
  // conversations (issue 12)
  'not_proposed',
  // the personal development plan (issue 12)
  'not_shareable', // sharing names a mentorship that is not hers as mentee, or not accepted
  'goal_not_shared', // a check-in's goalId: no such goal, or the plan is not shared with this mentorship
  'not_eligible', // params {reason}: mentee_not_active, mentee_at_limit, too_many_pending, mentor_not_found, blocked, open_request_exists, or shared/matching.ts ineligibility()
  // knowledge: files (issue 14)
  'file_type_not_allowed', // a declared type outside the list (never HTML or SVG)
  'file_too_large', // params {maximum} in bytes
  'file_not_uploaded', // completed before anything reached the bucket
  'file_size_mismatch', // the uploaded size is not the declared one
  'file_content_mismatch', // the first bytes are not the declared type: the file was deleted
] as const;
export type DetailCode = (typeof DETAIL_CODES)[number];

/** Any code a detail can carry: a field's, or the reason of a 403, 401 or 409. */
export type AnyDetailCode = DetailCode | ConflictReason | ForbiddenReason | UnauthenticatedReason;

/** One detail of an error answer (`{path, code, message, params?}` in the contract). */
export type ErrorDetail = {
  path: string;
  code: AnyDetailCode;
  message: string;
  params?: Record<string, string | number | boolean | readonly (string | number)[]>;
};
