import { log } from '../lib/log';
import { enqueueEmails } from '../email/queue';
import type { Application, BoardSummary } from '../../shared/schemas';
import { countHeldPosts, countOpenCases, countOpenMessages, countPendingApplications } from './repository';
import { counted, elapsed } from '../insights/counters';
import { failedConditions, isTransactionConflict } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError } from '../lib/errors';
import type { Page } from '../lib/cursor';
import type { Session } from '../lib/session';
import * as repo from '../members/repository';
import { viewOf } from '../members/service';
import { AUDIT_ATTEMPTS, auditAppend, auditBackoff, readHead } from '../moderation/audit';
import { notificationPut } from '../notifications/repository';

/** What waits for the board, for the counts in its menu. */
export async function summary(): Promise<BoardSummary> {
  const [applications, heldPosts, openCases, openMessages] = await Promise.all([
    countPendingApplications(),
    countHeldPosts(),
    countOpenCases(),
    countOpenMessages(),
  ]);
  return { applications, heldPosts, openCases, openMessages };
}

export async function listApplications(
  session: Session,
  q: { status: 'pending' | 'approved' | 'declined'; limit: number; cursor?: string },
): Promise<Page<Application>> {
  const page = await repo.listApplications(q.status, { limit: q.limit, cursor: q.cursor, scope: `apps:${q.status}` });
  return {
    items: page.items.map((m) => ({
      memberId: m.id,
      profile: viewOf(m, { id: session.userId, isBoard: true }),
      statement: m.statement,
      submittedAt: m.submittedAt,
      ...(m.decidedAt ? { decidedAt: m.decidedAt, decision: m.status === 'declined' ? ('decline' as const) : ('approve' as const) } : {}),
      ...(m.decisionReason ? { reason: m.decisionReason } : {}),
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * Approves or declines a pending application. The status change, the directory facets, the
 * applicant's notification and the audit entry are one transaction; a decision that lost a race
 * is a 409, and a lost race for the audit chain's head is retried.
 */
export async function decide(session: Session, memberId: string, decision: 'approve' | 'decline', reason: string | undefined) {
  if (memberId === session.userId) throw new ForbiddenError('Another board member decides on your own application.', 'own_application');
  for (let attempt = 1; attempt <= AUDIT_ATTEMPTS; attempt++) {
    const prev = await repo.getMember(memberId);
    if (!prev) throw new NotFoundError();
    if (prev.status !== 'pending') throw new ConflictError('already_decided', 'This application has already been decided.');
    const at = new Date().toISOString();
    const next = {
      ...prev,
      status: decision === 'approve' ? ('active' as const) : ('declined' as const),
      decidedAt: at,
      decidedBy: session.userId,
      decisionReason: reason || undefined,
      updatedAt: at,
      version: prev.version + 1,
    };
    const head = await readHead();
    const audit = auditAppend(
      head,
      {
        actorId: session.userId,
        action: decision === 'approve' ? 'application.approve' : 'application.decline',
        targetType: 'member',
        targetId: memberId,
        reason: reason ?? '',
        before: { status: prev.status },
        after: { status: next.status },
      },
      at,
    );
    try {
      await repo.replaceMember(prev, next, prev.version, [
        ...audit,
        notificationPut(memberId, `application.${decision}`, '/', at),
        counted('applications', at, decision === 'approve' ? 'approved' : 'declined', { ms: elapsed(prev.submittedAt, at) }),
        ...(decision === 'approve' ? [counted('members', at, `joined|${prev.kind}|${prev.country}`)] : []),
      ]);
      // Her email that there is an answer (never which), if she asked for one. The decision is
      // made: a queue that fails now costs her the email, never the decision.
      await enqueueEmails([{ id: `decided#${memberId}#${at}`, kind: 'application.decided', memberId }]).catch((e: unknown) =>
        log.warn('email not queued', { kind: 'application.decided', error: e instanceof Error ? e.name : 'unknown' }),
      );
      return { memberId, status: next.status, decidedAt: at, decision, ...(reason ? { reason } : {}) };
    } catch (e) {
      if (!failedConditions(e) && !isTransactionConflict(e)) throw e;
      // Either the application changed (re-read finds it decided: 409) or the audit head moved: retry.
      await auditBackoff(attempt);
    }
  }
  throw new UnavailableError();
}
