import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { METRICS, count } from '../lib/metrics';
import type { AuditEntryView, BoardSanction } from '../../shared/schemas';
import type { Page } from '../lib/cursor';
import { type ReportedMessage, reportedPart } from '../conversations/reports';
import * as discussion from '../discussion/repository';
import { inAudience } from '../discussion/service';
import { TABLE, db, failedConditions, fromAttr, isTransactionConflict, newestFirst, toAttr, values } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { keys } from '../lib/keys';
import type { Session } from '../lib/session';
import * as throttle from '../lib/throttle';
import type { MemberRecord } from '../members/repository';
import { getMember, getMembers } from '../members/repository';
import { notificationPut, withBoardNotices } from '../notifications/repository';
import { type AuditEntry, listAudit, withAudit } from './audit';

/**
 * Reports, cases, sanctions and the held-content rules. Every board decision is one transaction
 * with its audit entry; conditions make two board members acting at once end with one 200 and
 * one 409.
 */

export const MODERATION_RULES = {
  /** Reports per member per hour. */
  reportsPerHour: Number(process.env.REPORTS_PER_HOUR ?? 3),
} as const;

export type Sanction = { type: 'read_only' | 'suspend'; until: string; reason: string };

export type CaseRecord = {
  id: string;
  targetType: 'post' | 'thread' | 'member' | 'message' | 'conversation';
  targetId: string;
  /**
   * For a message or a conversation: the reported part as it stood when first reported (see
   * functions/conversations/reports.ts); the board sees this and never the rest.
   */
  excerpt?: { mentorshipId: string; messages: ReportedMessage[] };
  /** The member the case is about: the reported member, or the author of the post or thread. */
  subjectId: string;
  state: 'open' | 'resolved';
  reports: { reporterId: string; reason: string; note: string; at: string }[];
  openedAt: string;
  outcome?: 'actioned' | 'dismissed';
  resolution?: string;
  version: number;
};

type Viewer = { session: Session; member: MemberRecord };

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The member a report is about, if the reporter can see the target at all (else 404). */
async function subjectOf(v: Viewer, targetType: 'post' | 'thread' | 'member', targetId: string): Promise<string> {
  if (targetType === 'member') {
    const m = /^[A-Za-z0-9-]{1,64}$/.test(targetId) ? await getMember(targetId) : undefined;
    if (m?.status !== 'active' || m.id === v.member.id) throw new NotFoundError();
    return m.id;
  }
  if (!ULID.test(targetId)) throw new NotFoundError();
  const item = targetType === 'post' ? await discussion.getPost(targetId) : await discussion.getThread(targetId);
  if (!item) throw new NotFoundError();
  const space = await discussion.getSpace(item.spaceId);
  const visible =
    space && inAudience(space.audience, v) && (item.state === 'published' || item.authorId === v.member.id || v.session.isBoard);
  if (!visible) throw new NotFoundError();
  return item.authorId;
}

const casePut = (c: CaseRecord, expectedVersion?: number): TransactWriteItem => ({
  Put: {
    TableName: TABLE,
    Item: toAttr({
      ...keys.reportCase(c.id),
      ...(c.state === 'open' ? keys.queueIndex(c.openedAt, 'case', c.id) : {}),
      entity: 'case',
      ...c,
    }),
    ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
    ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: values({ ':v': expectedVersion }) }),
  },
});

export async function getCase(id: string): Promise<CaseRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.reportCase(id)), ConsistentRead: true });
  if (!res.Item) return undefined;
  const { pk: _p, sk: _s, gsi3pk: _a, gsi3sk: _b, entity: _e, ...c } = fromAttr<CaseRecord & Record<string, unknown>>(res.Item);
  return c as CaseRecord;
}

/**
 * Files a report. It joins the open case of its target, or opens one; the reporter's own copy
 * lets her be told the outcome. The reported member never sees who reported.
 */
export async function report(
  v: Viewer,
  input: { targetType: CaseRecord['targetType']; targetId: string; mentorshipId?: string; reason: string; note: string },
) {
  const { targetType, targetId, mentorshipId } = input;
  const part =
    targetType === 'message' || targetType === 'conversation'
      ? await reportedPart(v.member.id, { targetType, targetId, mentorshipId })
      : undefined;
  const subjectId = part ? part.subjectId : await subjectOf(v, targetType as 'post' | 'thread' | 'member', targetId);
  await throttle.consume('report', v.member.id, MODERATION_RULES.reportsPerHour, 3600);
  const at = new Date().toISOString();
  const reportId = ulid();
  const entry = { reporterId: v.member.id, reason: input.reason, note: input.note, at };
  for (let attempt = 1; attempt <= 5; attempt++) {
    const pointer = await db.getItem({
      TableName: TABLE,
      Key: toAttr(keys.openCase(input.targetType, input.targetId)),
      ConsistentRead: true,
    });
    const openId = pointer.Item ? fromAttr<{ caseId: string }>(pointer.Item).caseId : undefined;
    const existing = openId ? await getCase(openId) : undefined;
    const c: CaseRecord =
      existing?.state === 'open'
        ? { ...existing, reports: [...existing.reports, entry], version: existing.version + 1 }
        : {
            id: ulid(),
            targetType: input.targetType,
            targetId: input.targetId,
            subjectId,
            ...(part ? { excerpt: { mentorshipId: part.mentorshipId, messages: part.messages } } : {}),
            state: 'open',
            reports: [entry],
            openedAt: at,
            version: 1,
          };
    const items: TransactWriteItem[] = [
      casePut(c, existing?.state === 'open' ? existing.version : undefined),
      ...(existing?.state === 'open'
        ? []
        : [
            {
              Put: {
                TableName: TABLE,
                Item: toAttr({ ...keys.openCase(input.targetType, input.targetId), entity: 'caseOpen', version: 1, caseId: c.id }),
                ConditionExpression: openId ? 'caseId = :old' : 'attribute_not_exists(pk)',
                ...(openId ? { ExpressionAttributeValues: values({ ':old': openId }) } : {}),
              },
            } satisfies TransactWriteItem,
          ]),
      {
        Put: {
          TableName: TABLE,
          Item: toAttr({ ...keys.report(v.member.id, reportId), entity: 'report', version: 1, id: reportId, caseId: c.id, ...input, at }),
        },
      },
    ];
    // A new case waits for the board; a report joining an open one is already waiting.
    const { items: all, followUp } =
      existing?.state === 'open' ? { items, followUp: async () => {} } : await withBoardNotices(items, 'board.case', v.member.id, at);
    try {
      await db.transactWrite({ TransactItems: all });
      await followUp();
      count(METRICS.reports);
      return {
        id: reportId,
        caseId: c.id,
        state: 'open' as const,
        targetType: input.targetType,
        targetId: input.targetId,
        reason: input.reason,
        at,
      };
    } catch (e) {
      if (!failedConditions(e) && !isTransactionConflict(e)) throw e;
    }
  }
  throw new UnavailableError();
}

/** Resolves an open case; every reporter is told the outcome (never the reported member who reported). */
export async function resolveCase(v: Viewer, rawId: string | undefined, input: { outcome: 'actioned' | 'dismissed'; reason: string }) {
  const c = rawId && ULID.test(rawId) ? await getCase(rawId) : undefined;
  if (!c) throw new NotFoundError();
  if (c.subjectId === v.member.id) throw new ForbiddenError('Another board member handles a case about you.', 'own_case');
  if (c.state !== 'open') throw new ConflictError('already_resolved', 'This case has already been resolved.');
  const next: CaseRecord = { ...c, state: 'resolved', outcome: input.outcome, resolution: input.reason, version: c.version + 1 };
  await withAudit(
    v.member.id,
    async (at) => {
      const current = await getCase(c.id);
      if (current?.state !== 'open') throw new ConflictError('already_resolved', 'This case has already been resolved.');
      next.reports = current.reports;
      next.version = current.version + 1;
      const reporters = [...new Set(current.reports.map((r) => r.reporterId))];
      return [
        casePut(next, current.version),
        { Delete: { TableName: TABLE, Key: toAttr(keys.openCase(c.targetType, c.targetId)) } },
        ...reporters.map((r) => notificationPut(r, `report.${input.outcome}`, '/notifications', at)),
      ];
    },
    {
      action: 'case.resolve',
      targetType: 'case',
      targetId: c.id,
      reason: input.reason,
      before: { state: 'open' },
      after: { state: 'resolved', outcome: input.outcome },
    },
  );
  return { id: next.id, state: next.state, outcome: next.outcome, targetType: next.targetType, targetId: next.targetId };
}

/**
 * Sanctions a member: a warning, read-only until a date, or suspension until a date. It takes
 * effect on her next request (the guards read it from her member record).
 */
export async function sanction(
  v: Viewer,
  rawId: string | undefined,
  input: { type: 'warn' | 'read_only' | 'suspend'; until?: string; reason: string },
) {
  const id = rawId && /^[A-Za-z0-9-]{1,64}$/.test(rawId) ? rawId : undefined;
  const target = id ? await getMember(id) : undefined;
  if (!target) throw new NotFoundError();
  if (target.id === v.member.id) throw new ForbiddenError('Another board member decides on a sanction about you.', 'own_sanction');
  const sanctionId = ulid();
  const record = { id: sanctionId, memberId: target.id, type: input.type, until: input.until, reason: input.reason, by: v.member.id };
  const at = await withAudit(
    v.member.id,
    async (now) => [
      {
        Put: {
          TableName: TABLE,
          Item: toAttr({ ...keys.sanction(target.id, sanctionId), entity: 'sanction', version: 1, ...record, at: now }),
        },
      },
      ...(input.type === 'warn'
        ? []
        : [
            {
              Update: {
                TableName: TABLE,
                Key: toAttr(keys.member(target.id)),
                UpdateExpression: 'SET sanction = :s',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: values({ ':s': { type: input.type, until: input.until, reason: input.reason } }),
              },
            } satisfies TransactWriteItem,
          ]),
      notificationPut(target.id, `sanction.${input.type}`, '/notifications', now),
    ],
    {
      action: 'member.sanction',
      targetType: 'member',
      targetId: target.id,
      reason: input.reason,
      before: null,
      after: { type: input.type, until: input.until ?? null },
    },
  );
  return { ...record, at };
}

type SanctionRecord = {
  id: string;
  memberId: string;
  type: 'warn' | 'read_only' | 'suspend';
  until?: string;
  reason: string;
  at: string;
  version: number;
  lifted?: { at: string; reason: string };
};

const memberIdOf = (raw: string | undefined) => (raw && /^[A-Za-z0-9-]{1,64}$/.test(raw) ? raw : undefined);

function boardView(s: SanctionRecord, now: string): BoardSanction {
  return {
    id: s.id,
    type: s.type,
    reason: s.reason,
    ...(s.until ? { until: s.until } : {}),
    at: s.at,
    inForce: s.type !== 'warn' && !s.lifted && !!s.until && s.until > now,
    ...(s.lifted ? { lifted: s.lifted } : {}),
  };
}

/** Every sanction about a member, newest first, as the board sees them (in force, lifted early). */
export async function sanctionsForBoard(rawId: string | undefined, q: { limit: number; cursor?: string }): Promise<Page<BoardSanction>> {
  const id = memberIdOf(rawId);
  if (!id || !(await getMember(id))) throw new NotFoundError();
  const now = new Date().toISOString();
  return newestFirst(keys.member(id).pk, keys.sanctionPrefix, { ...q, scope: `sanctions:${id}` }, (i) =>
    boardView(fromAttr<SanctionRecord>(i), now),
  );
}

/**
 * Ends a read-only or suspension sanction before its date. The sanction item, the member's
 * sanction in force (only if it is still this one) and the audit entry change in one transaction;
 * a sanction no longer in force (ended, lifted, replaced by a later one, or a warning) is a 409.
 */
export async function liftSanction(v: Viewer, rawMemberId: string | undefined, rawSanctionId: string | undefined, reason: string) {
  const memberId = memberIdOf(rawMemberId);
  const sanctionId = rawSanctionId && ULID.test(rawSanctionId) ? rawSanctionId : undefined;
  if (!memberId || !sanctionId) throw new NotFoundError();
  if (memberId === v.member.id) throw new ForbiddenError('Another board member decides on a sanction about you.', 'own_sanction');
  const notInForce = () => new ConflictError('not_in_force', 'This sanction is no longer in force.');
  let lifted: SanctionRecord | undefined;
  await withAudit(
    v.member.id,
    async (at) => {
      const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.sanction(memberId, sanctionId)), ConsistentRead: true });
      const s = res.Item ? fromAttr<SanctionRecord>(res.Item) : undefined;
      if (!s) throw new NotFoundError();
      if (!boardView(s, at).inForce) throw notInForce();
      const member = await getMember(memberId);
      const current = member ? activeSanction(member, at) : undefined;
      if (!current || current.type !== s.type || current.until !== s.until) throw notInForce();
      lifted = { ...s, lifted: { at, reason }, version: s.version + 1 };
      return [
        {
          Update: {
            TableName: TABLE,
            Key: toAttr(keys.sanction(memberId, sanctionId)),
            UpdateExpression: 'SET lifted = :l, version = :next',
            ConditionExpression: 'version = :v AND attribute_not_exists(lifted)',
            ExpressionAttributeValues: values({ ':l': { at, reason }, ':v': s.version, ':next': s.version + 1 }),
          },
        },
        {
          Update: {
            TableName: TABLE,
            Key: toAttr(keys.member(memberId)),
            UpdateExpression: 'REMOVE sanction',
            // Only while this sanction is the one in force: a later sanction stays.
            ConditionExpression: 'sanction.#type = :type AND sanction.#until = :until',
            ExpressionAttributeNames: { '#type': 'type', '#until': 'until' },
            ExpressionAttributeValues: values({ ':type': s.type, ':until': s.until }),
          },
        },
        notificationPut(memberId, 'sanction.lifted', '/notifications', at),
      ];
    },
    {
      action: 'member.sanction_lift',
      targetType: 'member',
      targetId: memberId,
      reason,
      before: { sanctionId, state: 'in_force' },
      after: { sanctionId, state: 'lifted' },
    },
  );
  if (!lifted) throw notInForce();
  return boardView(lifted, new Date().toISOString());
}

export async function getRules() {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.heldRules()), ConsistentRead: true });
  const r = res.Item ? fromAttr<{ watchedWords?: string[]; version?: number }>(res.Item) : {};
  return { watchedWords: r.watchedWords ?? [], version: r.version ?? 0 };
}

export async function updateRules(v: Viewer, input: { watchedWords: string[]; version: number }) {
  const before = await getRules();
  if (before.version !== input.version) throw new ConflictError('stale_version', 'The rules changed meanwhile. Reload them.');
  const next = { watchedWords: [...new Set(input.watchedWords.map((w) => w.trim()).filter(Boolean))], version: input.version + 1 };
  await withAudit(
    v.member.id,
    async () => [
      {
        Put: {
          TableName: TABLE,
          Item: toAttr({ ...keys.heldRules(), entity: 'rules', ...next }),
          ConditionExpression: input.version === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(input.version === 0 ? {} : { ExpressionAttributeValues: values({ ':v': input.version }) }),
        },
      },
    ],
    {
      action: 'rules.update',
      targetType: 'rules',
      targetId: 'held',
      reason: '',
      before: { words: before.watchedWords.length },
      after: { words: next.watchedWords.length },
    },
  );
  return next;
}

/** The sanction in force on a member now, if any. */
export function activeSanction(m: MemberRecord & { sanction?: Sanction }, now = new Date().toISOString()): Sanction | undefined {
  return m.sanction && m.sanction.until > now ? m.sanction : undefined;
}

/**
 * A page of the audit log for the board: each entry with its author's name (null once she has
 * erased her account) and, for a post, the thread it is in, so the page can link to it. Names and
 * threads come in one batched read each, whatever the page size.
 */
/**
 * A page of the audit log for the board, with who acted and who each decision was about: the
 * member herself, or the real author of a post or thread (anonymous or not: the board sees it).
 */
export async function auditPage(q: { limit: number; cursor?: string }): Promise<Page<AuditEntryView>> {
  const page = await listAudit({ ...q, scope: 'audit' });
  const ids = (type: AuditEntry['targetType']) => page.items.filter((e) => e.targetType === type).map((e) => e.targetId);
  const targets =
    ids('post').length || ids('thread').length
      ? await discussion.getThreadsAndPosts({ threads: ids('thread'), posts: ids('post') }, { consistent: false })
      : undefined;
  const aboutId = (e: AuditEntry): string | undefined => {
    if (e.targetType === 'member') return e.targetId;
    if (e.targetType === 'post') return targets?.posts.get(e.targetId)?.authorId;
    if (e.targetType === 'thread') return targets?.threads.get(e.targetId)?.authorId;
    return undefined;
  };
  const people = await getMembers([...page.items.map((e) => e.actorId), ...page.items.flatMap((e) => aboutId(e) ?? [])]);
  return {
    items: page.items.map((e) => {
      const about = aboutId(e);
      const threadId = e.targetType === 'post' ? targets?.posts.get(e.targetId)?.threadId : undefined;
      return {
        id: e.id,
        at: e.at,
        actorId: e.actorId,
        actorName: people.get(e.actorId)?.displayName ?? null,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        ...(threadId ? { threadId } : {}),
        ...(about ? { about: { id: about, name: people.get(about)?.displayName ?? null } } : {}),
        reason: e.reason,
      };
    }),
    nextCursor: page.nextCursor,
  };
}
