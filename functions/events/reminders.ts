import type { EmailJob } from '../email/jobs';
import { enqueueEmails } from '../email/queue';
import { clock } from '../lib/clock';
import { TABLE, db, toAttr } from '../lib/db';
import { keys } from '../lib/keys';
import { notificationPut } from '../notifications/repository';
import * as repo from './repository';

/**
 * Sends the reminders now due (a day and an hour before each event) to its registered members, as
 * in-app notifications carrying a type and a link only. Each is sent once: its `SENT` marker is a
 * conditional put in the notification's own transaction, so a sweep run twice (EventBridge
 * delivers at least once) sends nothing twice. A reminder whose event moved or began is dropped.
 */
export async function sweepReminders(): Promise<{ sent: number; queued: EmailJob[] }> {
  const now = new Date(clock.now()).toISOString();
  let sent = 0;
  // The same reminder by email, for those who asked for it (the mailer reads her preferences when it sends).
  const queued: EmailJob[] = [];
  for (const due of await repo.dueReminders(now)) {
    const { event } = await repo.getEventBundle(due.eventId);
    if (event && event.startsAt === due.startsAt && now < event.startsAt) {
      for (const r of await repo.registrationsIn(event.id, 'registered')) {
        await repo
          .commit(
            [
              repo.put(
                {
                  ...keys.reminderSent(event.id, due.lead, r.memberId),
                  entity: 'reminderSent',
                  version: 1,
                  startsAt: event.startsAt,
                  at: now,
                },
                'attribute_not_exists(pk) OR startsAt <> :s',
                { ':s': event.startsAt },
              ),
              notificationPut(r.memberId, `event.reminder.${due.lead}`, `/events/${event.id}`, now),
            ],
            () => 'already sent' as const,
          )
          .then((skipped) => {
            if (skipped !== undefined) return;
            sent++;
            queued.push({
              id: `reminder#${event.id}#${due.lead}#${r.memberId}#${event.startsAt}`,
              kind: 'reminder',
              memberId: r.memberId,
              eventId: event.id,
              lead: due.lead,
            });
          });
      }
    }
    await db.deleteItem({ TableName: TABLE, Key: toAttr({ pk: due.pk, sk: due.sk }) });
  }
  await enqueueEmails(queued);
  return { sent, queued };
}
