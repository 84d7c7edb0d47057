"use server";

import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cohorts, users } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/actions";
import { excuseStudent, extendDeadline, reassign, reassignAllOf, repair } from "@/lib/dashboard/overrides";
import { reassignCandidates } from "@/lib/dashboard/queries";
import { zonedToInstant } from "@/lib/time";
import { candidatesSchema, excuseSchema, extendSchema, reassignAllSchema, reassignSchema, repairSchema } from "@/lib/validation/dashboard";

// Every fix changes what students see (tasks, reviewers, deadlines): the whole cohort is revalidated.
const cohortPages = (_data: unknown, input: { cohortId: string }) => [`/cohorts/${input.cohortId}/*`];

async function nameOf(tx: DbOrTx, id: string) {
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name ?? "";
}

export const reassignAction = defineAction({
  schema: reassignSchema,
  async handler({ reviewId, to }, { user, tx }) {
    const done = await reassign(tx, user!, { reviewId, to: to === "auto" || to === "me" ? to : { userId: to } });
    return { to: await nameOf(tx, done.to) };
  },
  revalidate: cohortPages,
});

export const reassignAllAction = defineAction({
  schema: reassignAllSchema,
  async handler({ cohortId, reviewerId }, { user, tx }) {
    const done = await reassignAllOf(tx, user!, { cohortId, reviewerId });
    const names = [];
    for (const d of done) names.push(await nameOf(tx, d.to));
    return { count: done.length, to: [...new Set(names)].join(", ") };
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
  async handler({ cohortId, assignmentId, userId, until }, { user, tx }) {
    const [cohort] = await tx.select({ timeZone: cohorts.timeZone }).from(cohorts).where(eq(cohorts.id, cohortId));
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
