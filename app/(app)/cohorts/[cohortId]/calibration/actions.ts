"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { createExample, deleteExample, saveExample, submitAttempt } from "@/lib/calibration/store";
import { attemptSchema, createExampleSchema, deleteExampleSchema, saveExampleSchema } from "@/lib/calibration/validation";

// Examples and attempts change the lesson panel, the reviews page's callout and the calibration pages.
const cohortPages = (_data: unknown, input: { cohortId: string }) => [`/cohorts/${input.cohortId}/*`];

/** A new example from the instructor's canvases; it opens for scoring. */
export const createExampleAction = defineAction({
  schema: createExampleSchema,
  handler: (input, { user, tx }) => createExample(tx, user!, input),
  revalidate: cohortPages,
  after: (data, { cohortId, assignmentId }) => redirect(`/cohorts/${cohortId}/calibration/${assignmentId}/examples/${data.id}`),
});

/** The instructor's scores, whys and summary. */
export const saveExampleAction = defineAction({
  schema: saveExampleSchema,
  handler: (input, { user, tx }) => saveExample(tx, user!, input),
  revalidate: cohortPages,
});

/** Deletes the example (and its attempts); one already gone is no error. Back to the list either way. */
export const deleteExampleAction = defineAction({
  schema: deleteExampleSchema,
  handler: ({ cohortId, exampleId }, { user, tx }) => deleteExample(tx, user!, { cohortId, exampleId }),
  revalidate: cohortPages,
  after: (_data, { cohortId, assignmentId }) => redirect(`/cohorts/${cohortId}/calibration/${assignmentId}/examples`),
});

/** A student's review of an example; the result page compares it with the instructor's. */
export const attemptAction = defineAction({
  schema: attemptSchema,
  handler: (input, { user, tx }) => submitAttempt(tx, user!, input),
  revalidate: cohortPages,
  after: (data, { cohortId }) => redirect(`/cohorts/${cohortId}/calibration/${data.assignmentId}?result=${data.exampleId}`),
});
