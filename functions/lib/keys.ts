/**
 * Every key of the single table is built here and nowhere else.
 *
 * Attribute names are generic (pk, sk, gsi1pk …); each item also carries `entity` and `version`.
 * The access-pattern table in README.md lists which route reads which key.
 */

export type FacetKind = 'all' | 'kind' | 'expertise' | 'country' | 'language' | 'offerTopic' | 'offerLanguage';

export const keys = {
  /** The member's profile, status and application. */
  member: (id: string) => ({ pk: `MEMBER#${id}`, sk: 'PROFILE' }),
  /** Her preferences (language, email): any account has them, a pending applicant's too, so not on the profile. */
  preferences: (id: string) => ({ pk: `MEMBER#${id}`, sk: 'PREFERENCES' }),
  /**
   * On her preferences item while email is on (sparse GSI3): who may be emailed, one Query, e.g. for
   * a board announcement. Members with email off are never read.
   */
  emailOnIndex: (id: string) => ({ gsi3pk: 'EMAIL#ON', gsi3sk: id }),
  emailOnPartition: 'EMAIL#ON',
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

  /**
   * Partner link in the profile owner's partition while a mentorship with `other` is open; one per
   * mentorship, so two open mentorships in opposite roles never share an item.
   */
  partner: (owner: string, other: string, mentorshipId: string) => ({ pk: `MEMBER#${owner}`, sk: `PARTNER#${other}#${mentorshipId}` }),
  partnerPrefix: (other: string) => `PARTNER#${other}#`,

  /**
   * Directory facet: one item per active member and per filter value (all, kind, expertise,
   * country, language). Each facet partition is a Query per filter, sorted by name.
   */
  facetPartition: (facet: FacetKind, value = '') =>
    facet === 'all'
      ? 'DIR#all'
      : facet === 'offerTopic'
        ? `OFFER#topic#${value}`
        : facet === 'offerLanguage'
          ? `OFFER#lang#${value}`
          : `DIR#${facet}#${value}`,
  facet: (facet: FacetKind, value: string, sortName: string, id: string) => ({
    pk: keys.facetPartition(facet, value),
    sk: `${sortName}#${id}`,
  }),

  /**
   * A board member's display name, held for her: keyed by the name's lookalike key
   * (shared/text.ts nameLookalikeKey), so "is this name a board member's?" is one read.
   */
  reservedName: (lookalikeKey: string) => ({ pk: `NAME#${lookalikeKey}`, sk: 'BOARD' }),

  /** Counters a transaction conditions on: accepted mentorships (mentor); pending and active (mentee). */
  mentorStats: (id: string) => ({ pk: `MEMBER#${id}`, sk: 'STATS#MENTOR' }),
  menteeStats: (id: string) => ({ pk: `MEMBER#${id}`, sk: 'STATS#MENTEE' }),

  /** A mentorship; listed per mentor (GSI1), per mentee (GSI2) and for the board (GSI3). */
  mentorship: (id: string) => ({ pk: `MENTORSHIP#${id}`, sk: 'MENTORSHIP' }),
  mentorshipIndexes: (mentorId: string, menteeId: string, createdAt: string, id: string) => ({
    gsi1pk: `MENTORSHIPS#MENTOR#${mentorId}`,
    gsi1sk: `${createdAt}#${id}`,
    gsi2pk: `MENTORSHIPS#MENTEE#${menteeId}`,
    gsi2sk: `${createdAt}#${id}`,
    gsi3pk: 'MENTORSHIPS',
    gsi3sk: `${createdAt}#${id}`,
  }),
  /** Exists while a pair has an open (pending or accepted) mentorship: one open request per pair. */
  pairLock: (mentorId: string, menteeId: string) => ({ pk: `PAIR#${mentorId}#${menteeId}`, sk: 'OPEN' }),
  /** Pending requests by expiry time, for the sweeper. */
  expiry: (expiresAt: string, id: string) => ({ pk: keys.expiryPartition, sk: `${expiresAt}#${id}` }),
  expiryPartition: 'EXPIRY',
  checkIn: (mentorshipId: string, id: string) => ({ pk: `MENTORSHIP#${mentorshipId}`, sk: `CHECKIN#${id}` }),
  /** A mentorship's check-ins by meeting date (GSI1), newest meeting first. */
  checkInIndex: (mentorshipId: string, date: string, createdAt: string, id: string) => ({
    gsi1pk: `CHECKINS#${mentorshipId}`,
    gsi1sk: `${date}#${createdAt}#${id}`,
  }),
  feedback: (mentorshipId: string, memberId: string) => ({ pk: `MENTORSHIP#${mentorshipId}`, sk: `FEEDBACK#${memberId}` }),
  /** Every feedback given, newest first, for the board (GSI1). */
  feedbackIndex: (at: string, mentorshipId: string, memberId: string) => ({
    gsi1pk: 'FEEDBACK',
    gsi1sk: `${at}#${mentorshipId}#${memberId}`,
  }),
  cohort: (id: string) => ({ pk: `COHORT#${id}`, sk: 'COHORT' }),

  /** An in-app notification, newest first in the member's partition. */
  notification: (memberId: string, id: string) => ({ pk: `MEMBER#${memberId}`, sk: `NOTIF#${id}` }),
  notificationPrefix: 'NOTIF#',
  /**
   * What waits for a board member, one item per type, overwritten by each arrival: fifty new
   * applications make one unread notice. Listed with her notifications, by time.
   */
  boardNotice: (memberId: string, type: string) => ({ pk: `MEMBER#${memberId}`, sk: `BOARDNOTICE#${type}` }),
  /**
   * News by hour (sparse GSI3 on every notification and board notice): whom the email digest looks
   * at, those with something new since its last run, never the whole membership.
   */
  newsIndex: (at: string, memberId: string, id: string) => ({ gsi3pk: keys.newsPartition(at), gsi3sk: `${at}#${memberId}#${id}` }),
  newsPartition: (at: string) => `NEWS#${at.slice(0, 13)}`,
  /** Her email digest: when it last went and the newest notification it counted. */
  digestState: (memberId: string) => ({ pk: `MEMBER#${memberId}`, sk: 'EMAIL#DIGEST' }),
  /** A digest that waits for her period to pass (daily or weekly), by the time it falls due. */
  digestDue: (dueAt: string, memberId: string) => ({ pk: 'DIGEST#DUE', sk: `${dueAt}#${memberId}` }),
  digestDuePartition: 'DIGEST#DUE',
  /** How far the digest's runs have read the news index. */
  digestRun: { pk: 'EMAIL#RUN', sk: 'DIGEST' },
  boardNoticePrefix: 'BOARDNOTICE#',
  /** Who is on the board (kept when a board member saves her profile): whom board notices go to. */
  boardRoster: (memberId: string) => ({ pk: 'BOARD', sk: `MEMBER#${memberId}` }),
  boardRosterPartition: 'BOARD',
  boardRosterPrefix: 'MEMBER#',

  /** A discussion space; all spaces are listed through GSI1 (few, so one partition). */
  space: (id: string) => ({ pk: `SPACE#${id}`, sk: 'SPACE' }),
  spaceIndex: (audience: string, id: string) => ({ gsi1pk: 'SPACES', gsi1sk: `${audience}#${id}` }),

  /** A thread; listed per space on GSI1, pinned first then newest activity first (read backwards). */
  thread: (id: string) => ({ pk: `THREAD#${id}`, sk: 'THREAD' }),
  threadIndex: (spaceId: string, pinned: boolean, lastPostAt: string, id: string) => ({
    gsi1pk: `SPACE#${spaceId}#THREADS`,
    gsi1sk: `${pinned ? '1' : '0'}#${lastPostAt}#${id}`,
  }),
  /** A post; listed per thread on GSI1 (oldest first) and per author on GSI2 (for erasure). */
  post: (id: string) => ({ pk: `POST#${id}`, sk: 'POST' }),
  postIndexes: (threadId: string, authorId: string | null, createdAt: string, id: string) => ({
    gsi1pk: `THREAD#${threadId}#POSTS`,
    gsi1sk: `${createdAt}#${id}`,
    ...(authorId ? { gsi2pk: `AUTHOR#${authorId}`, gsi2sk: `${createdAt}#${id}` } : {}),
  }),
  /** The moderation queue on GSI3, oldest first: held posts (and, later, open report cases). */
  queuePartition: 'QUEUE',
  queueIndex: (createdAt: string, type: 'post' | 'case' | 'message', id: string) => ({
    gsi3pk: 'QUEUE',
    gsi3sk: `${createdAt}#${type}#${id}`,
  }),
  posterStats: (id: string) => ({ pk: `MEMBER#${id}`, sk: 'STATS#POSTER' }),
  heldRules: () => ({ pk: 'RULES', sk: 'HELD' }),
  /** The board's own settings (how long a declined applicant waits before applying again). */
  boardSettings: () => ({ pk: 'RULES', sk: 'BOARD' }),

  /**
   * A private message to the board, in its sender's partition (hers to list, export and erase);
   * found by id through GSI1, and in the moderation queue (GSI3) while open.
   */
  boardMessage: (memberId: string, id: string) => ({ pk: `MEMBER#${memberId}`, sk: `BOARDMSG#${id}` }),
  boardMessagePrefix: 'BOARDMSG#',
  boardMessageIndex: (id: string) => ({ gsi1pk: `BOARDMSG#${id}`, gsi1sk: 'MESSAGE' }),

  /** A report case (one per reported item while open) and the pointer that finds the open one. */
  reportCase: (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' }),
  openCase: (targetType: string, targetId: string) => ({ pk: `CASEOPEN#${targetType}#${targetId}`, sk: 'OPEN' }),
  /** A report in its reporter's partition: hers to export, and whom to tell the outcome. */
  report: (reporterId: string, id: string) => ({ pk: `MEMBER#${reporterId}`, sk: `REPORT#${id}` }),
  sanction: (memberId: string, id: string) => ({ pk: `MEMBER#${memberId}`, sk: `SANCTION#${id}` }),
  sanctionPrefix: 'SANCTION#',

  /** How many active members (and practitioners) the network has: the composer's audience line. */
  networkStats: () => ({ pk: 'NETWORK', sk: 'STATS' }),

  /** Sign-in/sign-up throttles: a counter per subject and window, expired by TTL. */
  /** One signed-in device of hers; all of them are a Query on her partition (sign out everywhere, erasure). */
  session: (userId: string, sessionId: string) => ({ pk: `MEMBER#${userId}`, sk: `SESSION#${sessionId}` }),
  sessionPrefix: 'SESSION#',
  throttle: (kind: string, subject: string, window: number) => ({ pk: `THROTTLE#${kind}#${subject}`, sk: `W#${window}` }),

  /**
   * Her agenda (issue 12): one item per thing she is expected at, in her partition, by start time:
   * an event she is registered for (`kind: 'event'`, written with the registration) or a meeting
   * agreed in a mentorship conversation (`kind: 'meeting'`, one for each of the two members).
   * Attributes: { kind, refId (event or mentorship id), startsAt, endsAt }. `GET /api/agenda` is
   * one Query on the prefix from a date.
   */
  agendaItem: (memberId: string, startsAt: string, kind: 'event' | 'meeting', refId: string) => ({
    pk: `MEMBER#${memberId}`,
    sk: `AGENDA#${startsAt}#${kind}#${refId}`,
  }),
  agendaPrefix: 'AGENDA#',

  // ── programme: events and series (issue 12) ──────────────────────────────────────────────
  /**
   * An event. Listed by the year of its start on GSI1 (a partition per year, sorted by start) and,
   * when it is part of a series, on GSI2 by part.
   */
  event: (id: string) => ({ pk: `EVENT#${id}`, sk: 'EVENT' }),
  eventIndexes: (startsAt: string, id: string, series?: { seriesId: string; part: number }) => ({
    gsi1pk: keys.eventYear(startsAt.slice(0, 4)),
    gsi1sk: `${startsAt}#${id}`,
    ...(series ? { gsi2pk: `SERIES#${series.seriesId}#PARTS`, gsi2sk: `${String(series.part).padStart(2, '0')}#${startsAt}#${id}` } : {}),
  }),
  /** The GSI1 partition of the events starting in a year (`YYYY`; before, a month: scripts/backfill-event-years.ts). */
  eventYear: (year: string) => `EVENTS#${year}`,
  seriesPartsPartition: (seriesId: string) => `SERIES#${seriesId}#PARTS`,
  /** Counters a registration's transaction conditions on: capacity, registered, waitlisted, feedback sums. */
  eventStats: (id: string) => ({ pk: `EVENT#${id}`, sk: 'STATS' }),
  /** Her registration; listed per member on GSI2 (her export, her erasure). */
  registration: (eventId: string, memberId: string) => ({ pk: `EVENT#${eventId}`, sk: `REG#${memberId}` }),
  registrationPrefix: 'REG#',
  registrationIndex: (memberId: string, startsAt: string, eventId: string) => ({
    gsi2pk: `EVREG#${memberId}`,
    gsi2sk: `${startsAt}#${eventId}`,
  }),
  registrationsOfMember: (memberId: string) => `EVREG#${memberId}`,
  /** The waiting list in the event's partition, first come first: a consistent Query finds the next. */
  waitlistEntry: (eventId: string, at: string, memberId: string) => ({ pk: `EVENT#${eventId}`, sk: `WAIT#${at}#${memberId}` }),
  waitlistPrefix: 'WAIT#',
  /** Her feedback on an event (one per attendee); listed per member on GSI2 for her export. */
  eventFeedback: (eventId: string, memberId: string) => ({ pk: `EVENT#${eventId}`, sk: `FEEDBACK#${memberId}` }),
  /** Feedback kept after its author erased her account, under a key that names nobody. */
  anonymousEventFeedback: (eventId: string, id: string) => ({ pk: `EVENT#${eventId}`, sk: `FEEDBACK#~${id}` }),
  eventFeedbackPrefix: 'FEEDBACK#',
  eventFeedbackIndex: (memberId: string, at: string, eventId: string) => ({ gsi2pk: `EVFB#${memberId}`, gsi2sk: `${at}#${eventId}` }),
  eventFeedbackOfMember: (memberId: string) => `EVFB#${memberId}`,
  /** Reminders due, by time, one per event and lead time; the sweeper Queries what is due. */
  reminderPartition: 'REMINDERS',
  reminder: (dueAt: string, eventId: string, lead: 'day' | 'hour') => ({ pk: 'REMINDERS', sk: `${dueAt}#${eventId}#${lead}` }),
  /** That a member got an event's reminder: its conditional put is what sends each reminder once. */
  reminderSent: (eventId: string, lead: 'day' | 'hour', memberId: string) => ({ pk: `EVENT#${eventId}`, sk: `SENT#${lead}#${memberId}` }),
  /** A series; all of them on GSI1 (few), newest first. */
  series: (id: string) => ({ pk: `SERIES#${id}`, sk: 'SERIES' }),
  seriesIndex: (createdAt: string, id: string) => ({ gsi1pk: 'SERIES', gsi1sk: `${createdAt}#${id}` }),
  seriesPartition: 'SERIES',
  /** A series she completed (every part attended), in her partition; private to her. */
  completion: (memberId: string, seriesId: string) => ({ pk: `MEMBER#${memberId}`, sk: `COMPLETION#${seriesId}` }),
  completionPrefix: 'COMPLETION#',
  // ── conversations between mentor and mentee (issue 12)
  /** A message of a mentorship's conversation, in the mentorship's partition; ULIDs sort it by time. */
  message: (mentorshipId: string, id: string) => ({ pk: `MENTORSHIP#${mentorshipId}`, sk: `MSG#${id}` }),
  messagePrefix: 'MSG#',
  /**
   * Her own marker for one conversation, in her partition: whether something arrived that she has
   * not opened yet. Never shown to the other member (it is no read receipt); the menu counts them.
   */
  conversationMark: (memberId: string, mentorshipId: string) => ({ pk: `MEMBER#${memberId}`, sk: `CONVO#${mentorshipId}` }),
  conversationMarkPrefix: 'CONVO#',
  // ── personal development plan (issue 12)
  /** Her plan: one item in her partition (goals, actions, reflections and sharing together). */
  plan: (memberId: string) => ({ pk: `MEMBER#${memberId}`, sk: 'PLAN' }),
  /**
   * A check-in that concerns a goal of the mentee's plan, on GSI2 of the check-in item itself:
   * every check-in about her goals is one Query on her partition, grouped by goal, latest meeting
   * last within each goal. Editing or deleting the check-in moves or removes the entry with it.
   */
  planCheckInIndex: (menteeId: string, goalId: string, date: string, checkInId: string) => ({
    gsi2pk: `PLANCHECKINS#${menteeId}`,
    gsi2sk: `${goalId}#${date}#${checkInId}`,
  }),

  // ── email (issue 13)
  /**
   * That an email job was sent (or is being sent): its conditional put, before sending, is what
   * sends each job once however often it is delivered. Expired by TTL after about 30 days. Keyed by
   * the job's id alone: one Get or Put, never listed.
   */
  emailSent: (jobId: string) => ({ pk: `EMAILJOB#${jobId}`, sk: 'SENT' }),

  // ── email: bounces and complaints (issue 13, infra)
  /**
   * That an SES bounce or complaint event was handled, keyed by the SES message id, alone in its
   * partition and expired by TTL: a repeated SNS delivery finds it and does nothing.
   */
  emailEvent: (sesMessageId: string) => ({ pk: `EMAILEVENT#${sesMessageId}`, sk: 'HANDLED' }),

  /** The audit log: a head item holding the chain's last hash, and entries newest first on GSI1. */
  auditHead: () => ({ pk: 'AUDIT', sk: 'HEAD' }),
  auditEntry: (seq: number) => ({ pk: 'AUDIT', sk: `E#${String(seq).padStart(12, '0')}` }),

  // ── board announcements (issue 13) ──
  /**
   * A board announcement. All of them share one partition, sorted by ULID: the board's list is one
   * Query newest first, and a member's read is one GetItem. A few a month, so one partition holds.
   */
  announcement: (id: string) => ({ pk: 'ANNOUNCEMENTS', sk: `A#${id}` }),
  announcementPartition: 'ANNOUNCEMENTS',
  announcementPrefix: 'A#',

  // ── knowledge: library of good practices (issue 14)
  /**
   * A practice: its head item (the latest revision's content, its state, the live published
   * revision's content under `live`, the useful count) and, in the same partition, every revision
   * kept as submitted (`REV#000001` …). Listed while it has a live revision on GSI1 (one partition,
   * newest publication first), per author on GSI2 (her list, export, erasure), and on the moderation
   * queue (GSI3) while its latest revision waits for the board.
   */
  practice: (id: string) => ({ pk: `PRACTICE#${id}`, sk: 'PRACTICE' }),
  practiceRevision: (id: string, revision: number) => ({ pk: `PRACTICE#${id}`, sk: `REV#${String(revision).padStart(6, '0')}` }),
  practiceRevisionPrefix: 'REV#',
  practicePartition: (id: string) => `PRACTICE#${id}`,
  practicesPublished: 'PRACTICES',
  practiceListIndex: (publishedAt: string, id: string) => ({ gsi1pk: keys.practicesPublished, gsi1sk: `${publishedAt}#${id}` }),
  practicesOfAuthor: (authorId: string) => `PRACTICEAUTHOR#${authorId}`,
  practiceAuthorIndex: (authorId: string, createdAt: string, id: string) => ({
    gsi2pk: keys.practicesOfAuthor(authorId),
    gsi2sk: `${createdAt}#${id}`,
  }),
  practiceQueueIndex: (at: string, id: string) => ({ gsi3pk: keys.queuePartition, gsi3sk: `${at}#practice#${id}` }),
  /**
   * That a member found a practice useful, in the practice's partition (the count and her mark are
   * written in one transaction); on GSI2 by member, for her export and erasure. Never listed per practice.
   */
  practiceUseful: (practiceId: string, memberId: string) => ({ pk: `PRACTICE#${practiceId}`, sk: `USEFUL#${memberId}` }),
  practiceUsefulIndex: (memberId: string, practiceId: string) => ({ gsi2pk: keys.usefulOfMember(memberId), gsi2sk: practiceId }),
  usefulOfMember: (memberId: string) => `PRACTICEUSEFUL#${memberId}`,
  /** The discussion space a practice's thread opens in, one per audience (created on first use). */
  librarySpaceId: (audience: 'members' | 'practitioners' | 'board') => `library-${audience}`,

  // ── knowledge: files and attachments (issue 14)
  /**
   * An attachment of a practice or an event, in its owner's files partition (one Query lists an
   * owner's files). Attributes: { id, ownerKind, ownerId, objectKey, name, type, size, state
   * (pending | ready | rejected), uploaderId, createdAt }. Listed per uploader on GSI2 for her export.
   */
  file: (ownerKind: string, ownerId: string, fileId: string) => ({ pk: `FILES#${ownerKind}#${ownerId}`, sk: `FILE#${fileId}` }),
  filePrefix: 'FILE#',
  filesPartition: (ownerKind: string, ownerId: string) => `FILES#${ownerKind}#${ownerId}`,
  fileIndex: (uploaderId: string, createdAt: string, fileId: string) => ({
    gsi2pk: `UPLOADS#${uploaderId}`,
    gsi2sk: `${createdAt}#${fileId}`,
  }),
  uploadsOf: (uploaderId: string) => `UPLOADS#${uploaderId}`,
  /**
   * Which file an object of the bucket belongs to, written with the pending file: the bucket's
   * "object created" event names only the object's random key. Attributes: { ownerKind, ownerId,
   * fileId }; expires a day later (an upload form lives five minutes).
   */
  fileObject: (objectKey: string) => ({ pk: `FILEOBJ#${objectKey}`, sk: 'FILE' }),
  /** How many files (pending or ready) an owner holds: its condition keeps an owner at 5 under any concurrency. */
  fileCount: (ownerKind: string, ownerId: string) => ({ pk: `FILES#${ownerKind}#${ownerId}`, sk: 'COUNT' }),

  // ── knowledge: search (issue 14)
  /**
   * One index entry per (distinct folded word, document). The partition is the word's first two
   * characters (the whole word when it has one: a digit), so an exact word is
   * `begins_with(sk, word + '#')` and the last word typed is `begins_with(sk, prefix)`: both one
   * bounded Query, whatever the size of the corpus. Within a word the newest come first (read
   * backwards). Attributes carry the pre-filters (kind, audience, countries, themes, languages, at).
   */
  searchEntry: (word: string, at: string, kind: string, id: string) => ({
    pk: keys.searchPartition(word),
    sk: `${word}#${at}#${kind}#${id}`,
  }),
  searchPartition: (wordOrPrefix: string) => `SEARCH#${[...wordOrPrefix].slice(0, 2).join('')}`,
  /** The entries a document has in the index (their sort keys), so a re-index writes only the difference. */
  searchManifest: (kind: string, id: string) => ({ pk: `SEARCHDOC#${kind}#${id}`, sk: 'MANIFEST' }),

  // ── knowledge: board insights (issue 14)
  /**
   * A write-time counter of the board's insights: one item per metric, month, dimension and shard,
   * moved by an `ADD` in the same transaction as the change it counts. Hot counters are spread over
   * shards (chosen at random, summed on read) so that concurrent transactions rarely touch the same
   * item. A metric's months are one Query on its partition, `sk` between two months.
   */
  insightCounter: (metric: string, month: string, dimension: string, shard: number) => ({
    pk: keys.insightPartition(metric),
    sk: `${month}#${dimension}#${shard}`,
  }),
  insightPartition: (metric: string) => `INSIGHT#${metric}`,
} as const;
