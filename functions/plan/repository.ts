import { activeMemberCheck } from '../lib/conditions';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { GoalHorizon, GoalStatus } from '../../shared/plan-schemas';
import type { Goals } from '../../shared/schemas';
import { TABLE, db, fromAttr, getMany, queryAll, recordOf, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';
import type { MemberRecord } from '../members/repository';

/**
 * Storage of development plans: one item per member in her partition. A plan write is one
 * transaction with the profile's derived goals (matching reads those), conditioned on the plan's
 * version and on the member record's.
 */

export type PlanRecord = {
  memberId: string;
  vision: string;
  goals: {
    id: string;
    horizon: GoalHorizon;
    title: string;
    actions: { id: string; text: string; due?: string; done: boolean }[];
    status: GoalStatus;
    notes: string;
    checkIns?: never;
  }[];
  strengths: { text: string; use: string }[];
  growth: { text: string; how: string }[];
  reflections: { id: string; at: string; text: string }[];
  sharing: { board: boolean; mentorships: string[] };
  /** The goals' ids, top level so a check-in's transaction can condition on `contains(goalIds, :g)`. */
  goalIds: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
};

export async function getPlan(memberId: string): Promise<PlanRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.plan(memberId)), ConsistentRead: true });
  return res.Item ? recordOf<PlanRecord>(res.Item) : undefined;
}

/** Creates the plan (never over one) or replaces it at the version it was read. */
export function planPut(p: PlanRecord, expectedVersion: number): TransactWriteItem {
  return {
    Put: {
      TableName: TABLE,
      Item: toAttr({ ...keys.plan(p.memberId), entity: 'plan', ...p }),
      ...(expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'version = :v', ExpressionAttributeValues: values({ ':v': expectedVersion }) }),
    },
  };
}

/**
 * The profile's goals (and her mentoring `seeking` goals, when she has set mentoring) as the plan
 * now makes them, at the member record's version; the record's version moves, so a profile form
 * opened before is stale rather than writing the old goals back.
 */
export function memberGoalsUpdate(m: MemberRecord, goals: Goals, now: string): TransactWriteItem {
  const seeking = m.mentoring?.seeking !== undefined;
  return {
    Update: {
      TableName: TABLE,
      Key: toAttr(keys.member(m.id)),
      UpdateExpression: `SET goals = :g, updatedAt = :now, version = version + :one${seeking ? ', mentoring.seeking.goals = :g' : ''}`,
      ConditionExpression: 'version = :v AND #status = :active',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values({ ':g': goals, ':now': now, ':one': 1, ':v': m.version, ':active': 'active' }),
    },
  };
}

export async function transact(items: TransactWriteItem[]): Promise<void> {
  await db.transactWrite({ TransactItems: items });
}

/** Who a mentorship joins and its state: all the plan needs to know of it. */
export type MentorshipLink = { id: string; mentorId: string; menteeId: string; state: string };

/** Mentorships by id (one BatchGet); the ones that do not exist are absent. */
export async function getMentorshipLinks(ids: readonly string[]): Promise<MentorshipLink[]> {
  if (ids.length === 0) return [];
  const items = await getMany(ids.map((id) => toAttr(keys.mentorship(id))));
  return items.map((i) => {
    const { id, mentorId, menteeId, state } = fromAttr<MentorshipLink>(i);
    return { id, mentorId, menteeId, state };
  });
}

export type LinkedCheckIn = { id: string; mentorshipId: string; goalId: string; date: string; notes: string };

/**
 * Every check-in that concerns one of her goals (one Query on her partition of GSI2, paged
 * through), grouped by goal. Bounded by what mentorships produce: a few meetings a month.
 */
export async function linkedCheckIns(menteeId: string): Promise<LinkedCheckIn[]> {
  const items = await queryAll({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.planCheckInIndex(menteeId, '', '', '').gsi2pk }),
    ProjectionExpression: 'id, mentorshipId, goalId, #date, notes',
    ExpressionAttributeNames: { '#date': 'date' },
  });
  return items.map((i) => fromAttr<LinkedCheckIn>(i));
}

/** Holds only while the member is active (she was not suspended between the guard and the write). */
export const activeCheck = activeMemberCheck;
