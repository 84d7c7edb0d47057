import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, gradeOverrides, instructorAssessments, submissions } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { queueScores } from "@/lib/lti/scores";
import { recordAudit } from "@/lib/cohorts/audit";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { namesOf } from "@/lib/dashboard/overrides";
import { notify } from "@/lib/notifications/store";
import { REVIEW_COMMENT_MAX, type ReviewScores } from "@/lib/pairing/types";
import { computeGrade, round1 } from "./compute";
import { assignmentCells, gradeCell, gradingAssignment, type GradebookAssignment } from "./queries";
import { ASSESSMENT_COMMENT_MAX, OVERRIDE_REASON_MAX } from "./limits";

/**
 * The instructor's writes on grades. Each authorises on the row (the assignment's cohort: its
 * instructors and admins; anyone else is told it doesn't exist), checks its input again (the action's
 * schema is the first line, this the last), and records itself in the audit log in the same
 * transaction.
 */

type Graded = GradebookAssignment & { cohortId: string };

async function instructorAssignment(tx: DbOrTx, actor: Actor, assignmentId: string): Promise<Graded> {
  const a = await gradingAssignment(tx, assignmentId);
  if (!a || (await actorRole(tx, a.cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
  return a;
}

/** The student must be a student of the assignment's cohort: anyone else has no grade there. */
async function studentCell(tx: DbOrTx, a: Graded, userId: string, now: Date) {
  if ((await actorRole(tx, a.cohortId, { id: userId, isAdmin: false })) !== "student") throw new ActionError("not_found", "notFound");
  const cell = await gradeCell(tx, a, userId, now);
  if (!cell) throw new ActionError("not_found", "notFound");
  return cell;
}

function checkOverride(points: number, reason: string) {
  const errors: Record<string, string> = {};
  if (!Number.isFinite(points) || points < 0 || points > 100) errors.points = "gradePointsRange";
  const r = reason.trim();
  if (r.length === 0) errors.reason = "gradeReasonRequired";
  else if (r.length > OVERRIDE_REASON_MAX) errors.reason = "gradeReasonTooLong";
  if (Object.keys(errors).length > 0) throw new ActionError("invalid", "checkFields", errors);
  return { points: round1(points), reason: r };
}

/** Sets (or changes) a student's grade in place of the computed one, with the reason; audited with the old and new points. */
export async function overrideGrade(
  tx: DbOrTx,
  actor: Actor,
  input: { assignmentId: string; userId: string; points: number; reason: string },
  now = new Date(),
): Promise<{ cohortId: string; points: number }> {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  const { points, reason } = checkOverride(input.points, input.reason);
  const cell = await studentCell(tx, a, input.userId, now);
  if (cell.state === "excused") throw new ActionError("conflict", "gradeExcused");
  await tx
    .insert(gradeOverrides)
    .values({ assignmentId: a.id, userId: input.userId, points, reason, byId: actor.id, updatedAt: now })
    .onConflictDoUpdate({ target: [gradeOverrides.assignmentId, gradeOverrides.userId], set: { points, reason, byId: actor.id, updatedAt: now } });
  const names = await namesOf(tx, [input.userId]);
  await recordAudit(
    tx,
    {
      cohortId: a.cohortId,
      actorId: actor.id,
      action: "grade_overridden",
      subjectId: input.userId,
      assignmentId: a.id,
      details: { name: names.get(input.userId) ?? null, old: cell.grade?.override?.points ?? null, new: points, computed: cell.grade?.computed ?? null, reason },
    },
    now,
  );
  // Released and linked to an LMS: the changed grade is sent there again.
  await queueScores(tx, a.id, [input.userId], now);
  return { cohortId: a.cohortId, points };
}

/** Back to the computed grade; audited with the points the override had. */
export async function removeOverride(tx: DbOrTx, actor: Actor, input: { assignmentId: string; userId: string }, now = new Date()): Promise<{ cohortId: string }> {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  const [gone] = await tx
    .delete(gradeOverrides)
    .where(and(eq(gradeOverrides.assignmentId, a.id), eq(gradeOverrides.userId, input.userId)))
    .returning({ points: gradeOverrides.points, reason: gradeOverrides.reason });
  if (!gone) throw new ActionError("conflict", "gradeNoOverride");
  const names = await namesOf(tx, [input.userId]);
  await recordAudit(
    tx,
    {
      cohortId: a.cohortId,
      actorId: actor.id,
      action: "grade_override_removed",
      subjectId: input.userId,
      assignmentId: a.id,
      details: { name: names.get(input.userId) ?? null, old: gone.points, reason: gone.reason },
    },
    now,
  );
  await queueScores(tx, a.id, [input.userId], now);
  return { cohortId: a.cohortId };
}

/** Keeps only the rubric's criteria; every one must be scored on its scale. */
function checkAssessment(rubric: GradebookAssignment["rubric"], scores: ReviewScores, comment: string): { scores: ReviewScores; comment: string } {
  const errors: Record<string, string> = {};
  const clean: ReviewScores = {};
  for (const c of rubric) {
    const given = scores[c.id];
    const score = given?.score;
    if (typeof score !== "number" || !Number.isInteger(score) || score < 1 || score > c.scale) errors[`score-${c.id}`] = "reviewScoreMissing";
    if ((given?.comment ?? "").length > REVIEW_COMMENT_MAX) errors[`comment-${c.id}`] = "reviewCommentTooLong";
    clean[c.id] = { score: typeof score === "number" ? score : null, comment: (given?.comment ?? "").trim() };
  }
  if (comment.length > ASSESSMENT_COMMENT_MAX) errors.comment = "assessmentCommentTooLong";
  if (Object.keys(errors).length > 0) throw new ActionError("invalid", "assessmentIncomplete", errors);
  return { scores: clean, comment: comment.trim() };
}

/**
 * The instructor's own rubric scores for a submission (they replace the received scores in its
 * grade); `scores: null` clears it, back to the received scores. Audited either way.
 */
export async function assessSubmission(
  tx: DbOrTx,
  actor: Actor,
  input: { submissionId: string; scores: ReviewScores | null; comment?: string },
  now = new Date(),
): Promise<{ cohortId: string; assignmentId: string; userId: string; points: number | null }> {
  const [sub] = await tx
    .select({ assignmentId: submissions.assignmentId, authorId: submissions.authorId })
    .from(submissions)
    .where(eq(submissions.id, input.submissionId))
    .limit(1);
  if (!sub) throw new ActionError("not_found", "notFound");
  const a = await instructorAssignment(tx, actor, sub.assignmentId);
  const names = await namesOf(tx, [sub.authorId]);
  const audit = (details: Record<string, string | number | boolean | null>) =>
    recordAudit(tx, { cohortId: a.cohortId, actorId: actor.id, action: "submission_assessed", subjectId: sub.authorId, assignmentId: a.id, details: { name: names.get(sub.authorId) ?? null, ...details } }, now);
  const result = { cohortId: a.cohortId, assignmentId: a.id, userId: sub.authorId };

  if (input.scores === null) {
    const gone = await tx.delete(instructorAssessments).where(eq(instructorAssessments.submissionId, input.submissionId)).returning({ id: instructorAssessments.submissionId });
    if (gone.length === 0) throw new ActionError("conflict", "assessmentMissing");
    await audit({ cleared: true });
    await queueScores(tx, a.id, [sub.authorId], now);
    return { ...result, points: null };
  }
  const { scores, comment } = checkAssessment(a.rubric, input.scores, input.comment ?? "");
  await tx
    .insert(instructorAssessments)
    .values({ submissionId: input.submissionId, assignmentId: a.id, scores, comment, byId: actor.id, updatedAt: now })
    .onConflictDoUpdate({ target: instructorAssessments.submissionId, set: { scores, comment, byId: actor.id, updatedAt: now } });
  // What the assessment alone is worth (0…100), for the log: the submission part's ratio.
  const alone = computeGrade({
    rubric: a.rubric,
    aggregate: a.aggregate,
    weights: { submission: 1, reviewing: 0, calibration: 0, helpfulness: 0 },
    submitted: true,
    received: [],
    instructor: scores,
    reviewing: { owed: 0, onTime: 0, late: 0 },
    calibration: null,
    helpfulness: [],
  }).computed;
  await audit({ cleared: false, percent: alone });
  await queueScores(tx, a.id, [sub.authorId], now);
  return { ...result, points: alone };
}

/**
 * Students see their grades from now on: sets the release time (once: a second click finds it set)
 * and tells every student with a grade, in the same transaction.
 */
export async function releaseGrades(tx: DbOrTx, actor: Actor, input: { assignmentId: string }, now = new Date()): Promise<{ cohortId: string; notified: number }> {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  const [set] = await tx
    .update(assignments)
    .set({ gradesReleasedAt: now })
    .where(and(eq(assignments.id, a.id), isNull(assignments.gradesReleasedAt)))
    .returning({ id: assignments.id });
  if (!set) throw new ActionError("conflict", "gradesAlreadyReleased");
  const graded = (await assignmentCells(tx, a, now)).filter((c) => c.state === "graded");
  await notify(
    tx,
    graded.map((c) => ({ userId: c.userId, kind: "grades_released" as const, actorId: null, cohortId: a.cohortId, assignmentId: a.id, subject: a.lessonTitle, createdAt: now })),
  );
  await recordAudit(tx, { cohortId: a.cohortId, actorId: actor.id, action: "grades_released", assignmentId: a.id, details: { students: graded.length } }, now);
  await queueScores(tx, a.id, null, now);
  return { cohortId: a.cohortId, notified: graded.length };
}

/** Hides the grades from students again (to correct something); the computed grades and overrides stay. */
export async function withdrawGrades(tx: DbOrTx, actor: Actor, input: { assignmentId: string }, now = new Date()): Promise<{ cohortId: string }> {
  const a = await instructorAssignment(tx, actor, input.assignmentId);
  const [cleared] = await tx
    .update(assignments)
    .set({ gradesReleasedAt: null })
    .where(and(eq(assignments.id, a.id), isNotNull(assignments.gradesReleasedAt)))
    .returning({ id: assignments.id });
  if (!cleared) throw new ActionError("conflict", "gradesNotReleased");
  await recordAudit(tx, { cohortId: a.cohortId, actorId: actor.id, action: "grades_withdrawn", assignmentId: a.id, details: {} }, now);
  return { cohortId: a.cohortId };
}
