import {
  type AttributeValue,
  type BatchGetItemCommandInput,
  type BatchGetItemCommandOutput,
  BatchWriteItemCommand,
  type ConsumedCapacity,
  DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  type QueryCommandInput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { MemberRecord } from '../../functions/members/repository';
import type { Session } from '../../functions/lib/session';
import { DEFAULT_VISIBILITY, type Visibility } from '../../shared/schemas';
import { sortKeyForName } from '../../shared/text';
import { type LocalServices, startLocalServices } from '../local/services';
import { type BenchContext, type Row, type Section, atMost, fmtInt, fmtMs, median } from './report';

/*
 * DynamoDB cost and latency against a growing membership, on the real DynamoDB Local.
 *
 * The section starts the local services, fills the table to each size in SIZES (members and
 * their directory facets, written with BatchWriteItem in the app's own item shapes) and, at every
 * size, runs each `PopulationProbe`. A probe answers figures; capacity figures get a "flat in
 * member count" budget, latency and info figures are reported. Later features (discussion
 * threads …) add a probe — and, if they need their own items, a `populate` step that writes them
 * for the members just added (mentorship.ts does both).
 *
 * Every synthetic member offers mentoring (capacity 1–5, her expertise as topics, in all her
 * working languages), so the 1k, 10k and 100k fills are also as many offering mentors: their
 * offering facets (mentor cards with her accepted count) go into the same fill instead of a
 * second population of their own.
 *
 * The 100k fill writes about 1.4 million items (12 per member, and the probes' own). The writer
 * keeps PARALLEL BatchWriteItem requests in flight and reports its progress; DynamoDB Local runs
 * in memory (scripts/local/services.ts), so the fill is bound by its CPU, not a disk.
 */

export const DEFAULT_SIZES = [1_000, 10_000, 100_000];
/** Capacity per request may vary by at most this much between the smallest and any larger size. */
export const FLAT_TOLERANCE_PCT = 10;
export const LATENCY_RUNS = 20;
const LATENCY_WARMUP = 5;
const BATCH = 25;
const PARALLEL = 16;
/** A progress line at most this often while a fill writes. */
const PROGRESS_EVERY_MS = 15_000;

// ----------------------------------------------------------------------------------- types

/** The app's modules, imported only after process.env holds the local configuration. */
export type AppModules = {
  db: typeof import('../../functions/lib/db');
  keys: typeof import('../../functions/lib/keys')['keys'];
  repo: typeof import('../../functions/members/repository');
  service: typeof import('../../functions/members/service');
};

export type Population = {
  /** Members in the table now. */
  size: number;
  /** Every inserted member id, in insertion order (index 0 is the board member). */
  ids: string[];
  /** A board session whose userId is an active member in the table. */
  boardSession: Session;
  /** A member present at every size, so per-item figures compare like for like. */
  probeMemberId: string;
  app: AppModules;
  /** A client of the bench's own (not the app's), for the mirrored requests. */
  client: DynamoDBClient;
  table: string;
  /**
   * Runs `fn` (which may call the app's services) and answers the capacity its DynamoDB requests
   * consumed, summed over all of them, with ReturnConsumedCapacity TOTAL injected.
   */
  withCapacity: <T>(fn: () => Promise<T>) => Promise<Tapped<T>>;
  /** Writes items with BatchWriteItem (25 per request, PARALLEL requests at a time, unprocessed items retried); answers the count. */
  writeItems: (items: Iterable<Record<string, AttributeValue>>, what?: string) => Promise<number>;
};

/** One DynamoDB request seen by the capacity tap. */
export type Call = {
  command: string;
  units: number;
  /** Query: the partition it read, e.g. "OFFER#topic#investigation" or "gsi2 MENTORSHIPS#MENTEE#…". */
  partition?: string;
  /** Query: items returned (Count). BatchGetItem: items found. */
  items?: number;
  /** BatchGetItem: keys asked for. */
  keys?: number;
  /** Whether the read was strongly consistent (1 RCU per 4 KB instead of 0.5). */
  consistent?: boolean;
};

/** What `withCapacity` answers: the result and the capacity of every request `fn` made. */
export type Tapped<T> = { result: T; units: number; requests: number; perRequest: string[]; calls: Call[] };

export type Figure = {
  /** Stable id within the probe, e.g. "directory-all-rcu". */
  key: string;
  label: string;
  /** capacity: gets the flat budget; latency and info (counts, a capacity's parts …): reported only. */
  kind: 'capacity' | 'latency' | 'info';
  value: number;
  unit: string;
  data?: unknown;
  /** capacity: also a ceiling at every size (e.g. suggestions ≤ 30 RCU), reported as a row of its own. */
  atMost?: number;
  /**
   * capacity: the flat budget compares the sizes from this one up (shown, not judged, below it).
   * For a read bounded by a window (search reads at most WINDOW entries a word): below the size
   * where the window first fills it reads less, which is the bound working, not a growth.
   */
  flatFrom?: number;
};

export type PopulationProbe = {
  id: string;
  /**
   * Optional: write the probe's own items for the members just added (threads, partner links …);
   * answers how many items it wrote. Runs after the members are written, before `p.size`/`p.ids` grow.
   */
  populate?: (p: Population, added: MemberRecord[]) => Promise<number>;
  measure: (p: Population) => Promise<Figure[]>;
  /** Optional: findings for the table, asked once after every size was measured. */
  findings?: () => string[];
};

// ------------------------------------------------------------------------ synthetic members

const FIRST = (
  'Amina|Sadia|Fatima|Ayesha|Nadia|Imran|Hamid|Zarghona|Farid|Shilan|Haider|Layla|Shirin|Reza|' +
  'Pooja|Bikash|Anjali|María Fernanda|Luz Marina|Andrés|Catalina|Ana Paula|Juliana|Rafael|Beatriz|' +
  'Grace|Peter|Rukhsana|Priya|Thomas|Claire|Elif|Olena|Martin|فاطمہ|مریم|زينب|نرگس|सीता|Élodie'
).split('|');
const LAST = (
  'Qureshi|Rahimi|Mendes|Siddiqui|Khan|Baloch|Yousafzai|Ahmadi|Stanikzai|Noori|Ahmed|Al-Jubouri|' +
  'Hassan|Karimi|Tehrani|Moradi|Thapa|Gurung|Shrestha|Rai|López|Ospina|Restrepo|Gómez|Souza|' +
  'Ferreira|Oliveira|Santos|Benali|Wanjiru|Otieno|Begum|Sharma|Müller|Dubois|Yılmaz|Kovalenko|' +
  'Andersson|بی بی|الموسوي'
).split('|');
const COUNTRIES: [string, string[], string][] = [
  ['PK', ['ur', 'en'], 'Asia/Karachi'],
  ['AF', ['prs', 'ps', 'en'], 'Asia/Kabul'],
  ['IQ', ['ar', 'ckb'], 'Asia/Baghdad'],
  ['IR', ['fa', 'en'], 'Asia/Tehran'],
  ['NP', ['ne', 'hi', 'en'], 'Asia/Kathmandu'],
  ['CO', ['es', 'en'], 'America/Bogota'],
  ['BR', ['pt', 'es'], 'America/Sao_Paulo'],
  ['MA', ['ar', 'fr'], 'Africa/Casablanca'],
  ['KE', ['sw', 'en'], 'Africa/Nairobi'],
  ['BD', ['bn', 'en'], 'Asia/Dhaka'],
  ['IN', ['hi', 'en'], 'Asia/Kolkata'],
  ['DE', ['de', 'en'], 'Europe/Berlin'],
  ['FR', ['fr', 'en'], 'Europe/Paris'],
  ['TR', ['tr', 'en'], 'Europe/Istanbul'],
  ['UA', ['uk', 'ru', 'en'], 'Europe/Kyiv'],
];
/** As in scripts/local/seed.ts: investigation is in 2 of 7 pairs, so its facet has thousands of members at 10k. */
const EXPERTISE_CYCLE = [
  ['investigation', 'victim_protection'],
  ['prosecution', 'legislation'],
  ['border_management', 'migrant_smuggling'],
  ['labour_inspection', 'victim_protection'],
  ['international_cooperation', 'investigation'],
  ['leadership', 'training'],
  ['financial_investigation', 'digital_evidence'],
];
const ORGS = [
  'Federal Investigation Agency',
  'Provincial Police',
  'Public Prosecution Service',
  'Labour Inspectorate',
  'Border Police',
  'Anti-Trafficking Unit',
];
const TITLES = ['Inspector', 'Sub-Inspector', 'Deputy Prosecutor', 'Labour Inspector', 'Superintendent', 'Investigator'];

/** Looks like a Cognito sub (36 characters), deterministic per index. */
export const benchMemberId = (i: number) => `bench000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

/** A mentor's free places: 1–5, spread evenly over the members. */
export const benchCapacity = (i: number) => 1 + (i % 5);

/** Mentorships she has accepted: 0..capacity, so some mentors are full and the hard filter drops them. */
export const benchAccepted = (i: number) => Math.floor(i / 5) % (benchCapacity(i) + 1);

/**
 * A realistic active member, a pure function of its index. Every one offers mentoring (see the
 * header); three in four also seek a mentor.
 */
export function benchMember(i: number): MemberRecord {
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]}`;
  const [country, languages, timezone] = COUNTRIES[i % COUNTRIES.length] ?? ['PK', ['ur'], 'Asia/Karachi'];
  const expertise = EXPERTISE_CYCLE[i % EXPERTISE_CYCLE.length] ?? ['investigation'];
  const seeking = i % 4 !== 0;
  // Offering languages left empty, as the profile form leaves them: she mentors in all her working languages.
  const visibility: Visibility =
    i % 3 === 0
      ? { ...DEFAULT_VISIBILITY, country: 'members', organization: 'members', jobTitle: 'members' }
      : i % 3 === 1
        ? { ...DEFAULT_VISIBILITY, country: 'members' }
        : { ...DEFAULT_VISIBILITY };
  const day = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    id: benchMemberId(i),
    email: `member${i}@bench.invalid`,
    status: 'active',
    kind: i % 5 === 0 ? 'champion' : 'practitioner',
    displayName: name,
    sortName: sortKeyForName(name),
    country,
    organization: ORGS[i % ORGS.length],
    jobTitle: TITLES[i % TITLES.length],
    bio: `Works on ${expertise.join(' and ').replace(/_/g, ' ')}. Happy to share lessons learnt with the network.`,
    expertise: [...expertise],
    languages: [...languages],
    timezone,
    goals: { shortTerm: 'Lead a joint investigation', mediumTerm: 'Train new colleagues', longTerm: 'Head a specialised unit' },
    mentoring: {
      offering: {
        active: true,
        capacity: benchCapacity(i),
        topics: [...expertise] as never,
        languages: [],
      },
      seeking: {
        active: seeking,
        topics: (seeking ? [...new Set(['leadership', expertise[0]])] : []) as never,
        goals: { shortTerm: 'Grow in my role', mediumTerm: 'Lead a team', longTerm: 'Shape national policy' },
        sameCountryOnly: false,
        outsideOrganizationOnly: i % 5 === 0,
      },
    },
    visibility,
    statement: 'I investigate trafficking cases and want to learn from peers across the region.',
    submittedAt: day,
    decidedAt: day,
    decidedBy: benchMemberId(0),
    createdAt: day,
    updatedAt: day,
    version: 2,
  };
}

/**
 * The items the app stores for an active member: the profile item (as repository.ts's
 * memberItem builds it) and one facet per directory filter value and per offered topic and
 * language (from its own facetWrites; an offer facet carries `accepted`, as her STATS#MENTOR does).
 */
export function memberItems(app: AppModules, m: MemberRecord, accepted = 0): Record<string, AttributeValue>[] {
  const profile = app.db.toAttr({
    ...app.keys.member(m.id),
    ...app.keys.applicationIndex('approved', m.submittedAt, m.id),
    entity: 'member',
    ...m,
  });
  const facets = app.repo.facetWrites(undefined, m, accepted).map((w) => {
    if (!w.Put?.Item) throw new Error('facetWrites(undefined, active member) answered something other than a Put');
    return w.Put.Item;
  });
  return [profile, ...facets];
}

// ----------------------------------------------------------------------------- machinery

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * BatchWriteItem, 25 items per request, PARALLEL requests in flight. Items are pulled from the
 * iterable only as batches are sent, so generating (marshalling) overlaps with writing.
 */
function batchWriter(client: DynamoDBClient, table: string, log: (m: string) => void) {
  return async (items: Iterable<Record<string, AttributeValue>>, what = 'items'): Promise<number> => {
    const it = items[Symbol.iterator]();
    let done = false;
    let count = 0;
    const t0 = performance.now();
    let said = t0;
    const progress = () => {
      const now = performance.now();
      if (now - said < PROGRESS_EVERY_MS) return;
      said = now;
      log(`  … ${fmtInt(count)} ${what} written (${fmtInt(Math.round(count / ((now - t0) / 1000)))}/s)`);
    };
    const take = (): WriteRequest[] => {
      const out: WriteRequest[] = [];
      while (!done && out.length < BATCH) {
        const r = it.next();
        if (r.done) done = true;
        else out.push({ PutRequest: { Item: r.value } });
      }
      count += out.length;
      return out;
    };
    const worker = async () => {
      for (let pending = take(); pending.length > 0; pending = take()) {
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 8) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed after ${attempt} attempts`);
          if (attempt > 0) await sleep(10 * 2 ** attempt);
          const res = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
          pending = res.UnprocessedItems?.[table] ?? [];
        }
        progress();
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    return count;
  };
}

/** Counts ConsumedCapacity on the app's own client while a measurement is open. */
async function capacityTap(app: AppModules) {
  const tally = { open: 0, units: 0, requests: 0, perRequest: [] as string[], calls: [] as Call[] };
  const { client: appClient } = await app.db.dynamo();
  appClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (tally.open === 0) return next(args);
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const res = await next(args);
      const cc = (res.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      const units = [cc ?? []].flat().reduce((s, c) => s + (c.CapacityUnits ?? 0), 0);
      tally.units += units;
      tally.requests++;
      const call: Call = { command: context.commandName ?? 'request', units };
      let detail = '';
      if (call.command === 'QueryCommand') {
        const q = args.input as QueryCommandInput;
        const pk = q.ExpressionAttributeValues?.[':pk']?.S;
        call.partition = `${q.IndexName ? `${q.IndexName} ` : ''}${pk ?? '?'}`;
        call.items = (res.output as { Count?: number }).Count ?? 0;
        call.consistent = q.ConsistentRead === true;
        detail = ` (${call.items} items)`;
      } else if (call.command === 'BatchGetItemCommand') {
        // DynamoDB Local charges nothing for a key it does not find; DynamoDB does. Say how many were found.
        const input = args.input as BatchGetItemCommandInput;
        const output = res.output as BatchGetItemCommandOutput;
        call.keys = Object.values(input.RequestItems ?? {}).reduce((n, r) => n + (r.Keys?.length ?? 0), 0);
        call.items = Object.values(output.Responses ?? {}).reduce((n, r) => n + r.length, 0);
        call.consistent = Object.values(input.RequestItems ?? {}).every((r) => r.ConsistentRead === true);
        detail = ` (${call.items}/${call.keys} keys found)`;
      }
      tally.calls.push(call);
      tally.perRequest.push(`${call.command}: ${units} RCU${detail}`);
      return res;
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );
  return async <T>(fn: () => Promise<T>) => {
    if (tally.open) throw new Error('withCapacity does not nest');
    tally.open = 1;
    tally.units = 0;
    tally.requests = 0;
    tally.perRequest = [];
    tally.calls = [];
    try {
      const result = await fn();
      // The app's client caches each command's middleware chain (lib/db.ts): a tap added after its
      // first request would count nothing, and a flat zero would pass every budget.
      if (tally.requests === 0) throw new Error('The capacity tap saw no request: was it added after the client’s first use?');
      return { result, units: tally.units, requests: tally.requests, perRequest: tally.perRequest, calls: tally.calls };
    } finally {
      tally.open = 0;
    }
  };
}

/** Median latency of `fn` over LATENCY_RUNS runs (after a short warm-up), with its per-call capacity. */
export async function timed<T>(p: Population, fn: () => Promise<T>) {
  for (let i = 0; i < LATENCY_WARMUP; i++) await fn();
  const ms: number[] = [];
  const units: number[] = [];
  let requests = 0;
  let perRequest: string[] = [];
  let calls: Call[] = [];
  let last: T | undefined;
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const t0 = performance.now();
    const r = await p.withCapacity(fn);
    ms.push(performance.now() - t0);
    units.push(r.units);
    requests = r.requests;
    perRequest = r.perRequest;
    calls = r.calls;
    last = r.result;
  }
  return {
    median: median(ms),
    min: Math.min(...ms),
    max: Math.max(...ms),
    units: median(units),
    unitsSeen: [...new Set(units)],
    requests,
    perRequest,
    calls,
    last: last as T,
  };
}

const unitsOf = (cc: ConsumedCapacity | undefined) => {
  if (cc?.CapacityUnits === undefined) throw new Error('DynamoDB answered no ConsumedCapacity');
  return cc.CapacityUnits;
};

// --------------------------------------------------------------------------------- probes

/** Directory page and profile read, as members.service and members.repository issue them. */
export const memberProbes: PopulationProbe[] = [
  {
    id: 'directory',
    async measure(p) {
      const figures: Figure[] = [];
      // listDirectory with a board viewer and no cursor: KeyCondition on the facet partition, no
      // filter, Limit = page size. Mirrored here because the repository does not expose capacity.
      for (const [facet, value] of [
        ['all', ''],
        ['expertise', 'investigation'],
      ] as const) {
        const pk = p.app.keys.facetPartition(facet, value);
        const res = await p.client.send(
          new QueryCommand({
            TableName: p.table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: p.app.db.values({ ':pk': pk }),
            Limit: 20,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        if (res.Count !== 20) throw new Error(`directory page ${pk} answered ${res.Count} items, expected 20`);
        figures.push({
          key: `query-${facet}`,
          label: `Query ${pk}, Limit 20 (page of 20)`,
          kind: 'capacity',
          value: unitsOf(res.ConsumedCapacity),
          unit: 'RCU',
        });
      }
      const t = await timed(p, () => p.app.service.directory(p.boardSession, { limit: 20 }, undefined));
      if (t.last.items.length !== 20) throw new Error(`directory() answered ${t.last.items.length} profiles, expected 20`);
      figures.push({
        key: 'service-directory-rcu',
        label: `service directory(board, {limit:20}): all requests (${t.requests})`,
        kind: 'capacity',
        value: t.units,
        unit: 'RCU',
        data: { unitsSeen: t.unitsSeen, requests: t.requests, lastCall: t.perRequest },
      });
      figures.push({
        key: 'service-directory-ms',
        label: 'service directory(board, {limit:20}) latency',
        kind: 'latency',
        value: t.median,
        unit: 'ms',
        data: { min: t.min, max: t.max, runs: LATENCY_RUNS },
      });
      return figures;
    },
  },
  {
    id: 'profile',
    async measure(p) {
      const res = await p.client.send(
        new GetItemCommand({
          TableName: p.table,
          Key: p.app.db.toAttr(p.app.keys.member(p.probeMemberId)),
          ConsistentRead: true,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      if (!res.Item) throw new Error(`profile ${p.probeMemberId} not found`);
      const t = await timed(p, () => p.app.service.getProfile(p.boardSession, p.probeMemberId, undefined));
      if (t.last.id !== p.probeMemberId) throw new Error('getProfile answered another member');
      return [
        {
          key: 'get-profile',
          label: 'GetItem MEMBER#id/PROFILE, ConsistentRead',
          kind: 'capacity',
          value: unitsOf(res.ConsumedCapacity),
          unit: 'RCU',
        },
        {
          key: 'service-profile-rcu',
          label: `service getProfile(board, id): all requests (${t.requests})`,
          kind: 'capacity',
          value: t.units,
          unit: 'RCU',
          data: { unitsSeen: t.unitsSeen, requests: t.requests, lastCall: t.perRequest },
        },
        {
          key: 'service-profile-ms',
          label: 'service getProfile(board, id) latency',
          kind: 'latency',
          value: t.median,
          unit: 'ms',
          data: { min: t.min, max: t.max, runs: LATENCY_RUNS },
        },
      ];
    },
  },
];

// -------------------------------------------------------------------------------- section

const sizeLabel = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const fmtFigure = (v: number, unit: string) => (unit === 'ms' ? fmtMs(v) : `${v >= 1000 ? fmtInt(v) : Number(v.toFixed(2))} ${unit}`);

/** Whether a figure's per-request breakdown shows a BatchGetItem that did not find every key. */
function hasMissing(data: unknown): boolean {
  for (const m of JSON.stringify(data ?? '').matchAll(/\((\d+)\/(\d+) keys found\)/g)) if (m[1] !== m[2]) return true;
  return false;
}

export function capacitySection(probes: PopulationProbe[], sizes: number[] = DEFAULT_SIZES): Section {
  return {
    id: 'capacity',
    title: 'DynamoDB per request',
    async run(ctx: BenchContext) {
      const sorted = [...sizes].sort((a, b) => a - b);
      ctx.log('starting DynamoDB Local and cognito-local');
      const t0 = performance.now();
      const services: LocalServices = await startLocalServices({ quiet: true });
      const saved = new Map<string, string | undefined>();
      let appDb: AppModules['db'] | undefined;
      const client = new DynamoDBClient({
        region: services.env.AWS_REGION,
        endpoint: services.env.DYNAMODB_ENDPOINT,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        maxAttempts: 5,
      });
      try {
        ctx.log(`local services up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        for (const [k, v] of Object.entries({ ...services.env, LOG_LEVEL: 'silent' })) {
          saved.set(k, process.env[k]);
          process.env[k] = v;
        }
        // Only now: the app's modules read process.env when they load.
        const app: AppModules = {
          db: await import('../../functions/lib/db'),
          keys: (await import('../../functions/lib/keys')).keys,
          repo: await import('../../functions/members/repository'),
          service: await import('../../functions/members/service'),
        };
        appDb = app.db;
        const table = app.db.TABLE;
        const writeItems = batchWriter(client, table, ctx.log);
        const ids: string[] = [];
        const probeIndex = Math.min(500, Math.floor((sorted[0] ?? 1) / 2));
        const pop: Population = {
          size: 0,
          ids,
          boardSession: { userId: benchMemberId(0), email: 'member0@bench.invalid', groups: ['board'], isBoard: true },
          probeMemberId: benchMemberId(probeIndex),
          app,
          client,
          table,
          withCapacity: await capacityTap(app),
          writeItems,
        };

        const figures = new Map<string, { label: string; kind: Figure['kind']; unit: string; bySize: Map<number, Figure> }>();
        const fills: { size: number; added: number; items: number; probeItems: number; seconds: number }[] = [];
        for (const size of sorted) {
          const from = pop.size;
          const tFill = performance.now();
          const added: MemberRecord[] = [];
          function* items() {
            for (let i = from; i < size; i++) {
              const m = benchMember(i);
              added.push(m);
              yield* memberItems(app, m, benchAccepted(i));
            }
          }
          ctx.log(`filling to ${fmtInt(size)} members …`);
          const written = await writeItems(items(), 'member items');
          let probeItems = 0;
          for (const probe of probes) probeItems += (await probe.populate?.(pop, added)) ?? 0;
          ids.push(...added.map((m) => m.id));
          pop.size = size;
          const seconds = (performance.now() - tFill) / 1000;
          fills.push({ size, added: size - from, items: written, probeItems, seconds });
          ctx.log(
            `filled to ${fmtInt(size)} members (+${fmtInt(size - from)} members, ${fmtInt(written)} items` +
              `${probeItems ? ` + ${fmtInt(probeItems)} probe items` : ''}) in ${seconds.toFixed(1)} s`,
          );
          for (const probe of probes) {
            for (const f of await probe.measure(pop)) {
              const key = `${probe.id}/${f.key}`;
              if (!figures.has(key)) figures.set(key, { label: f.label, kind: f.kind, unit: f.unit, bySize: new Map() });
              figures.get(key)?.bySize.set(size, f);
            }
          }
        }

        const rows: Row[] = [];
        const findings: string[] = [];
        for (const [key, f] of figures) {
          const series = sorted.map((s) => ({ size: s, value: f.bySize.get(s)?.value ?? Number.NaN }));
          const display = series.map((x) => `${fmtFigure(x.value, f.unit)} @${sizeLabel(x.size)}`).join(' · ');
          const row: Row = {
            name: f.label,
            display,
            value: series.at(-1)?.value ?? null,
            unit: f.unit,
            data: { key, series, detail: sorted.map((s) => f.bySize.get(s)?.data) },
          };
          if (f.kind === 'capacity') {
            const flatFrom = [...f.bySize.values()].find((x) => x.flatFrom !== undefined)?.flatFrom ?? 0;
            const from = series.filter((x) => x.size >= flatFrom);
            // One size is no comparison: then every size is judged.
            const judged = from.length >= 2 ? from : series;
            const base = judged[0]?.value ?? Number.NaN;
            // Growth is what the budget is about: a read that costs less at a larger size (smaller
            // items on a page, a window not yet full) is within it.
            const worst = Math.max(
              0,
              ...judged.map((x) => (base === 0 ? (x.value === 0 ? 0 : Infinity) : ((x.value - base) / base) * 100)),
            );
            const pct = Number(worst.toFixed(2));
            row.budget = {
              rule: `flat: growth ≤ ${FLAT_TOLERANCE_PCT}% ${sizeLabel(judged[0]?.size ?? 0)}→${sizeLabel(judged.at(-1)?.size ?? 0)}`,
              limit: FLAT_TOLERANCE_PCT,
              unit: '%',
              actual: pct,
              pass: pct <= FLAT_TOLERANCE_PCT,
            };
            if (!row.budget.pass) findings.push(`${f.label.trim()}: capacity is not flat in member count (${display}).`);
          }
          rows.push(row);
          const ceiling = f.kind === 'capacity' ? [...f.bySize.values()].find((x) => x.atMost !== undefined)?.atMost : undefined;
          if (ceiling !== undefined) {
            const most = Math.max(...series.map((x) => x.value));
            rows.push({
              name: `${f.label.replace(/: all requests.*$/, '')}: the most at any size`,
              display: `${fmtFigure(most, f.unit)}`,
              value: most,
              unit: f.unit,
              budget: atMost(most, ceiling, f.unit, `≤ ${ceiling} ${f.unit} at every size`),
            });
            if (most > ceiling) findings.push(`${f.label.trim()}: ${fmtFigure(most, f.unit)} at some size, over ${ceiling} ${f.unit}.`);
          }
        }
        for (const probe of probes) findings.push(...(probe.findings?.() ?? []));
        const emptyQueries = [...figures.values()].some((f) =>
          [...f.bySize.values()].some((x) => JSON.stringify(x.data ?? '').includes('QueryCommand: 0 RCU')),
        );
        if (emptyQueries) {
          findings.push(
            "DynamoDB Local reports 0 RCU for a Query that returns no item (e.g. the viewer's block list); DynamoDB bills at least 0.5 RCU for it, so add 0.5 per such request for AWS.",
          );
        }
        const missingKeys = [...figures.values()].some((f) => [...f.bySize.values()].some((x) => hasMissing(x.data)));
        if (missingKeys) {
          findings.push(
            'DynamoDB Local reports 0 RCU for a BatchGetItem key it does not find; DynamoDB bills the minimum (1 RCU consistent, 0.5 eventually consistent) per such key.',
          );
        }
        const fillSeconds = fills.reduce((n, f) => n + f.seconds, 0);
        rows.push({
          name: `fill in all, to ${fmtInt(sorted.at(-1) ?? 0)} members`,
          display: `${fmtInt(fills.reduce((n, f) => n + f.items + f.probeItems, 0))} items · ${(fillSeconds / 60).toFixed(1)} min`,
          value: fillSeconds,
          unit: 's',
        });
        for (const fill of fills) {
          rows.push({
            name: `fill to ${fmtInt(fill.size)} members, all offering (BatchWrite, ${PARALLEL}×${BATCH})`,
            display:
              `+${fmtInt(fill.added)} members · ${fmtInt(fill.items)} items` +
              `${fill.probeItems ? ` + ${fmtInt(fill.probeItems)} probe items` : ''} · ${fill.seconds.toFixed(1)} s`,
            value: fill.seconds,
            unit: 's',
          });
        }
        return {
          rows,
          findings,
          data: { sizes: sorted, fills, latencyRuns: LATENCY_RUNS, probeMemberId: pop.probeMemberId, boardUserId: pop.boardSession.userId },
        };
      } finally {
        client.destroy();
        if (appDb) (await appDb.dynamo()).client.destroy();
        await services.stop();
        for (const [k, v] of saved) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
        ctx.log('local services stopped');
      }
    },
  };
}
