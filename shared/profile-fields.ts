/**
 * Profile constants with no zod in them, so a page that needs only these (sign-up, the profile
 * editor) does not load the schema library.
 */
export const PASSWORD_MIN_LENGTH = 12;

export type AudienceLevel = 'board' | 'partners' | 'members';

/** The fields whose visibility a member chooses. id, displayName and kind are always visible. */
export const VISIBILITY_FIELDS = [
  'country',
  'organization',
  'jobTitle',
  'bio',
  'expertise',
  'languages',
  'timezone',
  'goals',
  'mentoring',
  'programme',
] as const;
export type VisibilityField = (typeof VISIBILITY_FIELDS)[number];
export type Visibility = Record<VisibilityField, AudienceLevel>;

/**
 * Discretion first: where she works, her title, her country and the programmes she completed (which
 * can tell where she works and on what) stay with the board until she widens them.
 */
export const DEFAULT_VISIBILITY: Visibility = {
  country: 'board',
  organization: 'board',
  jobTitle: 'board',
  bio: 'members',
  expertise: 'members',
  languages: 'members',
  timezone: 'members',
  goals: 'members',
  mentoring: 'members',
  programme: 'board',
};
