import { z } from "zod";

/** One slot of the reserve pool, as the dashboard's pool actions name it. */
export const poolSlotSchema = z.object({ cohortId: z.uuid(), assignmentId: z.uuid(), submissionId: z.uuid() });
/** "Assign to …": the person chosen in the select (empty until someone is chosen). */
export const poolAssignSchema = poolSlotSchema.extend({ userId: z.uuid({ error: "poolAssigneeMissing" }) });
