import { TABLE, db, failedConditions, toAttr } from '../lib/db';
import { keys } from '../lib/keys';
import { log } from '../lib/log';
import { turnEmailOff } from '../members/preferences';
import { getPreferences } from '../members/repository';
import { notificationPut } from '../notifications/repository';

/**
 * Bounces and complaints (issue 13). SES publishes them for every email sent through the
 * configuration set, to SNS, as JSON in the "event publishing" format:
 *
 *   { eventType: 'Bounce', bounce: { bounceType: 'Permanent', … },
 *     mail: { messageId, tags: { member: ['<memberId>'], … }, … } }
 *
 * A permanent bounce (the address does not exist) or any complaint (she, or her provider, marked
 * it as spam) turns her email off: sending on would hurt the domain's reputation for every
 * member, and an unwanted email in her inbox is a risk to her. She is told in the app, where she
 * can turn it on again. A transient bounce (a full mailbox, a server down) changes nothing.
 */

/** The in-app notification: a type and a link, no words (the app words it from its catalogs). */
export const EMAIL_OFF_NOTICE = { type: 'email.off', link: '/settings#email' } as const;

/** Long past SNS's and Lambda's retries of one delivery (hours): then the marker may go. */
const MARKER_DAYS = 30;

export type EmailEvent = { kind: 'bounce' | 'complaint'; permanent: boolean; sesMessageId: string; memberId: string | undefined };

const SES_MESSAGE_ID = /^[A-Za-z0-9._-]{1,200}$/;
/** Member ids are ULIDs or Cognito subs; anything else in the tag is not ours. */
const MEMBER_ID = /^[A-Za-z0-9-]{1,64}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The event an SNS message carries, or a reason why it is not one we can act on. Never returns
 * or logs an address: only SES's message id and the member id the mailer tagged it with.
 */
export function parseEmailEvent(message: string): EmailEvent | { malformed: string } {
  let body: unknown;
  try {
    body = JSON.parse(message);
  } catch {
    return { malformed: 'not JSON' };
  }
  if (!isRecord(body)) return { malformed: 'not an object' };
  // `eventType` in event publishing; `notificationType` in the older identity notifications.
  const type = body.eventType ?? body.notificationType;
  if (type !== 'Bounce' && type !== 'Complaint') return { malformed: 'not a bounce or a complaint' };
  const mail = body.mail;
  if (!isRecord(mail) || typeof mail.messageId !== 'string' || !SES_MESSAGE_ID.test(mail.messageId)) {
    return { malformed: 'no message id' };
  }
  const tag = isRecord(mail.tags) ? mail.tags.member : undefined;
  const memberId = Array.isArray(tag) && typeof tag[0] === 'string' && MEMBER_ID.test(tag[0]) ? tag[0] : undefined;
  if (type === 'Complaint') {
    if (!isRecord(body.complaint)) return { malformed: 'no complaint' };
    return { kind: 'complaint', permanent: true, sesMessageId: mail.messageId, memberId };
  }
  const bounce = body.bounce;
  if (!isRecord(bounce) || typeof bounce.bounceType !== 'string') return { malformed: 'no bounce type' };
  return { kind: 'bounce', permanent: bounce.bounceType === 'Permanent', sesMessageId: mail.messageId, memberId };
}

export type Outcome = 'email.off' | 'transient' | 'repeat' | 'no member' | 'malformed';

/**
 * Acts on one SNS message. Idempotent: the marker for SES's message id is written in the same
 * transaction as her notification, on the condition that it is new, so a repeated or concurrent
 * delivery of the same event leaves one notification. A handled event is not acted on again (she
 * may have turned email on since); turning email off is itself idempotent, so a delivery that
 * failed between the two steps is finished by SNS's retry.
 */
export async function handleEmailEvent(message: string, now = new Date()): Promise<Outcome> {
  const event = parseEmailEvent(message);
  if ('malformed' in event) {
    log.warn('email event skipped', { reason: event.malformed });
    return 'malformed';
  }
  const ids = { sesMessageId: event.sesMessageId, kind: event.kind };
  if (!event.permanent) {
    log.info('email event: transient bounce', ids);
    return 'transient';
  }
  // The sign-up attempt email names no member (she may have none); SES's own suppression list
  // keeps it from being sent again to that address.
  const memberId = event.memberId;
  if (!memberId || !(await getPreferences(memberId))) {
    log.info('email event: no member to turn off', ids);
    return 'no member';
  }
  // A repeated delivery stops here: had she turned email on again since, it must stay on.
  const marker = await db.getItem({ TableName: TABLE, Key: toAttr(keys.emailEvent(event.sesMessageId)), ConsistentRead: true });
  if (marker.Item) {
    log.info('email event: already handled', { ...ids, memberId });
    return 'repeat';
  }
  await turnEmailOff(memberId);
  const at = now.toISOString();
  try {
    await db.transactWrite({
      TransactItems: [
        {
          Put: {
            TableName: TABLE,
            Item: toAttr({
              ...keys.emailEvent(event.sesMessageId),
              entity: 'emailEvent',
              version: 1,
              // No member id: the marker outlives nothing of hers (erasure need not find it).
              kind: event.kind,
              at,
              ttl: Math.floor(now.getTime() / 1000) + MARKER_DAYS * 24 * 60 * 60,
            }),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        notificationPut(memberId, EMAIL_OFF_NOTICE.type, EMAIL_OFF_NOTICE.link, at),
      ],
    });
  } catch (e) {
    if (failedConditions(e)?.includes(0)) {
      log.info('email event: already handled', { ...ids, memberId });
      return 'repeat';
    }
    throw e;
  }
  log.info('email event: email turned off', { ...ids, memberId });
  return 'email.off';
}
