import { isLocale, LOCALES, type Locale } from '../../shared/locales';
import type { Preferences } from '../../shared/schemas';
import { accountIdOfAddress } from '../auth/cognito';
import { getEvents } from '../events/repository';
import { sha256 } from '../lib/crypto';
import { log } from '../lib/log';
import { exportPreferences } from '../members/preferences';
import { getMember } from '../members/repository';
import type { EmailJob } from './jobs';
import { type EmailContent, type Msg, render } from './render';
import { claimJob, releaseJob } from './repository';
import { emailSettings } from './settings';
import { unsubscribeToken } from './token';
import { type OutgoingEmail, sendEmail } from './transport';

/**
 * Renders a job in her language and wording and sends it (SMTP locally, SES in AWS), once.
 *
 * What she chose is read again at send time, not when the job was queued: an unsubscribe or a
 * change of wording between the two is honoured. Then the job is claimed (a conditional put of its
 * sent marker), so that however often it is delivered (SQS delivers at least once, schedules may
 * overlap, two deliveries may run at the same moment) it is sent once. A failed send gives the
 * claim back and throws, so that the queue retries it.
 *
 * Logs carry the job's id and kind only: never an address, a subject or a body.
 */
export async function deliver(job: EmailJob): Promise<'sent' | 'skipped'> {
  const email = await compose(job);
  if (!email) {
    log.info('email skipped', { kind: job.kind, job: job.id });
    return 'skipped';
  }
  const claim = claimIdOf(job);
  if (!(await claimJob(claim))) {
    log.info('email already sent', { kind: job.kind, job: job.id });
    return 'skipped';
  }
  try {
    await sendEmail(email);
  } catch (e) {
    await releaseJob(claim).catch((r: unknown) =>
      log.error('email claim not released', { kind: job.kind, job: job.id, error: r instanceof Error ? r.name : 'unknown' }),
    );
    throw e;
  }
  log.info('email sent', { kind: job.kind, job: job.id });
  return 'sent';
}

/**
 * What makes an email unique: the job's id, except for the sign-up notice, which goes to an
 * address at most once a day however many sign-ups name it, so that nobody can flood a member's
 * inbox (and make it conspicuous) by signing up with her address over and over. Keyed by a hash
 * of the address: the table keeps no address in a key.
 */
function claimIdOf(job: EmailJob): string {
  if (job.kind !== 'signup.attempt') return job.id;
  return `signup-notice#${sha256(job.address.trim().toLowerCase(), 'base64url')}#${new Date().toISOString().slice(0, 10)}`;
}

/** The sender, the same on every email: "CN" and a bare address, nothing that names the network. */
function from() {
  return { name: 'CN', address: emailSettings().EMAIL_FROM };
}

/** RFC 3834: sent by a machine, so that no out-of-office reply answers it (and lands in a sent folder). */
const AUTOMATIC = { 'Auto-Submitted': 'auto-generated' };

const url = (path: string) => `${emailSettings().APP_ORIGIN}${path}`;

/** The email for a job, or undefined when nothing is to be sent. */
async function compose(job: EmailJob): Promise<OutgoingEmail | undefined> {
  if (job.kind === 'signup.attempt') return composeSignUpAttempt(job);

  // Her preferences first: most members keep email off, and then her record is never read.
  // Never saved preferences: email is off by default.
  const prefs = await exportPreferences(job.memberId);
  if (!prefs || !wanted(job, prefs)) return undefined;
  // Erased (no record) or deactivated: no email.
  const member = await getMember(job.memberId);
  if (!member || member.status === 'deactivated') return undefined;

  const detailed = prefs.email.wording === 'detailed';
  const content = detailed ? await detailedContent(job, prefs.locale, member.timezone) : await neutralContent(job);
  if (!content) return undefined;
  const token = unsubscribeToken(job.memberId);
  const rendered = render({
    locale: prefs.locale,
    ...content,
    footer: { settingsUrl: url('/settings#email'), unsubscribeUrl: url(`/unsubscribe?token=${token}`) },
  });
  return {
    from: from(),
    to: member.email,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    // RFC 8058: a mail client's one-click unsubscribe POSTs here, without a session.
    headers: {
      ...AUTOMATIC,
      'List-Unsubscribe': `<${url(`/api/email/unsubscribe?token=${token}`)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    memberId: job.memberId,
  };
}

type MemberJob = Exclude<EmailJob, { kind: 'signup.attempt' }>;

/** Whether her preferences, as they are now, want this email. */
function wanted(job: MemberJob, prefs: Preferences): boolean {
  if (!prefs.email.enabled) return false;
  if (job.kind === 'reminder') return prefs.email.reminders;
  // The issue counts the answer to a waiting application among the nudges.
  if (job.kind === 'nudge.request' || job.kind === 'application.decided') return prefs.email.nudges;
  return true;
}

type Words = Pick<EmailContent, 'subject' | 'lines' | 'action'>;

const open = (path: string): EmailContent['action'] => ({ label: { key: 'action.open' }, url: url(path) });

/**
 * Neutral wording: that there is something new (for the digest, how many) and a link. The same
 * subject for every kind, so that not even the subject line tells a reader what happened.
 */
async function neutralContent(job: MemberJob): Promise<Words | undefined> {
  // A reminder for an event that is gone is no reminder.
  if (job.kind === 'reminder' && !(await getEvents([job.eventId])).has(job.eventId)) return undefined;
  const line: Msg = job.kind === 'digest' ? { key: 'body.digest', values: { count: job.count } } : { key: 'body.something' };
  return { subject: { key: 'subject.notices' }, lines: [line], action: open('/notifications') };
}

/**
 * Detailed wording: the kind of thing, and for a reminder the event's title and time in her zone.
 * Never a post's or a message's words, another member's name, or anything from the spaces.
 */
async function detailedContent(job: MemberJob, locale: Locale, timezone: string | undefined): Promise<Words | undefined> {
  switch (job.kind) {
    case 'digest':
      return {
        subject: { key: 'subject.notices' },
        lines: [{ key: 'body.digest', values: { count: job.count } }],
        action: open('/notifications'),
      };
    case 'reminder': {
      const event = (await getEvents([job.eventId])).get(job.eventId);
      if (!event) return undefined;
      // Isolated (FSI … PDI), so that a Latin title or time inside Arabic-script words keeps its own order.
      const values = { lead: job.lead, title: isolate(event.title), time: isolate(timeIn(event.startsAt, locale, timezone)) };
      return {
        subject: { key: 'subject.reminder', values: { lead: job.lead } },
        lines: [{ key: 'body.reminder', values }],
        action: open(`/events/${encodeURIComponent(job.eventId)}`),
      };
    }
    case 'nudge.request':
      return { subject: { key: 'subject.nudge' }, lines: [{ key: 'body.nudge', values: { days: job.days } }], action: open('/requests') };
    case 'application.decided':
      return { subject: { key: 'subject.decided' }, lines: [{ key: 'body.decided' }], action: open('/') };
    case 'announcement':
      return { subject: { key: 'subject.announcement' }, lines: [{ key: 'body.announcement' }], action: open('/notifications') };
  }
}

const isolate = (s: string) => `\u2068${s}\u2069`;

/** A start time in her time zone (UTC when she gave none, or one the runtime does not know), naming the zone. */
function timeIn(iso: string, locale: Locale, timezone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(LOCALES[locale].intl, { ...options, timeZone: timezone ?? 'UTC' }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(LOCALES[locale].intl, { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
}

/**
 * The owner of a taken address is told that someone tried to sign up with it, in her own saved
 * language (else the one of the attempt's browser), with no link that signs in: only one to the
 * page where she can choose a new password herself. Her preferences do not silence it (it is about
 * her account's safety) and it carries no unsubscribe: there is nothing to unsubscribe from.
 */
async function composeSignUpAttempt(job: Extract<EmailJob, { kind: 'signup.attempt' }>): Promise<OutgoingEmail | undefined> {
  if (!job.taken) return undefined;
  const ownerId = await accountIdOfAddress(job.address);
  if (!ownerId) return undefined;
  const saved = (await exportPreferences(ownerId))?.locale;
  const locale: Locale = saved ?? (isLocale(job.locale) ? job.locale : 'en');
  const rendered = render({
    locale,
    subject: { key: 'subject.signup' },
    lines: [{ key: 'signup.body' }, { key: 'signup.ifYou' }],
    action: { label: { key: 'signup.reset' }, url: url('/forgot-password') },
    after: [{ key: 'signup.ifNot' }],
  });
  return {
    from: from(),
    to: job.address,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: AUTOMATIC,
    memberId: ownerId,
  };
}
