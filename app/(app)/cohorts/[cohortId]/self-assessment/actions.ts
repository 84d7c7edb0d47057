"use server";

import { defineAction } from "@/lib/actions";
import { saveSelfAssessment } from "@/lib/self-assessment/store";
import { selfAssessmentSchema } from "@/lib/self-assessment/validation";

/** The author scores their own submission; once saved, their received reviews may open (the whole cohort's pages change). */
export const saveSelfAssessmentAction = defineAction({
  schema: selfAssessmentSchema,
  handler: ({ submissionId, scores, comment }, { user, tx }) => saveSelfAssessment(tx, user!, { submissionId, scores, comment }),
  revalidate: (data) => [`/cohorts/${data.cohortId}/*`],
});
