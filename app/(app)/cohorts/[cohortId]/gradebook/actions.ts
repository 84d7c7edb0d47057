"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { retryScores } from "@/lib/lti/scores";
import { sendScoresSoon } from "@/lib/scheduler";
import { assessSubmission, overrideGrade, releaseGrades, removeOverride, withdrawGrades } from "@/lib/grades/store";
import { assessSubmissionSchema, clearAssessmentSchema, overrideGradeSchema, releaseGradesSchema, removeOverrideSchema } from "@/lib/grades/validation";

// Grades show in the gradebook, its detail pages and on students' lesson pages: the whole cohort is
// revalidated, under the cohort the row belongs to (not the one the client named).
const cohortPages = (data: { cohortId: string }) => [`/cohorts/${data.cohortId}/*`];

export const overrideGradeAction = defineAction({
  schema: overrideGradeSchema,
  handler: ({ assignmentId, userId, points, reason }, { user, tx }) => overrideGrade(tx, user!, { assignmentId, userId, points, reason }),
  revalidate: cohortPages,
  after: sendScoresSoon,
});

export const removeOverrideAction = defineAction({
  schema: removeOverrideSchema,
  handler: ({ assignmentId, userId }, { user, tx }) => removeOverride(tx, user!, { assignmentId, userId }),
  revalidate: cohortPages,
  after: sendScoresSoon,
});

export const assessSubmissionAction = defineAction({
  schema: assessSubmissionSchema,
  handler: ({ submissionId, scores, comment }, { user, tx }) => assessSubmission(tx, user!, { submissionId, scores, comment }),
  revalidate: cohortPages,
  after: sendScoresSoon,
});

export const clearAssessmentAction = defineAction({
  schema: clearAssessmentSchema,
  handler: ({ submissionId }, { user, tx }) => assessSubmission(tx, user!, { submissionId, scores: null }),
  revalidate: cohortPages,
  after: sendScoresSoon,
});

export const releaseGradesAction = defineAction({
  schema: releaseGradesSchema,
  handler: ({ assignmentId }, { user, tx }) => releaseGrades(tx, user!, { assignmentId }),
  revalidate: (data) => [`/cohorts/${data.cohortId}/*`, "/notifications"],
  after: sendScoresSoon,
});

export const withdrawGradesAction = defineAction({
  schema: releaseGradesSchema,
  handler: ({ assignmentId }, { user, tx }) => withdrawGrades(tx, user!, { assignmentId }),
  revalidate: cohortPages,
});

/** The assignment's scores that the LMS refused are sent again now. */
export const retryScoresAction = defineAction({
  schema: z.object({ assignmentId: z.uuid() }),
  handler: ({ assignmentId }, { user, tx }) => retryScores(tx, user!, assignmentId),
  revalidate: cohortPages,
  after: sendScoresSoon,
});
