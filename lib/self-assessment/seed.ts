import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { assignments, reviews, selfAssessments, submissions } from "@/db/schema";
import type { ReviewScores } from "@/lib/pairing/types";

const COMMENTS = [
  "Ich glaube, die Kundensicht ist mir gut gelungen; bei der Value Map war ich großzügig mit mir.",
  "Ungefähr so, wie ich es erwartet habe: solide, aber noch nicht zugespitzt.",
  "Ich bin unsicher, ob die Pains wirklich die wichtigsten sind – da bin ich eher streng mit mir.",
];

/**
 * Demo data: self-assessments for the given authors of an assignment (the demo seed calls it after
 * the reviews are written). Each is the mean of the scores the author received, moved by +1, 0 and
 * −1 in turn (within the scale), so the instructor's drill-down shows a student above, level with
 * and below their peers. Authors without a submission are skipped; existing self-assessments stay.
 * Returns how many were written.
 */
export async function seedSelfAssessments(tx: DbOrTx, assignmentId: string, authorIds: string[]): Promise<number> {
  if (authorIds.length === 0) return 0;
  const [assignment] = await tx.select({ rubric: assignments.rubric }).from(assignments).where(eq(assignments.id, assignmentId)).limit(1);
  if (!assignment) return 0;
  const [subs, received] = await Promise.all([
    tx
      .select({ id: submissions.id, authorId: submissions.authorId })
      .from(submissions)
      .where(and(eq(submissions.assignmentId, assignmentId), inArray(submissions.authorId, authorIds))),
    tx
      .select({ authorId: reviews.authorId, scores: reviews.scores })
      .from(reviews)
      .where(and(eq(reviews.assignmentId, assignmentId), eq(reviews.status, "submitted"), inArray(reviews.authorId, authorIds))),
  ]);
  const byAuthor = new Map(subs.map((s) => [s.authorId, s.id]));
  const rows = authorIds.flatMap((authorId, i) => {
    const submissionId = byAuthor.get(authorId);
    if (!submissionId) return [];
    const shift = [1, 0, -1][i % 3]!;
    const got = received.filter((r) => r.authorId === authorId);
    const scores: ReviewScores = {};
    for (const c of assignment.rubric) {
      const values = got.map((r) => r.scores[c.id]?.score).filter((s): s is number => typeof s === "number");
      const base = values.length ? values.reduce((a, b) => a + b, 0) / values.length : Math.ceil(c.scale * 0.75);
      scores[c.id] = { score: Math.min(c.scale, Math.max(1, Math.round(base) + shift)), comment: "" };
    }
    return [{ assignmentId, userId: authorId, submissionId, scores, comment: COMMENTS[i % 3]! }];
  });
  if (rows.length === 0) return 0;
  const written = await tx.insert(selfAssessments).values(rows).onConflictDoNothing().returning({ userId: selfAssessments.userId });
  return written.length;
}
