import { eraseEvents } from '../events/her-data';
import { forgetUploader } from '../files/her-data';
import { eraseMessagesOf } from '../conversations/export';
import { eraseData } from '../members/service';
import * as mentorshipRepo from '../mentorship/repository';
import { closeAllOf } from '../mentorship/service';
import { erasePractices } from '../practices/service';

/**
 * Erasing an account spans several domains: her messages in every conversation go (their places
 * stay, shown as deleted, so the other member's replies still read in order), her mentorships
 * close (and lose what she wrote) before her member data goes. Orchestrated here, above them all,
 * so that members never depends on mentorship, which reads profiles from members.
 */
export async function eraseAccount(memberId: string): Promise<void> {
  await eraseConversationsOf(memberId);
  await closeAllOf(memberId);
  await eraseEvents(memberId);
  await forgetUploader(memberId);
  await erasePractices(memberId);
  await eraseData(memberId);
}

async function eraseConversationsOf(memberId: string): Promise<void> {
  const now = new Date().toISOString();
  for (const list of [mentorshipRepo.listAsMentor, mentorshipRepo.listAsMentee]) {
    let cursor: string | undefined;
    do {
      const page = await list(memberId, { limit: 50, cursor, scope: `erase-messages:${memberId}`, now });
      for (const m of page.items) await eraseMessagesOf(m, memberId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
}
