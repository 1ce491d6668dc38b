import { listAnnouncements, sendAnnouncement } from '../../functions/announcements/service';

/**
 * Board announcements (issue 13): one sent by the demo board member, so a member's notifications
 * and the board's Announcements page have something to show. Idempotent: sends nothing when the
 * network already has an announcement.
 */
export async function seedAnnouncements(board: { userId: string; email: string }): Promise<void> {
  const existing = await listAnnouncements({ limit: 1, scope: 'seed' });
  if (existing.items.length > 0) return;
  await sendAnnouncement(
    { userId: board.userId, email: board.email, groups: ['board'], isBoard: true },
    {
      title: 'Spring webinar series: registration is open',
      body: 'The advisory board has opened registration for the **spring webinar series** on interviewing victims of trafficking.\n\n- Four sessions, in English with Arabic and Urdu interpretation\n- Places are limited: register from the Programme page\n\nThank you for everything you do.',
    },
  );
}
