import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, selfAssessments, submissions } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";
import type { RubricCriterion } from "@/lib/assignments/types";
import { actorRole, type Actor } from "@/lib/cohorts/membership";
import type { ReviewScores } from "@/lib/pairing/types";

/**
 * Self-assessment (DESIGN.md, Peer-feedback pairing): the author of a submission scores it with the
 * assignment's rubric before they may read the reviews they received. One per student and
 * assignment, and final: what they committed to is what the reviews are compared with.
 */

/** Only the rubric's criteria, each score on its criterion's scale (else null), comments trimmed. */
export function rubricScores(rubric: RubricCriterion[], scores: ReviewScores): ReviewScores {
  const out: ReviewScores = {};
  for (const c of rubric) {
    const a = scores[c.id];
    const score = a?.score != null && Number.isInteger(a.score) && a.score >= 1 && a.score <= c.scale ? a.score : null;
    out[c.id] = { score, comment: a?.comment.trim() ?? "" };
  }
  return out;
}

function sameContent(rubric: RubricCriterion[], a: { scores: ReviewScores; comment: string }, b: { scores: ReviewScores; comment: string }): boolean {
  const x = rubricScores(rubric, a.scores);
  const y = rubricScores(rubric, b.scores);
  return a.comment.trim() === b.comment.trim() && rubric.every((c) => x[c.id]!.score === y[c.id]!.score && x[c.id]!.comment === y[c.id]!.comment);
}

/**
 * Saves the author's self-assessment of their submission: every criterion scored on its scale,
 * comments optional. Saving the same again changes nothing (a double click, a retry); anything
 * else after the first save is refused. Someone else's submission does not exist for the actor.
 */
export async function saveSelfAssessment(
  tx: DbOrTx,
  actor: Actor,
  input: { submissionId: string; scores: ReviewScores; comment: string },
  now = new Date(),
): Promise<{ cohortId: string; assignmentId: string; created: boolean }> {
  const [row] = await tx
    .select({ submission: { id: submissions.id, authorId: submissions.authorId, cohortId: submissions.cohortId }, assignment: assignments })
    .from(submissions)
    .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
    .where(eq(submissions.id, input.submissionId))
    .limit(1);
  if (!row || row.submission.authorId !== actor.id) throw new ActionError("not_found", "notFound");
  if (!(await actorRole(tx, row.submission.cohortId, actor))) throw new ActionError("not_found", "notFound");
  const { assignment } = row;
  if (!assignment.selfAssessment) throw new ActionError("forbidden", "selfAssessmentOff");

  const scores = rubricScores(assignment.rubric, input.scores);
  const unscored = assignment.rubric.filter((c) => scores[c.id]?.score == null);
  if (unscored.length > 0) {
    throw new ActionError("invalid", "selfAssessmentUnscored", Object.fromEntries(unscored.map((c) => [`score-${c.id}`, "selfAssessmentScoreMissing"])));
  }
  const content = { scores, comment: input.comment.trim() };
  const result = { cohortId: assignment.cohortId, assignmentId: assignment.id };
  const [inserted] = await tx
    .insert(selfAssessments)
    .values({ assignmentId: assignment.id, userId: actor.id, submissionId: row.submission.id, ...content, createdAt: now })
    .onConflictDoNothing()
    .returning({ userId: selfAssessments.userId });
  if (inserted) return { ...result, created: true };

  // Saved before (or by a second tab a moment ago): the same content is the same save.
  const [existing] = await tx
    .select({ scores: selfAssessments.scores, comment: selfAssessments.comment })
    .from(selfAssessments)
    .where(and(eq(selfAssessments.assignmentId, assignment.id), eq(selfAssessments.userId, actor.id)))
    .limit(1);
  if (existing && sameContent(assignment.rubric, existing, content)) return { ...result, created: false };
  throw new ActionError("conflict", "selfAssessmentFinal");
}
