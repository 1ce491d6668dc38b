import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { MemberRecord } from '../../functions/members/repository';
import type { Session } from '../../functions/lib/session';
import { DEFAULT_VISIBILITY } from '../../shared/schemas';
import { sortKeyForName } from '../../shared/text';
import {
  type Call,
  type Figure,
  type Population,
  type PopulationProbe,
  LATENCY_RUNS,
  benchAccepted,
  benchMemberId,
  memberItems,
  timed,
} from './capacity';
import { type Row, type Section, fmtInt, fmtMs, median } from './report';

/*
 * Mentorship figures.
 *
 * Suggestions (a PopulationProbe of the capacity section): every synthetic member offers mentoring
 * (capacity.ts), so at 1k, 10k and 100k members there are as many offering mentors, each with her
 * STATS#MENTOR counter written here (her offer facets carry the same count: capacity.ts). One
 * active mentee seeks a mentor; she has blocked one mentor and has one open request, both made
 * through the app's own services, so every read of a suggestions call finds something and
 * DynamoDB Local's figure is the one DynamoDB would bill. Budget: flat, and ≤ SUGGESTIONS_MAX_RCU.
 *
 * Cohort optimiser (its own section): `benchmarkCohort` on 200 mentees × 100 mentors.
 */

/** The mentee whose suggestions are measured; present from the first size on. */
export const MENTEE_ID = 'benchmte-0000-4000-8000-000000000001';
export const SUGGESTIONS_LIMIT = 10;
/** Issue 11: a suggestions call reads at most this many units, at any size. */
export const SUGGESTIONS_MAX_RCU = 30;

const menteeSession: Session = { userId: MENTEE_ID, email: 'mentee@bench.invalid', groups: [], isBoard: false };

function benchMentee(): MemberRecord {
  const name = 'Zarmina Afridi';
  const day = new Date(Date.UTC(2026, 0, 1)).toISOString();
  return {
    id: MENTEE_ID,
    email: menteeSession.email,
    status: 'active',
    kind: 'practitioner',
    displayName: name,
    sortName: sortKeyForName(name),
    country: 'PK',
    organization: 'Provincial Police',
    jobTitle: 'Sub-Inspector',
    bio: 'Investigates trafficking cases in the province; new to leading a team.',
    expertise: ['investigation'],
    languages: ['ur', 'en'],
    timezone: 'Asia/Karachi',
    goals: { shortTerm: 'Lead a joint investigation', mediumTerm: 'Lead a team', longTerm: 'Head a specialised unit' },
    mentoring: {
      offering: { active: false, capacity: 0, topics: [], languages: [] },
      seeking: {
        active: true,
        topics: ['investigation', 'leadership'],
        goals: { shortTerm: 'Run my first joint investigation', mediumTerm: 'Lead a team', longTerm: 'Shape national policy' },
        sameCountryOnly: false,
        outsideOrganizationOnly: true,
      },
    },
    visibility: { ...DEFAULT_VISIBILITY, country: 'members' },
    statement: 'I investigate trafficking cases and want to learn from peers across the region.',
    submittedAt: day,
    decidedAt: day,
    decidedBy: benchMemberId(0),
    createdAt: day,
    updatedAt: day,
    version: 2,
  };
}

/** A mentor's STATS#MENTOR counter as the app's counterUpdate leaves it (capacity.ts's benchAccepted). */
function mentorStatsItem(p: Population, m: MemberRecord, i: number): Record<string, AttributeValue> {
  const accepted = benchAccepted(i);
  return p.app.db.toAttr({ ...p.app.keys.mentorStats(m.id), entity: 'stats', accepted, version: 1 + accepted });
}

const service = () => import('../../functions/mentorship/service');
const membersService = () => import('../../functions/members/service');
const offerPools = () => import('../../functions/mentorship/offer-pools');

type Measured = {
  size: number;
  units: number;
  queryUnits: number;
  profileUnits: number;
  otherUnits: number;
  candidates: number;
  partitions: number;
  perPartition: number;
  profiles: number;
  consistent: boolean;
  emptyReads: number;
};

const sum = (calls: Call[], pick: (c: Call) => number | undefined) => calls.reduce((n, c) => n + (pick(c) ?? 0), 0);

/** Suggestions for one mentee against 1k, 10k … offering mentors. */
export function mentorshipProbe(): PopulationProbe {
  let offering = 0;
  /** The mentors she requested and blocked: never suggested to her. */
  const excluded = new Set<string>();
  const measured: Measured[] = [];
  return {
    id: 'suggestions',
    async populate(p, added) {
      const start = p.size;
      let written = await p.writeItems(
        added.map((m, k) => mentorStatsItem(p, m, start + k)),
        'mentor counters',
      );
      offering += added.filter((m) => m.mentoring?.offering.active && m.mentoring.offering.capacity > 0).length;
      if (excluded.size === 0) {
        written += await p.writeItems(memberItems(p.app, benchMentee()));
        // Her top two suggestions at the first size: one she asks, one she blocks, as a member would.
        const first = await (await service()).suggestions(menteeSession, 2);
        const [ask, block] = first.map((s) => s.mentor.id);
        if (!ask || !block) throw new Error(`suggestions for the bench mentee answered ${first.length} mentors, expected 2`);
        await (await service()).request(menteeSession, {
          mentorId: ask,
          message: 'Could we talk about leading joint investigations?',
          goals: { shortTerm: 'Run my first joint investigation', mediumTerm: 'Lead a team', longTerm: 'Shape national policy' },
        });
        await (await membersService()).block(menteeSession, block);
        excluded.add(ask).add(block);
      }
      return written;
    },
    async measure(p) {
      const { suggestions, RULES } = await service();
      const { forgetOfferPools } = await offerPools();
      // As an instance that holds no offer pool yet reads (mentorship/offer-pools.ts): every call
      // here is the full cost, the one the budget bounds; a call from kept pools reads less.
      const t = await timed(p, () => {
        forgetOfferPools();
        return suggestions(menteeSession, SUGGESTIONS_LIMIT);
      });
      if (t.last.length !== SUGGESTIONS_LIMIT)
        throw new Error(`suggestions answered ${t.last.length} mentors, expected ${SUGGESTIONS_LIMIT}`);
      const leaked = t.last.find((s) => excluded.has(s.mentor.id));
      if (leaked) throw new Error(`suggestions offered ${leaked.mentor.id}, whom the mentee asked already or blocked`);
      const queries = t.calls.filter((c) => c.partition?.startsWith('OFFER#'));
      const batchGets = t.calls.filter((c) => c.command === 'BatchGetItemCommand');
      const m: Measured = {
        size: p.size,
        units: t.units,
        queryUnits: sum(queries, (c) => c.units),
        profileUnits: sum(batchGets, (c) => c.units),
        otherUnits: t.units - sum(queries, (c) => c.units) - sum(batchGets, (c) => c.units),
        candidates: sum(queries, (c) => c.items),
        partitions: queries.length,
        perPartition: RULES.candidatesPerPartition,
        profiles: sum(batchGets, (c) => c.items),
        consistent: batchGets.some((c) => c.consistent),
        emptyReads: t.calls.filter((c) => c.items === 0).length,
      };
      measured.push(m);
      const read = m.consistent ? 'ConsistentRead' : 'eventually consistent';
      const others = t.calls.filter((c) => !queries.includes(c) && !batchGets.includes(c));
      return [
        { key: 'offering-mentors', label: 'offering mentors in the table (capacity 1–5)', kind: 'info', value: offering, unit: 'mentors' },
        {
          key: 'service-suggestions-rcu',
          label: `service suggestions(mentee, ${SUGGESTIONS_LIMIT}): all requests (${t.requests})`,
          kind: 'capacity',
          value: t.units,
          unit: 'RCU',
          atMost: SUGGESTIONS_MAX_RCU,
          data: { unitsSeen: t.unitsSeen, requests: t.requests, lastCall: t.perRequest },
        },
        {
          key: 'suggestions-queries-rcu',
          label: `  of which candidate Queries OFFER#… (${queries.length}, Limit ${RULES.candidatesPerPartition}, mentor cards)`,
          kind: 'info',
          value: m.queryUnits,
          unit: 'RCU',
          data: Object.fromEntries(queries.map((c) => [c.partition, { items: c.items, units: c.units }])),
        },
        {
          key: 'suggestions-profiles-rcu',
          label: `  of which the shown mentors' profiles, BatchGet (${batchGets.length}, ${read})`,
          kind: 'info',
          value: m.profileUnits,
          unit: 'RCU',
          data: { profiles: m.profiles },
        },
        {
          key: 'suggestions-other-rcu',
          label: `  of which her record, her blocks, her open requests (${others.length})`,
          kind: 'info',
          value: m.otherUnits,
          unit: 'RCU',
          data: others.map((c) => `${c.command} ${c.partition ?? ''}: ${c.units}`),
        },
        {
          key: 'candidates',
          label: `  candidates read (≤ ${queries.length} × ${RULES.candidatesPerPartition})`,
          kind: 'info',
          value: m.candidates,
          unit: 'mentors',
        },
        {
          key: 'service-suggestions-ms',
          label: `service suggestions(mentee, ${SUGGESTIONS_LIMIT}) latency`,
          kind: 'latency',
          value: t.median,
          unit: 'ms',
          data: { min: t.min, max: t.max, runs: LATENCY_RUNS },
        },
      ] satisfies Figure[];
    },
    findings() {
      const first = measured[0];
      const last = measured.at(-1);
      if (!first || !last) return [];
      const out: string[] = [];
      out.push(
        `suggestions reads at most ${last.partitions} × ${last.perPartition} = ${last.partitions * last.perPartition} candidates whatever the ` +
          `number of mentors, as small mentor cards that carry her accepted count (${first.queryUnits} RCU @${fmtInt(first.size)}, ` +
          `${last.queryUnits} RCU @${fmtInt(last.size)} for ${last.candidates} cards), then the ${last.profiles} profiles it shows in one ` +
          `${last.consistent ? 'consistent' : 'eventually consistent'} BatchGet (${last.profileUnits} RCU): no per-candidate read.`,
      );
      if (measured.every((x) => x.emptyReads === 0)) {
        out.push(
          'Every read of the suggestions call finds items (the mentee has blocked one mentor and has one open request), so DynamoDB Local’s figure is what DynamoDB bills; without them the two Queries still bill 0.5 RCU each on AWS.',
        );
      }
      return out;
    },
  };
}

// -------------------------------------------------------------------------- cohort optimiser

export const COHORT = { mentees: 200, mentors: 100, seed: 1, runs: 5 } as const;

/** `benchmarkCohort` (optimiseCohort alone, the cohort's score table built beforehand), 200 × 100. */
export const cohortSection: Section = {
  id: 'cohort',
  title: 'Cohort optimiser',
  async run(ctx) {
    const { benchmarkCohort } = await import('../../functions/mentorship/optimiser');
    const { mentees, mentors, seed, runs } = COHORT;
    const results = Array.from({ length: runs }, (_, k) => {
      const r = benchmarkCohort(mentees, mentors, seed);
      ctx.log(`cohort ${mentees}×${mentors} run ${k + 1}: ${fmtMs(r.ms)}`);
      return r;
    });
    const first = results[0];
    if (!first) throw new Error('no cohort run');
    if (results.some((r) => r.totalScore !== first.totalScore || r.assigned !== first.assigned))
      throw new Error('benchmarkCohort answered different assignments for the same seed');
    const ms = results.map((r) => r.ms);
    const size = `${mentees} mentees × ${mentors} mentors`;
    const rows: Row[] = [
      {
        name: `optimiseCohort, ${size}: median of ${runs} runs`,
        display: `${fmtMs(median(ms))} (min ${fmtMs(Math.min(...ms))}, max ${fmtMs(Math.max(...ms))})`,
        value: median(ms),
        unit: 'ms',
        data: { runs: ms, seed },
      },
      { name: 'first run (cold: JIT not warmed up)', display: fmtMs(first.ms), value: first.ms, unit: 'ms' },
      {
        name: 'result (every pair allowed, 1–3 slots per mentor)',
        display: `${fmtInt(first.assigned)}/${fmtInt(mentees)} mentees placed · total score ${first.totalScore.toFixed(2)}`,
        value: first.assigned,
        unit: 'mentees',
        data: { totalScore: first.totalScore },
      },
    ];
    return { rows, data: { mentees, mentors, seed, runs: ms } };
  },
};
