import type { GradeAggregate, GradeWeights, RubricCriterion } from "@/lib/assignments/types";
import type { ReviewScores } from "@/lib/pairing/types";

/**
 * The grade of one student in one assignment: a pure function of what they did and received, so
 * that it can be property-tested, recomputed on every page and explained part by part.
 *
 * Four parts, each a ratio 0…1, weighted by the assignment's relative weights normalised over the
 * parts that apply (a part that does not apply gives its weight to the others):
 * - submission: the rubric scores their submission received. Each score is normalised on its
 *   criterion's scale, (score − 1) / (scale − 1); per criterion the reviews are combined (mean or
 *   median, per assignment); the criteria then count equally (mean over criteria). The instructor's
 *   own assessment, when there is one, replaces the received scores. No submission: 0. Submitted but
 *   nothing scored yet (and no assessment): the grade is pending.
 * - reviewing: the reviews they gave (submitted, so complete: submit requires every criterion) over
 *   the duty reviews they were handed; a late one counts LATE_REVIEW_FACTOR, the ratio is capped at 1
 *   (extra reviews from the pool can make up a missed one). Applies only when they owed reviews.
 * - calibration: the best attempt's accuracy. Off: does not apply. Optional and not attempted: does
 *   not apply. Required and not attempted: 0.
 * - helpfulness: the mean rating (1…5) their reviews got, as (mean − 1) / 4. No ratings: does not apply.
 * The total is rounded to one decimal; the parts' points are apportioned (largest remainder) so that
 * they add up to exactly that total.
 */

export const LATE_REVIEW_FACTOR = 0.5;
export const GRADE_PARTS = ["submission", "reviewing", "calibration", "helpfulness"] as const;
export type GradePartKey = (typeof GRADE_PARTS)[number];

export type GradeInput = {
  rubric: RubricCriterion[];
  aggregate: GradeAggregate;
  weights: GradeWeights;
  submitted: boolean;
  /** The scores of the counted reviews of their submission (submitted, not sent back). */
  received: ReviewScores[];
  /** The instructor's own assessment of the submission: replaces `received` when present. */
  instructor: ReviewScores | null;
  /** Duty reviews handed to them; their submitted reviews by the review's due time and after it. */
  reviewing: { owed: number; onTime: number; late: number };
  /** null when the assignment has no calibration; accuracy null when they made no attempt. */
  calibration: { mode: "optional" | "required"; accuracy: number | null } | null;
  /** The helpfulness ratings (1…5) the reviews they gave received. */
  helpfulness: number[];
  override?: GradeOverride | null;
};

export type GradeOverride = { points: number; reason: string };

/** One criterion of the submission part: the raw scores that went in, combined on the scale and as a ratio. */
export type CriterionResult = { id: string; title: string; scale: number; scores: number[]; value: number | null; ratio: number | null };

type PartCommon = {
  /** The weight as set on the assignment, and its share (0…1) among the parts that apply. */
  weight: number;
  share: number;
  /** How well this part went, 0…1 (exact). */
  ratio: number;
  /** Points earned and available, one decimal; the earned points of all parts add up to the total. */
  points: number;
  max: number;
};

export type SubmissionPart = PartCommon & {
  key: "submission";
  source: "instructor" | "peers" | "missing";
  /** Reviews whose scores went in (0 for the instructor's assessment or no submission). */
  reviews: number;
  aggregate: GradeAggregate;
  criteria: CriterionResult[];
};
export type ReviewingPart = PartCommon & { key: "reviewing"; owed: number; onTime: number; late: number; lateFactor: number };
export type CalibrationPart = PartCommon & { key: "calibration"; mode: "optional" | "required"; accuracy: number | null };
export type HelpfulnessPart = PartCommon & { key: "helpfulness"; ratings: number; mean: number };
export type GradePart = SubmissionPart | ReviewingPart | CalibrationPart | HelpfulnessPart;

export type ExclusionReason = "calibration_off" | "calibration_skipped" | "no_reviews_owed" | "no_ratings" | "zero_weight";
export type ExcludedPart = { key: GradePartKey; reason: ExclusionReason };

export type GradeResult = {
  /** What counts: the override when there is one, else the computed grade (null while pending). */
  points: number | null;
  /** The formula's grade, 0…100 with one decimal; null while pending. */
  computed: number | null;
  /** Why there is no computed grade yet: submitted but not scored by anyone; or no part carries weight. */
  pending: "awaiting_reviews" | "no_weight" | null;
  /** The parts that apply, in GRADE_PARTS order. */
  parts: GradePart[];
  excluded: ExcludedPart[];
  override: GradeOverride | null;
};

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const nonNegative = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
/** One decimal; the epsilon keeps x.x5 from flipping with the last bit of a float. */
export const round1 = (v: number) => Math.round(v * 10 + 1e-9) / 10;

function combine(values: number[], aggregate: GradeAggregate): number {
  if (aggregate === "mean") return values.reduce((s, v) => s + v, 0) / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The score of one answer on its criterion's scale, or null when unscored or not a number. */
function scoreOf(scores: ReviewScores, c: RubricCriterion): number | null {
  const s = scores[c.id]?.score;
  if (typeof s !== "number" || !Number.isFinite(s)) return null;
  return Math.min(c.scale, Math.max(1, s));
}

/** Per criterion: the scores given, combined; criteria without a usable scale or any score have no ratio. */
export function criteriaOf(rubric: RubricCriterion[], sets: ReviewScores[], aggregate: GradeAggregate): CriterionResult[] {
  return rubric.map((c) => {
    const scores = sets.map((s) => scoreOf(s, c)).filter((s): s is number => s !== null);
    if (c.scale < 2 || scores.length === 0) return { id: c.id, title: c.title, scale: c.scale, scores, value: null, ratio: null };
    const ratio = combine(
      scores.map((s) => (s - 1) / (c.scale - 1)),
      aggregate,
    );
    return { id: c.id, title: c.title, scale: c.scale, scores, value: 1 + ratio * (c.scale - 1), ratio };
  });
}

const meanRatio = (criteria: CriterionResult[]) => {
  const rated = criteria.filter((c) => c.ratio !== null);
  return rated.length === 0 ? null : rated.reduce((s, c) => s + c.ratio!, 0) / rated.length;
};

type Draft = { key: GradePartKey; ratio: number; detail: Record<string, unknown> } | { key: GradePartKey; excluded: ExclusionReason } | { key: "submission"; pending: true };

function submissionDraft(input: GradeInput): Draft {
  const base = { aggregate: input.aggregate };
  if (!input.submitted) return { key: "submission", ratio: 0, detail: { ...base, source: "missing", reviews: 0, criteria: criteriaOf(input.rubric, [], input.aggregate) } };
  if (input.instructor) {
    const criteria = criteriaOf(input.rubric, [input.instructor], "mean");
    const ratio = meanRatio(criteria);
    if (ratio !== null) return { key: "submission", ratio, detail: { ...base, source: "instructor", reviews: 0, criteria } };
  }
  const criteria = criteriaOf(input.rubric, input.received, input.aggregate);
  const ratio = meanRatio(criteria);
  if (ratio === null) return { key: "submission", pending: true };
  return { key: "submission", ratio, detail: { ...base, source: "peers", reviews: input.received.length, criteria } };
}

function reviewingDraft({ reviewing: r }: GradeInput): Draft {
  const owed = nonNegative(r.owed);
  if (owed === 0) return { key: "reviewing", excluded: "no_reviews_owed" };
  const onTime = nonNegative(r.onTime);
  const late = nonNegative(r.late);
  return { key: "reviewing", ratio: clamp01((onTime + LATE_REVIEW_FACTOR * late) / owed), detail: { owed, onTime, late, lateFactor: LATE_REVIEW_FACTOR } };
}

function calibrationDraft({ calibration: c }: GradeInput): Draft {
  if (!c) return { key: "calibration", excluded: "calibration_off" };
  if (c.accuracy === null) return c.mode === "optional" ? { key: "calibration", excluded: "calibration_skipped" } : { key: "calibration", ratio: 0, detail: { mode: c.mode, accuracy: null } };
  const accuracy = clamp01(c.accuracy);
  return { key: "calibration", ratio: accuracy, detail: { mode: c.mode, accuracy } };
}

function helpfulnessDraft({ helpfulness }: GradeInput): Draft {
  const ratings = helpfulness.filter((h) => Number.isFinite(h)).map((h) => Math.min(5, Math.max(1, h)));
  if (ratings.length === 0) return { key: "helpfulness", excluded: "no_ratings" };
  const mean = ratings.reduce((s, h) => s + h, 0) / ratings.length;
  return { key: "helpfulness", ratio: clamp01((mean - 1) / 4), detail: { ratings: ratings.length, mean } };
}

/**
 * Tenths for each exact value so that they add up to `totalTenths` (largest remainder): every value
 * is rounded down, and the tenths left over go to those with the largest remainders.
 */
function apportion(exact: number[], totalTenths: number): number[] {
  const scaled = exact.map((v) => v * 10);
  const floors = scaled.map((v) => Math.floor(v + 1e-9));
  let left = totalTenths - floors.reduce((s, v) => s + v, 0);
  const order = scaled.map((v, i) => ({ i, rest: v - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  // Only float noise can leave too many tenths: take them from the smallest remainders.
  for (const { i } of [...order].reverse()) {
    if (left >= 0) break;
    if (floors[i]! > 0) {
      floors[i]!--;
      left++;
    }
  }
  return floors.map((t) => t / 10);
}

export function computeGrade(input: GradeInput): GradeResult {
  const override = input.override ?? null;
  const drafts = [submissionDraft(input), reviewingDraft(input), calibrationDraft(input), helpfulnessDraft(input)];
  const excluded: ExcludedPart[] = [];
  const applying: Array<{ key: GradePartKey; ratio: number; detail: Record<string, unknown>; weight: number }> = [];
  for (const d of drafts) {
    if ("pending" in d) return { points: override?.points ?? null, computed: null, pending: "awaiting_reviews", parts: [], excluded, override };
    if ("excluded" in d) {
      excluded.push({ key: d.key, reason: d.excluded });
      continue;
    }
    const weight = nonNegative(input.weights[d.key]);
    if (weight === 0) excluded.push({ key: d.key, reason: "zero_weight" });
    else applying.push({ ...d, weight });
  }
  const sum = applying.reduce((s, p) => s + p.weight, 0);
  if (sum === 0) return { points: override?.points ?? null, computed: null, pending: "no_weight", parts: [], excluded, override };

  const shares = applying.map((p) => p.weight / sum);
  const exact = applying.map((p, i) => 100 * shares[i]! * p.ratio);
  const computed = Math.min(100, Math.max(0, round1(exact.reduce((s, v) => s + v, 0))));
  const points = apportion(exact, Math.round(computed * 10));
  const maxes = apportion(
    shares.map((s) => 100 * s),
    1000,
  );
  const parts = applying.map((p, i) => ({ key: p.key, weight: p.weight, share: shares[i]!, ratio: p.ratio, points: points[i]!, max: maxes[i]!, ...p.detail }) as GradePart);
  return { points: override?.points ?? computed, computed, pending: null, parts, excluded, override };
}
