/**
 * Whole-cohort mentor matching for the board: every mentee gets at most one mentor, every mentor
 * at most `slots` mentees, only allowed pairs, and the total score is as high as it can be. Among
 * assignments with that maximum total, the one with the most mentees wins.
 *
 * Pure: no I/O, no clock (except `benchmarkCohort`), no randomness. Same input, same output.
 */

export type CohortInput = {
  mentees: string[];
  /** Free capacity per mentor, a non-negative integer (the product allows 0..10). */
  mentors: { id: string; slots: number }[];
  /** Score of a pair, or null when the pair is not allowed (hard filters failed). Scores are finite numbers >= 0. */
  score: (menteeId: string, mentorId: string) => number | null;
};

export type CohortAssignment = {
  /** In mentee input order. */
  pairs: { menteeId: string; mentorId: string; score: number }[];
  /** Mentees without a mentor, in input order. */
  unassigned: string[];
  /** The plain floating-point sum of the pair scores, in pair order. */
  totalScore: number;
};

/**
 * The exact optimum: maximum total score, then the most mentees at that total. Between equally
 * good assignments the choice falls out of a fixed scan in input order (mentees, then mentors, as
 * given), so the same input always gives the same output.
 *
 * How it is exact. Min-cost flow, source → mentee (capacity 1) → mentor (capacity 1) → sink
 * (capacity `slots`), solved by successive shortest paths and stopped once the cheapest augmenting
 * path no longer lowers the cost. Float costs would make "equal total" a matter of luck
 * (0.7 + 0.1 !== 0.8), and an epsilon for the cardinality tie-break is only safe below the smallest
 * score difference, which floats do not bound. So every score is read as the exact decimal that
 * `String(score)` spells (the shortest one that round-trips to the same double: 0.7 is 7/10, not
 * 0.6999999999999999555910790149937), all are scaled by one power of ten to integers `s`, and a
 * pair costs `-(s·(n+1) + 1)` for `n` mentees. An assignment's cost is then `-((n+1)·S + C)` with
 * `S` its scaled total and `0 <= C <= n` its size, so comparing costs compares `S` first and `C`
 * only on a tie — the lexicographic objective as one integer, with no rounding anywhere. The
 * integers are plain numbers while every sum the search can form stays below 2^53 (scores with a
 * few decimals, the usual case) and BigInt beyond.
 *
 * Scores whose float noise is not meant (47.699999999999996 for 47.7) are taken at their word;
 * round them to the precision that matters before calling.
 *
 * Negative edge costs are handled with potentials (Johnson): the initial network is a DAG, so one
 * pass in topological order gives valid potentials, and each Dijkstra run keeps them valid.
 * O(min(n, Σslots) · E log V); 200 × 100 takes about 0.1 s (see `benchmarkCohort`).
 */
export function optimiseCohort(input: CohortInput): CohortAssignment {
  const cohort = readCohort(input);
  const n = cohort.menteeIds.length;
  const scaled = scaleExactly(cohort.scores);
  const weightOf = (s: bigint) => s * BigInt(n + 1) + 1n;
  let budget = 0n;
  for (const s of scaled) if (s !== null) budget += weightOf(s);
  // Every potential, label and intermediate sum in the search stays within 5× the sum of all edge
  // weights (see `solveFlow`), so below this budget plain numbers are exact integers.
  const costs = scaled.map((s) => (s === null ? null : -weightOf(s)));
  const safe = budget * 8n <= BigInt(Number.MAX_SAFE_INTEGER);
  const mentorOf = safe
    ? solveFlow(
        numberArithmetic,
        cohort,
        costs.map((c) => (c === null ? null : Number(c))),
      )
    : solveFlow(bigintArithmetic, cohort, costs);
  return assignmentOf(cohort, mentorOf);
}

/**
 * Highest score first, ties by mentee then mentor input order; a pair is taken when both sides are
 * still free. For comparison with the optimum only: it can leave mentees out that the optimum places.
 */
export function greedyCohort(input: CohortInput): CohortAssignment {
  const cohort = readCohort(input);
  const m = cohort.mentorIds.length;
  const candidates: { mentee: number; mentor: number; score: number }[] = [];
  cohort.scores.forEach((score, k) => {
    if (score !== null) candidates.push({ mentee: Math.floor(k / m), mentor: k % m, score });
  });
  // Array.prototype.sort is stable, and candidates are already in mentee-then-mentor order.
  candidates.sort((a, b) => b.score - a.score);
  const mentorOf = new Int32Array(cohort.menteeIds.length).fill(-1);
  const free = [...cohort.slots];
  for (const c of candidates) {
    if (mentorOf[c.mentee] !== -1 || free[c.mentor]! <= 0) continue;
    mentorOf[c.mentee] = c.mentor;
    free[c.mentor]! -= 1;
  }
  return assignmentOf(cohort, mentorOf);
}

/**
 * Times `optimiseCohort` on a deterministic pseudo-random cohort: every pair allowed, scores
 * 0..100 with two decimals, 1..3 slots per mentor. For the benchmark script, never for tests.
 */
export function benchmarkCohort(mentees = 200, mentors = 100, seed = 1): { ms: number; totalScore: number; assigned: number } {
  let state = seed >>> 0;
  // Numerical Recipes' LCG; the high bits are the random ones, so draw from the top.
  const draw = (bound: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * bound);
  };
  const menteeIds = Array.from({ length: mentees }, (_, i) => `mentee-${i}`);
  const mentorList = Array.from({ length: mentors }, (_, j) => ({ id: `mentor-${j}`, slots: 1 + draw(3) }));
  const table = new Map<string, number>();
  for (const a of menteeIds) for (const b of mentorList) table.set(`${a}|${b.id}`, draw(10_001) / 100);
  const input: CohortInput = { mentees: menteeIds, mentors: mentorList, score: (a, b) => table.get(`${a}|${b}`) ?? null };
  const started = performance.now();
  const result = optimiseCohort(input);
  const ms = performance.now() - started;
  return { ms, totalScore: result.totalScore, assigned: result.pairs.length };
}

type Cohort = {
  menteeIds: string[];
  mentorIds: string[];
  slots: number[];
  /** Row-major by mentee: `scores[i * m + j]`, null where the pair is not allowed. */
  scores: (number | null)[];
};

/** Asks for every pair's score exactly once, in mentee-then-mentor order, and checks the contract. */
function readCohort(input: CohortInput): Cohort {
  const menteeIds = [...input.mentees];
  const mentorIds = input.mentors.map((x) => x.id);
  const slots = input.mentors.map((x) => x.slots);
  if (new Set(menteeIds).size !== menteeIds.length) throw new RangeError('Mentee ids must be unique.');
  if (new Set(mentorIds).size !== mentorIds.length) throw new RangeError('Mentor ids must be unique.');
  for (const [j, s] of slots.entries()) {
    if (!Number.isSafeInteger(s) || s < 0) throw new RangeError(`Mentor ${mentorIds[j]} has slots ${s}; want an integer >= 0.`);
  }
  const scores: (number | null)[] = [];
  for (const a of menteeIds) {
    for (const b of mentorIds) {
      const s = input.score(a, b);
      if (s !== null && !(Number.isFinite(s) && s >= 0))
        throw new RangeError(`Score ${s} for ${a} and ${b}; want a finite number >= 0 or null.`);
      // -0 would print as "0" anyway; normalise so pairs report a plain 0.
      scores.push(s === null ? null : s + 0);
    }
  }
  return { menteeIds, mentorIds, slots, scores };
}

function assignmentOf(cohort: Cohort, mentorOf: Int32Array): CohortAssignment {
  const m = cohort.mentorIds.length;
  const pairs: CohortAssignment['pairs'] = [];
  const unassigned: string[] = [];
  let totalScore = 0;
  cohort.menteeIds.forEach((menteeId, i) => {
    const j = mentorOf[i]!;
    if (j < 0) {
      unassigned.push(menteeId);
      return;
    }
    const score = cohort.scores[i * m + j]!;
    pairs.push({ menteeId, mentorId: cohort.mentorIds[j]!, score });
    totalScore += score;
  });
  return { pairs, unassigned, totalScore };
}

/**
 * Each score as an integer multiple of one common power of ten, exactly: the decimal digits of
 * `String(score)` (which may use exponent notation, 1e-7 or 1.5e+21) become a BigInt.
 */
function scaleExactly(scores: (number | null)[]): (bigint | null)[] {
  const decimals = scores.map((s) => (s === null ? null : decimalOf(s)));
  let places = 0;
  for (const d of decimals) if (d !== null && d.digits !== 0n) places = Math.max(places, -d.exponent);
  return decimals.map((d) => (d === null ? null : d.digits * 10n ** BigInt(places + d.exponent)));
}

/**
 * `value = digits · 10^exponent`, from the shortest decimal that round-trips to `value` — what
 * `String(value)` prints. Scores with a few decimals take the fast path: below 2^46, two decimals
 * with the same number of places that both round-trip would be closer than the value's spacing
 * allows, so the first that round-trips is the one `String` prints; everything else parses it.
 */
function decimalOf(value: number): { digits: bigint; exponent: number } {
  for (let places = 0; places <= FAST_PLACES; places++) {
    const scale = 10 ** places;
    const digits = Math.round(value * scale);
    if (digits >= 2 ** 46) break;
    if (digits / scale === value) return { digits: BigInt(digits), exponent: -places };
  }
  const [mantissa = '0', power = '0'] = String(value).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { digits: BigInt(whole + fraction), exponent: Number(power) - fraction.length };
}

const FAST_PLACES = 6;

/** The few operations the flow needs, so one solver runs on numbers or on BigInts. */
type Arithmetic<T> = {
  zero: T;
  add: (a: T, b: T) => T;
  sub: (a: T, b: T) => T;
  less: (a: T, b: T) => boolean;
};

const numberArithmetic: Arithmetic<number> = { zero: 0, add: (a, b) => a + b, sub: (a, b) => a - b, less: (a, b) => a < b };
const bigintArithmetic: Arithmetic<bigint> = { zero: 0n, add: (a, b) => a + b, sub: (a, b) => a - b, less: (a, b) => a < b };

/**
 * Successive shortest paths with Dijkstra on reduced costs. Returns each mentee's mentor index, or
 * -1. `costs` are row-major like `Cohort.scores`, negative, null where the pair is not allowed.
 *
 * Bounds that make plain numbers safe, with W the sum of all |cost|: a true distance D(v) lies in
 * [-W, W]; potentials start in [-W, 0], only grow, stay <= D(v) where v is reachable and grow by at
 * most 2W in all (the sink's reduced distances telescope) where it is not, so |π| <= 2W; labels and
 * every intermediate sum of a relaxation stay within 5W. `optimiseCohort` asks for 8W <= 2^53 - 1.
 */
function solveFlow<T>(arith: Arithmetic<T>, cohort: Cohort, costs: (T | null)[]): Int32Array {
  const { add, sub, less, zero } = arith;
  const n = cohort.menteeIds.length;
  const m = cohort.mentorIds.length;
  // Nodes: source 0, mentees 1..n, mentors n+1..n+m, sink n+m+1.
  const source = 0;
  const sink = n + m + 1;
  const nodes = n + m + 2;
  const mentee = (i: number) => 1 + i;
  const mentor = (j: number) => 1 + n + j;

  // Edges come in pairs: edge e and its residual twin e ^ 1.
  const to: number[] = [];
  const cap: number[] = [];
  const cost: T[] = [];
  const adjacency: number[][] = Array.from({ length: nodes }, () => []);
  const addEdge = (from: number, into: number, capacity: number, c: T) => {
    adjacency[from]!.push(to.length);
    to.push(into);
    cap.push(capacity);
    cost.push(c);
    adjacency[into]!.push(to.length);
    to.push(from);
    cap.push(0);
    cost.push(sub(zero, c));
  };
  for (let i = 0; i < n; i++) addEdge(source, mentee(i), 1, zero);
  const pairEdge = new Int32Array(n * m).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const c = costs[i * m + j];
      if (c === null || c === undefined) continue;
      pairEdge[i * m + j] = to.length;
      addEdge(mentee(i), mentor(j), 1, c);
    }
  }
  // A mentor with no free slot gets no edge to the sink, so nothing can reach her through it.
  for (let j = 0; j < m; j++) if (cohort.slots[j]! > 0) addEdge(mentor(j), sink, cohort.slots[j]!, zero);

  // The initial network is a DAG (source → mentees → mentors → sink), so shortest distances in
  // topological order are valid potentials despite the negative pair costs.
  const potential: T[] = new Array<T>(nodes).fill(zero);
  const seen = new Uint8Array(nodes);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const c = costs[i * m + j];
      if (c === null || c === undefined) continue;
      const v = mentor(j);
      if (!seen[v] || less(c, potential[v]!)) potential[v] = c;
      seen[v] = 1;
    }
  }
  for (let j = 0; j < m; j++) {
    const v = mentor(j);
    if (seen[v] && cohort.slots[j]! > 0 && (!seen[sink] || less(potential[v]!, potential[sink]!))) {
      potential[sink] = potential[v]!;
      seen[sink] = 1;
    }
  }

  const dist: T[] = new Array<T>(nodes).fill(zero);
  const reached = new Uint8Array(nodes);
  const done = new Uint8Array(nodes);
  const via = new Int32Array(nodes);
  const heap = new Heap<T>(less);
  for (let flow = 0; flow < n; flow++) {
    reached.fill(0);
    done.fill(0);
    dist[source] = zero;
    reached[source] = 1;
    heap.push(zero, source);
    while (heap.size > 0) {
      const u = heap.pop();
      if (done[u]) continue;
      done[u] = 1;
      // Nothing popped later can shorten the path to the sink, and the potentials below only need
      // exact distances up to the sink's: stop here.
      if (u === sink) break;
      // Reduced cost of u→v is cost + π(u) − π(v); fold the part that depends on u alone.
      const base = add(dist[u]!, potential[u]!);
      for (const e of adjacency[u]!) {
        if (cap[e] === 0) continue;
        const v = to[e]!;
        if (done[v]) continue;
        const label = sub(add(base, cost[e]!), potential[v]!);
        if (!reached[v] || less(label, dist[v]!)) {
          dist[v] = label;
          reached[v] = 1;
          via[v] = e;
          heap.push(label, v);
        }
      }
    }
    heap.clear();
    if (!done[sink]) break;
    const toSink = dist[sink]!;
    // The path's true cost is its reduced length plus π(sink) − π(source), and π(source) stays 0.
    // Costs of successive shortest paths never decrease, so the first one that does not lower the
    // cost means no later one will either: that is the lexicographic optimum.
    if (!less(add(toSink, potential[sink]!), zero)) break;
    // π(v) += min(d(v), d(sink)): settled nodes have d(v) <= d(sink), every other node (reached,
    // unreached or unreachable) has d(v) >= d(sink). Reduced costs stay >= 0 on every residual edge,
    // including the reversed path edges, which get exactly 0.
    for (let v = 0; v < nodes; v++) potential[v] = add(potential[v]!, done[v] ? dist[v]! : toSink);
    for (let v = sink; v !== source; v = to[via[v]! ^ 1]!) {
      cap[via[v]!]! -= 1;
      cap[via[v]! ^ 1]! += 1;
    }
  }

  const mentorOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const e = pairEdge[i * m + j]!;
      if (e >= 0 && cap[e] === 0) mentorOf[i] = j;
    }
  }
  return mentorOf;
}

/** A binary min-heap of nodes by label, ties to the lower node index so runs are repeatable. */
class Heap<T> {
  private readonly labels: T[] = [];
  private readonly nodes: number[] = [];

  constructor(private readonly less: (a: T, b: T) => boolean) {}

  clear(): void {
    this.labels.length = 0;
    this.nodes.length = 0;
  }

  get size(): number {
    return this.nodes.length;
  }

  push(label: T, node: number): void {
    this.labels.push(label);
    this.nodes.push(node);
    let k = this.nodes.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.before(k, parent)) break;
      this.swap(k, parent);
      k = parent;
    }
  }

  pop(): number {
    const top = this.nodes[0]!;
    const lastLabel = this.labels.pop()!;
    const lastNode = this.nodes.pop()!;
    if (this.nodes.length > 0) {
      this.labels[0] = lastLabel;
      this.nodes[0] = lastNode;
      let k = 0;
      for (;;) {
        const left = 2 * k + 1;
        if (left >= this.nodes.length) break;
        const right = left + 1;
        const child = right < this.nodes.length && this.before(right, left) ? right : left;
        if (!this.before(child, k)) break;
        this.swap(child, k);
        k = child;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const la = this.labels[a]!;
    const lb = this.labels[b]!;
    return this.less(la, lb) || (!this.less(lb, la) && this.nodes[a]! < this.nodes[b]!);
  }

  private swap(a: number, b: number): void {
    [this.labels[a], this.labels[b]] = [this.labels[b]!, this.labels[a]!];
    [this.nodes[a], this.nodes[b]] = [this.nodes[b]!, this.nodes[a]!];
  }
}
