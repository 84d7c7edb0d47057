import { and, asc, eq, inArray, lte, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { accounts, assignments, ltiContexts, ltiLineItems, ltiPlatforms, ltiScoreSyncs, memberships } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { assignmentCells } from "@/lib/grades/cells";
import { gradingAssignment } from "@/lib/grades/queries";
import { ltiProvider } from "./launch";
import { SCOPE, ServiceError, callService, serviceToken } from "./services";

/**
 * Assignment and Grade Services 2.0: released grades go to the linked LMS course as scores (0–100)
 * on one line item per assignment (the one deep linking created, else a new one). Each student's
 * score is a queue row: queued at release and again after an override or an instructor's assessment,
 * sent by the scheduler (and right after the action), retried with a growing pause after a failure.
 * The gradebook shows what was sent and what failed, with a button to try again now.
 */

const LINE_ITEMS = "application/vnd.ims.lis.v2.lineitemcontainer+json";
const LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
const SCORE = "application/vnd.ims.lis.v1.score+json";
/** A claim on a batch: another server takes the rows only after this (a sweep that died frees them). */
const LEASE_MS = 10 * 60_000;
const MAX_BACKOFF_MIN = 60;

/** The linked LMS course of a cohort that takes grades. */
async function gradeTarget(db: DbOrTx, cohortId: string) {
  const [row] = await db
    .select({ context: ltiContexts, platform: ltiPlatforms })
    .from(ltiContexts)
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiContexts.platformId))
    .where(and(eq(ltiContexts.cohortId, cohortId), sql`${ltiContexts.lineItemsUrl} is not null`))
    .limit(1);
  return row ?? null;
}

/**
 * Queues the scores of an assignment's students who came from the linked LMS (all, or `userIds`),
 * when its grades are released and its cohort is linked to an LMS course that takes grades.
 */
export async function queueScores(tx: DbOrTx, assignmentId: string, userIds: string[] | null, now = new Date()): Promise<number> {
  const [a] = await tx.select({ cohortId: assignments.cohortId, released: assignments.gradesReleasedAt }).from(assignments).where(eq(assignments.id, assignmentId));
  if (!a?.released) return 0;
  const target = await gradeTarget(tx, a.cohortId);
  if (!target) return 0;
  const students = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(accounts, and(eq(accounts.userId, memberships.userId), eq(accounts.provider, ltiProvider(target.platform.id))))
    .where(and(eq(memberships.cohortId, a.cohortId), eq(memberships.role, "student"), userIds ? inArray(memberships.userId, userIds) : undefined));
  if (students.length === 0) return 0;
  await tx
    .insert(ltiScoreSyncs)
    .values(students.map((s) => ({ assignmentId, userId: s.userId, status: "pending", attempts: 0, nextAttemptAt: now, updatedAt: now })))
    .onConflictDoUpdate({
      target: [ltiScoreSyncs.assignmentId, ltiScoreSyncs.userId],
      set: { status: "pending", attempts: 0, nextAttemptAt: now, lastError: null, updatedAt: now },
    });
  return students.length;
}

/** Claims due rows (several servers may sweep at once: SKIP LOCKED, then a lease in nextAttemptAt). */
async function claimDue(db: Db, now: Date, limit: number) {
  const due = db.$with("due").as(
    db
      .select({ assignmentId: ltiScoreSyncs.assignmentId, userId: ltiScoreSyncs.userId })
      .from(ltiScoreSyncs)
      .where(and(ne(ltiScoreSyncs.status, "sent"), lte(ltiScoreSyncs.nextAttemptAt, now)))
      .orderBy(asc(ltiScoreSyncs.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true }),
  );
  return db
    .with(due)
    .update(ltiScoreSyncs)
    .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .from(due)
    .where(and(eq(ltiScoreSyncs.assignmentId, due.assignmentId), eq(ltiScoreSyncs.userId, due.userId)))
    .returning({ assignmentId: ltiScoreSyncs.assignmentId, userId: ltiScoreSyncs.userId, attempts: ltiScoreSyncs.attempts });
}

/** The assignment's line item in the LMS: remembered, found by its resource id, or created. */
async function lineItemFor(db: Db, target: NonNullable<Awaited<ReturnType<typeof gradeTarget>>>, a: { id: string; lessonTitle: string }, token: string): Promise<string> {
  const [known] = await db
    .select({ url: ltiLineItems.url })
    .from(ltiLineItems)
    .where(and(eq(ltiLineItems.contextRowId, target.context.id), eq(ltiLineItems.assignmentId, a.id)));
  if (known) return known.url;
  const list = new URL(target.context.lineItemsUrl!);
  list.searchParams.set("resource_id", a.id);
  const found = (await (await callService(list.toString(), token, { accept: LINE_ITEMS })).json()) as Array<{ id?: string; resourceId?: string }>;
  let url = found.find((item) => item.resourceId === a.id && item.id)?.id;
  if (!url) {
    const created = (await (
      await callService(target.context.lineItemsUrl!, token, {
        method: "POST",
        accept: LINE_ITEM,
        contentType: LINE_ITEM,
        body: { scoreMaximum: 100, label: a.lessonTitle, resourceId: a.id, tag: "werkbank" },
      })
    ).json()) as { id?: string };
    if (!created.id) throw new ServiceError("the LMS created a line item without an id");
    url = created.id;
  }
  await db.insert(ltiLineItems).values({ contextRowId: target.context.id, assignmentId: a.id, url }).onConflictDoNothing();
  return url;
}

function scoresUrl(lineItem: string): string {
  const u = new URL(lineItem);
  u.pathname = `${u.pathname.replace(/\/+$/, "")}/scores`;
  return u.toString();
}

export type ScoreDelivery = { claimed: number; sent: number; failed: number };

/** Sends the due scores, at most `limit`. */
export async function deliverScores(db: Db, now = new Date(), limit = 100): Promise<ScoreDelivery> {
  const claimed = await claimDue(db, now, limit);
  const result: ScoreDelivery = { claimed: claimed.length, sent: 0, failed: 0 };
  const byAssignment = new Map<string, typeof claimed>();
  for (const c of claimed) byAssignment.set(c.assignmentId, [...(byAssignment.get(c.assignmentId) ?? []), c]);
  for (const [assignmentId, rows] of byAssignment) {
    const mark = async (userId: string, attempts: number, outcome: { score: number | null } | { error: string }) => {
      const where = and(eq(ltiScoreSyncs.assignmentId, assignmentId), eq(ltiScoreSyncs.userId, userId));
      if ("score" in outcome) {
        await db.update(ltiScoreSyncs).set({ status: "sent", scoreSent: outcome.score, sentAt: now, lastError: null, updatedAt: now, nextAttemptAt: now }).where(where);
        result.sent++;
      } else {
        const pause = Math.min(2 ** attempts, MAX_BACKOFF_MIN) * 60_000;
        await db
          .update(ltiScoreSyncs)
          .set({ status: "failed", attempts: attempts + 1, lastError: outcome.error.slice(0, 300), nextAttemptAt: new Date(now.getTime() + pause), updatedAt: now })
          .where(where);
        result.failed++;
      }
    };
    const a = await gradingAssignment(db, assignmentId);
    const target = a ? await gradeTarget(db, a.cohortId) : null;
    if (!a?.gradesReleasedAt || !target) {
      // Withdrawn or unlinked meanwhile: nothing to send any more.
      await db.delete(ltiScoreSyncs).where(and(eq(ltiScoreSyncs.assignmentId, assignmentId), inArray(ltiScoreSyncs.userId, rows.map((r) => r.userId))));
      continue;
    }
    let lineItem: string;
    let token: string;
    try {
      token = await serviceToken(db, target.platform, [SCOPE.lineItem, SCOPE.score], now);
      lineItem = await lineItemFor(db, target, a, token);
    } catch (error) {
      for (const r of rows) await mark(r.userId, r.attempts, { error: String((error as Error).message ?? error) });
      continue;
    }
    const cells = new Map((await assignmentCells(db, a, now)).map((c) => [c.userId, c]));
    const subs = new Map(
      (
        await db
          .select({ userId: accounts.userId, sub: accounts.providerAccountId })
          .from(accounts)
          .where(and(eq(accounts.provider, ltiProvider(target.platform.id)), inArray(accounts.userId, rows.map((r) => r.userId))))
      ).map((r) => [r.userId, r.sub]),
    );
    for (const r of rows) {
      const sub = subs.get(r.userId);
      const cell = cells.get(r.userId);
      if (!sub || !cell) {
        await db.delete(ltiScoreSyncs).where(and(eq(ltiScoreSyncs.assignmentId, assignmentId), eq(ltiScoreSyncs.userId, r.userId)));
        continue;
      }
      const points = cell.state === "graded" && cell.grade?.points != null ? cell.grade.points : null;
      const score: Record<string, unknown> = {
        userId: sub,
        activityProgress: cell.submissionId ? "Completed" : "Initialized",
        gradingProgress: points === null ? "Pending" : "FullyGraded",
        timestamp: now.toISOString(),
      };
      if (points !== null) Object.assign(score, { scoreGiven: points, scoreMaximum: 100 });
      try {
        await callService(scoresUrl(lineItem), token, { method: "POST", contentType: SCORE, body: score });
        await mark(r.userId, r.attempts, { score: points });
      } catch (error) {
        await mark(r.userId, r.attempts, { error: String((error as Error).message ?? error) });
      }
    }
  }
  return result;
}

/** "Try again now": the assignment's failed scores are due at once. */
export async function retryScores(tx: DbOrTx, actor: Actor, assignmentId: string, now = new Date()): Promise<{ cohortId: string; queued: number }> {
  const [a] = await tx.select({ cohortId: assignments.cohortId }).from(assignments).where(eq(assignments.id, assignmentId));
  if (!a || (await actorRole(tx, a.cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
  const rows = await tx
    .update(ltiScoreSyncs)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, updatedAt: now })
    .where(and(eq(ltiScoreSyncs.assignmentId, assignmentId), eq(ltiScoreSyncs.status, "failed")))
    .returning({ userId: ltiScoreSyncs.userId });
  return { cohortId: a.cohortId, queued: rows.length };
}
