import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { AgendaItem, EventInput, EventListQuery, EventPatch, EventView, Material, Series } from '../../shared/events-schemas';
import { clock } from '../lib/clock';
import { decodeCursor, encodeCursor, type Page } from '../lib/cursor';
import { counted } from '../insights/counters';
import { TABLE, db, fromAttr, recordOf, toAttr, values } from '../lib/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors';
import { ulid } from '../lib/ids';
import { keys } from '../lib/keys';
import { log } from '../lib/log';
import type { Session } from '../lib/session';
import { type MemberRecord, getMembers } from '../members/repository';
import { listFiles } from '../files/service';
import { notificationPut } from '../notifications/repository';
import { searchChanged } from '../search/changes';
import * as repo from './repository';
import { canManage, canSee } from './rules';
import type { EventRecord, EventStats, RegistrationRecord, SeriesRecord } from './repository';

/**
 * The programme's rules: who sees an event (its audience), registration against capacity with a
 * waiting list, when the join link shows, attendance by the board or a host, feedback by those who
 * attended, a series' progress and completion, and her agenda.
 */

const HOUR = 3600_000;
/** The longest an event may last: a full training day, with room to spare. */
const MAX_DURATION = 24 * HOUR;
/** How far ahead (or back) one list reaches. */
const HORIZON_MONTHS = 24;

const nowIso = () => new Date(clock.now()).toISOString();
const bad = (path: string, message: string): never => {
  throw new ValidationError('Some fields are not valid.', [{ path, code: 'invalid_value', message }]);
};

const joinOpensAt = (e: EventRecord) => new Date(Date.parse(e.startsAt) - e.joinOpensMinutes * 60_000).toISOString();

function view(
  session: Session,
  e: EventRecord,
  stats: EventStats | undefined,
  reg: RegistrationRecord | undefined,
  names: Map<string, MemberRecord>,
  feedbackGiven: boolean,
): EventView {
  const manage = canManage(session, e);
  const now = nowIso();
  // The link is the way in: only to her once registered, from the set time before the start
  // until the end; the board and the hosts, who set it, see it until the end.
  const joinOpen = (reg?.state === 'registered' || reg?.state === 'attended') && now >= joinOpensAt(e) && now < e.endsAt;
  const { memberIds, ...publicAudience } = e.audience;
  return {
    id: e.id,
    ...(e.seriesId ? { seriesId: e.seriesId } : {}),
    ...(e.part ? { part: e.part } : {}),
    ...(e.seriesParts ? { seriesParts: e.seriesParts } : {}),
    kind: e.kind,
    mode: e.mode,
    title: e.title,
    description: e.description,
    hosts: {
      members: e.hosts.memberIds.flatMap((id) => {
        const m = names.get(id);
        return m && m.status === 'active' ? [{ id, name: m.displayName }] : [];
      }),
      guests: e.hosts.guests,
    },
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    languages: e.languages,
    audience: manage && memberIds ? { ...publicAudience, memberIds } : publicAudience,
    capacity: e.capacity,
    registered: stats?.registered ?? 0,
    waitlisted: stats?.waitlisted ?? 0,
    ...(e.place ? { place: e.place } : {}),
    ...(e.joinUrl && (joinOpen || (manage && now < e.endsAt)) ? { joinUrl: e.joinUrl } : {}),
    joinOpensAt: joinOpensAt(e),
    materials: e.materials,
    myRegistration: reg?.state ?? null,
    myFeedback: feedbackGiven,
    canManage: manage,
    createdAt: e.createdAt,
    version: e.version,
  };
}

async function hostNames(events: EventRecord[]): Promise<Map<string, MemberRecord>> {
  const ids = events.flatMap((e) => e.hosts.memberIds);
  return ids.length ? getMembers(ids, false) : new Map();
}

/** An event the caller may see (404 otherwise, never saying that it exists). */
async function visible(session: Session, member: MemberRecord, id: string | undefined) {
  if (!id || id.length > 64) throw new NotFoundError();
  const bundle = await repo.getEventBundle(id, session.userId);
  if (!bundle.event || !canSee(session, member, bundle.event)) throw new NotFoundError();
  return { ...bundle, event: bundle.event };
}

async function managed(session: Session, member: MemberRecord, id: string | undefined) {
  const found = await visible(session, member, id);
  if (!canManage(session, found.event)) throw new ForbiddenError('Only the board and the event’s hosts can do this.', 'hosts_only');
  return found;
}

// ---------------------------------------------------------------- the board's events

function checkShape(e: Pick<EventRecord, 'kind' | 'mode' | 'startsAt' | 'endsAt' | 'joinUrl' | 'place'>) {
  if (Date.parse(e.endsAt) <= Date.parse(e.startsAt)) bad('endsAt', 'The end must come after the start.');
  if (Date.parse(e.endsAt) - Date.parse(e.startsAt) > MAX_DURATION) bad('endsAt', 'An event lasts at most 24 hours.');
  if (e.kind === 'webinar' && e.mode !== 'online') bad('mode', 'A webinar is online.');
  if (e.mode === 'online' && !e.joinUrl) bad('joinUrl', 'An online event needs its join link.');
  if (e.mode === 'in_person' && !e.place) bad('place', 'An event in person needs its place.');
}

async function checkHosts(ids: string[]) {
  if (ids.length === 0) return;
  const found = await getMembers(ids);
  const missing = ids.findIndex((id) => found.get(id)?.status !== 'active');
  if (missing >= 0) bad(`hosts.memberIds.${missing}`, 'A host must be an active member.');
}

export async function createEvent(session: Session, input: EventInput): Promise<EventView> {
  const at = nowIso();
  const startsAt = new Date(input.startsAt).toISOString();
  const endsAt = new Date(input.endsAt).toISOString();
  let seriesParts: number | undefined;
  if (input.seriesId !== undefined || input.part !== undefined) {
    if (input.seriesId === undefined) bad('seriesId', 'A part belongs to a series.');
    if (input.part === undefined) bad('part', 'Say which part of the series this is.');
    const series = await repo.getSeries(input.seriesId ?? '');
    if (!series) bad('seriesId', 'No such series.');
    if ((input.part ?? 0) > (series?.parts ?? 0)) bad('part', `The series has ${series?.parts} parts.`);
    seriesParts = series?.parts;
  }
  const e: EventRecord = {
    id: ulid(),
    kind: input.kind,
    mode: input.mode,
    title: input.title,
    description: input.description,
    hosts: input.hosts,
    startsAt,
    endsAt,
    languages: input.languages,
    audience: input.audience,
    capacity: input.capacity,
    ...(input.mode === 'online' && input.joinUrl ? { joinUrl: input.joinUrl } : {}),
    ...(input.mode === 'in_person' && input.place ? { place: input.place } : {}),
    ...(input.seriesId ? { seriesId: input.seriesId, part: input.part, seriesParts } : {}),
    joinOpensMinutes: input.joinOpensMinutes,
    materials: [],
    createdAt: at,
    createdBy: session.userId,
    updatedAt: at,
    version: 1,
  };
  checkShape(e);
  await checkHosts(e.hosts.memberIds);
  await db.transactWrite({
    TransactItems: [
      repo.eventPut(e),
      repo.put(
        { ...keys.eventStats(e.id), entity: 'eventStats', version: 1, eventId: e.id, ...repo.emptyStats(e.capacity) },
        'attribute_not_exists(pk)',
      ),
      ...repo.reminderPuts(e),
    ],
  });
  log.info('event.created', { eventId: e.id });
  searchChanged({ kind: 'event', id: e.id });
  return view(session, e, repo.emptyStats(e.capacity), undefined, await hostNames([e]), false);
}

const stale = (): never => {
  throw new ConflictError('stale_version', 'This event changed meanwhile. Reload and try again.');
};

export async function updateEvent(session: Session, member: MemberRecord, id: string | undefined, patch: EventPatch): Promise<EventView> {
  if (!session.isBoard) throw new ForbiddenError('Only the advisory board can do this.', 'board_only');
  const { event: e } = await visible(session, member, id);
  if (e.version !== patch.version) stale();
  const { version: _v, ...fields } = patch;
  const next: EventRecord = {
    ...e,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)),
    startsAt: patch.startsAt ? new Date(patch.startsAt).toISOString() : e.startsAt,
    endsAt: patch.endsAt ? new Date(patch.endsAt).toISOString() : e.endsAt,
    updatedAt: nowIso(),
    version: e.version + 1,
  };
  if (patch.joinUrl === null) delete next.joinUrl;
  if (patch.place === null) delete next.place;
  if (next.mode === 'online') delete next.place;
  else delete next.joinUrl;
  checkShape(next);
  if (patch.hosts) await checkHosts(patch.hosts.memberIds);
  const moved = next.startsAt !== e.startsAt || next.endsAt !== e.endsAt;
  const items: TransactWriteItem[] = [repo.eventPut(next, e.version)];
  if (next.capacity !== e.capacity) items.push(repo.capacityUpdate(e.id, next.capacity));
  if (next.startsAt !== e.startsAt) items.push(...repo.reminderDeletes(e), ...repo.reminderPuts(next));
  await repo.commit(items, (failed) => {
    if (failed.includes(1) && !failed.includes(0))
      throw new ConflictError('over_capacity', 'More members are registered than the new capacity: keep it at least at their number.');
    return stale();
  });
  searchChanged({ kind: 'event', id: e.id });
  // Her agenda carries the start in its key: a moved event moves each registered member's entry.
  if (moved) {
    for (const r of await repo.registrationsIn(e.id, 'registered')) {
      await db.transactWrite({ TransactItems: [repo.agendaDelete(r.memberId, e), repo.agendaPut(r.memberId, next)] });
    }
  }
  if (next.capacity > e.capacity) await promoteWhileFree(next);
  const bundle = await repo.getEventBundle(e.id, session.userId);
  return view(session, next, bundle.stats, bundle.registration, await hostNames([next]), bundle.feedback !== undefined);
}

/** Fills free places from the waiting list, first come first (after the capacity grew). */
async function promoteWhileFree(e: EventRecord): Promise<void> {
  for (let guard = 0; guard < e.capacity; guard++) {
    const nextId = await repo.firstWaiting(e.id);
    const next = nextId ? await repo.getRegistration(e.id, nextId) : undefined;
    if (next?.state !== 'waitlisted') return;
    const items = repo.promotionItems(e, next, nowIso());
    const full = await repo.commit([...items, repo.statsUpdate(e.id, { waitlisted: -1, registered: 1 }, 'placeFree')], (failed) =>
      failed.includes(items.length),
    );
    if (full) return;
  }
}

// ---------------------------------------------------------------- reading events

type ListCursor = Record<string, AttributeValue>;

function monthsFrom(start: string, count: number, step: 1 | -1): string[] {
  const d = new Date(`${start.slice(0, 7)}-01T00:00:00.000Z`);
  return Array.from({ length: count }, (_, i) => {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + i * step, 1));
    return m.toISOString().slice(0, 7);
  });
}

/**
 * Events whose audience includes her, by start: upcoming by default (still running or to come,
 * soonest first), past with `to` (newest first), or a window with both.
 *
 * COST: events are partitioned by the year they start in (GSI1, sorted by start); the audience,
 * language and kind are filtered here, in code, because an audience is a rule (cohort, kinds,
 * countries), not a key. A list reaches at most 25 months, so it reads at most three yearly
 * partitions, their first pages side by side: one round trip and a few read units on a quiet
 * programme (monthly partitions made it 25 Queries, 12.5 read units even when all were empty).
 * A page reads the events it shows plus those it skips; should events grow to thousands a month,
 * an audience index (an item per event and audience value, as the directory's facets) would
 * replace this scan of a window.
 */
export async function listEvents(session: Session, member: MemberRecord, q: EventListQuery): Promise<Page<EventView>> {
  const now = nowIso();
  const past = q.to !== undefined && q.from === undefined;
  // An event that has begun and not ended is still "upcoming": the lower bound reaches back a day.
  const lower = q.from
    ? new Date(q.from).toISOString()
    : past
      ? (monthsFrom(q.to ?? now, HORIZON_MONTHS, -1).at(-1) ?? '')
      : new Date(Date.parse(now) - MAX_DURATION).toISOString();
  const horizon = `${monthsFrom(lower, HORIZON_MONTHS + 1, 1).at(-1)}-31T23:59:59.999Z`;
  const upper = q.to ? new Date(q.to).toISOString() : horizon;
  if (upper < lower) bad('to', 'The end of the window comes before its start.');
  // A window wider than the horizon is cut at it, as a list without `to` is.
  const last = past || upper < horizon ? upper : horizon;
  // `y`: cursors carry the yearly partition (older cursors named a month and are refused).
  const scope = `events:y:${session.userId}:${q.from ?? ''}:${q.to ?? ''}:${q.seriesId ?? ''}:${q.language ?? ''}:${q.kind ?? ''}`;
  const start = decodeCursor(q.cursor, scope);
  const fromYear = start?.gsi1pk?.S?.slice('EVENTS#'.length);
  const first = Number(lower.slice(0, 4));
  const years = Array.from({ length: Number(last.slice(0, 4)) - first + 1 }, (_, i) => String(first + i));
  if (past) years.reverse();
  const wanted = (e: EventRecord) =>
    canSee(session, member, e) &&
    (q.seriesId === undefined || e.seriesId === q.seriesId) &&
    (q.language === undefined || e.languages.includes(q.language)) &&
    (q.kind === undefined || e.kind === q.kind) &&
    (q.to !== undefined || q.from !== undefined || e.endsAt > now) &&
    (!past || e.startsAt < upper);
  const found: { e: EventRecord; key: ListCursor }[] = [];
  let more = false;
  const limit = Math.max(25, q.limit * 2);
  const range = { lower, upper: last, descending: past };
  const open = years.filter((y) => !(fromYear && (past ? y > fromYear : y < fromYear)));
  const firsts = await Promise.all(
    open.map((year) => repo.queryYear(year, { ...range, startKey: fromYear === year ? start : undefined, limit })),
  );
  outer: for (const [y, year] of open.entries()) {
    let res = firsts[y];
    while (res) {
      for (const [i, e] of res.items.entries()) {
        if (!wanted(e)) continue;
        if (found.length === q.limit) {
          more = true;
          break outer;
        }
        const raw = res.raw[i] ?? {};
        found.push({ e, key: { pk: raw.pk, sk: raw.sk, gsi1pk: raw.gsi1pk, gsi1sk: raw.gsi1sk } as ListCursor });
      }
      res = res.lastKey ? await repo.queryYear(year, { ...range, startKey: res.lastKey, limit }) : undefined;
    }
  }
  const events = found.map((f) => f.e);
  const ids = events.map((e) => e.id);
  const [stats, regs, names] = await Promise.all([repo.getStatsOf(ids), repo.getRegistrationsOf(session.userId, ids), hostNames(events)]);
  return {
    items: events.map((e) => view(session, e, stats.get(e.id), regs.get(e.id), names, false)),
    nextCursor: more ? encodeCursor(found.at(-1)?.key, scope) : null,
  };
}

export async function getEvent(session: Session, member: MemberRecord, id: string | undefined): Promise<EventView> {
  const b = await visible(session, member, id);
  const [names, files] = await Promise.all([hostNames([b.event]), listFiles({ kind: 'event', id: b.event.id })]);
  return { ...view(session, b.event, b.stats, b.registration, names, b.feedback !== undefined), files };
}

/** For the file store (events/files.ts): who may read an event's files (404 otherwise). */
export async function assertCanSee(session: Session, member: MemberRecord, id: string): Promise<void> {
  await visible(session, member, id);
}

/** For the file store: who may attach files to an event, the board and its hosts (403 for the rest of its audience). */
export async function assertCanManage(session: Session, member: MemberRecord, id: string): Promise<void> {
  await managed(session, member, id);
}

// ---------------------------------------------------------------- registration

class Retry extends Error {}

/**
 * Registers her, or puts her on the waiting list when every place is taken. The registered place
 * is taken by a transaction whose condition on the event's counter (`registered < capacity`) holds
 * for at most `capacity` registrations, however many arrive at once; the waiting-list entry is
 * taken only while the event is full (else a place freed meanwhile and she tries for it again).
 */
export async function register(
  session: Session,
  member: MemberRecord,
  id: string | undefined,
  rereads = 0,
): Promise<{ state: 'registered' | 'waitlisted' }> {
  const found = await visible(session, member, id);
  const e = found.event;
  if (found.registration) throw new ConflictError('already_registered', 'You are already registered or on the waiting list.');
  for (let attempt = 1; attempt <= 12; attempt++) {
    const at = nowIso();
    if (at >= e.startsAt) throw new ConflictError('event_started', 'This event has started: registration is closed.');
    const base: RegistrationRecord = {
      eventId: e.id,
      memberId: session.userId,
      state: 'registered',
      at,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      version: 1,
    };
    const placed = await repo
      .commit(
        [
          repo.registrationPut(base),
          repo.statsUpdate(e.id, { registered: 1 }, 'placeFree'),
          repo.agendaPut(session.userId, e),
          repo.eventVersionCheck(e.id, e.version),
          counted('events', e.startsAt, 'registered'),
        ],
        (failed) => {
          if (failed.includes(0)) throw new ConflictError('already_registered', 'You are already registered or on the waiting list.');
          if (failed.includes(3)) throw new Retry();
          return 'full' as const;
        },
      )
      .catch(retryable);
    if (placed === undefined) return { state: 'registered' };
    if (placed === 'retry') return registerAgain(session, member, id, rereads);
    const waiting: RegistrationRecord = { ...base, state: 'waitlisted', waitingSince: at };
    const queued = await repo
      .commit(
        [
          repo.registrationPut(waiting),
          repo.statsUpdate(e.id, { waitlisted: 1 }, 'full'),
          repo.put({ ...keys.waitlistEntry(e.id, at, session.userId), entity: 'waitlistEntry', version: 1, memberId: session.userId, at }),
          repo.eventVersionCheck(e.id, e.version),
          counted('events', e.startsAt, 'waitlisted'),
        ],
        (failed) => {
          if (failed.includes(0)) throw new ConflictError('already_registered', 'You are already registered or on the waiting list.');
          if (failed.includes(3)) throw new Retry();
          return 'placeFreed' as const;
        },
      )
      .catch(retryable);
    if (queued === undefined) return { state: 'waitlisted' };
    if (queued === 'retry') return registerAgain(session, member, id, rereads);
  }
  throw new ConflictError('stale_state', 'Too many changes at once. Try again.');
}

const retryable = (e: unknown): 'retry' => {
  if (e instanceof Retry) return 'retry';
  throw e;
};

/** The event itself changed (the board moved it): read it again before taking a place. */
async function registerAgain(session: Session, member: MemberRecord, id: string | undefined, rereads: number) {
  if (rereads >= 4) throw new ConflictError('stale_state', 'This event changed meanwhile. Reload and try again.');
  return register(session, member, id, rereads + 1);
}

export async function cancel(session: Session, member: MemberRecord, id: string | undefined): Promise<void> {
  const found = await visible(session, member, id);
  const reg = found.registration;
  if (!reg || reg.state === 'attended') throw new ConflictError('not_registered', 'You are not registered for this event.');
  if (nowIso() >= found.event.startsAt) throw new ConflictError('event_started', 'This event has started.');
  if (!(await repo.cancelRegistration(found.event, session.userId)))
    throw new ConflictError('not_registered', 'You are not registered for this event.');
}

// ---------------------------------------------------------------- attendance, materials, feedback

export async function markAttendance(
  session: Session,
  member: MemberRecord,
  id: string | undefined,
  input: { memberIds: string[]; attended: boolean },
): Promise<{ marked: string[]; notRegistered: string[] }> {
  const { event: e } = await managed(session, member, id);
  if (nowIso() < e.startsAt) throw new ConflictError('event_not_started', 'Attendance can be marked once the event has started.');
  const regs = await repo.registrationsOfEvent(e.id, input.memberIds);
  const marked: string[] = [];
  const notRegistered: string[] = [];
  for (const memberId of input.memberIds) {
    const r = regs.get(memberId);
    const from = input.attended ? 'registered' : 'attended';
    if (!r || (r.state !== from && r.state !== (input.attended ? 'attended' : 'registered'))) {
      notRegistered.push(memberId);
      continue;
    }
    if (r.state === from) {
      const next: RegistrationRecord = { ...r, state: input.attended ? 'attended' : 'registered', version: r.version + 1 };
      await repo.commit(
        [
          repo.registrationPut(next, { state: r.state, version: r.version }),
          repo.statsUpdate(e.id, { attended: input.attended ? 1 : -1 }),
          counted('events', e.startsAt, 'attended', { n: input.attended ? 1 : -1 }),
        ],
        () => undefined,
      );
      if (input.attended && e.seriesId) await recordCompletion(memberId, e.seriesId);
    }
    marked.push(memberId);
  }
  return { marked, notRegistered };
}

/**
 * When she has attended every part of a series, the completion goes on her record, once: the
 * COMPLETION item (the series page reads it) and, in the same transaction, an entry in her
 * profile's `completions` (shown as her `visibility.programme` allows, so a profile read needs no
 * other query). The COMPLETION item's absence is the once-only condition for both. The profile's
 * version moves on, so a profile save begun before it cannot write her record back without it.
 */
async function recordCompletion(memberId: string, seriesId: string): Promise<void> {
  const series = await repo.getSeries(seriesId);
  if (!series) return;
  const parts = await repo.seriesParts(seriesId);
  const regs = await repo.getRegistrationsOf(
    memberId,
    parts.map((p) => p.id),
  );
  const attendedParts = new Set(parts.filter((p) => regs.get(p.id)?.state === 'attended').map((p) => p.part));
  if (attendedParts.size < series.parts) return;
  const at = nowIso();
  await repo
    .commit(
      [
        repo.put(
          {
            ...keys.completion(memberId, seriesId),
            entity: 'completion',
            version: 1,
            seriesId,
            title: series.title,
            completedAt: at,
            visibility: 'private',
          },
          'attribute_not_exists(pk)',
        ),
        {
          Update: {
            TableName: TABLE,
            Key: toAttr(keys.member(memberId)),
            UpdateExpression: 'SET #c = list_append(if_not_exists(#c, :none), :c), #v = #v + :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#c': 'completions', '#v': 'version' },
            ExpressionAttributeValues: values({ ':none': [], ':c': [{ seriesId, title: series.title, completedAt: at }], ':one': 1 }),
          },
        },
        notificationPut(memberId, 'series.completed', `/series/${seriesId}`, at),
      ],
      () => undefined,
    )
    .catch((err: unknown) => log.warn('completion not recorded', { seriesId, error: err instanceof Error ? err.name : 'unknown' }));
}

export async function setMaterials(
  session: Session,
  member: MemberRecord,
  id: string | undefined,
  input: { materials: Material[]; version: number },
): Promise<EventView> {
  const found = await managed(session, member, id);
  const e = found.event;
  if (nowIso() < e.startsAt) throw new ConflictError('event_not_started', 'Materials are shared once the event has started.');
  if (e.version !== input.version) stale();
  const next: EventRecord = { ...e, materials: input.materials, updatedAt: nowIso(), version: e.version + 1 };
  await repo.commit([repo.eventPut(next, e.version)], stale);
  return view(session, next, found.stats, found.registration, await hostNames([next]), found.feedback !== undefined);
}

export async function giveFeedback(
  session: Session,
  member: MemberRecord,
  id: string | undefined,
  input: { rating: number; comment: string },
): Promise<{ rating: number; comment: string; at: string }> {
  const found = await visible(session, member, id);
  if (found.registration?.state !== 'attended') throw new ForbiddenError('Only those who attended can give feedback.', 'attendees_only');
  if (found.feedback) throw new ConflictError('feedback_given', 'You have already given your feedback.');
  const at = nowIso();
  const e = found.event;
  const rating = input.rating as 1 | 2 | 3 | 4 | 5;
  await repo.commit(
    [
      repo.put(
        {
          ...keys.eventFeedback(e.id, session.userId),
          ...keys.eventFeedbackIndex(session.userId, at, e.id),
          entity: 'eventFeedback',
          version: 1,
          eventId: e.id,
          memberId: session.userId,
          rating,
          comment: input.comment,
          at,
        },
        'attribute_not_exists(pk)',
      ),
      repo.statsUpdate(e.id, { feedbackCount: 1, ratingSum: rating, [`r${rating}`]: 1 }),
    ],
    () => {
      throw new ConflictError('feedback_given', 'You have already given your feedback.');
    },
  );
  return { rating, comment: input.comment, at };
}

// ---------------------------------------------------------------- the board's views

export async function registrations(
  session: Session,
  member: MemberRecord,
  id: string | undefined,
  q: { state?: 'registered' | 'waitlisted' | 'attended'; limit: number; cursor?: string },
) {
  const { event: e } = await managed(session, member, id);
  const scope = `registrations:${e.id}:${q.state ?? ''}`;
  const res = await repo.pageOfPrefix(
    keys.event(e.id).pk,
    keys.registrationPrefix,
    q.limit,
    decodeCursor(q.cursor, scope),
    q.state ? { state: q.state } : undefined,
  );
  const regs = res.items.map((i) => recordOf<RegistrationRecord>(i));
  const names = regs.length
    ? await getMembers(
        regs.map((r) => r.memberId),
        false,
      )
    : new Map<string, MemberRecord>();
  return {
    items: regs.map((r) => ({
      memberId: r.memberId,
      name: names.get(r.memberId)?.displayName ?? '',
      state: r.state,
      at: r.waitingSince ?? r.at,
    })),
    nextCursor: encodeCursor(res.lastKey, scope),
  };
}

export const summaryOf = (s: Pick<EventStats, 'feedbackCount' | 'ratingSum' | 'r1' | 'r2' | 'r3' | 'r4' | 'r5'> | undefined) => ({
  count: s?.feedbackCount ?? 0,
  average: s?.feedbackCount ? Math.round((s.ratingSum / s.feedbackCount) * 100) / 100 : null,
  ratings: [s?.r1 ?? 0, s?.r2 ?? 0, s?.r3 ?? 0, s?.r4 ?? 0, s?.r5 ?? 0],
});

/** The feedback on an event, newest writers unnamed: the board reads what was said, not who said it. */
export async function feedbackPage(session: Session, member: MemberRecord, id: string | undefined, q: { limit: number; cursor?: string }) {
  if (!session.isBoard) throw new ForbiddenError('Only the advisory board can do this.', 'board_only');
  const found = await visible(session, member, id);
  const scope = `event-feedback:${found.event.id}`;
  const res = await repo.pageOfPrefix(keys.event(found.event.id).pk, keys.eventFeedbackPrefix, q.limit, decodeCursor(q.cursor, scope));
  return {
    summary: summaryOf(found.stats),
    items: res.items.map((i) => {
      const f = fromAttr<repo.FeedbackRecord>(i);
      return { rating: f.rating, comment: f.comment, at: f.at };
    }),
    nextCursor: encodeCursor(res.lastKey, scope),
  };
}

// ---------------------------------------------------------------- series

const seriesView = (s: SeriesRecord): Series => ({
  id: s.id,
  title: s.title,
  description: s.description,
  parts: s.parts,
  createdAt: s.createdAt,
  version: s.version,
});

export async function createSeries(session: Session, input: { title: string; description: string; parts: number }): Promise<Series> {
  const at = nowIso();
  const s: SeriesRecord = { id: ulid(), ...input, createdAt: at, createdBy: session.userId, version: 1 };
  await db.putItem({
    TableName: TABLE,
    Item: toAttr({ ...keys.series(s.id), ...keys.seriesIndex(at, s.id), entity: 'series', ...s }),
    ConditionExpression: 'attribute_not_exists(pk)',
  });
  return seriesView(s);
}

export async function listSeries(q: { limit: number; cursor?: string }): Promise<Page<Series>> {
  const scope = 'series';
  const res = await db.query({
    TableName: TABLE,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: values({ ':pk': keys.seriesPartition }),
    ScanIndexForward: false,
    Limit: q.limit,
    ExclusiveStartKey: decodeCursor(q.cursor, scope),
  });
  return {
    items: (res.Items ?? []).map((i) => seriesView(recordOf<SeriesRecord>(i))),
    nextCursor: encodeCursor(res.LastEvaluatedKey, scope),
  };
}

async function seriesAndParts(session: Session, member: MemberRecord, id: string | undefined) {
  if (!id || id.length > 64) throw new NotFoundError();
  const series = await repo.getSeries(id);
  if (!series) throw new NotFoundError();
  const parts = (await repo.seriesParts(id)).filter((e) => canSee(session, member, e));
  return { series, parts };
}

export async function getSeriesDetail(session: Session, member: MemberRecord, id: string | undefined) {
  const { series, parts } = await seriesAndParts(session, member, id);
  const ids = parts.map((e) => e.id);
  const [stats, regs, names, done] = await Promise.all([
    repo.getStatsOf(ids),
    repo.getRegistrationsOf(session.userId, ids),
    hostNames(parts),
    repo.getCompletion(session.userId, series.id),
  ]);
  const attended = new Set(parts.filter((p) => regs.get(p.id)?.state === 'attended').map((p) => p.part)).size;
  return {
    series: seriesView(series),
    events: parts.map((e) => view(session, e, stats.get(e.id), regs.get(e.id), names, false)),
    progress: { attended, parts: series.parts },
    completedAt: done?.completedAt ?? null,
  };
}

export async function seriesFeedback(session: Session, member: MemberRecord, id: string | undefined) {
  const { parts } = await seriesAndParts(session, member, id);
  const stats = await repo.getStatsOf(parts.map((p) => p.id));
  const total = { feedbackCount: 0, ratingSum: 0, r1: 0, r2: 0, r3: 0, r4: 0, r5: 0 };
  for (const s of stats.values()) {
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += s[k] ?? 0;
  }
  return {
    summary: summaryOf(total),
    parts: parts.map((p) => {
      const s = stats.get(p.id);
      return {
        eventId: p.id,
        part: p.part ?? null,
        title: p.title,
        registered: s?.registered ?? 0,
        attended: s?.attended ?? 0,
        summary: summaryOf(s),
      };
    }),
  };
}

// ---------------------------------------------------------------- her agenda

/**
 * Her agenda from a date: one Query on her partition's agenda items (events she is registered
 * for, meetings agreed in her mentorships), by start. Events' titles come in one BatchGet.
 */
export async function agenda(session: Session, q: { from?: string; limit: number; cursor?: string }): Promise<Page<AgendaItem>> {
  const from = q.from ? new Date(q.from).toISOString() : new Date(clock.now() - MAX_DURATION).toISOString();
  const scope = `agenda:${session.userId}:${from}`;
  const res = await db.query({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
    ExpressionAttributeValues: values({
      ':pk': keys.member(session.userId).pk,
      ':lo': `${keys.agendaPrefix}${from}`,
      ':hi': `${keys.agendaPrefix}\uffff`,
    }),
    Limit: q.limit,
    ExclusiveStartKey: decodeCursor(q.cursor, scope),
  });
  const rows = (res.Items ?? []).map((i) => fromAttr<{ kind: 'event' | 'meeting'; refId: string; startsAt: string; endsAt: string }>(i));
  const events = await repo.getEvents(rows.filter((r) => r.kind === 'event').map((r) => r.refId));
  return {
    items: rows.map((r) => ({
      kind: r.kind,
      refId: r.refId,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      title: r.kind === 'event' ? (events.get(r.refId)?.title ?? null) : null,
      link: r.kind === 'event' ? `/events/${r.refId}` : `/mentorships/${r.refId}`,
    })),
    nextCursor: encodeCursor(res.LastEvaluatedKey, scope),
  };
}
