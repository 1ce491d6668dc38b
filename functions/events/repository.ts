import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Audience, Material } from '../../shared/events-schemas';
import { TABLE, db, failedConditions, fromAttr, getMany, isTransactionConflict, queryAll, recordOf, toAttr, values } from '../lib/db';
import { keys } from '../lib/keys';
import { notificationPut } from '../notifications/repository';

/**
 * Storage of the programme's events and series. A registration is one transaction on the event's
 * counter item (`STATS`), whose condition `registered < capacity` is what keeps an event from
 * ever holding more registered members than places, however many register at once; the waiting
 * list lives in the event's own partition, so the next in line is one consistent Query.
 */

export type EventRecord = {
  id: string;
  kind: 'webinar' | 'coaching';
  mode: 'online' | 'in_person';
  title: string;
  description: string;
  hosts: { memberIds: string[]; guests: string[] };
  startsAt: string;
  endsAt: string;
  languages: string[];
  audience: Audience;
  capacity: number;
  joinUrl?: string;
  place?: string;
  seriesId?: string;
  part?: number;
  seriesParts?: number;
  joinOpensMinutes: number;
  materials: Material[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
};

export type EventStats = {
  capacity: number;
  registered: number;
  waitlisted: number;
  attended: number;
  feedbackCount: number;
  ratingSum: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
};

export type RegistrationState = 'registered' | 'waitlisted' | 'attended';
export type RegistrationRecord = {
  eventId: string;
  memberId: string;
  state: RegistrationState;
  at: string;
  /** The waiting-list entry's time, while she waits. */
  waitingSince?: string;
  startsAt: string;
  endsAt: string;
  version: number;
};

export type FeedbackRecord = { eventId: string; memberId?: string; rating: number; comment: string; at: string };

export type SeriesRecord = {
  id: string;
  title: string;
  description: string;
  parts: number;
  createdAt: string;
  createdBy: string;
  version: number;
};

export const emptyStats = (capacity: number): EventStats => ({
  capacity,
  registered: 0,
  waitlisted: 0,
  attended: 0,
  feedbackCount: 0,
  ratingSum: 0,
  r1: 0,
  r2: 0,
  r3: 0,
  r4: 0,
  r5: 0,
});

// ---------------------------------------------------------------- reads

/** The event, its counters and, for `memberId`, her registration and feedback: one BatchGet. */
export async function getEventBundle(
  id: string,
  memberId?: string,
): Promise<{ event?: EventRecord; stats?: EventStats; registration?: RegistrationRecord; feedback?: FeedbackRecord }> {
  const wanted = [
    keys.event(id),
    keys.eventStats(id),
    ...(memberId ? [keys.registration(id, memberId), keys.eventFeedback(id, memberId)] : []),
  ];
  const out: { event?: EventRecord; stats?: EventStats; registration?: RegistrationRecord; feedback?: FeedbackRecord } = {};
  for (const raw of await getMany(wanted.map((k) => toAttr(k)))) {
    const sk = raw.sk?.S ?? '';
    if (sk === 'EVENT') out.event = recordOf<EventRecord>(raw);
    else if (sk === 'STATS') out.stats = { ...emptyStats(0), ...recordOf<EventStats>(raw) };
    else if (sk.startsWith(keys.registrationPrefix)) out.registration = recordOf<RegistrationRecord>(raw);
    else if (sk.startsWith(keys.eventFeedbackPrefix)) out.feedback = recordOf<FeedbackRecord>(raw);
  }
  return out;
}

/** Counters of many events (a page of the list): one BatchGet, eventually consistent (a count on a list may lag a moment). */
export async function getStatsOf(ids: string[]): Promise<Map<string, EventStats>> {
  const out = new Map<string, EventStats>();
  for (const raw of await getMany(
    ids.map((id) => toAttr(keys.eventStats(id))),
    { consistent: false },
  )) {
    out.set((raw.pk?.S ?? '').slice('EVENT#'.length), { ...emptyStats(0), ...recordOf<EventStats>(raw) });
  }
  return out;
}

/** Her registrations for many events (a page, a series): one BatchGet. */
export async function getRegistrationsOf(memberId: string, eventIds: string[]): Promise<Map<string, RegistrationRecord>> {
  const out = new Map<string, RegistrationRecord>();
  for (const raw of await getMany(eventIds.map((id) => toAttr(keys.registration(id, memberId))))) {
    const r = recordOf<RegistrationRecord>(raw);
    out.set(r.eventId, r);
  }
  return out;
}

/** The registrations of many members for one event: one BatchGet. */
export async function registrationsOfEvent(eventId: string, memberIds: string[]): Promise<Map<string, RegistrationRecord>> {
  const out = new Map<string, RegistrationRecord>();
  for (const raw of await getMany(memberIds.map((id) => toAttr(keys.registration(eventId, id))))) {
    const r = recordOf<RegistrationRecord>(raw);
    out.set(r.memberId, r);
  }
  return out;
}

export async function getEvents(ids: string[]): Promise<Map<string, EventRecord>> {
  const out = new Map<string, EventRecord>();
  for (const raw of await getMany(
    [...new Set(ids)].map((id) => toAttr(keys.event(id))),
    { consistent: false },
  )) {
    const e = recordOf<EventRecord>(raw);
    out.set(e.id, e);
  }
  return out;
}

/**
 * One page of a year's events (GSI1) between two instants, in start order, from `startKey`.
 * The caller filters by audience and continues while its page is not full.
 */
export async function queryYear(
  year: string,
  range: { lower: string; upper: string; descending: boolean; startKey?: Record<string, AttributeValue>; limit: number },
): Promise<{ items: EventRecord[]; raw: Record<string, AttributeValue>[]; lastKey?: Record<string, AttributeValue> }> {
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :lo AND :hi',
    ExpressionAttributeValues: values({ ':pk': keys.eventYear(year), ':lo': range.lower, ':hi': `${range.upper}\uffff` }),
    ScanIndexForward: !range.descending,
    Limit: range.limit,
    ExclusiveStartKey: range.startKey,
  });
  const raw = res.Items ?? [];
  return { items: raw.map((i) => recordOf<EventRecord>(i)), raw, lastKey: res.LastEvaluatedKey };
}

/** The parts of a series (at most 20), in part order. */
export async function seriesParts(seriesId: string): Promise<EventRecord[]> {
  const items = await queryAll({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.seriesPartsPartition(seriesId) }),
  });
  return items.map((i) => recordOf<EventRecord>(i));
}

/** Items in partition `pk` under `prefix`, one page, in sort-key order. */
export async function pageOfPrefix(
  pk: string,
  prefix: string,
  limit: number,
  startKey?: Record<string, AttributeValue>,
  filter?: { state: RegistrationState },
): Promise<{ items: Record<string, AttributeValue>[]; lastKey?: Record<string, AttributeValue> }> {
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ...(filter ? { FilterExpression: '#state = :state', ExpressionAttributeNames: { '#state': 'state' } } : {}),
    ExpressionAttributeValues: values({ ':pk': pk, ':prefix': prefix, ...(filter ? { ':state': filter.state } : {}) }),
    Limit: limit,
    ExclusiveStartKey: startKey,
    ConsistentRead: true,
  });
  return { items: res.Items ?? [], lastKey: res.LastEvaluatedKey };
}

/** Every registration of an event in `state` (reminders, a move of its date). */
export async function registrationsIn(eventId: string, state: RegistrationState): Promise<RegistrationRecord[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: '#state = :state',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: values({ ':pk': keys.event(eventId).pk, ':prefix': keys.registrationPrefix, ':state': state }),
    ConsistentRead: true,
  });
  return items.map((i) => recordOf<RegistrationRecord>(i));
}

/** The first member on the waiting list, if any: a consistent read in the event's partition. */
export async function firstWaiting(eventId: string): Promise<string | undefined> {
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: values({ ':pk': keys.event(eventId).pk, ':prefix': keys.waitlistPrefix }),
    Limit: 1,
    ConsistentRead: true,
  });
  const item = res.Items?.[0];
  return item ? fromAttr<{ memberId: string }>(item).memberId : undefined;
}

/** Her registrations (GSI2), for her export and her erasure. */
export async function registrationsOfMember(memberId: string): Promise<RegistrationRecord[]> {
  const items = await queryAll({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.registrationsOfMember(memberId) }),
  });
  return items.map((i) => recordOf<RegistrationRecord>(i));
}

export async function feedbackOfMember(memberId: string): Promise<FeedbackRecord[]> {
  const items = await queryAll({
    TableName: TABLE,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.eventFeedbackOfMember(memberId) }),
  });
  return items.map((i) => recordOf<FeedbackRecord>(i));
}

export async function getSeries(id: string): Promise<SeriesRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.series(id)), ConsistentRead: true });
  return res.Item ? recordOf<SeriesRecord>(res.Item) : undefined;
}

export async function getCompletion(memberId: string, seriesId: string): Promise<{ completedAt: string } | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.completion(memberId, seriesId)), ConsistentRead: true });
  return res.Item ? fromAttr<{ completedAt: string }>(res.Item) : undefined;
}

export async function completionsOf(
  memberId: string,
): Promise<{ seriesId: string; title: string; completedAt: string; visibility: string }[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: values({ ':pk': keys.member(memberId).pk, ':prefix': keys.completionPrefix }),
  });
  return items.map((i) => fromAttr<{ seriesId: string; title: string; completedAt: string; visibility: string }>(i));
}

/** Reminders due by `now` (the sweeper's one Query; no Scan). */
export async function dueReminders(
  now: string,
): Promise<{ eventId: string; lead: 'day' | 'hour'; startsAt: string; pk: string; sk: string }[]> {
  const items = await queryAll({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND sk <= :now',
    ExpressionAttributeValues: values({ ':pk': keys.reminderPartition, ':now': `${now}#\uffff` }),
  });
  return items.map((i) => fromAttr(i));
}

// ---------------------------------------------------------------- writes

export const put = (item: Record<string, unknown>, condition?: string, vals?: Record<string, unknown>): TransactWriteItem => ({
  Put: {
    TableName: TABLE,
    Item: toAttr(item),
    ...(condition ? { ConditionExpression: condition } : {}),
    ...(vals ? { ExpressionAttributeValues: values(vals) } : {}),
  },
});

export const del = (key: { pk: string; sk: string }): TransactWriteItem => ({ Delete: { TableName: TABLE, Key: toAttr(key) } });

export function eventPut(e: EventRecord, expectedVersion?: number): TransactWriteItem {
  const series = e.seriesId && e.part ? { seriesId: e.seriesId, part: e.part } : undefined;
  return put(
    { ...keys.event(e.id), ...keys.eventIndexes(e.startsAt, e.id, series), entity: 'event', ...e },
    expectedVersion === undefined ? 'attribute_not_exists(pk)' : 'version = :v',
    expectedVersion === undefined ? undefined : { ':v': expectedVersion },
  );
}

/** Holds only while the event is at the version read (its start, which agenda items copy, unchanged). */
export const eventVersionCheck = (id: string, version: number): TransactWriteItem => ({
  ConditionCheck: {
    TableName: TABLE,
    Key: toAttr(keys.event(id)),
    ConditionExpression: 'version = :v',
    ExpressionAttributeValues: values({ ':v': version }),
  },
});

/** The two reminders of an event's start (a day and an hour before). */
export function reminderPuts(e: Pick<EventRecord, 'id' | 'startsAt'>): TransactWriteItem[] {
  const start = Date.parse(e.startsAt);
  return (
    [
      ['day', 24 * 3600_000],
      ['hour', 3600_000],
    ] as const
  ).map(([lead, before]) => {
    const dueAt = new Date(start - before).toISOString();
    return put({ ...keys.reminder(dueAt, e.id, lead), entity: 'reminder', version: 1, eventId: e.id, lead, startsAt: e.startsAt });
  });
}
export function reminderDeletes(e: Pick<EventRecord, 'id' | 'startsAt'>): TransactWriteItem[] {
  const start = Date.parse(e.startsAt);
  return [
    del(keys.reminder(new Date(start - 24 * 3600_000).toISOString(), e.id, 'day')),
    del(keys.reminder(new Date(start - 3600_000).toISOString(), e.id, 'hour')),
  ];
}

/** Moves the event's counters; with `belowCapacity`, only while a place is free (`registered < capacity`). */
export function statsUpdate(
  eventId: string,
  delta: Partial<
    Record<'registered' | 'waitlisted' | 'attended' | 'feedbackCount' | 'ratingSum' | 'r1' | 'r2' | 'r3' | 'r4' | 'r5', number>
  >,
  condition?: 'placeFree' | 'full',
): TransactWriteItem {
  const names: Record<string, string> = {};
  const vals: Record<string, unknown> = { ':one': 1 };
  const adds = Object.entries(delta).map(([field, d], i) => {
    names[`#f${i}`] = field;
    vals[`:d${i}`] = d;
    return `#f${i} :d${i}`;
  });
  if (condition) {
    names['#reg'] = 'registered';
    names['#cap'] = 'capacity';
  }
  return {
    Update: {
      TableName: TABLE,
      Key: toAttr(keys.eventStats(eventId)),
      UpdateExpression: `ADD ${[...adds, 'version :one'].join(', ')}`,
      ConditionExpression:
        condition === 'placeFree'
          ? 'attribute_exists(pk) AND #reg < #cap'
          : condition === 'full'
            ? 'attribute_exists(pk) AND #reg >= #cap'
            : 'attribute_exists(pk)',
      ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
      ExpressionAttributeValues: values(vals),
    },
  };
}

/** Sets the capacity the counter conditions on, only while no more are registered than the new capacity. */
export function capacityUpdate(eventId: string, capacity: number): TransactWriteItem {
  return {
    Update: {
      TableName: TABLE,
      Key: toAttr(keys.eventStats(eventId)),
      UpdateExpression: 'SET #cap = :cap ADD version :one',
      ConditionExpression: 'attribute_exists(pk) AND #reg <= :cap',
      ExpressionAttributeNames: { '#cap': 'capacity', '#reg': 'registered' },
      ExpressionAttributeValues: values({ ':cap': capacity, ':one': 1 }),
    },
  };
}

export function registrationPut(r: RegistrationRecord, expected?: { state: RegistrationState; version: number }): TransactWriteItem {
  const item = put({
    ...keys.registration(r.eventId, r.memberId),
    ...keys.registrationIndex(r.memberId, r.startsAt, r.eventId),
    entity: 'registration',
    ...r,
  });
  if (item.Put) {
    if (expected) {
      item.Put.ConditionExpression = '#state = :s AND version = :v';
      item.Put.ExpressionAttributeNames = { '#state': 'state' };
      item.Put.ExpressionAttributeValues = values({ ':s': expected.state, ':v': expected.version });
    } else item.Put.ConditionExpression = 'attribute_not_exists(pk)';
  }
  return item;
}

export function registrationDelete(eventId: string, memberId: string, state: RegistrationState): TransactWriteItem {
  return {
    Delete: {
      TableName: TABLE,
      Key: toAttr(keys.registration(eventId, memberId)),
      ConditionExpression: '#state = :s',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: values({ ':s': state }),
    },
  };
}

export const agendaPut = (memberId: string, e: Pick<EventRecord, 'id' | 'startsAt' | 'endsAt'>): TransactWriteItem =>
  put({
    ...keys.agendaItem(memberId, e.startsAt, 'event', e.id),
    entity: 'agenda',
    version: 1,
    kind: 'event',
    refId: e.id,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
  });
export const agendaDelete = (memberId: string, e: Pick<EventRecord, 'id' | 'startsAt'>): TransactWriteItem =>
  del(keys.agendaItem(memberId, e.startsAt, 'event', e.id));

/**
 * Runs a transaction, trying again while it only collided with another one on the same items
 * (many members registering at once all write the event's counter). A failed condition is the
 * caller's to explain: `onCancel` gets the failed items' indexes.
 */
export async function commit<T>(items: TransactWriteItem[], onCancel: (failed: number[]) => T, attempts = 12): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transactWrite({ TransactItems: items });
      return undefined;
    } catch (e) {
      const failed = failedConditions(e);
      if (failed?.length) return onCancel(failed);
      if (!isTransactionConflict(e) || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(400, 15 * 2 ** attempt)));
    }
  }
}

/**
 * The items that move the first waiting member (`memberId`, read at `reg`) onto the registered
 * list: her registration, her waiting-list entry gone, her agenda, and a notification. The
 * caller adds the counter change (waitlisted − 1, registered + 1 net of its own).
 */
export function promotionItems(
  e: Pick<EventRecord, 'id' | 'startsAt' | 'endsAt'>,
  reg: RegistrationRecord,
  at: string,
): TransactWriteItem[] {
  const next: RegistrationRecord = { ...reg, state: 'registered', at, waitingSince: undefined, version: reg.version + 1 };
  return [
    registrationPut(next, { state: 'waitlisted', version: reg.version }),
    ...(reg.waitingSince ? [del(keys.waitlistEntry(e.id, reg.waitingSince, reg.memberId))] : []),
    agendaPut(reg.memberId, e),
    notificationPut(reg.memberId, 'event.promoted', `/events/${e.id}`, at),
  ];
}

export async function getRegistration(eventId: string, memberId: string): Promise<RegistrationRecord | undefined> {
  const res = await db.getItem({ TableName: TABLE, Key: toAttr(keys.registration(eventId, memberId)), ConsistentRead: true });
  return res.Item ? recordOf<RegistrationRecord>(res.Item) : undefined;
}

class Retry extends Error {}

/**
 * Her place goes (registered or waiting) and, when it was a registered place, the first on the
 * waiting list takes it in the same transaction and is told. Used by a cancellation and by the
 * erasure of her account; answers whether there was anything to cancel.
 */
export async function cancelRegistration(e: Pick<EventRecord, 'id' | 'startsAt' | 'endsAt'>, memberId: string): Promise<boolean> {
  for (let attempt = 1; attempt <= 12; attempt++) {
    const reg = await getRegistration(e.id, memberId);
    if (!reg || reg.state === 'attended') return false;
    const at = new Date().toISOString();
    const items: TransactWriteItem[] = [registrationDelete(e.id, memberId, reg.state)];
    if (reg.state === 'waitlisted') {
      if (reg.waitingSince) items.push(del(keys.waitlistEntry(e.id, reg.waitingSince, memberId)));
      items.push(statsUpdate(e.id, { waitlisted: -1 }));
    } else {
      items.push(agendaDelete(memberId, e));
      const nextId = await firstWaiting(e.id);
      const next = nextId ? await getRegistration(e.id, nextId) : undefined;
      if (next?.state === 'waitlisted') {
        items.push(...promotionItems(e, next, at), statsUpdate(e.id, { waitlisted: -1 }));
      } else {
        items.push(statsUpdate(e.id, { registered: -1 }));
      }
    }
    try {
      await commit(items, () => {
        // Her registration or the next in line changed meanwhile: read both again.
        throw new Retry();
      });
      return true;
    } catch (err) {
      if (!(err instanceof Retry)) throw err;
    }
  }
  throw new Error('cancelRegistration: too many attempts');
}
