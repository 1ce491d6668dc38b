/**
 * What the product asks the mailer to send (issue 13). A job names a member and what happened, never
 * the words of the email: the mailer renders it at send time, in her language and wording, after
 * reading her preferences again (so an unsubscribe between queueing and sending is honoured).
 *
 * `id` is the job's idempotency key: the mailer writes a sent marker for it conditionally before it
 * sends, so a job delivered twice (SQS delivers at least once, a schedule may overlap) sends once.
 * Producers build it from what makes the email unique, e.g. `digest#<memberId>#<upTo>`.
 */
export type EmailJob =
  /** Something new since her last digest: only how many, and a link. */
  | { id: string; kind: 'digest'; memberId: string; count: number }
  /** An event she registered for starts in a day or an hour. */
  | { id: string; kind: 'reminder'; memberId: string; eventId: string; lead: 'day' | 'hour' }
  /** A mentor has not answered a request for `days` days. */
  | { id: string; kind: 'nudge.request'; memberId: string; mentorshipId: string; days: number }
  /** Her application has an answer (the email never says which). */
  | { id: string; kind: 'application.decided'; memberId: string }
  /** The board sent all members an announcement; the email only says there is one. */
  | { id: string; kind: 'announcement'; memberId: string; announcementId: string }
  /**
   * Someone tried to create an account with an address that already has one: its owner is told,
   * with no link that signs in. Queued for every sign-up, new or taken alike, so that the sign-up
   * request does the same work either way; the mailer sends only when the address is taken.
   * `taken` is Cognito's own answer to this very sign-up (its UsernameExistsException), computed in
   * the code path that made or refused the account: exact, with no clock to compare, and it never
   * leaves the server (the queue is ours). `locale` is the request's first supported language, used
   * when the owner has saved none. Unlike the others it is sent at most once a day per address,
   * however many jobs name it (see the mailer), so that repeated sign-ups cannot flood her inbox.
   */
  | { id: string; kind: 'signup.attempt'; address: string; locale: string; taken: boolean };

export type EmailKind = EmailJob['kind'];
