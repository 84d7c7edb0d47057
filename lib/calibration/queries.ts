import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { rowsOf, type DbOrTx } from "@/db";
import { assignments, calibrationAttempts, calibrationExamples, lessons, reviews, submissions } from "@/db/schema";
import type { CalibrationMode, FrozenCanvas, RubricCriterion } from "@/lib/assignments/types";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { compareScores, exampleReady, type CriterionComparison } from "./accuracy";

/**
 * Reads of calibration. What a student gets of an example before attempting it is its title and
 * canvases, never the instructor's scores or whys: those come only with their own attempt.
 */

const exampleOrder = [asc(calibrationExamples.position), asc(calibrationExamples.createdAt), asc(calibrationExamples.id)] as const;

/**
 * May the student calibrate on this assignment? Once they submitted their own work or have a
 * review of it to do (a volunteer from the reserve pool): seeing an assessed example earlier would
 * make it a template to copy for their own submission.
 */
export async function mayCalibrate(db: DbOrTx, assignmentId: string, userId: string): Promise<boolean> {
  const result = await db.execute(sql`
    select (
      exists(select 1 from ${submissions} where ${submissions.assignmentId} = ${assignmentId} and ${submissions.authorId} = ${userId})
      or exists(select 1 from ${reviews} where ${reviews.assignmentId} = ${assignmentId} and ${reviews.reviewerId} = ${userId})
    ) as ok`);
  return Boolean(rowsOf<{ ok: boolean }>(result)[0]?.ok);
}

export type CalibrationGate = { required: boolean; done: boolean; attempts: number; bestAccuracy: number | null; nextExampleId: string | null };

/**
 * Where a student stands with an assignment's calibration, in one query. `required` holds only
 * when the mode is "required" AND at least one example is ready for students: with no examples
 * the gate is open. So a peer review is refused exactly when `required && !done`.
 * `nextExampleId` is the first ready example they have not attempted (null when calibration is off).
 */
export async function calibrationGate(
  db: DbOrTx,
  assignment: { id: string; calibration: CalibrationMode },
  userId: string,
): Promise<CalibrationGate> {
  const rows = await db
    .select({ id: calibrationExamples.id, scores: calibrationExamples.scores, rubric: assignments.rubric, accuracy: calibrationAttempts.accuracy })
    .from(calibrationExamples)
    .innerJoin(assignments, eq(assignments.id, calibrationExamples.assignmentId))
    .leftJoin(calibrationAttempts, and(eq(calibrationAttempts.exampleId, calibrationExamples.id), eq(calibrationAttempts.userId, userId)))
    .where(eq(calibrationExamples.assignmentId, assignment.id))
    .orderBy(...exampleOrder);
  const ready = rows.filter((r) => exampleReady(r.rubric, r.scores));
  const tried = rows.filter((r) => r.accuracy !== null).map((r) => r.accuracy!);
  return {
    required: assignment.calibration === "required" && ready.length > 0,
    done: tried.length > 0,
    attempts: tried.length,
    bestAccuracy: tried.length > 0 ? Math.max(...tried) : null,
    nextExampleId: assignment.calibration === "off" ? null : (ready.find((r) => r.accuracy === null)?.id ?? null),
  };
}

/** Each student's best agreement (0…1) on the assignment's examples, for grades: one query. */
export async function calibrationAccuracy(db: DbOrTx, assignmentId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ userId: calibrationAttempts.userId, best: sql<number>`max(${calibrationAttempts.accuracy})`.mapWith(Number) })
    .from(calibrationAttempts)
    .where(eq(calibrationAttempts.assignmentId, assignmentId))
    .groupBy(calibrationAttempts.userId);
  return new Map(rows.map((r) => [r.userId, r.best]));
}

/** The assignment with its lesson, when it belongs to the cohort. */
export async function assignmentInCohort(db: DbOrTx, cohortId: string, assignmentId: string) {
  const [row] = await db
    .select({ assignment: assignments, lessonTitle: lessons.title, lessonSlug: lessons.slug })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(and(eq(assignments.id, assignmentId), eq(assignments.cohortId, cohortId)))
    .limit(1);
  return row ?? null;
}

/** An example as a student sees it before attempting: title and canvases, no answers. */
export type ExampleToReview = { id: string; title: string; canvases: FrozenCanvas[] };

export type PastAttempt = { exampleId: string; title: string; accuracy: number; createdAt: Date };

/**
 * The student's calibration round for an assignment: whether they may take part, the attempts
 * they made (newest first) and the next example to review, without the instructor's answers.
 * Null when the assignment is not of the cohort or the actor is not a member.
 */
export async function studentRound(db: DbOrTx, actor: Actor, cohortId: string, assignmentId: string) {
  const [found, role, eligible] = await Promise.all([
    assignmentInCohort(db, cohortId, assignmentId),
    actorRole(db, cohortId, actor),
    mayCalibrate(db, assignmentId, actor.id),
  ]);
  if (!found || !role) return null;
  const rows = await db
    .select({
      id: calibrationExamples.id,
      title: calibrationExamples.title,
      scores: calibrationExamples.scores,
      accuracy: calibrationAttempts.accuracy,
      attemptedAt: calibrationAttempts.createdAt,
    })
    .from(calibrationExamples)
    .leftJoin(calibrationAttempts, and(eq(calibrationAttempts.exampleId, calibrationExamples.id), eq(calibrationAttempts.userId, actor.id)))
    .where(eq(calibrationExamples.assignmentId, assignmentId))
    .orderBy(...exampleOrder);
  const rubric = found.assignment.rubric;
  const open = found.assignment.calibration !== "off" && role === "student" && eligible;
  const ready = rows.filter((r) => exampleReady(rubric, r.scores));
  const attempts: PastAttempt[] = rows
    .filter((r) => r.accuracy !== null)
    .map((r) => ({ exampleId: r.id, title: r.title, accuracy: r.accuracy!, createdAt: r.attemptedAt! }))
    .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime());
  const nextId = open ? ready.find((r) => r.accuracy === null)?.id : undefined;
  let next: ExampleToReview | null = null;
  if (nextId) {
    const [example] = await db
      .select({ id: calibrationExamples.id, title: calibrationExamples.title, canvases: calibrationExamples.canvases })
      .from(calibrationExamples)
      .where(eq(calibrationExamples.id, nextId))
      .limit(1);
    next = example ?? null;
  }
  return {
    assignment: found.assignment,
    lessonTitle: found.lessonTitle,
    lessonSlug: found.lessonSlug,
    role,
    eligible,
    readyCount: ready.length,
    attempts,
    next,
  };
}

export type AttemptResult = {
  exampleId: string;
  title: string;
  accuracy: number;
  createdAt: Date;
  criteria: CriterionComparison[];
  studentStandout: string;
  /** The instructor's summary of the example. */
  instructorStandout: string;
};

/** The student's own attempt at an example beside the instructor's answers; null without an attempt. */
export async function attemptResult(db: DbOrTx, userId: string, assignmentId: string, exampleId: string): Promise<AttemptResult | null> {
  const [row] = await db
    .select({ attempt: calibrationAttempts, example: calibrationExamples, rubric: assignments.rubric })
    .from(calibrationAttempts)
    .innerJoin(calibrationExamples, eq(calibrationExamples.id, calibrationAttempts.exampleId))
    .innerJoin(assignments, eq(assignments.id, calibrationAttempts.assignmentId))
    .where(and(eq(calibrationAttempts.exampleId, exampleId), eq(calibrationAttempts.userId, userId), eq(calibrationAttempts.assignmentId, assignmentId)))
    .limit(1);
  if (!row) return null;
  return {
    exampleId,
    title: row.example.title,
    accuracy: row.attempt.accuracy,
    createdAt: row.attempt.createdAt,
    criteria: compareScores(row.rubric as RubricCriterion[], row.attempt.scores, row.example.scores),
    studentStandout: row.attempt.standout,
    instructorStandout: row.example.standout,
  };
}

export type CalibrationTodo = {
  assignmentId: string;
  lessonTitle: string;
  mode: Exclude<CalibrationMode, "off">;
  attempts: number;
  bestAccuracy: number | null;
};

/**
 * For a student's reviews page: each assignment of the cohort with calibration on, examples ready
 * and the student allowed to take part, with their best agreement so far. Three queries in all.
 */
export async function calibrationOverview(db: DbOrTx, userId: string, cohortId: string): Promise<CalibrationTodo[]> {
  const rows = await db
    .select({
      id: assignments.id,
      mode: assignments.calibration,
      rubric: assignments.rubric,
      lessonTitle: lessons.title,
      position: lessons.position,
      eligible: sql<boolean>`(
        exists(select 1 from ${submissions} where ${submissions.assignmentId} = ${assignments.id} and ${submissions.authorId} = ${userId})
        or exists(select 1 from ${reviews} where ${reviews.assignmentId} = ${assignments.id} and ${reviews.reviewerId} = ${userId}))`,
    })
    .from(assignments)
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(and(eq(assignments.cohortId, cohortId), ne(assignments.calibration, "off")))
    .orderBy(asc(lessons.position));
  const open = rows.filter((r) => r.eligible);
  if (open.length === 0) return [];
  const ids = open.map((r) => r.id);
  const [examples, attempts] = await Promise.all([
    db
      .select({ assignmentId: calibrationExamples.assignmentId, scores: calibrationExamples.scores })
      .from(calibrationExamples)
      .where(inArray(calibrationExamples.assignmentId, ids)),
    db
      .select({ assignmentId: calibrationAttempts.assignmentId, accuracy: calibrationAttempts.accuracy })
      .from(calibrationAttempts)
      .where(and(inArray(calibrationAttempts.assignmentId, ids), eq(calibrationAttempts.userId, userId)))
      .orderBy(desc(calibrationAttempts.accuracy)),
  ]);
  return open.flatMap((r) => {
    const mine = attempts.filter((t) => t.assignmentId === r.id);
    const ready = examples.some((e) => e.assignmentId === r.id && exampleReady(r.rubric, e.scores));
    // Without a ready example there is nothing to do yet (and a required round does not hold anyone up).
    if (!ready && mine.length === 0) return [];
    return [{ assignmentId: r.id, lessonTitle: r.lessonTitle, mode: r.mode as CalibrationTodo["mode"], attempts: mine.length, bestAccuracy: mine[0]?.accuracy ?? null }];
  });
}
