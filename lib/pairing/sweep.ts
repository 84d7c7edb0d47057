import { and, inArray, isNull, lt, lte } from "drizzle-orm";
import type { Db } from "@/db";
import { assignments, reviews } from "@/db/schema";
import { expireOverdue, loadAssignment, pairAssignment } from "./store";
import { REVIEW_GRACE_MS } from "./types";

export type SweepResult = { paired: number; expired: number };

/**
 * The scheduled work of pairing: assignments past their submission deadline are paired, reviews
 * still open past their due time plus grace expire into the reserve pool. Every app server may run
 * it at the same moment: each assignment is changed under its advisory lock in a transaction of
 * its own, and both steps are idempotent (a paired assignment stays as it is, an expired review
 * stays expired).
 */
export async function sweepPairing(db: Db, now = new Date()): Promise<SweepResult> {
  const due = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(isNull(assignments.pairedAt), lte(assignments.submissionDue, now)))
    .limit(200);
  let paired = 0;
  for (const { id } of due) {
    const created = await db.transaction(async (tx) => {
      const a = await loadAssignment(tx, id);
      return a ? (await pairAssignment(tx, a, "deadline", now)).created : false;
    });
    if (created) paired++;
  }

  const cutoff = new Date(now.getTime() - REVIEW_GRACE_MS);
  const overdue = await db
    .selectDistinct({ id: reviews.assignmentId })
    .from(reviews)
    .where(and(inArray(reviews.status, ["assigned", "draft"]), lt(reviews.dueAt, cutoff)))
    .limit(200);
  let expired = 0;
  for (const { id } of overdue) {
    expired += await db.transaction(async (tx) => {
      const a = await loadAssignment(tx, id);
      return a ? expireOverdue(tx, a, cutoff, now) : 0;
    });
  }
  return { paired, expired };
}
