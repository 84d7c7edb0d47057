import type { RubricCriterion } from "@/lib/assignments/types";
import type { ReviewScores } from "@/lib/pairing/types";

/** Below this agreement a student is "far off" and is offered another example. */
export const FAR_OFF = 0.75;

/** A point on the criterion's scale (1…scale), or null. */
function pointOn(c: RubricCriterion, score: number | null | undefined): number | null {
  return typeof score === "number" && Number.isInteger(score) && score >= 1 && score <= c.scale ? score : null;
}

/**
 * An example students can take: the instructor scored every criterion of the rubric as it is now
 * (a criterion added or a scale shortened later takes the example out until it is scored again).
 */
export function exampleReady(rubric: RubricCriterion[], scores: ReviewScores): boolean {
  return rubric.length > 0 && rubric.every((c) => pointOn(c, scores[c.id]?.score) !== null);
}

/**
 * How close a student's scores came to the instructor's, 0…1: one minus the mean over the criteria
 * both scored of |student − instructor| / (scale − 1). 1 means the same points everywhere, 0 the
 * opposite end of every scale. Null when no criterion was scored by both.
 */
export function scoreAccuracy(rubric: RubricCriterion[], student: ReviewScores, instructor: ReviewScores): number | null {
  let sum = 0;
  let n = 0;
  for (const c of rubric) {
    const s = pointOn(c, student[c.id]?.score);
    const i = pointOn(c, instructor[c.id]?.score);
    if (s === null || i === null) continue;
    sum += c.scale > 1 ? Math.abs(s - i) / (c.scale - 1) : 0;
    n++;
  }
  if (n === 0) return null;
  // Clamped against float rounding, so the database's 0…1 check always holds.
  return Math.min(1, Math.max(0, 1 - sum / n));
}

export type CriterionComparison = {
  id: string;
  title: string;
  scale: number;
  student: number | null;
  studentComment: string;
  instructor: number | null;
  /** The instructor's comment: why this score. */
  why: string;
  /** student − instructor; null when either is missing. */
  difference: number | null;
};

/** Per criterion of the rubric: the student's score beside the instructor's, the difference and why. */
export function compareScores(rubric: RubricCriterion[], student: ReviewScores, instructor: ReviewScores): CriterionComparison[] {
  return rubric.map((c) => {
    const s = pointOn(c, student[c.id]?.score);
    const i = pointOn(c, instructor[c.id]?.score);
    return {
      id: c.id,
      title: c.title,
      scale: c.scale,
      student: s,
      studentComment: student[c.id]?.comment ?? "",
      instructor: i,
      why: instructor[c.id]?.comment ?? "",
      difference: s !== null && i !== null ? s - i : null,
    };
  });
}

/** Criteria of the rubric left without a point on their scale (the keys a form's field errors use). */
export function unscored(rubric: RubricCriterion[], scores: ReviewScores): RubricCriterion[] {
  return rubric.filter((c) => pointOn(c, scores[c.id]?.score) === null);
}

/** Keeps only answers to criteria of the rubric, with scores on their scale. */
export function cleanScores(rubric: RubricCriterion[], scores: ReviewScores): ReviewScores {
  const out: ReviewScores = {};
  for (const c of rubric) {
    const a = scores[c.id];
    if (!a) continue;
    out[c.id] = { score: pointOn(c, a.score), comment: a.comment.trim() };
  }
  return out;
}
