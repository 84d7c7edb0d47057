import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { deadlineExtensions, memberships, reviews, users } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { recordAudit } from "@/lib/cohorts/audit";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { excuse, loadAssignment, lockAssignment, repairOverdue, reassignReview, type PairingAssignment, type Reassigned } from "@/lib/pairing/store";

/**
 * The dashboard's one-click fixes. Each authorises on the row (the cohort's instructors and admins;
 * anyone else is told it doesn't exist), runs the pairing repair in the caller's transaction and
 * records itself in the audit log in that same transaction: the fix and its record happen together.
 */

async function instructorAssignment(tx: DbOrTx, actor: Actor, assignmentId: string): Promise<PairingAssignment> {
  const a = await loadAssignment(tx, assignmentId);
  if (!a || (await actorRole(tx, a.cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
  return a;
}

/** People's names by id, in one query. */
export async function namesOf(tx: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function auditReassigned(tx: DbOrTx, actor: Actor, a: PairingAssignment, done: Reassigned[], now: Date) {
  const names = await namesOf(tx, done.flatMap((d) => [d.from, d.to, d.authorId]));
  await recordAudit(
    tx,
    done.map((d) => ({
      cohortId: a.cohortId,
      actorId: actor.id,
      action: "review_reassigned" as const,
      subjectId: d.from,
      assignmentId: a.id,
      details: { from: names.get(d.from) ?? null, to: names.get(d.to) ?? null, author: names.get(d.authorId) ?? null },
    })),
    now,
  );
}

export type ReassignTarget = "auto" | "me" | { userId: string };

/** Reassigns one open review: to a named member, to the acting instructor, or ("auto") to the least-loaded volunteer, else the instructor. */
export async function reassign(tx: DbOrTx, actor: Actor, input: { reviewId: string; to: ReassignTarget }, now = new Date()): Promise<Reassigned> {
  const [review] = await tx
    .select({ assignmentId: reviews.assignmentId, authorId: reviews.authorId, status: reviews.status })
    .from(reviews)
    .where(eq(reviews.id, input.reviewId))
    .limit(1);
  if (!review) throw new ActionError("not_found", "notFound");
  const a = await instructorAssignment(tx, actor, review.assignmentId);
  if (review.status !== "assigned" && review.status !== "draft") throw new ActionError("conflict", "reassignNotOpen");
  let to: string | { auto: true; fallback: string };
  if (input.to === "auto") to = { auto: true, fallback: actor.id };
  else if (input.to === "me") to = actor.id;
  else {
    // A named reviewer must be in the cohort (student or instructor) and not the author.
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.cohortId, a.cohortId), eq(memberships.userId, input.to.userId)))
      .limit(1);
    if (!member || input.to.userId === review.authorId) throw new ActionError("invalid", "checkFields", { to: "reassignTargetInvalid" });
    to = input.to.userId;
  }
  const done = await reassignReview(tx, a, input.reviewId, to, now);
  if (!done) throw new ActionError("conflict", typeof to === "string" ? "reassignRefused" : "reassignNobody");
  await auditReassigned(tx, actor, a, [done], now);
  return done;
}

/** One click for a no-show: every open review they owe in the cohort goes to volunteers (or the instructor). */
export async function reassignAllOf(tx: DbOrTx, actor: Actor, input: { cohortId: string; reviewerId: string }, now = new Date()): Promise<Reassigned[]> {
  if ((await actorRole(tx, input.cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
  const open = await tx
    .select({ id: reviews.id, assignmentId: reviews.assignmentId })
    .from(reviews)
    .where(and(eq(reviews.cohortId, input.cohortId), eq(reviews.reviewerId, input.reviewerId), inArray(reviews.status, ["assigned", "draft"])))
    .orderBy(reviews.assignmentId, reviews.assignedAt);
  if (open.length === 0) throw new ActionError("conflict", "reassignNothingOpen");
  const done: Reassigned[] = [];
  const byAssignment = new Map<string, typeof open>();
  for (const r of open) byAssignment.set(r.assignmentId, [...(byAssignment.get(r.assignmentId) ?? []), r]);
  for (const [assignmentId, list] of byAssignment) {
    const a = (await loadAssignment(tx, assignmentId))!;
    const here: Reassigned[] = [];
    for (const r of list) {
      const result = await reassignReview(tx, a, r.id, { auto: true, fallback: actor.id }, now);
      if (result) here.push(result);
    }
    await auditReassigned(tx, actor, a, here, now);
    done.push(...here);
  }
  if (done.length === 0) throw new ActionError("conflict", "reassignNobody");
  return done;
}

/** "Re-pair the remaining students" of one assignment: unstarted overdue reviews expire and waiting submissions go to volunteers. */
export async function repair(tx: DbOrTx, actor: Actor, input: { assignmentId: string }, now = new Date()) {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  const result = await repairOverdue(tx, a, now);
  await recordAudit(
    tx,
    { cohortId: a.cohortId, actorId: actor.id, action: "reviews_repaired", assignmentId: a.id, details: { expired: result.expired, handed: result.handed.length, left: result.left } },
    now,
  );
  return result;
}

/**
 * Gives one student their own deadline for an assignment: their submission counts as on time until
 * then, and the reviews they still owe are due then (never earlier than they were).
 */
export async function extendDeadline(tx: DbOrTx, actor: Actor, input: { assignmentId: string; userId: string; until: Date }, now = new Date()) {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  if ((await actorRole(tx, a.cohortId, { id: input.userId, isAdmin: false })) !== "student") throw new ActionError("not_found", "notFound");
  if (input.until <= now) throw new ActionError("invalid", "checkFields", { until: "extensionInPast" });
  if (input.until <= a.submissionDue) throw new ActionError("invalid", "checkFields", { until: "extensionBeforeDeadline" });
  await lockAssignment(tx, a.id);
  await tx
    .insert(deadlineExtensions)
    .values({ assignmentId: a.id, userId: input.userId, until: input.until, byId: actor.id, createdAt: now })
    .onConflictDoUpdate({ target: [deadlineExtensions.assignmentId, deadlineExtensions.userId], set: { until: input.until, byId: actor.id, createdAt: now } });
  const moved = await tx
    .update(reviews)
    .set({ dueAt: input.until, updatedAt: now })
    .where(and(eq(reviews.assignmentId, a.id), eq(reviews.reviewerId, input.userId), inArray(reviews.status, ["assigned", "draft"])))
    .returning({ id: reviews.id });
  const names = await namesOf(tx, [input.userId]);
  await recordAudit(
    tx,
    {
      cohortId: a.cohortId,
      actorId: actor.id,
      action: "deadline_extended",
      subjectId: input.userId,
      assignmentId: a.id,
      details: { name: names.get(input.userId) ?? null, until: input.until.toISOString(), reviews: moved.length },
    },
    now,
  );
  return { reviews: moved.length };
}

/** Excuses a student from an assignment (the pairing closes the gap) and records it. */
export async function excuseStudent(tx: DbOrTx, actor: Actor, input: { assignmentId: string; userId: string }, now = new Date()) {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  await excuse(tx, actor, a.id, input.userId, now);
  const names = await namesOf(tx, [input.userId]);
  await recordAudit(
    tx,
    { cohortId: a.cohortId, actorId: actor.id, action: "student_excused", subjectId: input.userId, assignmentId: a.id, details: { name: names.get(input.userId) ?? null } },
    now,
  );
}
