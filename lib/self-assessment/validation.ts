import { z } from "zod";
import { REVIEW_COMMENT_MAX } from "@/lib/pairing/types";
import { userText } from "@/lib/validation/text";

/** The longest closing comment of a self-assessment (the table's check says the same). */
export const SELF_COMMENT_MAX = 5000;

const answer = z.object({
  score: z.number().int().min(1).max(5).nullable(),
  // Bounded here; the per-criterion limit is checked below, so its message lands at the criterion's field.
  comment: userText().max(20_000),
});

/**
 * A self-assessment as the form sends it (JSON): the scores per criterion, each with an optional
 * comment, and an optional closing comment. Whether every criterion is scored on its scale is the
 * store's to check, against the assignment's rubric.
 */
export const selfAssessmentSchema = z
  .object({
    cohortId: z.uuid(),
    submissionId: z.uuid(),
    scores: z.record(z.string().min(1).max(40), answer).refine((s) => Object.keys(s).length <= 8),
    comment: userText().max(SELF_COMMENT_MAX, "selfAssessmentCommentTooLong"),
  })
  .superRefine((input, ctx) => {
    for (const [id, a] of Object.entries(input.scores)) {
      if (a.comment.length > REVIEW_COMMENT_MAX) ctx.addIssue({ code: "custom", path: [`comment-${id}`], message: "reviewCommentTooLong" });
    }
  });

export type SelfAssessmentInput = z.output<typeof selfAssessmentSchema>;
