import { TABLE, db, fromAttr, queryAll, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';
import { log } from '../lib/log';

/**
 * When a mentorship stops being accepted (completed, ended, suspended, closed with an erased
 * account), the meetings agreed in its conversation that are still ahead leave both members'
 * agendas: no one is expected at a meeting of a mentorship that is over. Kept apart from the
 * conversation's service so the mentorship function carries only these few lines. Best effort,
 * after the change itself: a failure leaves a meeting in an agenda (logged by id), never a
 * half-made change of state.
 */
export async function cancelMeetings(m: { id: string; mentorId: string; menteeId: string }, now: string): Promise<void> {
  try {
    for (const memberId of [m.mentorId, m.menteeId]) {
      const ahead = await queryAll({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        FilterExpression: 'kind = :meeting AND refId = :id',
        ExpressionAttributeValues: values({
          ':pk': keys.member(memberId).pk,
          ':from': `${keys.agendaPrefix}${now}`,
          ':to': `${keys.agendaPrefix}\uffff`,
          ':meeting': 'meeting',
          ':id': m.id,
        }),
        ProjectionExpression: 'startsAt',
      });
      for (const item of ahead) {
        const { startsAt } = fromAttr<{ startsAt: string }>(item);
        await db.deleteItem({ TableName: TABLE, Key: toAttr(keys.agendaItem(memberId, startsAt, 'meeting', m.id)) });
      }
    }
  } catch (e) {
    log.warn('meetings_not_cancelled', { mentorshipId: m.id, error: e instanceof Error ? e.name : 'unknown' });
  }
}

/**
 * A block between two members closes their conversations: the meetings still ahead in any open
 * mentorship between them (found by its partner links, which exist while it is open) leave both
 * agendas too.
 */
export async function cancelMeetingsBetween(a: string, b: string, now: string): Promise<void> {
  try {
    const links = await queryAll({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: values({ ':pk': keys.member(a).pk, ':p': keys.partnerPrefix(b) }),
      ProjectionExpression: 'sk',
    });
    for (const link of links) {
      const id = fromAttr<{ sk: string }>(link).sk.slice(keys.partnerPrefix(b).length);
      await cancelMeetings({ id, mentorId: a, menteeId: b }, now);
    }
  } catch (e) {
    log.warn('meetings_not_cancelled', { error: e instanceof Error ? e.name : 'unknown' });
  }
}
