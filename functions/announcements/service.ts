import type { Announcement, AnnouncementInput } from '../../shared/announcement-schemas';
import type { EmailJob } from '../email/jobs';
import { enqueueEmails } from '../email/queue';
import type { Page } from '../lib/cursor';
import { NotFoundError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { log } from '../lib/log';
import type { Session } from '../lib/session';
import { networkStats } from '../members/repository';
import { withAudit } from '../moderation/audit';
import * as repo from './repository';

export type Sent = { announcement: Announcement; notified: number; jobs: EmailJob[] };

/**
 * The board sends an announcement to every active member. The announcement and its audit entry
 * are one transaction; then every active member but the sender gets an in-app notice (written in
 * batches from the directory's list of active members), and each of them with email on gets an
 * `announcement` email job: the mailer words it as she chose (neutral by default), never quoting it.
 * Answers the jobs it queued, so that what was promised can be checked without a mock.
 */
export async function sendAnnouncement(session: Session, input: AnnouncementInput): Promise<Sent> {
  const id = ulid();
  const at = await withAudit(session.userId, (when) => [repo.announcementPut({ id, ...input, at: when, authorId: session.userId })], {
    action: 'announcement.send',
    targetType: 'announcement',
    targetId: id,
    reason: '',
    before: null,
    after: { title: input.title },
  });
  const jobs: EmailJob[] = [];
  let notified = 0;
  // The announcement is sent once written: a fan-out that fails part-way is logged for the
  // operators (writing a notice again leaves one notice), not answered as a failed send that the
  // board would repeat.
  try {
    const emailOn = await repo.emailOnMemberIds();
    await repo.forEachActiveMemberPage(async (ids) => {
      const others = ids.filter((m) => m !== session.userId);
      await repo.writeNotices(others, id, at);
      notified += others.length;
      for (const memberId of others) {
        if (emailOn.has(memberId)) jobs.push({ id: `announcement#${id}#${memberId}`, kind: 'announcement', memberId, announcementId: id });
      }
    });
    await enqueueEmails(jobs);
  } catch (e) {
    log.warn('announcement fan-out incomplete', { announcementId: id, notified, error: e instanceof Error ? e.name : 'unknown' });
  }
  return { announcement: { id, ...input, at }, notified, jobs };
}

export function listAnnouncements(page: { limit: number; cursor?: string; scope: string }): Promise<Page<Announcement>> {
  return repo.listAnnouncements(page);
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** One announcement, for any active member; a malformed or unknown id is a 404. */
export async function readAnnouncement(id: string): Promise<Announcement> {
  const found = ULID.test(id) ? await repo.getAnnouncement(id) : undefined;
  if (!found) throw new NotFoundError();
  return found;
}

/** Whom an announcement would reach now: the active members but the sender (the confirm step). */
export async function audience(): Promise<{ members: number }> {
  const { active } = await networkStats();
  return { members: Math.max(0, active - 1) };
}
