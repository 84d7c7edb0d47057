import type { RubricCriterion } from "@/lib/assignments/types";
import type { ReviewScores } from "@/lib/pairing/types";

type Minimums = { rubric: RubricCriterion[]; minCommentChars: number; minSummaryChars: number };

/**
 * What a review still lacks before it may be submitted: per criterion comment and for the summary
 * ("what stands out"), the assignment's minimum length in characters (whitespace trimmed). Field
 * error keys as the form names its fields; null when everything is long enough. Shared by the
 * server's check and the form's counters, so both count alike.
 */
export function reviewQualityErrors(a: Minimums, content: { scores: ReviewScores; standout: string }): Record<string, string> | null {
  const errors: Record<string, string> = {};
  for (const c of a.rubric) {
    if ((content.scores[c.id]?.comment.trim().length ?? 0) < a.minCommentChars) errors[`comment-${c.id}`] = "reviewCommentTooShort";
  }
  if (content.standout.trim().length < a.minSummaryChars) errors.standout = "reviewSummaryTooShort";
  return Object.keys(errors).length > 0 ? errors : null;
}
