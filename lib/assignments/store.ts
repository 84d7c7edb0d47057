import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, canvases, cohorts, deadlineExtensions, forumPosts, forumThreads, lessons, submissions, submissionVersions, users } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import { isEmptyDocument } from "@/lib/canvas/document";
import { fitScore } from "@/lib/canvas/fit";
import { listSegments } from "@/lib/canvas/segments";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { lessonInCohort } from "@/lib/courses/queries";
import { takePostSlot } from "@/lib/forum/store";
import { onFirstSubmission } from "@/lib/pairing/store";
import type { Anonymity, CalibrationMode, FrozenCanvas, GradeAggregate, GradeWeights, PairingMode, Requirement, RubricCriterion } from "./types";
import { freezeRows, ownCanvases } from "./freeze";

export type AssignmentRow = typeof assignments.$inferSelect;

export type AssignmentInput = {
  cohortId: string;
  lessonId: string;
  instructionsMd: string;
  requirements: Requirement[];
  rubric: RubricCriterion[];
  reviewsPerStudent: number;
  submissionDue: Date;
  reviewDue: Date;
  anonymity: Anonymity;
  hideReceivedUntilGiven: boolean;
  pairingMode: PairingMode;
  /** The rest have the database's defaults when left out (tests, older callers). */
  minCommentChars?: number;
  minSummaryChars?: number;
  calibration?: CalibrationMode;
  selfAssessment?: boolean;
  gradeAggregate?: GradeAggregate;
  gradeWeights?: GradeWeights;
};

/** The assignment of a lesson in a cohort, or null. */
export async function getAssignment(db: DbOrTx, cohortId: string, lessonId: string): Promise<AssignmentRow | null> {
  const [row] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.cohortId, cohortId), eq(assignments.lessonId, lessonId)))
    .limit(1);
  return row ?? null;
}

/** The same, found by the lesson's slug: a page can ask for it beside the lesson, not after it. */
export async function getAssignmentBySlug(db: DbOrTx, cohortId: string, lessonSlug: string): Promise<AssignmentRow | null> {
  const [row] = await db
    .select({ assignment: assignments })
    .from(assignments)
    .innerJoin(cohorts, eq(cohorts.id, assignments.cohortId))
    .innerJoin(lessons, and(eq(lessons.id, assignments.lessonId), eq(lessons.courseId, cohorts.courseId)))
    .where(and(eq(assignments.cohortId, cohortId), eq(lessons.slug, lessonSlug)))
    .limit(1);
  return row?.assignment ?? null;
}

/**
 * Creates or updates the assignment (instructors of the cohort and admins). An update names the
 * version it was based on: if someone saved in between, it is refused as a conflict.
 */
export async function saveAssignment(
  tx: DbOrTx,
  actor: Actor,
  input: AssignmentInput & { baseVersion?: number },
): Promise<AssignmentRow> {
  if ((await actorRole(tx, input.cohortId, actor)) !== "instructor") throw new ActionError("not_found", "notFound");
  if (!(await lessonInCohort(tx, input.cohortId, input.lessonId))) throw new ActionError("not_found", "notFound");
  const { baseVersion, ...values } = input;
  if (!baseVersion) {
    const [row] = await tx.insert(assignments).values(values).onConflictDoNothing().returning();
    if (!row) throw new ActionError("conflict", "assignmentChanged");
    return row;
  }
  const [row] = await tx
    .update(assignments)
    .set({ ...values, version: sql`${assignments.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(eq(assignments.cohortId, input.cohortId), eq(assignments.lessonId, input.lessonId), eq(assignments.version, baseVersion)),
    )
    .returning();
  if (!row) throw new ActionError("conflict", "assignmentChanged");
  return row;
}

type ChosenCanvas = typeof canvases.$inferSelect;

/** Why the chosen canvases do not meet the requirements (a catalog key), or null when they do. */
export function unmetRequirement(requirements: Requirement[], chosen: Pick<ChosenCanvas, "template" | "document" | "segmentCanvasId" | "segmentNoteId">[]): string | null {
  if (chosen.length === 0) return "submitNothingChosen";
  if (chosen.some((c) => !requirements.some((r) => r.template === c.template))) return "submitNotRequired";
  if (chosen.some((c) => isEmptyDocument(c.document))) return "submitEmptyCanvas";
  for (const req of requirements) {
    const ofKind = chosen.filter((c) => c.template === req.template);
    if (ofKind.length < req.count) return "submitTooFew";
    if (ofKind.length > req.count) return "submitTooMany";
    if (req.distinctSegments) {
      if (ofKind.some((c) => !c.segmentCanvasId || !c.segmentNoteId)) return "submitNeedsSegment";
      const keys = new Set(ofKind.map((c) => `${c.segmentCanvasId}:${c.segmentNoteId}`));
      if (keys.size < ofKind.length) return "submitSameSegment";
    }
  }
  return null;
}

export type SubmitResult = { submissionId: string; threadId: string; version: number; late: boolean; unchanged: boolean };

/**
 * Freezes the chosen canvases into a new version of the student's submission, creating the
 * submission and its forum thread on the first call. Under a per-student-and-assignment lock:
 * a double click, a retry or two tabs make one submission, and the same canvases at the same
 * versions make no new version.
 */
export async function submit(
  tx: DbOrTx,
  actor: Actor,
  input: { assignmentId: string; canvasIds: string[]; comment?: string },
  now = new Date(),
): Promise<SubmitResult> {
  const [assignment] = await tx
    .select({ a: assignments, lessonTitle: lessons.title })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(eq(assignments.id, input.assignmentId))
    .limit(1);
  if (!assignment) throw new ActionError("not_found", "notFound");
  const { a } = assignment;
  const role = await actorRole(tx, a.cohortId, actor);
  if (!role) throw new ActionError("not_found", "notFound");
  if (role !== "student") throw new ActionError("forbidden", "submitStudentsOnly");
  // Released grades rest on the versions that were there: no new ones until the instructor withdraws them.
  if (a.gradesReleasedAt) throw new ActionError("conflict", "submitGradesReleased");

  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`submit:${a.id}:${actor.id}`}, 0))`);

  const ids = [...new Set(input.canvasIds)];
  const chosen = await ownCanvases(tx, actor.id, a.cohortId, ids);
  if (chosen.length !== ids.length) throw new ActionError("not_found", "notFound");
  const unmet = unmetRequirement(a.requirements, chosen);
  if (unmet) throw new ActionError("invalid", unmet);

  const frozen = await freezeRows(tx, actor.id, a.cohortId, chosen, ids);
  const [extension] = await tx
    .select({ until: deadlineExtensions.until })
    .from(deadlineExtensions)
    .where(and(eq(deadlineExtensions.assignmentId, a.id), eq(deadlineExtensions.userId, actor.id)))
    .limit(1);
  const due = Math.max(a.submissionDue.getTime(), extension?.until.getTime() ?? 0);
  const late = now.getTime() > due;
  const fits = frozen.map((c) => c.fit).filter((f): f is number => typeof f === "number");
  const fit = fits.length ? fits.reduce((x, y) => x + y, 0) / fits.length : null;

  const [existing] = await tx
    .select()
    .from(submissions)
    .where(and(eq(submissions.assignmentId, a.id), eq(submissions.authorId, actor.id)))
    .limit(1);

  if (existing) {
    const [latest] = await tx
      .select()
      .from(submissionVersions)
      .where(eq(submissionVersions.submissionId, existing.id))
      .orderBy(desc(submissionVersions.version))
      .limit(1);
    const fingerprint = (list: FrozenCanvas[]) => list.map((c) => `${c.canvasId}@${c.version}`).join(",");
    if (latest && fingerprint(latest.canvases) === fingerprint(frozen)) {
      return { submissionId: existing.id, threadId: existing.threadId, version: latest.version, late: latest.late, unchanged: true };
    }
    const version = existing.currentVersion + 1;
    await tx.insert(submissionVersions).values({ submissionId: existing.id, version, canvases: frozen, late, submittedAt: now });
    await tx.update(submissions).set({ currentVersion: version, fitScore: fit, updatedAt: now }).where(eq(submissions.id, existing.id));
    await tx.update(forumThreads).set({ lastActivityAt: now }).where(eq(forumThreads.id, existing.threadId));
    return { submissionId: existing.id, threadId: existing.threadId, version, late, unchanged: false };
  }

  const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
  const [thread] = await tx
    .insert(forumThreads)
    .values({
      cohortId: a.cohortId,
      lessonId: a.lessonId,
      authorId: actor.id,
      kind: "submission",
      title: `${author!.name} – ${assignment.lessonTitle}`.slice(0, 200),
      lastActivityAt: now,
      createdAt: now,
    })
    .returning({ id: forumThreads.id });
  const comment = input.comment?.trim();
  if (comment) {
    await takePostSlot(tx, actor.id, a.cohortId);
    await tx.insert(forumPosts).values({ threadId: thread!.id, authorId: actor.id, bodyMd: comment });
  }
  const [submission] = await tx
    .insert(submissions)
    .values({ assignmentId: a.id, cohortId: a.cohortId, authorId: actor.id, threadId: thread!.id, late, fitScore: fit, createdAt: now, updatedAt: now })
    .returning({ id: submissions.id });
  await tx.insert(submissionVersions).values({ submissionId: submission!.id, version: 1, canvases: frozen, late, submittedAt: now });
  await onFirstSubmission(tx, { ...a, lessonTitle: assignment.lessonTitle }, actor.id, now);
  return { submissionId: submission!.id, threadId: thread!.id, version: 1, late, unchanged: false };
}

type OwnVersion = { version: number; late: boolean; submittedAt: Date; canvasIds: string[] };

/** The student's submission with its versions (newest first), or null: one statement. */
export async function getOwnSubmission(db: DbOrTx, assignmentId: string, authorId: string) {
  const [row] = await db
    .select({
      submission: submissions,
      // The versions' numbers, times and canvas ids only (a resubmit preselects the newest's canvases), not their documents.
      versions: sql<Array<Omit<OwnVersion, "submittedAt"> & { submittedAt: string }> | string>`(
        select coalesce(json_agg(json_build_object('version', v.version, 'late', v.late, 'submittedAt', v.submitted_at,
          'canvasIds', (select coalesce(json_agg(c->>'canvasId'), '[]'::json) from jsonb_array_elements(v.canvases) c)) order by v.version desc), '[]'::json)
        from ${submissionVersions} v where v.submission_id = ${sql.identifier("submissions")}.${sql.identifier("id")})`,
    })
    .from(submissions)
    .where(and(eq(submissions.assignmentId, assignmentId), eq(submissions.authorId, authorId)))
    .limit(1);
  if (!row) return null;
  const list = typeof row.versions === "string" ? (JSON.parse(row.versions) as Array<Omit<OwnVersion, "submittedAt"> & { submittedAt: string }>) : row.versions;
  const versions: OwnVersion[] = list.map((v) => ({ ...v, submittedAt: new Date(v.submittedAt) }));
  return { ...row.submission, versions };
}

/** The submission behind a thread with all its versions (caller has checked the thread is visible). */
export async function submissionOfThread(db: DbOrTx, threadId: string) {
  const [submission] = await db.select().from(submissions).where(eq(submissions.threadId, threadId)).limit(1);
  if (!submission) return null;
  const versions = await db
    .select()
    .from(submissionVersions)
    .where(eq(submissionVersions.submissionId, submission.id))
    .orderBy(desc(submissionVersions.version));
  return { submission, versions };
}

export type CandidateCanvas = {
  id: string;
  title: string;
  template: AssignmentRow["requirements"][number]["template"];
  empty: boolean;
  fit: number | null;
  segment: { key: string; text: string; color?: string } | null;
};

/** The student's canvases an assignment could take, with what the checklist needs to know of each. */
export async function candidateCanvases(db: DbOrTx, assignment: AssignmentRow, ownerId: string): Promise<CandidateCanvas[]> {
  const kinds = assignment.requirements.map((r) => r.template);
  const [rows, segments] = await Promise.all([
    db
      .select()
      .from(canvases)
      .where(and(eq(canvases.ownerId, ownerId), eq(canvases.cohortId, assignment.cohortId), inArray(canvases.template, kinds)))
      .orderBy(desc(canvases.updatedAt)),
    listSegments(db, ownerId, assignment.cohortId),
  ]);
  return rows.map((c) => {
    const segment = segments.find((s) => s.canvasId === c.segmentCanvasId && s.noteId === c.segmentNoteId);
    return {
      id: c.id,
      title: c.title,
      template: c.template,
      empty: isEmptyDocument(c.document),
      fit: c.template === "value-proposition" ? fitScore(c.document).score : null,
      segment: segment ? { key: `${segment.canvasId}:${segment.noteId}`, text: segment.text, color: segment.color } : null,
    };
  });
}
