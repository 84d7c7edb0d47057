"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { saveAssignment, submit } from "@/lib/assignments/store";
import type { Requirement, RubricCriterion } from "@/lib/assignments/types";
import { assignmentSchema, submitSchema } from "@/lib/validation/assignment";

/** Create or edit the lesson's assignment (instructors); a stale edit is a conflict. */
export const saveAssignmentAction = defineAction({
  schema: assignmentSchema,
  async handler(input, { user, tx }) {
    const row = await saveAssignment(tx, user!, {
      cohortId: input.cohortId,
      lessonId: input.lessonId,
      baseVersion: input.baseVersion || undefined,
      instructionsMd: input.instructionsMd,
      requirements: input.requirements as Requirement[],
      rubric: input.rubric as RubricCriterion[],
      reviewsPerStudent: input.reviewsPerStudent,
      submissionDue: input.submissionDue,
      reviewDue: input.reviewDue,
      anonymity: input.anonymity,
      hideReceivedUntilGiven: input.hideReceivedUntilGiven,
      pairingMode: input.pairingMode,
      minCommentChars: input.minCommentChars,
      minSummaryChars: input.minSummaryChars,
      calibration: input.calibration,
      selfAssessment: input.selfAssessment,
      gradeAggregate: input.gradeAggregate,
      gradeWeights: input.gradeWeights,
    });
    return { version: row.version };
  },
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/*`],
});

/** Submit (or resubmit) the chosen canvases; lands in the submission thread. */
export const submitAction = defineAction({
  schema: submitSchema,
  async handler({ assignmentId, canvasIds, comment }, { user, tx }) {
    return submit(tx, user!, { assignmentId, canvasIds, comment });
  },
  revalidate: (_d, { cohortId }) => [`/cohorts/${cohortId}/*`],
  after: (data, { cohortId }) => redirect(`/cohorts/${cohortId}/forum/${data.threadId}?submitted=${data.unchanged ? "same" : data.version}`),
});
