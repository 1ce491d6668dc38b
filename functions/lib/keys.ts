/**
 * Every key of the single table is built here and nowhere else.
 *
 * Attribute names are generic (pk, sk, gsi1pk …); each item also carries `entity` and `version`.
 * The access-pattern table in README.md lists which route reads which key.
 */

export const keys = {
  /** The member's profile, status and application. */
  member: (id: string) => ({ pk: `MEMBER#${id}`, sk: 'PROFILE' }),
  /** Applications by status, oldest first (GSI1). */
  applicationIndex: (status: 'pending' | 'approved' | 'declined', submittedAt: string, id: string) => ({
    gsi1pk: `APPLICATION#${status}`,
    gsi1sk: `${submittedAt}#${id}`,
  }),
  applicationPartition: (status: 'pending' | 'approved' | 'declined') => `APPLICATION#${status}`,

  /** A block made by `blocker`; lives in the blocker's partition. */
  blockOut: (blocker: string, blocked: string) => ({ pk: `MEMBER#${blocker}`, sk: `BLOCK#OUT#${blocked}` }),
  /** Its mirror in the blocked member's partition, so either side finds the block in one read. Never shown to her. */
  blockIn: (blocked: string, blocker: string) => ({ pk: `MEMBER#${blocked}`, sk: `BLOCK#IN#${blocker}` }),
  blockPrefix: 'BLOCK#',
  blockOutPrefix: 'BLOCK#OUT#',

  /** Partner link (pending or accepted mentorship) in the profile owner's partition. */
  partner: (owner: string, other: string) => ({ pk: `MEMBER#${owner}`, sk: `PARTNER#${other}` }),

  /**
   * Directory facet: one item per active member and per filter value (all, kind, expertise,
   * country, language). Each facet partition is a Query per filter, sorted by name.
   */
  facetPartition: (facet: 'all' | 'kind' | 'expertise' | 'country' | 'language', value = '') =>
    facet === 'all' ? 'DIR#all' : `DIR#${facet}#${value}`,
  facet: (facet: 'all' | 'kind' | 'expertise' | 'country' | 'language', value: string, sortName: string, id: string) => ({
    pk: keys.facetPartition(facet, value),
    sk: `${sortName}#${id}`,
  }),

  /** An in-app notification, newest first in the member's partition. */
  notification: (memberId: string, id: string) => ({ pk: `MEMBER#${memberId}`, sk: `NOTIF#${id}` }),
  notificationPrefix: 'NOTIF#',

  /** A discussion space; all spaces are listed through GSI1 (few, so one partition). */
  space: (id: string) => ({ pk: `SPACE#${id}`, sk: 'SPACE' }),
  spaceIndex: (audience: string, id: string) => ({ gsi1pk: 'SPACES', gsi1sk: `${audience}#${id}` }),

  /** Sign-in/sign-up throttles: a counter per subject and window, expired by TTL. */
  throttle: (kind: string, subject: string, window: number) => ({ pk: `THROTTLE#${kind}#${subject}`, sk: `W#${window}` }),

  /** The audit log: a head item holding the chain's last hash, and entries newest first on GSI1. */
  auditHead: () => ({ pk: 'AUDIT', sk: 'HEAD' }),
  auditEntry: (seq: number) => ({ pk: 'AUDIT', sk: `E#${String(seq).padStart(12, '0')}` }),
} as const;
