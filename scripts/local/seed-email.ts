import type { Session } from '../../functions/lib/session';

/**
 * A request the demo champion has left unanswered for four days (issue 13): when he turns email
 * on, the next local run nudges him by email (neutral: "You have new notices"), and the link takes
 * him to it. Asked through the real service by a demo member who cannot sign in, then dated back
 * four days (its record, its list positions and its expiry together, in one transaction). Writes
 * nothing when she already has a request open with him.
 */
export async function seedWaitingRequest(mentorId: string, menteeId: string): Promise<void> {
  const mentorships = await import('../../functions/mentorship/service');
  const { TABLE, db, fromAttr, toAttr } = await import('../../functions/lib/db');
  const { keys } = await import('../../functions/lib/keys');
  const mentee: Session = { userId: menteeId, email: `${menteeId}@demo.invalid`, groups: [], isBoard: false };
  const mine = await mentorships.list(mentee, { as: 'mentee', limit: 50 });
  if (mine.items.some((x) => x.mentorId === mentorId && (x.state === 'pending' || x.state === 'accepted'))) return;
  const m = await mentorships.request(mentee, {
    mentorId,
    message: 'I train labour inspectors to spot forced labour in brick kilns and would value your advice on working with the police.',
    goals: {
      shortTerm: 'Agree a referral route with the district police',
      mediumTerm: 'Train two more inspection teams',
      longTerm: 'Lead the provincial inspectorate’s anti-trafficking unit',
    },
  });
  const item = await db.getItem({ TableName: TABLE, Key: toAttr(keys.mentorship(m.id)), ConsistentRead: true });
  if (!item.Item) return;
  const record = fromAttr<Record<string, unknown> & { createdAt: string; expiresAt: string; mentorId: string; menteeId: string }>(
    item.Item,
  );
  const createdAt = new Date(Date.parse(record.createdAt) - 4 * 86_400_000).toISOString();
  const expiresAt = new Date(Date.parse(record.expiresAt) - 4 * 86_400_000).toISOString();
  await db.transactWrite({
    TransactItems: [
      {
        Put: {
          TableName: TABLE,
          Item: toAttr({
            ...record,
            createdAt,
            updatedAt: createdAt,
            expiresAt,
            ...keys.mentorshipIndexes(record.mentorId, record.menteeId, createdAt, m.id),
          }),
        },
      },
      { Delete: { TableName: TABLE, Key: toAttr(keys.expiry(record.expiresAt, m.id)) } },
      { Put: { TableName: TABLE, Item: toAttr({ ...keys.expiry(expiresAt, m.id), entity: 'expiry', version: 1, mentorshipId: m.id }) } },
    ],
  });
}
