import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, calibrationAttempts, calibrationExamples, lessons } from "@/db/schema";
import type { RubricCriterion } from "@/lib/assignments/types";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import { exampleReady } from "./accuracy";
import { assignmentInCohort } from "./queries";

/** Reads for the instructor's side of calibration: the examples with their attempts, one example, the panel's counts. */

const exampleOrder = [asc(calibrationExamples.position), asc(calibrationExamples.createdAt), asc(calibrationExamples.id)] as const;

export type ExampleSummary = {
  id: string;
  title: string;
  canvasCount: number;
  ready: boolean;
  attempts: number;
  meanAccuracy: number | null;
  updatedAt: Date;
};

/** The instructor's list: every example of the assignment with its attempts; null for anyone but the cohort's instructors. */
export async function instructorExamples(db: DbOrTx, actor: Actor, cohortId: string, assignmentId: string) {
  const [found, role] = await Promise.all([assignmentInCohort(db, cohortId, assignmentId), actorRole(db, cohortId, actor)]);
  if (!found || role !== "instructor") return null;
  const tried = db
    .select({
      exampleId: calibrationAttempts.exampleId,
      n: sql<number>`count(*)::int`.as("n"),
      mean: sql<number | null>`avg(${calibrationAttempts.accuracy})`.as("mean"),
    })
    .from(calibrationAttempts)
    .where(eq(calibrationAttempts.assignmentId, assignmentId))
    .groupBy(calibrationAttempts.exampleId)
    .as("tried");
  const rows = await db
    .select({
      id: calibrationExamples.id,
      title: calibrationExamples.title,
      scores: calibrationExamples.scores,
      canvasCount: sql<number>`jsonb_array_length(${calibrationExamples.canvases})`.mapWith(Number),
      attempts: sql<number>`coalesce(${tried.n}, 0)`.mapWith(Number),
      meanAccuracy: sql<number | null>`${tried.mean}`,
      updatedAt: calibrationExamples.updatedAt,
    })
    .from(calibrationExamples)
    .leftJoin(tried, eq(tried.exampleId, calibrationExamples.id))
    .where(eq(calibrationExamples.assignmentId, assignmentId))
    .orderBy(...exampleOrder);
  const rubric = found.assignment.rubric;
  const examples: ExampleSummary[] = rows.map(({ scores, meanAccuracy, ...r }) => ({
    ...r,
    ready: exampleReady(rubric, scores),
    meanAccuracy: meanAccuracy === null ? null : Number(meanAccuracy),
  }));
  return { ...found, examples };
}

/** One example with everything the instructor wrote, for its scoring page; null for anyone but the cohort's instructors. */
export async function instructorExample(db: DbOrTx, actor: Actor, cohortId: string, exampleId: string) {
  const [row] = await db
    .select({
      example: calibrationExamples,
      assignment: assignments,
      lessonTitle: lessons.title,
      lessonSlug: lessons.slug,
      attempts: sql<number>`(select count(*) from ${calibrationAttempts} where ${calibrationAttempts.exampleId} = ${calibrationExamples.id})::int`.mapWith(Number),
    })
    .from(calibrationExamples)
    .innerJoin(assignments, eq(assignments.id, calibrationExamples.assignmentId))
    .innerJoin(lessons, eq(lessons.id, assignments.lessonId))
    .where(and(eq(calibrationExamples.id, exampleId), eq(assignments.cohortId, cohortId)))
    .limit(1);
  if (!row || (await actorRole(db, cohortId, actor)) !== "instructor") return null;
  return row;
}

/** For the instructor's assignment panel: how many examples there are and how many students can take. */
export async function exampleCounts(db: DbOrTx, assignment: { id: string; rubric: RubricCriterion[] }): Promise<{ total: number; ready: number }> {
  const rows = await db
    .select({ scores: calibrationExamples.scores })
    .from(calibrationExamples)
    .where(eq(calibrationExamples.assignmentId, assignment.id));
  return { total: rows.length, ready: rows.filter((r) => exampleReady(assignment.rubric, r.scores)).length };
}
