import {
  type AttributeValue,
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { expect, vi } from 'vitest';
import { drainLocalEmail, inLocalDelivery } from '../../functions/email/queue';
import { dynamo } from '../../functions/lib/db';
import { verifyChain } from '../../functions/moderation/audit';
import { drainLocalSearch, inLocalSearch } from '../../functions/search/changes';
import { type Agent, type Res, anotherBoardMember, board, member, mentorProfile } from '../helpers';

/**
 * Faults injected into the real DynamoDB client (the only stand-in for DynamoDB in the suite).
 *
 * Every write route is one row of ROUTES: how to set up the state it acts on, and the call. For
 * each row a dry run counts the DynamoDB calls the route makes and records what it changes; then,
 * for every call in turn, a fresh attempt fails at that call — first throttled, then (for a write
 * with a condition) as if another writer had won the race — and the test checks the answer
 * (503, or the contract's 4xx for a lost race; never a 500) and that the items the attempt wrote
 * to hold either nothing of the change or all of it, the audit chain included.
 *
 * Adding a route is one row: `row({ name, setup, call, status })` in the faults-*.test.ts file of
 * its domain. Import this module only from those test files (it loads the app through helpers).
 */

type Fault = { kind: 'throttle' } | { kind: 'race'; item: number };

type Written = { key: Record<string, AttributeValue>; conditional: boolean; item?: Record<string, AttributeValue> };
type Call = { name: string; writes: Written[]; conditional: number[]; size: number };

type Command = { constructor: { name: string }; input: Record<string, unknown> };

/** The items a command writes (or checks), and which of them carry a condition. */
function callOf(command: Command): Call {
  const name = command.constructor.name.replace(/Command$/, '');
  const input = command.input as {
    Item?: Record<string, AttributeValue>;
    Key?: Record<string, AttributeValue>;
    ConditionExpression?: string;
    TransactItems?: Record<
      string,
      { Item?: Record<string, AttributeValue>; Key?: Record<string, AttributeValue>; ConditionExpression?: string }
    >[];
  };
  if (name === 'PutItem' || name === 'UpdateItem' || name === 'DeleteItem') {
    const w = { key: keyOf(input.Item ?? input.Key ?? {}), conditional: input.ConditionExpression !== undefined, item: input.Item };
    return { name, writes: [w], conditional: w.conditional ? [0] : [], size: 1 };
  }
  if (name === 'TransactWriteItems') {
    const writes = (input.TransactItems ?? []).map((t) => {
      const [op, body] = Object.entries(t)[0] ?? ['', {}];
      return {
        key: keyOf(body.Item ?? body.Key ?? {}),
        conditional: body.ConditionExpression !== undefined,
        item: op === 'Put' ? body.Item : undefined,
        check: op === 'ConditionCheck',
      };
    });
    return {
      name,
      writes: writes.filter((w) => !w.check),
      conditional: writes.flatMap((w, i) => (w.conditional ? [i] : [])),
      size: writes.length,
    };
  }
  return { name, writes: [], conditional: [], size: 0 };
}

const keyOf = (item: Record<string, AttributeValue>) => ({ pk: item.pk ?? { S: '' }, sk: item.sk ?? { S: '' } });
const idOf = (key: Record<string, AttributeValue>) => `${key.pk?.S}|${key.sk?.S}`;

/**
 * Counters other writers move at any moment (the network's member counts, the audit chain's
 * head), and the rate-limit windows, which count attempts rather than changes: left out of the
 * comparison. The chain itself is checked whole with verifyChain(). So are the notices of what
 * waits for the board: one item per board member and type, overwritten by every arrival from any
 * test; they join the change's own transaction, so they stand or fall with it.
 */
// Insight counters (functions/insights/counters.ts) are network-wide like NETWORK|STATS: test files
// running at the same time move them too. They are items of the same transactions as the change
// they count; tests/integration/insights.test.ts checks what they count, on a table of its own.
const shared = (id: string) =>
  id.startsWith('THROTTLE#') || id === 'NETWORK|STATS' || id === 'AUDIT|HEAD' || id.includes('|BOARDNOTICE#') || id.startsWith('INSIGHT#');

function faultFor(fault: Fault, call: Call): Error {
  if (fault.kind === 'throttle') return new ProvisionedThroughputExceededException({ message: 'throttled (injected)', $metadata: {} });
  if (call.name !== 'TransactWriteItems') return new ConditionalCheckFailedException({ message: 'lost a race (injected)', $metadata: {} });
  return new TransactionCanceledException({
    message: 'lost a race (injected)',
    $metadata: {},
    CancellationReasons: Array.from({ length: call.size }, (_, i) => ({ Code: i === fault.item ? 'ConditionalCheckFailed' : 'None' })),
  });
}

type Observed = { res: Res; calls: Call[]; diff: unknown[] };

/** Runs `call` with the client watched (and failing at `fault.at`), and the change it left behind. */
async function observe(call: () => Promise<Res>, fault?: { at: number; fault: Fault }, retry?: () => Promise<Res>): Promise<Observed> {
  // Emails queued before (an approval's) are delivered in this process: done with first, and any
  // delivery that runs meanwhile is left out of the request's calls below.
  await drainLocalEmail();
  await drainLocalSearch();
  const { sdk, client } = await dynamo();
  const original = client.send.bind(client) as (c: unknown) => Promise<{ Item?: Record<string, AttributeValue> }>;
  const read = async (key: Record<string, AttributeValue>) =>
    (await original(new sdk.GetItemCommand({ TableName: process.env.TABLE_NAME, Key: key, ConsistentRead: true }))).Item;
  const before = new Map<string, Record<string, AttributeValue> | undefined>();
  const keysById = new Map<string, Record<string, AttributeValue>>();
  const attempted = new Map<string, string[]>();
  const calls: Call[] = [];
  vi.spyOn(client, 'send').mockImplementation((async (command: Command) => {
    if (inLocalDelivery() || inLocalSearch()) return original(command);
    const c = callOf(command);
    const index = calls.push(c) - 1;
    for (const w of c.writes) {
      const id = idOf(w.key);
      if (!before.has(id)) {
        keysById.set(id, w.key);
        before.set(id, await read(w.key));
      }
      const writtenId = w.item?.id?.S;
      if (writtenId) attempted.set(id, [...(attempted.get(id) ?? []), writtenId]);
    }
    if (fault && fault.at === index) throw faultFor(fault.fault, c);
    return original(command);
  }) as never);
  let res: Res;
  try {
    res = await call();
    // A resumable route is asked again, as a client does after a 503 (or a 409 saying it moved
    // on meanwhile), and must then finish the change.
    if (retry && res.status >= 400) {
      fault = undefined;
      await retry();
    }
  } finally {
    vi.restoreAllMocks();
  }
  const diff: unknown[] = [];
  for (const [id, key] of keysById) {
    if (id.startsWith('THROTTLE#')) {
      // The windows count attempts; cleared so the next attempt is not refused for the earlier ones.
      await original(new sdk.DeleteItemCommand({ TableName: process.env.TABLE_NAME, Key: key }));
      continue;
    }
    if (shared(id)) continue;
    let was = before.get(id);
    let now = await read(key);
    // Audit entries at the sequence numbers this request tried are compared only when they are its
    // own: other tests append to the same chain at the same time.
    const own = (item: Record<string, AttributeValue> | undefined) => item && (attempted.get(id) ?? []).includes(String(item.id?.S));
    if (id.startsWith('AUDIT|E#')) {
      was = own(was) ? was : undefined;
      now = own(now) ? now : undefined;
    }
    const change = changeOf(id, was ? unmarshall(was) : undefined, now ? unmarshall(now) : undefined);
    if (change) diff.push(change);
  }
  return { res, calls, diff: diff.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) };
}

/** Fresh ids, times and hashes differ between runs of the same change; what was changed does not. */
function normalise(v: unknown): unknown {
  // NEWS#<hour>: the news index's partition (keys.newsPartition); two runs may fall either side of an hour.
  if (typeof v === 'string') {
    return v
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, '<time>')
      .replace(/^NEWS#\d{4}-\d{2}-\d{2}T\d{2}$/, 'NEWS#<hour>')
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
      .replace(/\b[0-9a-f]{64}\b/g, '<hash>')
      .replace(/\b[0-9A-HJKMNP-TV-Z]{26}\b/g, '<ulid>')
      .replace(/E#\d{12}/g, 'E#<seq>')
      .replace(/[A-Za-z0-9_-]{20,}/g, '<token>');
  }
  if (typeof v === 'number') return v > 1e9 ? '<epoch>' : v;
  if (Array.isArray(v)) return v.map(normalise);
  if (v instanceof Set) return [...v].map(normalise).sort();
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'seq' ? '<seq>' : normalise(x)]));
  }
  return v;
}

function changeOf(id: string, was: Record<string, unknown> | undefined, now: Record<string, unknown> | undefined): unknown {
  if (!was && !now) return undefined;
  if (!was) return { item: normalise(id), added: normalise(now) };
  if (!now) return { item: normalise(id), removed: true };
  const changed: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const a = was[k];
    const b = now[k];
    if (JSON.stringify(normalise(a)) === JSON.stringify(normalise(b)) && JSON.stringify(a) === JSON.stringify(b)) continue;
    changed[k] = typeof a === 'number' && typeof b === 'number' ? { by: b - a } : normalise(b);
  }
  return Object.keys(changed).length ? { item: normalise(id), changed } : undefined;
}

export type Row<S> = {
  name: string;
  setup: () => Promise<S>;
  call: (s: S) => Promise<Res>;
  /** The success status. */
  status: number;
  /**
   * Too big for one transaction (an erasure, a cohort's many requests): a failure may leave part
   * of it done, and asking again must then finish all of it.
   */
  resumable?: boolean;
  /** Another whole outcome a lost race may end in (a cohort publishes with the pair skipped). */
  lostRace?: (diff: unknown[]) => boolean;
};

export const row = <S>(r: Row<S>) => r as Row<unknown>;

/**
 * A lost race may be answered with the contract's conflict, or not-found when the other writer
 * removed it; a change to her own session that another request ended (signed out) is a 401.
 */
const RACE_ANSWERS = new Set([409, 404, 403, 401, 503]);

/** A set-up, with the rate-limit windows it filled cleared so that the next one is not refused. */
async function fresh<S>(r: Row<S>): Promise<S> {
  const { sdk, client } = await dynamo();
  const original = client.send.bind(client) as (c: unknown) => Promise<unknown>;
  const windows = new Map<string, Record<string, AttributeValue>>();
  vi.spyOn(client, 'send').mockImplementation((async (command: Command) => {
    for (const w of callOf(command).writes) if (idOf(w.key).startsWith('THROTTLE#')) windows.set(idOf(w.key), w.key);
    return original(command);
  }) as never);
  try {
    return await r.setup();
  } finally {
    vi.restoreAllMocks();
    for (const key of windows.values()) await original(new sdk.DeleteItemCommand({ TableName: process.env.TABLE_NAME, Key: key }));
  }
}

export async function walk(r: Row<unknown>): Promise<void> {
  const first = await fresh(r);
  const dry = await observe(() => r.call(first));
  expect(dry.res.status, `${r.name} dry run: ${JSON.stringify(dry.res.body)}`).toBe(r.status);
  expect(dry.diff.length, `${r.name} changes something`).toBeGreaterThan(0);
  let state = await fresh(r);
  const faults: { at: number; fault: Fault }[] = [
    ...dry.calls.map((_, at) => ({ at, fault: { kind: 'throttle' } as Fault })),
    // A lost race on a rate-limit window is the limit reached (429), not a change half made.
    ...dry.calls.flatMap((c, at) =>
      c.writes.some((w) => idOf(w.key).startsWith('THROTTLE#'))
        ? []
        : c.conditional.map((item) => ({ at, fault: { kind: 'race', item } as Fault })),
    ),
  ];
  for (const f of faults) {
    const label = `${r.name}: ${f.fault.kind}${f.fault.kind === 'race' ? ` on item ${f.fault.item}` : ''} at call ${f.at + 1} (${dry.calls[f.at]?.name})`;
    const got = await observe(() => r.call(state), f, r.resumable ? () => r.call(state) : undefined);
    const status = got.res.status;
    if (f.fault.kind === 'throttle') expect([503, r.status], `${label}: ${JSON.stringify(got.res.body)}`).toContain(status);
    else expect([...RACE_ANSWERS, r.status], `${label}: ${JSON.stringify(got.res.body)}`).toContain(status);
    if (got.diff.length === 0) {
      expect(status, `${label} answered success but changed nothing`).not.toBe(r.status);
      continue;
    }
    if (f.fault.kind === 'race' && r.lostRace?.(got.diff)) {
      state = await fresh(r);
      continue;
    }
    expect(got.diff, `${label} left half a change`).toEqual(dry.diff);
    state = await fresh(r);
  }
  expect(await verifyChain()).toBeNull();
}

// ---- set-ups ---------------------------------------------------------------------------------

/** A mentor offering three places (tests/helpers.ts). */
export { mentorProfile };

export async function ok(res: Promise<Res>, status = 200): Promise<Res> {
  const r = await res;
  if (r.status !== status) throw new Error(`set-up failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

export async function pendingMentorship() {
  const [mentor, mentee] = await Promise.all([member(mentorProfile, 'mentor'), member({}, 'mentee')]);
  const m = await ok(mentee.post('/api/mentorships', { mentorId: mentor.userId, message: 'Would you mentor me?' }), 201);
  return { mentor, mentee, id: m.body.id as string };
}

export async function acceptedMentorship() {
  const s = await pendingMentorship();
  await ok(s.mentor.post(`/api/mentorships/${s.id}/accept`));
  return s;
}

export async function space() {
  const b = await board();
  return (await ok(b.post('/api/spaces', { name: `Faults ${Date.now()}`, audience: 'members' }), 201)).body.id as string;
}

let colleague: Promise<Agent> | undefined;

/** A thread opened by a board member (published at once) and its opening post; `b` is another board member. */
export async function boardThread() {
  colleague ??= anotherBoardMember();
  const [a, b] = await Promise.all([colleague, board()]);
  const t = (await ok(a.post(`/api/spaces/${await space()}/threads`, { title: 'Open', body: 'Start here', identity: 'named' }), 201)).body;
  const post = (await ok(a.get(`/api/threads/${t.id}/posts`))).body.items[0];
  return { a, b, threadId: t.id as string, post: post as { id: string; version: number } };
}

/** A thread by a new member: held for the board, with its opening post. */
export async function heldThread() {
  const m = await member({}, 'poster');
  const t = (await ok(m.post(`/api/spaces/${await space()}/threads`, { title: 'Held', body: 'First words', identity: 'named' }), 201)).body;
  const b = await board();
  const post = (await ok(b.get(`/api/threads/${t.id}/posts`))).body.items[0];
  return { m, b, threadId: t.id as string, postId: post.id as string };
}

export async function openCase() {
  const [reporter, reported] = await Promise.all([member({}, 'reporter'), member({}, 'reported')]);
  const filed = await ok(reporter.post('/api/reports', { targetType: 'member', targetId: reported.userId, reason: 'spam' }), 201);
  return { b: await board(), caseId: filed.body.caseId as string };
}

export const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
export const reason = { reason: 'Checked by the board' };

export function profileInput(overrides: Record<string, unknown> = {}) {
  return {
    displayName: 'Faults Member',
    kind: 'practitioner' as const,
    country: 'PK',
    statement: 'I lead trafficking investigations in Lahore.',
    expertise: ['investigation'],
    languages: ['ur', 'en'],
    organization: 'Punjab Police',
    jobTitle: 'Inspector',
    bio: 'Investigator.',
    ...overrides,
  };
}
