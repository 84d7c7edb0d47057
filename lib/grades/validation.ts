import { z } from "zod";
import { REVIEW_COMMENT_MAX } from "@/lib/pairing/types";
import { userText } from "@/lib/validation/text";
import { ASSESSMENT_COMMENT_MAX, OVERRIDE_REASON_MAX } from "./limits";


/** "85", "85.5" or, as German keyboards type it, "85,5"; a number passes as it is. */
const points = z
  .union([z.number(), z.string().trim()])
  .transform((v, ctx) => {
    const n = typeof v === "number" ? v : /^\d{1,3}([.,]\d+)?$/.test(v) ? Number(v.replace(",", ".")) : Number.NaN;
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: v === "" ? "gradePointsRequired" : "gradePointsInvalid" });
      return z.NEVER;
    }
    return n;
  })
  .pipe(z.number().min(0, "gradePointsRange").max(100, "gradePointsRange"));

const uuid = z.uuid();

export const overrideGradeSchema = z.object({
  cohortId: uuid,
  assignmentId: uuid,
  userId: uuid,
  points,
  reason: userText().trim().min(1, "gradeReasonRequired").max(OVERRIDE_REASON_MAX, "gradeReasonTooLong"),
});

export const removeOverrideSchema = z.object({ cohortId: uuid, assignmentId: uuid, userId: uuid });

const answer = z.object({
  score: z.number().int().min(1).max(5).nullable(),
  comment: userText().max(REVIEW_COMMENT_MAX, "reviewCommentTooLong"),
});

/** The instructor's own assessment, sent as JSON by the assessment form (RubricFields is controlled). */
export const assessSubmissionSchema = z.object({
  cohortId: uuid,
  submissionId: uuid,
  scores: z.record(z.string().max(40), answer).refine((s) => Object.keys(s).length <= 8),
  comment: userText().max(ASSESSMENT_COMMENT_MAX, "assessmentCommentTooLong"),
});

export const clearAssessmentSchema = z.object({ cohortId: uuid, submissionId: uuid });

export const releaseGradesSchema = z.object({ cohortId: uuid, assignmentId: uuid });
