/**
 * Peer-review pairing, pure and free of I/O (DESIGN.md, "Peer-feedback pairing").
 *
 * Submitters sit in a cycle; the one at position i reviews positions i+1..i+k. The cycle is kept,
 * so it can be repaired when a late submitter arrives, someone drops out, or a review expires.
 * Every repair returns a new state; nothing is mutated.
 *
 * Guarantees (checked by the property tests in core.test.ts):
 * 1. nobody reviews their own submission; no (reviewer, author) pair exists twice;
 * 2. every active submitter has exactly min(k, n − 1) duties, and every submission has at least
 *    k reviews counting the open slots staff or volunteers fill;
 * 3. with n ≤ k, the missing reviews are open slots for instructors or volunteers.
 */

export type Pair = { reviewer: string; author: string };

export type Review = Pair & {
  /** "duty": one of the reviewer's k; "extra": taken from the reserve pool by a volunteer or instructor. */
  kind: "duty" | "extra";
  status: "open" | "expired";
};

export type PairingState = {
  k: number;
  /** Submitters in cycle order. */
  cycle: string[];
  /** Submitters whose own submission could not enter the cycle (a late one with no free place): reviewed from the pool. */
  outside: string[];
  reviews: Review[];
  /** Submissions that need one more reviewer from the reserve pool (one entry per missing review). */
  pool: string[];
};

export const pairKey = (p: Pair) => `${p.reviewer}>${p.author}`;

/** A small seeded PRNG (mulberry32) over a string seed: the same seed gives the same cycle. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The duties a cycle implies: position i reviews i+1..i+min(k, n−1). */
export function cyclePairs(cycle: readonly string[], k: number): Pair[] {
  const n = cycle.length;
  const reach = Math.min(k, n - 1);
  const pairs: Pair[] = [];
  for (let i = 0; i < n; i++) {
    for (let d = 1; d <= reach; d++) pairs.push({ reviewer: cycle[i]!, author: cycle[(i + d) % n]! });
  }
  return pairs;
}

/**
 * The reserve pool is derived, never edited by hand: every active submission with fewer than k open
 * reviews has one entry per missing review (too few peers, an expiry, a late one outside the cycle).
 */
export function withPool(state: PairingState): PairingState {
  const count = reviewerCounts(state);
  const pool = [...state.cycle, ...state.outside].flatMap((author) =>
    Array.from({ length: Math.max(0, state.k - (count.get(author) ?? 0)) }, () => author),
  );
  return { ...state, pool };
}

export type AllocateOptions = {
  seed: string;
  /** Pairs from earlier assignments of the cohort, avoided where any arrangement allows. */
  avoid?: ReadonlySet<string>;
  /** How many shuffles to try when avoiding earlier partners. */
  attempts?: number;
};

/**
 * The first allocation: shuffle into a cycle (deterministic for the seed), trying further shuffles
 * while earlier partners meet again, and keeping the one with the fewest repeats.
 */
export function allocate(submitters: readonly string[], k: number, opts: AllocateOptions): PairingState & { repeats: number } {
  const unique = [...new Set(submitters)].sort();
  const random = seededRandom(opts.seed);
  const attempts = opts.avoid && opts.avoid.size > 0 ? (opts.attempts ?? 200) : 1;
  // Earlier partners by reviewer, built once: a shuffle is then counted without building pairs or strings,
  // and counting stops as soon as it cannot beat the best shuffle so far (same cycles, about 8× faster).
  const earlier = new Map<string, Set<string>>();
  for (const key of opts.avoid ?? []) {
    const [reviewer, author] = key.split(">") as [string, string];
    (earlier.get(reviewer) ?? earlier.set(reviewer, new Set()).get(reviewer)!).add(author);
  }
  const repeatsOf = (cycle: string[], stopAt: number) => {
    const n = cycle.length;
    const reach = Math.min(k, n - 1);
    let repeats = 0;
    for (let i = 0; i < n && repeats < stopAt; i++) {
      const met = earlier.get(cycle[i]!);
      if (met) for (let d = 1; d <= reach; d++) if (met.has(cycle[(i + d) % n]!)) repeats++;
    }
    return repeats;
  };
  let best: { cycle: string[]; repeats: number } | null = null;
  for (let a = 0; a < attempts; a++) {
    const cycle = shuffle(unique, random);
    const repeats: number = earlier.size > 0 ? repeatsOf(cycle, best?.repeats ?? Infinity) : 0;
    if (!best || repeats < best.repeats) best = { cycle, repeats };
    if (repeats === 0) break;
  }
  const cycle = best!.cycle;
  const state = withPool({
    k,
    cycle,
    outside: [],
    reviews: cyclePairs(cycle, k).map((p) => ({ ...p, kind: "duty" as const, status: "open" as const })),
    pool: [],
  });
  return { ...state, repeats: best!.repeats };
}

/**
 * Re-derives the duties of the cycle members from a new cycle: open duties that stay are kept (work
 * in progress is never thrown away) and so are expired ones still implied (their pool slot stands);
 * duties the new cycle no longer implies are handed over; extras and the duties of outside members
 * are untouched.
 */
function withCycle(state: PairingState, cycle: string[]): PairingState {
  const members = new Set(cycle);
  const wanted = new Map(cyclePairs(cycle, state.k).map((p) => [pairKey(p), p]));
  const reviews: Review[] = [];
  for (const r of state.reviews) {
    const key = pairKey(r);
    const cycleDuty = r.kind === "duty" && members.has(r.reviewer) && !state.outside.includes(r.reviewer);
    if (!cycleDuty) {
      // An extra that the new cycle now asks of the same reviewer becomes that duty, keeping its
      // status (an expired one keeps its pool slot, like an expired duty): never the same pair twice.
      if (r.kind === "extra" && wanted.has(key)) {
        reviews.push({ ...r, kind: "duty" });
        wanted.delete(key);
      } else reviews.push(r);
    } else if (wanted.has(key)) {
      reviews.push(r);
      wanted.delete(key);
    }
  }
  for (const p of wanted.values()) reviews.push({ ...p, kind: "duty", status: "open" });
  return { ...state, cycle, reviews };
}

/**
 * A late submitter joins. Inserted after position p, the k predecessors of the gap each hand their
 * farthest review to x and review x instead; that is allowed only where none of those handed-over
 * reviews has started. With no such place x still gets k reviews to do (of the submissions with
 * the fewest reviewers) and x's own submission goes to the reserve pool.
 */
export function insertLate(state: PairingState, x: string, started: ReadonlySet<string>, seed: string): PairingState {
  if (state.cycle.includes(x) || state.outside.includes(x)) return state;
  const { cycle, k } = state;
  const n = cycle.length;
  if (n <= k) {
    // Too few for a proper cycle: everyone reviews everyone; the cycle simply grows.
    return withPool(withCycle(state, [...cycle, x]));
  }
  const offset = Math.floor(seededRandom(seed)() * n);
  for (let s = 0; s < n; s++) {
    const p = (offset + s) % n;
    const handedOver = Array.from({ length: k }, (_, i) => {
      const d = i + 1;
      return { reviewer: cycle[(p - d + 1 + n) % n]!, author: cycle[(p - d + 1 + k + n) % n]! };
    });
    if (handedOver.some((h) => started.has(pairKey(h)))) continue;
    return withPool(withCycle(state, [...cycle.slice(0, p + 1), x, ...cycle.slice(p + 1)]));
  }
  // No free place: x reviews the k submissions with the fewest reviewers; x's submission waits in the pool.
  const count = reviewerCounts(state);
  const targets = [...cycle, ...state.outside]
    .filter((a) => a !== x)
    .sort((a, b) => (count.get(a) ?? 0) - (count.get(b) ?? 0) || (a < b ? -1 : 1))
    .slice(0, k);
  return withPool({
    ...state,
    outside: [...state.outside, x],
    reviews: [...state.reviews, ...targets.map((author) => ({ reviewer: x, author, kind: "duty" as const, status: "open" as const }))],
  });
}

function reviewerCounts(state: PairingState): Map<string, number> {
  const count = new Map<string, number>();
  for (const r of state.reviews) if (r.status === "open") count.set(r.author, (count.get(r.author) ?? 0) + 1);
  return count;
}

/**
 * A dropout or an excused student leaves: the gap closes (the k predecessors take over x's
 * targets), x's reviews and x's submission leave with x, and whatever x owed someone outside the
 * cycle goes to the pool.
 */
export function remove(state: PairingState, x: string): PairingState {
  const inCycle = state.cycle.includes(x);
  if (!inCycle && !state.outside.includes(x)) {
    // Not a submitter (an instructor or a non-submitting volunteer): only the reviews they took leave, back to the pool.
    if (!state.reviews.some((r) => r.reviewer === x)) return state;
    return withPool({ ...state, reviews: state.reviews.filter((r) => r.reviewer !== x) });
  }
  const base: PairingState = {
    ...state,
    outside: state.outside.filter((o) => o !== x),
    reviews: state.reviews.filter((r) => r.reviewer !== x && r.author !== x),
  };
  let next = inCycle ? withCycle(base, state.cycle.filter((c) => c !== x)) : base;
  // Outside members who were to review x get another submission to review instead.
  for (const o of next.outside) {
    const lost = state.reviews.filter((r) => r.reviewer === o && r.author === x && r.kind === "duty").length;
    for (let i = 0; i < lost; i++) {
      const count = reviewerCounts(next);
      const target = [...next.cycle, ...next.outside]
        .filter((a) => a !== o && !next.reviews.some((r) => r.reviewer === o && r.author === a))
        .sort((a, b) => (count.get(a) ?? 0) - (count.get(b) ?? 0) || (a < b ? -1 : 1))[0];
      if (target) next = { ...next, reviews: [...next.reviews, { reviewer: o, author: target, kind: "duty", status: "open" }] };
    }
  }
  return withPool(next);
}

/** A review not done by the deadline plus grace: it stays on record as expired; its submission gets a pool slot. */
export function expire(state: PairingState, pair: Pair): PairingState {
  const key = pairKey(pair);
  const found = state.reviews.find((r) => pairKey(r) === key && r.status === "open");
  if (!found) return state;
  return withPool({ ...state, reviews: state.reviews.map((r) => (r === found ? { ...r, status: "expired" as const } : r)) });
}

/**
 * Someone takes a review from the pool: a student who finished their own, or an instructor. Refused
 * (state unchanged) when they would review themselves or a submission they already review.
 */
export function takeFromPool(state: PairingState, helper: string, author: string): PairingState {
  const index = state.pool.indexOf(author);
  if (index < 0 || helper === author) return state;
  if (state.reviews.some((r) => r.reviewer === helper && r.author === author)) return state;
  return withPool({ ...state, reviews: [...state.reviews, { reviewer: helper, author, kind: "extra", status: "open" }] });
}

/**
 * An instructor hands an open review to someone else: the no-show's review stays on record as
 * expired and `to` reviews the same submission as an extra. Refused (state unchanged) when the
 * review isn't open, `to` is the author, or `to` already has a review of that submission.
 */
export function reassign(state: PairingState, pair: Pair, to: string): PairingState {
  if (to === pair.author || to === pair.reviewer) return state;
  const key = pairKey(pair);
  const found = state.reviews.find((r) => pairKey(r) === key && r.status === "open");
  if (!found) return state;
  if (state.reviews.some((r) => r.reviewer === to && r.author === pair.author)) return state;
  return withPool({
    ...state,
    reviews: [
      ...state.reviews.map((r) => (r === found ? { ...r, status: "expired" as const } : r)),
      { reviewer: to, author: pair.author, kind: "extra" as const, status: "open" as const },
    ],
  });
}
