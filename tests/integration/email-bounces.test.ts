import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handleEmailEvent, parseEmailEvent } from '../../functions/email/bounces';
import { handler } from '../../functions/handlers/email-events';
import { TABLE, db, toAttr } from '../../functions/lib/db';
import { keys } from '../../functions/lib/keys';
import { type Agent, member } from '../helpers';

const PREFERENCES = '/api/members/me/preferences';

/** A member with email on, as she set it in Settings. */
async function memberWithEmailOn(tag: string): Promise<Agent> {
  const a = await member({}, tag);
  const res = await a.put(PREFERENCES, { email: { enabled: true, digest: 'weekly' }, version: 0 });
  expect(res.body.email.enabled).toBe(true);
  return a;
}

/** An SES event as the configuration set publishes it, for an email the mailer tagged with her id. */
function sesEvent(kind: 'Bounce' | 'Complaint', memberId: string | undefined, opts: { bounceType?: string; messageId?: string } = {}) {
  const messageId = opts.messageId ?? `0107018f${randomUUID().replaceAll('-', '')}-000000`;
  const timestamp = '2026-12-04T09:15:02.000Z';
  const mail = {
    timestamp,
    source: 'CN <cn@mail.example.org>',
    sourceArn: 'arn:aws:ses:eu-central-1:123456789012:identity/mail.example.org',
    sendingAccountId: '123456789012',
    messageId,
    destination: ['someone@example.net'],
    headersTruncated: false,
    tags: {
      'ses:configuration-set': ['ChampionsNetworkEmailConfigurationSet'],
      'ses:source-ip': ['192.0.2.10'],
      'ses:from-domain': ['mail.example.org'],
      ...(memberId ? { member: [memberId] } : {}),
    },
  };
  const body =
    kind === 'Bounce'
      ? {
          eventType: 'Bounce',
          bounce: {
            bounceType: opts.bounceType ?? 'Permanent',
            bounceSubType: opts.bounceType === 'Transient' ? 'MailboxFull' : 'General',
            bouncedRecipients: [
              { emailAddress: 'someone@example.net', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
            ],
            timestamp,
            feedbackId: `0107018f-${randomUUID()}-000000`,
            reportingMTA: 'dns; a1-2.smtp-out.eu-central-1.amazonses.com',
          },
          mail,
        }
      : {
          eventType: 'Complaint',
          complaint: {
            complainedRecipients: [{ emailAddress: 'someone@example.net' }],
            timestamp,
            feedbackId: `0107018f-${randomUUID()}-000000`,
            complaintFeedbackType: 'abuse',
            userAgent: 'ExampleCorp Feedback Loop (V0.01)',
          },
          mail,
        };
  return JSON.stringify(body);
}

/** The SNS delivery Lambda receives, around one message. */
function snsDelivery(message: string): SNSEvent {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-central-1:123456789012:EmailEventsTopic:1b4e1e7c-6a0b-4a39-9f0e-000000000000',
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: 'arn:aws:sns:eu-central-1:123456789012:EmailEventsTopic',
          Subject: '',
          Message: message,
          Timestamp: '2026-12-04T09:15:03.000Z',
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.eu-central-1.amazonaws.com/SimpleNotificationService-0000.pem',
          UnsubscribeUrl: 'https://sns.eu-central-1.amazonaws.com/?Action=Unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}

async function emailOffNotices(a: Agent) {
  const res = await a.get('/api/notifications?limit=50');
  expect(res.status).toBe(200);
  return (res.body.items as { type: string; link: string }[]).filter((n) => n.type === 'email.off');
}

describe('a permanent bounce', () => {
  it('turns her email off and tells her once in the app, however often SNS delivers it', async () => {
    const a = await memberWithEmailOn('bounce-permanent');
    const delivery = snsDelivery(sesEvent('Bounce', a.userId));

    expect(await handler(delivery)).toEqual({ handled: 1 });
    const prefs = await a.get(PREFERENCES);
    expect(prefs.body.email).toMatchObject({ enabled: false, digest: 'weekly' });
    expect(await emailOffNotices(a)).toEqual([expect.objectContaining({ type: 'email.off', link: '/settings#email' })]);

    // SNS delivers at least once: the same event again changes nothing.
    expect(await handler(delivery)).toEqual({ handled: 0 });
    expect(await emailOffNotices(a)).toHaveLength(1);
    expect((await a.get(PREFERENCES)).body.version).toBe(prefs.body.version);
  });

  it('leaves her email on when the same event arrives again after she turned it back on', async () => {
    const a = await memberWithEmailOn('bounce-on-again');
    const message = sesEvent('Bounce', a.userId);
    expect(await handleEmailEvent(message)).toBe('email.off');
    const off = await a.get(PREFERENCES);
    const on = await a.put(PREFERENCES, { email: { ...off.body.email, enabled: true }, version: off.body.version });
    expect(on.body.email.enabled).toBe(true);

    expect(await handleEmailEvent(message)).toBe('repeat');
    expect((await a.get(PREFERENCES)).body.email.enabled).toBe(true);
    expect(await emailOffNotices(a)).toHaveLength(1);
  });

  it('leaves one notice when the same event arrives twice at once', async () => {
    const a = await memberWithEmailOn('bounce-race');
    const message = sesEvent('Bounce', a.userId);
    const outcomes = await Promise.all([handleEmailEvent(message), handleEmailEvent(message), handleEmailEvent(message)]);
    expect(outcomes.filter((o) => o === 'email.off')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'repeat')).toHaveLength(2);
    expect(await emailOffNotices(a)).toHaveLength(1);
    expect((await a.get(PREFERENCES)).body.email.enabled).toBe(false);
  });

  it('keeps the marker of a handled event only for a while (TTL)', async () => {
    const a = await memberWithEmailOn('bounce-marker');
    const messageId = `0107018f${randomUUID().replaceAll('-', '')}-000000`;
    await handleEmailEvent(sesEvent('Bounce', a.userId, { messageId }), new Date('2026-12-04T10:00:00Z'));
    const marker = await db.getItem({ TableName: TABLE, Key: toAttr(keys.emailEvent(messageId)), ConsistentRead: true });
    expect(Number(marker.Item?.ttl?.N)).toBe(Date.parse('2027-01-03T10:00:00Z') / 1000);
    // What the marker holds: ids and the kind, never an address.
    expect(JSON.stringify(marker.Item)).not.toContain('@');
  });
});

describe('a transient bounce', () => {
  it('changes nothing: her email stays on and she gets no notice', async () => {
    const a = await memberWithEmailOn('bounce-transient');
    expect(await handler(snsDelivery(sesEvent('Bounce', a.userId, { bounceType: 'Transient' })))).toEqual({ handled: 0 });
    expect((await a.get(PREFERENCES)).body.email.enabled).toBe(true);
    expect(await emailOffNotices(a)).toEqual([]);
  });
});

describe('a complaint', () => {
  it('turns her email off and tells her in the app', async () => {
    const a = await memberWithEmailOn('complaint');
    expect(await handler(snsDelivery(sesEvent('Complaint', a.userId)))).toEqual({ handled: 1 });
    expect((await a.get(PREFERENCES)).body.email.enabled).toBe(false);
    expect(await emailOffNotices(a)).toHaveLength(1);
  });
});

describe('messages the handler cannot act on', () => {
  it('skips malformed messages and events of no member, and goes on with the rest of the delivery', async () => {
    const a = await memberWithEmailOn('bounce-mixed');
    const delivery = snsDelivery('not json');
    const good = snsDelivery(sesEvent('Bounce', a.userId)).Records[0];
    if (!good) throw new Error('no record');
    delivery.Records.push(
      { ...good, Sns: { ...good.Sns, Message: JSON.stringify({ eventType: 'Delivery', mail: { messageId: 'x' } }) } },
      { ...good, Sns: { ...good.Sns, Message: sesEvent('Bounce', undefined) } },
      { ...good, Sns: { ...good.Sns, Message: sesEvent('Bounce', randomUUID()) } },
      good,
    );
    expect(await handler(delivery)).toEqual({ handled: 1 });
    expect((await a.get(PREFERENCES)).body.email.enabled).toBe(false);
  });

  it('says why, without ever reading an address out of the event', () => {
    expect(parseEmailEvent('[]')).toEqual({ malformed: 'not an object' });
    expect(parseEmailEvent(JSON.stringify({ eventType: 'Bounce', mail: {} }))).toEqual({ malformed: 'no message id' });
    expect(parseEmailEvent(JSON.stringify({ eventType: 'Bounce', mail: { messageId: 'm-1' } }))).toEqual({ malformed: 'no bounce type' });
    const parsed = parseEmailEvent(sesEvent('Bounce', 'not an id!'));
    expect(parsed).toMatchObject({ kind: 'bounce', permanent: true, memberId: undefined });
    expect(JSON.stringify(parsed)).not.toContain('@');
  });
});
