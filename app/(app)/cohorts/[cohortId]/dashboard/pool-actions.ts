"use server";

import { defineAction } from "@/lib/actions";
import { assignPoolSlot, offerPoolSlot, poolCandidates, takePoolSlot } from "@/lib/dashboard/pool-overrides";
import { poolAssignSchema, poolSlotSchema } from "@/lib/validation/pool";

// A filled slot changes what students see (their tasks, the pool on their reviews page): the whole cohort is revalidated.
const cohortPages = (_data: unknown, input: { cohortId: string }) => [`/cohorts/${input.cohortId}/*`];

/** "Take it": the instructor reviews the waiting submission themselves. */
export const takePoolAction = defineAction({
  schema: poolSlotSchema,
  handler: ({ assignmentId, submissionId }, { user, tx }) => takePoolSlot(tx, user!, { assignmentId, submissionId }),
  revalidate: cohortPages,
});

/** "Offer to volunteers": tells the students who may take it from their reviews page. */
export const offerPoolAction = defineAction({
  schema: poolSlotSchema,
  handler: ({ assignmentId, submissionId }, { user, tx }) => offerPoolSlot(tx, user!, { assignmentId, submissionId }),
  revalidate: cohortPages,
});

/** "Assign to …": a chosen member of the cohort reviews it. */
export const assignPoolAction = defineAction({
  schema: poolAssignSchema,
  handler: ({ assignmentId, submissionId, userId }, { user, tx }) => assignPoolSlot(tx, user!, { assignmentId, submissionId, userId }),
  revalidate: cohortPages,
});

/** Whom "Assign to …" lists for one slot (read only). */
export const poolCandidatesAction = defineAction({
  schema: poolSlotSchema,
  handler: ({ assignmentId, submissionId }, { user, tx }) => poolCandidates(tx, user!, { assignmentId, submissionId }),
});
