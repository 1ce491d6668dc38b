import { clock } from '../lib/clock';
import { TABLE, db, fromAttr, getMany, isConditionFailure, queryAll, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';
import type { EmailJob } from './jobs';
import { enqueueEmails } from './queue';

/**
 * The email digest: at most one a day (or a week) per member, saying only that there is something
 * new and how many.
 *
 * Who is looked at: those with a notification since the last run (the news index, by hour) and
 * those whose digest fell due meanwhile (the due list); never the whole membership, so a run costs
 * what happened, not how many members there are. Of those, only members with email on go further.
 *
 * Sent once: her digest state is updated conditionally on the `lastSentAt` read, before the job is
 * queued, so two runs at once (EventBridge delivers at least once) queue one digest; the job's id
 * also makes the mailer send it once.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PERIOD = { daily: DAY, weekly: 7 * DAY } as const;
/** The most a digest counts; more reads as "99". */
const MAX_COUNT = 99;

type Prefs = { email?: { enabled?: boolean; digest?: string } };
type DigestState = { lastSentAt?: string; upTo?: string };

/** Local mode may send at once instead of at the end of her period (a demo shows the email now). */
const atOnce = () => process.env.EMAIL_DIGEST_AT_ONCE === 'true';

/** The hour partitions of the news index from `from` to `to`, both included. */
function hoursBetween(from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = Math.floor(from / HOUR) * HOUR; t <= to; t += HOUR) out.push(keys.newsPartition(new Date(t).toISOString()));
  return out;
}

async function membersWithNews(fromIso: string, toIso: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const pk of hoursBetween(Date.parse(fromIso), Date.parse(toIso))) {
    const items = await queryAll({
      TableName: TABLE,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk >= :from',
      ExpressionAttributeValues: values({ ':pk': pk, ':from': fromIso }),
      ProjectionExpression: 'gsi3sk',
    });
    for (const i of items) {
      const memberId = fromAttr<{ gsi3sk: string }>(i).gsi3sk.split('#')[1];
      if (memberId) ids.add(memberId);
    }
  }
  return ids;
}

async function dueMembers(nowIso: string): Promise<{ memberId: string; key: { pk: string; sk: string } }[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND sk <= :now',
    ExpressionAttributeValues: values({ ':pk': keys.digestDuePartition, ':now': `${nowIso}#\uffff` }),
  });
  return items.map((i) => {
    const { pk, sk, memberId } = fromAttr<{ pk: string; sk: string; memberId: string }>(i);
    return { memberId, key: { pk, sk } };
  });
}

/** Her unread notices newer than the last digest's: how many (capped), and the newest one's time. */
async function unreadSince(memberId: string, upTo: string | undefined): Promise<{ count: number; newest?: string }> {
  // Her own notifications (newest first, capped: the ones after the last digest are read first)
  // and a board member's notices of what waits for her (one per kind).
  const unread = (prefix: string, limit?: number) =>
    db.query({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: upTo ? '#read = :no AND #at > :upTo' : '#read = :no',
      ExpressionAttributeNames: { '#read': 'read', '#at': 'at' },
      ExpressionAttributeValues: values({
        ':pk': keys.member(memberId).pk,
        ':prefix': prefix,
        ':no': false,
        ...(upTo ? { ':upTo': upTo } : {}),
      }),
      ProjectionExpression: '#at',
      ScanIndexForward: false,
      ...(limit ? { Limit: limit } : {}),
    });
  const [own, board] = await Promise.all([unread(keys.notificationPrefix, MAX_COUNT + 1), unread(keys.boardNoticePrefix)]);
  const ats = [...(own.Items ?? []), ...(board.Items ?? [])].map((i) => fromAttr<{ at: string }>(i).at).sort();
  return { count: Math.min(ats.length, MAX_COUNT), newest: ats.at(-1) };
}

/** One member's digest: queued when due, or put on the due list for when her period ends. */
async function digestFor(memberId: string, prefs: Prefs, nowMs: number): Promise<EmailJob | undefined> {
  const state = await db
    .getItem({ TableName: TABLE, Key: toAttr(keys.digestState(memberId)), ConsistentRead: true })
    .then((r) => (r.Item ? fromAttr<DigestState>(r.Item) : {}));
  const { count, newest } = await unreadSince(memberId, state.upTo);
  if (count === 0 || !newest) return undefined;
  const period = atOnce() ? 0 : PERIOD[prefs.email?.digest === 'weekly' ? 'weekly' : 'daily'];
  const dueAt = state.lastSentAt ? Date.parse(state.lastSentAt) + period : nowMs;
  if (dueAt > nowMs) {
    // Not yet: she is looked at again when her period ends, even if nothing else arrives.
    const at = new Date(dueAt).toISOString();
    await db.putItem({ TableName: TABLE, Item: toAttr({ ...keys.digestDue(at, memberId), entity: 'digestDue', version: 1, memberId }) });
    return undefined;
  }
  const now = new Date(nowMs).toISOString();
  try {
    await db.updateItem({
      TableName: TABLE,
      Key: toAttr(keys.digestState(memberId)),
      UpdateExpression: 'SET lastSentAt = :now, upTo = :newest, entity = :entity, version = if_not_exists(version, :zero) + :one',
      ConditionExpression: state.lastSentAt ? 'lastSentAt = :prev' : 'attribute_not_exists(lastSentAt)',
      ExpressionAttributeValues: values({
        ':now': now,
        ':newest': newest,
        ':entity': 'digestState',
        ':zero': 0,
        ':one': 1,
        ...(state.lastSentAt ? { ':prev': state.lastSentAt } : {}),
      }),
    });
  } catch (e) {
    // Another run took this digest first.
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
  return { id: `digest#${memberId}#${newest}`, kind: 'digest', memberId, count };
}

/**
 * One run (every 15 minutes in AWS, more often locally): the digests now due, queued. Answers the
 * jobs it queued.
 */
export async function runDigest(nowMs = clock.now()): Promise<{ queued: EmailJob[] }> {
  const now = new Date(nowMs).toISOString();
  const run = await db
    .getItem({ TableName: TABLE, Key: toAttr(keys.digestRun), ConsistentRead: true })
    .then((r) => (r.Item ? fromAttr<{ readTo?: string }>(r.Item).readTo : undefined));
  // The first run looks back a day; later ones from a little before where the last one read to, so
  // a notification written as that run read is not missed (reading one twice changes nothing).
  // After a long pause it reads no further back than a week: the due list still holds everyone due.
  const from = new Date(Math.max(run ? Date.parse(run) - 5 * 60_000 : nowMs - DAY, nowMs - PERIOD.weekly)).toISOString();
  const [news, due] = await Promise.all([membersWithNews(from, now), dueMembers(now)]);
  const candidates = [...new Set([...news, ...due.map((d) => d.memberId)])];
  const prefs = new Map<string, Prefs>();
  for (const item of await getMany(candidates.map((id) => toAttr(keys.preferences(id))))) {
    const p = fromAttr<Prefs & { memberId: string }>(item);
    prefs.set(p.memberId, p);
  }
  const queued: EmailJob[] = [];
  for (const memberId of candidates) {
    const p = prefs.get(memberId);
    if (!p?.email?.enabled) continue;
    const job = await digestFor(memberId, p, nowMs);
    if (job) queued.push(job);
  }
  await enqueueEmails(queued);
  // Due entries read this run are done with: each member was either queued or put back with her new due time.
  for (const d of due) await db.deleteItem({ TableName: TABLE, Key: toAttr(d.key) });
  await db.putItem({ TableName: TABLE, Item: toAttr({ ...keys.digestRun, entity: 'digestRun', version: 1, readTo: now }) });
  return { queued };
}
