import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CohortAssignment,
  type CohortInput,
  benchmarkCohort,
  greedyCohort,
  optimiseCohort,
} from '../../functions/mentorship/optimiser';

/** Float summation noise only: every score set below is exact to far more than this. */
const TOLERANCE = 1e-9;

/** A cohort from a table: `{ A: { X: 10, Y: 9 } }` allows A–X and A–Y; a missing pair is not allowed. */
function cohort(scores: Record<string, Record<string, number | null>>, slots: Record<string, number>): CohortInput {
  return {
    mentees: Object.keys(scores),
    mentors: Object.entries(slots).map(([id, free]) => ({ id, slots: free })),
    score: (menteeId, mentorId) => scores[menteeId]?.[mentorId] ?? null,
  };
}

/** `mentee-12` → 12. */
const indexOf = (id: string) => Number(id.slice(id.indexOf('-') + 1));

/** Every assignment of each mentee to a mentor or to nobody, within capacity: the best total, and the most mentees at it. */
function bruteForce(input: CohortInput): { total: number; assigned: number } {
  const outcomes: { total: number; assigned: number }[] = [];
  const free = input.mentors.map((m) => m.slots);
  const visit = (i: number, total: number, assigned: number) => {
    const menteeId = input.mentees[i];
    if (menteeId === undefined) {
      outcomes.push({ total, assigned });
      return;
    }
    visit(i + 1, total, assigned);
    input.mentors.forEach((mentor, j) => {
      const score = input.score(menteeId, mentor.id);
      if (score === null || free[j]! <= 0) return;
      free[j]! -= 1;
      visit(i + 1, total + score, assigned + 1);
      free[j]! += 1;
    });
  };
  visit(0, 0, 0);
  const total = Math.max(...outcomes.map((o) => o.total));
  const assigned = Math.max(...outcomes.filter((o) => o.total >= total - TOLERANCE).map((o) => o.assigned));
  return { total, assigned };
}

/** The contract every result keeps, optimal or not. */
function expectFeasible(input: CohortInput, result: CohortAssignment) {
  const menteesSeen = new Set<string>();
  const load = new Map<string, number>();
  for (const pair of result.pairs) {
    expect(menteesSeen.has(pair.menteeId), `${pair.menteeId} is matched twice`).toBe(false);
    menteesSeen.add(pair.menteeId);
    expect(pair.score).toBe(input.score(pair.menteeId, pair.mentorId));
    load.set(pair.mentorId, (load.get(pair.mentorId) ?? 0) + 1);
  }
  for (const mentor of input.mentors) expect(load.get(mentor.id) ?? 0).toBeLessThanOrEqual(mentor.slots);
  expect(result.pairs.map((p) => p.menteeId)).toEqual(input.mentees.filter((id) => menteesSeen.has(id)));
  expect(result.unassigned).toEqual(input.mentees.filter((id) => !menteesSeen.has(id)));
  expect(result.totalScore).toBe(result.pairs.reduce((sum, p) => sum + p.score, 0));
}

/** Random cohorts of the given size, with some pairs disallowed. */
function cohorts(sizes: { mentees: number; mentors: number }, scores: fc.Arbitrary<number>): fc.Arbitrary<CohortInput> {
  return fc
    .record({ menteeCount: fc.integer({ min: 1, max: sizes.mentees }), mentorCount: fc.integer({ min: 1, max: sizes.mentors }) })
    .chain(({ menteeCount, mentorCount }) =>
      fc.record({
        slots: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: mentorCount, maxLength: mentorCount }),
        table: fc.array(fc.array(fc.option(scores, { nil: null, freq: 4 }), { minLength: mentorCount, maxLength: mentorCount }), {
          minLength: menteeCount,
          maxLength: menteeCount,
        }),
      }),
    )
    .map(({ slots, table }) =>
      cohort(
        Object.fromEntries(table.map((row, i) => [`mentee-${i}`, Object.fromEntries(row.map((s, j) => [`mentor-${j}`, s]))])),
        Object.fromEntries(slots.map((s, j) => [`mentor-${j}`, s])),
      ),
    );
}

/** Decimals whose sums tie in decimal but not in binary (0.7 + 0.1 vs 0.8), and zeros. */
const FEW_DECIMALS = fc.constantFrom(0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 1, 2.5, 3);
/** Integers so large that the flow's sums leave the safe-integer range and run on BigInt; their float sums stay exact. */
const HUGE = fc.constantFrom(0, 1e14, 2.5e14, 3e14, 5e14);

describe('whole-cohort mentor matching', () => {
  it.each([
    ['scores with a few decimals', FEW_DECIMALS],
    ['scores too large for plain-number arithmetic', HUGE],
  ])('finds the maximum total and then the most mentees at that total, as brute force does (%s)', (_, scores) => {
    fc.assert(
      fc.property(cohorts({ mentees: 6, mentors: 4 }, scores), (input) => {
        const best = bruteForce(input);
        const result = optimiseCohort(input);
        expectFeasible(input, result);
        expect(Math.abs(result.totalScore - best.total)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, best.total));
        expect(result.pairs.length).toBe(best.assigned);
      }),
      { numRuns: 400 },
    );
  });

  it('never scores below the greedy pass, and both keep capacity, allowed pairs and one mentor per mentee', () => {
    const scores = fc.oneof(
      FEW_DECIMALS,
      fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100),
      fc.double({ min: 0, max: 100, noNaN: true }),
    );
    fc.assert(
      fc.property(cohorts({ mentees: 15, mentors: 6 }, scores), (input) => {
        const optimum = optimiseCohort(input);
        const greedy = greedyCohort(input);
        expectFeasible(input, optimum);
        expectFeasible(input, greedy);
        expect(optimum.totalScore).toBeGreaterThanOrEqual(greedy.totalScore - TOLERANCE);
      }),
      { numRuns: 300 },
    );
  });

  it('beats greedy when taking the best pair first strands another mentee', () => {
    const input = cohort({ A: { X: 10, Y: 9 }, B: { X: 9 } }, { X: 1, Y: 1 });
    expect(greedyCohort(input)).toEqual({ pairs: [{ menteeId: 'A', mentorId: 'X', score: 10 }], unassigned: ['B'], totalScore: 10 });
    expect(optimiseCohort(input)).toEqual({
      pairs: [
        { menteeId: 'A', mentorId: 'Y', score: 9 },
        { menteeId: 'B', mentorId: 'X', score: 9 },
      ],
      unassigned: [],
      totalScore: 18,
    });
  });

  it('moves a mentee to another mentor to place one more mentee at the same total', () => {
    const input = cohort({ A: { X: 5, Y: 5 }, B: { X: 0 } }, { X: 1, Y: 1 });
    const result = optimiseCohort(input);
    expect(result.pairs).toEqual([
      { menteeId: 'A', mentorId: 'Y', score: 5 },
      { menteeId: 'B', mentorId: 'X', score: 0 },
    ]);
    expect(result.totalScore).toBe(5);
  });

  it('treats 0.7 + 0.1 as the same total as 0.8, so the tie goes to placing more mentees', () => {
    const input = cohort({ A: { X: 0.8, Y: 0.1 }, B: { X: 0.7 } }, { X: 1, Y: 1 });
    expect(optimiseCohort(input).pairs.map((p) => `${p.menteeId}-${p.mentorId}`)).toEqual(['A-Y', 'B-X']);
  });

  it('gives nobody to a mentor without free slots and leaves mentees without an allowed pair unassigned', () => {
    const input = cohort({ A: { X: 7, Y: 1 }, B: { X: 8 }, C: {} }, { X: 0, Y: 2 });
    expect(optimiseCohort(input)).toEqual({ pairs: [{ menteeId: 'A', mentorId: 'Y', score: 1 }], unassigned: ['B', 'C'], totalScore: 1 });
  });

  it('returns an empty assignment for an empty cohort', () => {
    expect(optimiseCohort({ mentees: [], mentors: [], score: () => 1 })).toEqual({ pairs: [], unassigned: [], totalScore: 0 });
    expect(optimiseCohort(cohort({ A: {} }, {}))).toEqual({ pairs: [], unassigned: ['A'], totalScore: 0 });
  });

  it('gives the same output for the same input, ties included', () => {
    // Scores 0..2 over 30 × 10 pairs: many assignments share the optimum.
    const tied = (): CohortInput => ({
      mentees: Array.from({ length: 30 }, (_, i) => `mentee-${i}`),
      mentors: Array.from({ length: 10 }, (_, j) => ({ id: `mentor-${j}`, slots: 1 + (j % 3) })),
      score: (a, b) => {
        const [i, j] = [indexOf(a), indexOf(b)];
        return (i * j + i + j) % 4 === 0 ? null : (i + j) % 3;
      },
    });
    const first = optimiseCohort(tied());
    expect(optimiseCohort(tied())).toEqual(first);
    expect(greedyCohort(tied())).toEqual(greedyCohort(tied()));
  });

  it('places every mentee it can in a cohort of 200 mentees and 100 mentors, within capacity', () => {
    let state = 42;
    const draw = (bound: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return Math.floor((state / 2 ** 32) * bound);
    };
    const mentors = Array.from({ length: 100 }, (_, j) => ({ id: `mentor-${j}`, slots: 1 + draw(3) }));
    const table = Array.from({ length: 200 }, () => mentors.map(() => draw(10_001) / 100));
    const input: CohortInput = {
      mentees: table.map((_, i) => `mentee-${i}`),
      mentors,
      score: (a, b) => table[indexOf(a)]![indexOf(b)]!,
    };
    const result = optimiseCohort(input);
    expectFeasible(input, result);
    // Every pair is allowed and no score is negative, so a free slot and an unplaced mentee would
    // always make a pair that costs nothing: the optimum fills min(mentees, slots).
    const capacity = mentors.reduce((sum, m) => sum + m.slots, 0);
    expect(result.pairs.length).toBe(Math.min(200, capacity));
    expect(result.totalScore).toBeGreaterThanOrEqual(greedyCohort(input).totalScore - TOLERANCE);
  });

  it('benchmarks the same generated cohort for the same seed', () => {
    const first = benchmarkCohort(30, 10, 7);
    const again = benchmarkCohort(30, 10, 7);
    expect({ totalScore: again.totalScore, assigned: again.assigned }).toEqual({ totalScore: first.totalScore, assigned: first.assigned });
    expect(first.assigned).toBeGreaterThan(0);
  });

  it('rejects scores and capacities outside the contract', () => {
    expect(() => optimiseCohort(cohort({ A: { X: -1 } }, { X: 1 }))).toThrow(RangeError);
    expect(() => optimiseCohort(cohort({ A: { X: Number.NaN } }, { X: 1 }))).toThrow(RangeError);
    expect(() => optimiseCohort(cohort({ A: { X: Number.POSITIVE_INFINITY } }, { X: 1 }))).toThrow(RangeError);
    expect(() => optimiseCohort(cohort({ A: { X: 1 } }, { X: 1.5 }))).toThrow(RangeError);
    expect(() => optimiseCohort({ mentees: ['A', 'A'], mentors: [{ id: 'X', slots: 2 }], score: () => 1 })).toThrow(RangeError);
  });
});
