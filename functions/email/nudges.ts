import { REQUEST_EXPIRY_DAYS } from '../../shared/meta';
import { clock } from '../lib/clock';
import { TABLE, db, fromAttr, isConditionFailure, queryAll, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';
import { getPreferences } from '../members/repository';
import type { EmailJob } from './jobs';
import { enqueueEmails } from './queue';

/**
 * Nudges a mentor whose request has waited 3 days, and again at 10 (before it expires at 14): a
 * request he never saw expires, and she waits two weeks for nothing.
 *
 * Found through the expiry list the sweeper already keeps (one item per pending request, removed
 * when it is answered, withdrawn or expires), read only as far as requests at least 3 days old, so
 * a run costs the old pending requests, not the network. Each threshold is sent once: the expiry
 * item records the last one, updated conditionally before the job is queued. A mentor with email
 * off is passed over without a mark, so turning email on later still brings the nudge.
 */
export const NUDGE_AFTER_DAYS = [3, 10] as const;
const DAY = 86_400_000;

type ExpiryItem = { pk: string; sk: string; mentorshipId: string; nudged?: number };

export async function runNudges(nowMs = clock.now()): Promise<{ queued: EmailJob[] }> {
  const first = Math.min(...NUDGE_AFTER_DAYS);
  // A request created `first` days ago expires `REQUEST_EXPIRY_DAYS - first` days from now.
  const latestExpiry = new Date(nowMs + (REQUEST_EXPIRY_DAYS - first) * DAY).toISOString();
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND sk <= :latest',
    ExpressionAttributeValues: values({ ':pk': keys.expiryPartition, ':latest': `${latestExpiry}#\uffff` }),
  });
  const queued: EmailJob[] = [];
  for (const item of items.map((i) => fromAttr<ExpiryItem>(i))) {
    const expiresAt = Date.parse(item.sk.slice(0, item.sk.lastIndexOf('#')));
    if (!(expiresAt > nowMs)) continue; // the sweeper expires it
    const waited = REQUEST_EXPIRY_DAYS - (expiresAt - nowMs) / DAY;
    const threshold = [...NUDGE_AFTER_DAYS].reverse().find((d) => waited >= d);
    if (!threshold || (item.nudged ?? 0) >= threshold) continue;
    const m = await db
      .getItem({ TableName: TABLE, Key: toAttr(keys.mentorship(item.mentorshipId)), ConsistentRead: true })
      .then((r) => (r.Item ? fromAttr<{ mentorId: string; state: string }>(r.Item) : undefined));
    if (m?.state !== 'pending') continue;
    // Only a mentor who would receive it: one who turns email on later is still nudged then.
    const prefs = (await getPreferences(m.mentorId))?.email;
    if (prefs?.enabled !== true || prefs.nudges === false) continue;
    try {
      await db.updateItem({
        TableName: TABLE,
        Key: toAttr({ pk: item.pk, sk: item.sk }),
        UpdateExpression: 'SET nudged = :t',
        // Still pending (the item exists) and not nudged this far: two runs at once send one.
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(nudged) OR nudged < :t)',
        ExpressionAttributeValues: values({ ':t': threshold }),
      });
    } catch (e) {
      if (isConditionFailure(e)) continue;
      throw e;
    }
    queued.push({
      id: `nudge#${item.mentorshipId}#${threshold}`,
      kind: 'nudge.request',
      memberId: m.mentorId,
      mentorshipId: item.mentorshipId,
      days: threshold,
    });
  }
  await enqueueEmails(queued);
  return { queued };
}
