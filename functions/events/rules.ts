import type { Audience } from '../../shared/events-schemas';
import type { Session } from '../lib/session';
import type { MemberRecord } from '../members/repository';
import type { EventRecord } from './repository';

/** Who sees and who runs an event: small and pure, shared by the events API, its calendar and its reminders. */

/**
 * Whether a member is in an event's audience. A cohort (memberIds) lets its members in; kinds and
 * countries, where given, must each match; an audience naming nothing is every member.
 */
export function inAudience(a: Audience, m: Pick<MemberRecord, 'id' | 'kind' | 'country'>): boolean {
  if (a.memberIds?.includes(m.id)) return true;
  const byKind = a.kinds && a.kinds.length > 0;
  const byCountry = a.countries && a.countries.length > 0;
  if (!byKind && !byCountry) return !(a.memberIds && a.memberIds.length > 0);
  return (!byKind || (a.kinds ?? []).includes(m.kind)) && (!byCountry || (a.countries ?? []).includes(m.country));
}

export const isHost = (e: EventRecord, memberId: string) => e.hosts.memberIds.includes(memberId);
export const canManage = (session: Session, e: EventRecord) => session.isBoard || isHost(e, session.userId);
export const canSee = (session: Session, member: MemberRecord, e: EventRecord) => canManage(session, e) || inAudience(e.audience, member);
