import { and, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, calibrationAttempts, calibrationExamples } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import type { RubricCriterion } from "@/lib/assignments/types";
import { isEmptyDocument } from "@/lib/canvas/document";
import { recordAudit } from "@/lib/cohorts/audit";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import type { ReviewScores } from "@/lib/pairing/types";
import { cleanScores, exampleReady, scoreAccuracy, unscored } from "./accuracy";
import { freezeRows, ownCanvases } from "@/lib/assignments/freeze";
import { mayCalibrate } from "./queries";
import { EXAMPLES_MAX } from "./limits";

/**
 * Calibration examples (the instructor's, with their scores and why) and the students' attempts at
 * them. Instructors of the assignment's cohort (and admins) write examples; a student of the cohort
 * who has started on the assignment writes one attempt per example, never changed afterwards.
 */

const SIZE_MAX = 2_000_000;

async function assignmentRow(tx: DbOrTx, assignmentId: string) {
  const [a] = await tx.select().from(assignments).where(eq(assignments.id, assignmentId)).limit(1);
  return a ?? null;
}

/** The example with its assignment, for one of the cohort's instructors; not found for anyone else. */
async function instructorsExample(tx: DbOrTx, actor: Actor, cohortId: string, exampleId: string) {
  const [row] = await tx
    .select({ example: calibrationExamples, assignment: assignments })
    .from(calibrationExamples)
    .innerJoin(assignments, eq(assignments.id, calibrationExamples.assignmentId))
    .where(eq(calibrationExamples.id, exampleId))
    .limit(1);
  const instructor = (await actorRole(tx, row?.assignment.cohortId ?? cohortId, actor)) === "instructor";
  if (!row) {
    // Deleted in between (another tab, a colleague): the cohort's instructors are told so, anyone else learns nothing.
    throw new ActionError("not_found", instructor ? "calibrationExampleGone" : "notFound");
  }
  if (!instructor || row.assignment.cohortId !== cohortId) throw new ActionError("not_found", "notFound");
  return row;
}

export type CreateExampleInput = { cohortId: string; assignmentId: string; title: string; canvasIds: string[] };

/** Freezes some of the instructor's own canvases into a new, not yet scored example of the assignment. */
export async function createExample(tx: DbOrTx, actor: Actor, input: CreateExampleInput, now = new Date()): Promise<{ id: string }> {
  const a = await assignmentRow(tx, input.assignmentId);
  if (!a || a.cohortId !== input.cohortId || (await actorRole(tx, a.cohortId, actor)) !== "instructor") {
    throw new ActionError("not_found", "notFound");
  }
  const [{ n, last }] = (await tx
    .select({ n: count(), last: sql<number | null>`max(${calibrationExamples.position})` })
    .from(calibrationExamples)
    .where(eq(calibrationExamples.assignmentId, a.id))) as [{ n: number; last: number | null }];
  if (n >= EXAMPLES_MAX) throw new ActionError("invalid", "calibrationTooManyExamples");

  const ids = [...new Set(input.canvasIds)];
  if (ids.length === 0) throw new ActionError("invalid", "checkFields", { canvasIds: "calibrationChooseCanvas" });
  const rows = await ownCanvases(tx, actor.id, a.cohortId, ids);
  // Another person's canvas, or one deleted meanwhile, does not exist for the instructor.
  if (rows.length !== ids.length) throw new ActionError("not_found", "notFound");
  const kinds = new Set(a.requirements.map((r) => r.template));
  if (rows.some((c) => !kinds.has(c.template))) throw new ActionError("invalid", "checkFields", { canvasIds: "calibrationCanvasWrongKind" });
  if (rows.some((c) => isEmptyDocument(c.document))) throw new ActionError("invalid", "checkFields", { canvasIds: "calibrationCanvasEmpty" });

  const frozen = await freezeRows(tx, actor.id, a.cohortId, rows, ids);
  if (new TextEncoder().encode(JSON.stringify(frozen)).length > SIZE_MAX) {
    throw new ActionError("invalid", "checkFields", { canvasIds: "calibrationTooLarge" });
  }
  const [row] = await tx
    .insert(calibrationExamples)
    .values({
      assignmentId: a.id,
      title: input.title,
      canvases: frozen,
      scores: {},
      position: (last ?? -1) + 1,
      createdById: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: calibrationExamples.id });
  await recordAudit(
    tx,
    { cohortId: a.cohortId, actorId: actor.id, action: "calibration_example_saved", assignmentId: a.id, details: { name: input.title, created: true } },
    now,
  );
  return row!;
}

/** Field errors for an instructor's assessment: every criterion scored, each with its why. */
function incomplete(rubric: RubricCriterion[], scores: ReviewScores): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const c of unscored(rubric, scores)) errors[`score-${c.id}`] = "calibrationScoreMissing";
  for (const c of rubric) if (!scores[c.id]?.comment) errors[`comment-${c.id}`] = "calibrationWhyMissing";
  return errors;
}

export type SaveExampleInput = { cohortId: string; exampleId: string; title: string; scores: ReviewScores; standout: string };

/**
 * Saves the instructor's title, scores, whys and summary. Attempts already made keep the student's
 * answers; their agreement is measured again against the new scores, so result pages and grades agree.
 */
export async function saveExample(tx: DbOrTx, actor: Actor, input: SaveExampleInput, now = new Date()): Promise<{ id: string; assignmentId: string; rescored: number }> {
  const { example, assignment: a } = await instructorsExample(tx, actor, input.cohortId, input.exampleId);
  const scores = cleanScores(a.rubric, input.scores);
  const errors = incomplete(a.rubric, scores);
  if (Object.keys(errors).length > 0) throw new ActionError("invalid", "calibrationExampleIncomplete", errors);
  await tx
    .update(calibrationExamples)
    .set({ title: input.title, scores, standout: input.standout.trim(), updatedAt: now })
    .where(eq(calibrationExamples.id, example.id));

  const attempts = await tx
    .select({ id: calibrationAttempts.id, scores: calibrationAttempts.scores, accuracy: calibrationAttempts.accuracy })
    .from(calibrationAttempts)
    .where(eq(calibrationAttempts.exampleId, example.id));
  const changed = attempts
    .map((t) => ({ id: t.id, accuracy: scoreAccuracy(a.rubric, t.scores, scores) ?? t.accuracy, before: t.accuracy }))
    .filter((t) => Math.abs(t.accuracy - t.before) > 1e-6);
  if (changed.length > 0) {
    // One statement for all of them, however many students tried the example.
    const values = JSON.stringify(changed.map((t) => ({ id: t.id, accuracy: t.accuracy })));
    await tx.execute(sql`
      update ${calibrationAttempts} set accuracy = v.accuracy
      from jsonb_to_recordset(${values}::jsonb) as v(id uuid, accuracy real)
      where ${calibrationAttempts.id} = v.id`);
  }
  await recordAudit(
    tx,
    { cohortId: a.cohortId, actorId: actor.id, action: "calibration_example_saved", assignmentId: a.id, details: { name: input.title, created: false, rescored: changed.length } },
    now,
  );
  return { id: example.id, assignmentId: a.id, rescored: changed.length };
}

/**
 * Deletes an example and, with it, the attempts made on it. Deleting one that is already gone
 * (a second tab, a double click) is no error for the cohort's instructors: nothing is left to do.
 */
export async function deleteExample(
  tx: DbOrTx,
  actor: Actor,
  input: { cohortId: string; exampleId: string },
  now = new Date(),
): Promise<{ deleted: boolean; assignmentId: string | null; attempts: number }> {
  let found;
  try {
    found = await instructorsExample(tx, actor, input.cohortId, input.exampleId);
  } catch (error) {
    if (error instanceof ActionError && error.messageKey === "calibrationExampleGone") return { deleted: false, assignmentId: null, attempts: 0 };
    throw error;
  }
  const { example, assignment: a } = found;
  const [{ attempts }] = (await tx
    .select({ attempts: count() })
    .from(calibrationAttempts)
    .where(eq(calibrationAttempts.exampleId, example.id))) as [{ attempts: number }];
  const gone = await tx.delete(calibrationExamples).where(eq(calibrationExamples.id, example.id)).returning({ id: calibrationExamples.id });
  if (gone.length === 0) return { deleted: false, assignmentId: a.id, attempts: 0 };
  await recordAudit(
    tx,
    { cohortId: a.cohortId, actorId: actor.id, action: "calibration_example_deleted", assignmentId: a.id, details: { name: example.title, attempts } },
    now,
  );
  return { deleted: true, assignmentId: a.id, attempts };
}

export type AttemptInput = { cohortId: string; exampleId: string; scores: ReviewScores; standout: string };

/**
 * A student's review of an example: every criterion scored (comments optional), compared with the
 * instructor's scores. One attempt per example and student: a repeat (double click, second tab)
 * changes nothing and answers with the attempt already made.
 */
export async function submitAttempt(
  tx: DbOrTx,
  actor: Actor,
  input: AttemptInput,
  now = new Date(),
): Promise<{ exampleId: string; assignmentId: string; accuracy: number; repeated: boolean }> {
  const [row] = await tx
    .select({ example: calibrationExamples, assignment: assignments })
    .from(calibrationExamples)
    .innerJoin(assignments, eq(assignments.id, calibrationExamples.assignmentId))
    .where(eq(calibrationExamples.id, input.exampleId))
    .limit(1);
  const role = await actorRole(tx, row?.assignment.cohortId ?? input.cohortId, actor);
  if (!row) throw new ActionError("not_found", role ? "calibrationExampleGone" : "notFound");
  const { example, assignment: a } = row;
  if (!role || a.cohortId !== input.cohortId) throw new ActionError("not_found", "notFound");
  if (role !== "student") throw new ActionError("forbidden", "calibrationStudentsOnly");
  if (a.calibration === "off") throw new ActionError("forbidden", "calibrationOff");
  if (!(await mayCalibrate(tx, a.id, actor.id))) throw new ActionError("forbidden", "calibrationNotYet");

  const [existing] = await tx
    .select({ accuracy: calibrationAttempts.accuracy })
    .from(calibrationAttempts)
    .where(and(eq(calibrationAttempts.exampleId, example.id), eq(calibrationAttempts.userId, actor.id)))
    .limit(1);
  if (existing) return { exampleId: example.id, assignmentId: a.id, accuracy: existing.accuracy, repeated: true };
  if (!exampleReady(a.rubric, example.scores)) throw new ActionError("conflict", "calibrationExampleNotReady");

  const scores = cleanScores(a.rubric, input.scores);
  const missing = unscored(a.rubric, scores);
  if (missing.length > 0) {
    throw new ActionError("invalid", "calibrationUnscored", Object.fromEntries(missing.map((c) => [`score-${c.id}`, "calibrationScoreMissing"])));
  }
  const accuracy = scoreAccuracy(a.rubric, scores, example.scores)!;
  const [inserted] = await tx
    .insert(calibrationAttempts)
    .values({ exampleId: example.id, assignmentId: a.id, userId: actor.id, scores, standout: input.standout.trim(), accuracy, createdAt: now })
    .onConflictDoNothing()
    .returning({ accuracy: calibrationAttempts.accuracy });
  if (inserted) return { exampleId: example.id, assignmentId: a.id, accuracy: inserted.accuracy, repeated: false };
  // A concurrent twin got there first (it waited for that one to commit): answer with its result.
  const [twin] = await tx
    .select({ accuracy: calibrationAttempts.accuracy })
    .from(calibrationAttempts)
    .where(and(eq(calibrationAttempts.exampleId, example.id), eq(calibrationAttempts.userId, actor.id)))
    .limit(1);
  return { exampleId: example.id, assignmentId: a.id, accuracy: twin?.accuracy ?? accuracy, repeated: true };
}
