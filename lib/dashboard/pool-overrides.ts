import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { auditLog, excusals, memberships, notifications } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { recordAudit } from "@/lib/cohorts/audit";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { notify } from "@/lib/notifications/store";
import { giveFromPool, lockPoolSlot, poolVolunteers } from "@/lib/pairing/pool-actions";
import { loadAssignment, type PairingAssignment } from "@/lib/pairing/store";
import { namesOf } from "./overrides";

/**
 * The reserve pool's three fixes on the dashboard: take a slot yourself, offer it to the students
 * who may take it, or assign it to someone. Each authorises on the row (the cohort's instructors and
 * admins; anyone else is told it doesn't exist), changes the pairing under its lock and records
 * itself in the audit log, all in the caller's transaction.
 */

/** A slot offered to the same volunteers again within this time tells only those not told yet. */
export const POOL_OFFER_QUIET_MS = 24 * 60 * 60 * 1000;

export type PoolSlotInput = { assignmentId: string; submissionId: string };

async function instructorAssignment(tx: DbOrTx, actor: Actor, assignmentId: string): Promise<PairingAssignment> {
  const a = await loadAssignment(tx, assignmentId);
  if (!a || (await actorRole(tx, a.cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
  return a;
}

/** "Take it": the instructor reviews the submission themselves, as an extra review. */
export async function takePoolSlot(tx: DbOrTx, actor: Actor, input: PoolSlotInput, now = new Date()) {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  const given = await giveFromPool(tx, a, input.submissionId, actor.id, now);
  if ("refused" in given) throw new ActionError("conflict", given.refused === "author" ? "poolOwnSubmission" : "poolAlreadyReviewer");
  // The pairing told the new reviewer (now(): this transaction's own notification); nobody is told of what they did themselves.
  await tx
    .delete(notifications)
    .where(and(eq(notifications.userId, actor.id), eq(notifications.kind, "review_assigned"), eq(notifications.assignmentId, a.id), sql`${notifications.createdAt} = now()`));
  const names = await namesOf(tx, [given.authorId, actor.id]);
  const author = names.get(given.authorId) ?? null;
  await recordAudit(
    tx,
    { cohortId: a.cohortId, actorId: actor.id, action: "pool_taken", subjectId: given.authorId, assignmentId: a.id, details: { author, to: names.get(actor.id) ?? null, submissionId: input.submissionId } },
    now,
  );
  return { reviewId: given.reviewId, author: author ?? "" };
}

/**
 * "Assign to …": a student of the cohort (not excused from the assignment) or one of its instructors
 * reviews the submission as an extra; the pairing tells them as it tells of any new review.
 */
export async function assignPoolSlot(tx: DbOrTx, actor: Actor, input: PoolSlotInput & { userId: string }, now = new Date()) {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  const [member] = await tx
    .select({ role: memberships.role, excused: sql<boolean>`exists (select 1 from ${excusals} e where e.assignment_id = ${a.id} and e.user_id = ${input.userId})` })
    .from(memberships)
    .where(and(eq(memberships.cohortId, a.cohortId), eq(memberships.userId, input.userId)))
    .limit(1);
  if (!member || (member.role === "student" && member.excused)) throw new ActionError("invalid", "checkFields", { userId: "poolAssigneeInvalid" });
  const given = await giveFromPool(tx, a, input.submissionId, input.userId, now);
  if ("refused" in given) throw new ActionError("invalid", "checkFields", { userId: given.refused === "author" ? "poolAssigneeInvalid" : "poolAssigneeReviews" });
  const names = await namesOf(tx, [given.authorId, input.userId]);
  const author = names.get(given.authorId) ?? null;
  const to = names.get(input.userId) ?? null;
  await recordAudit(
    tx,
    { cohortId: a.cohortId, actorId: actor.id, action: "pool_assigned", subjectId: given.authorId, assignmentId: a.id, details: { author, to, submissionId: input.submissionId } },
    now,
  );
  return { reviewId: given.reviewId, author: author ?? "", to: to ?? "" };
}

/** Volunteers already told of this slot within the quiet time: the offers of it in the audit log, matched to their notifications by time. */
async function toldOfSlot(tx: DbOrTx, a: PairingAssignment, submissionId: string, volunteers: string[], now: Date): Promise<Set<string>> {
  const offers = tx
    .select({ at: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.cohortId, a.cohortId),
        eq(auditLog.action, "pool_offered"),
        eq(auditLog.assignmentId, a.id),
        sql`${auditLog.details}->>'submissionId' = ${submissionId}`,
        gt(auditLog.createdAt, new Date(now.getTime() - POOL_OFFER_QUIET_MS)),
      ),
    );
  const rows = await tx
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        inArray(notifications.userId, volunteers),
        eq(notifications.kind, "pool_offer"),
        eq(notifications.assignmentId, a.id),
        inArray(notifications.createdAt, offers),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

/**
 * "Offer to volunteers": tells the students who may take the slot from their reviews page (they
 * gave every review they owe here, and neither wrote nor review this submission). Those told of the
 * same slot within the last 24 hours are not told again.
 */
export async function offerPoolSlot(tx: DbOrTx, actor: Actor, input: PoolSlotInput, now = new Date()) {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  const slot = await lockPoolSlot(tx, a, input.submissionId);
  const volunteers = poolVolunteers(slot);
  if (volunteers.length === 0) throw new ActionError("conflict", "poolNoVolunteers");
  const told = await toldOfSlot(tx, a, input.submissionId, volunteers, now);
  const fresh = volunteers.filter((v) => !told.has(v));
  if (fresh.length === 0) throw new ActionError("conflict", "poolOfferedRecently");
  // Written at `now`, as the audit entry is: that shared time is how a later offer finds who was told of this slot.
  await notify(
    tx,
    fresh.map((userId) => ({ userId, kind: "pool_offer" as const, actorId: null, cohortId: a.cohortId, assignmentId: a.id, subject: a.lessonTitle, createdAt: now })),
  );
  const author = (await namesOf(tx, [slot.authorId])).get(slot.authorId) ?? null;
  await recordAudit(
    tx,
    { cohortId: a.cohortId, actorId: actor.id, action: "pool_offered", subjectId: slot.authorId, assignmentId: a.id, details: { author, submissionId: input.submissionId, offered: fresh.length } },
    now,
  );
  return { notified: fresh.length, skipped: told.size };
}

export type PoolCandidate = { id: string; name: string; role: "student" | "instructor"; volunteer: boolean; open: number };

/**
 * Whom "Assign to …" offers for one slot: the cohort's students (not excused from the assignment)
 * and instructors who neither wrote nor review the submission; volunteers are marked.
 */
export async function poolCandidates(tx: DbOrTx, actor: Actor, input: PoolSlotInput): Promise<PoolCandidate[]> {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  const result = await tx.execute(sql`
    with s as (select id, assignment_id, cohort_id, author_id from submissions where id = ${input.submissionId} and assignment_id = ${a.id}),
    load as (
      select x.reviewer_id,
        count(*) filter (where x.status in ('assigned', 'draft'))::int as open,
        count(*) filter (where x.kind = 'duty' and x.status <> 'submitted')::int as owing
      from reviews x where x.assignment_id = ${a.id} group by 1
    )
    select u.id, u.name, m.role,
      (m.role = 'student' and own.id is not null and coalesce(l.owing, 0) = 0) as volunteer,
      coalesce(l.open, 0) as open
    from s
    join memberships m on m.cohort_id = s.cohort_id
    join users u on u.id = m.user_id
    left join submissions own on own.assignment_id = s.assignment_id and own.author_id = u.id
    left join load l on l.reviewer_id = u.id
    where u.id <> s.author_id
      and not exists (select 1 from reviews y where y.submission_id = s.id and y.reviewer_id = u.id)
      and not (m.role = 'student' and exists (select 1 from excusals e where e.assignment_id = s.assignment_id and e.user_id = u.id))
    order by lower(u.name), u.id`);
  return rowsOf<PoolCandidate>(result).map((c) => ({ ...c, open: Number(c.open), volunteer: Boolean(c.volunteer) }));
}
