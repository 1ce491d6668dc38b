import { eraseEvents } from '../events/her-data';
import { eraseData } from '../members/service';
import { closeAllOf } from '../mentorship/service';

/**
 * Erasing an account spans two domains: her mentorships close (and lose what she wrote) before her
 * member data goes. Orchestrated here, above both, so that members never depends on mentorship,
 * which reads profiles from members.
 */
export async function eraseAccount(memberId: string): Promise<void> {
  await closeAllOf(memberId);
  await eraseEvents(memberId);
  await eraseData(memberId);
}
