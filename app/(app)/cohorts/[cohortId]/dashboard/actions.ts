"use server";

import { eq } from "drizzle-orm";
import { assignments, cohorts } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/actions";
import { excuseStudent, extendDeadline, namesOf, reassign, reassignAllOf, repair } from "@/lib/dashboard/overrides";
import { reassignCandidates } from "@/lib/dashboard/queries";
import { zonedToInstant } from "@/lib/time";
import { candidatesSchema, excuseSchema, extendSchema, reassignAllSchema, reassignSchema, repairSchema } from "@/lib/validation/dashboard";

// Every fix changes what students see (tasks, reviewers, deadlines): the whole cohort is revalidated.
const cohortPages = (_data: unknown, input: { cohortId: string }) => [`/cohorts/${input.cohortId}/*`];

export const reassignAction = defineAction({
  schema: reassignSchema,
  async handler({ reviewId, to }, { user, tx }) {
    const done = await reassign(tx, user!, { reviewId, to: to === "auto" || to === "me" ? to : { userId: to } });
    return { to: (await namesOf(tx, [done.to])).get(done.to) ?? "" };
  },
  revalidate: cohortPages,
});

export const reassignAllAction = defineAction({
  schema: reassignAllSchema,
  async handler({ cohortId, reviewerId }, { user, tx }) {
    const done = await reassignAllOf(tx, user!, { cohortId, reviewerId });
    const names = await namesOf(tx, done.map((d) => d.to));
    return { count: done.length, to: [...names.values()].join(", ") };
  },
  revalidate: cohortPages,
});

export const repairAction = defineAction({
  schema: repairSchema,
  async handler({ assignmentId }, { user, tx }) {
    const result = await repair(tx, user!, { assignmentId });
    return { expired: result.expired, handed: result.handed.length, left: result.left };
  },
  revalidate: cohortPages,
});

export const excuseAction = defineAction({
  schema: excuseSchema,
  async handler({ assignmentId, userId }, { user, tx }) {
    await excuseStudent(tx, user!, { assignmentId, userId });
    return null;
  },
  revalidate: cohortPages,
});

export const extendAction = defineAction({
  schema: extendSchema,
  async handler({ assignmentId, userId, until }, { user, tx }) {
    // The assignment's own cohort gives the time zone the instructor typed in (extendDeadline authorises on it).
    const [cohort] = await tx
      .select({ timeZone: cohorts.timeZone })
      .from(assignments)
      .innerJoin(cohorts, eq(cohorts.id, assignments.cohortId))
      .where(eq(assignments.id, assignmentId));
    const instant = cohort ? zonedToInstant(until, cohort.timeZone) : null;
    if (!instant) throw new ActionError("invalid", "checkFields", { until: "dateInvalid" });
    return extendDeadline(tx, user!, { assignmentId, userId, until: instant });
  },
  revalidate: cohortPages,
});

/** Who an instructor may hand a review to, for the "choose someone" dialog (read only). */
export const candidatesAction = defineAction({
  schema: candidatesSchema,
  async handler({ reviewId, q }, { user, tx }) {
    return reassignCandidates(tx, user!, reviewId, q);
  },
});
