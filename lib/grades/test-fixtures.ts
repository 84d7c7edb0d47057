import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { reviews } from "@/db/schema";
import { pairAssignment, type PairingAssignment } from "@/lib/pairing/store";
import { pairingCohort, submitEmpathyMap, type Person } from "@/lib/test/pairing-fixtures";

/** Test helpers for the grade tests (not a test file itself). */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * Submits every review `reviewer` owes, straight in the table (the review form has its own tests),
 * with the given scores for the rubric of pairingCohort (clarity 1–4, fit 1–5).
 */
export async function giveReviews(a: PairingAssignment, reviewer: Person, at: Date, scores: { clarity: number; fit: number }, helpfulness: number | null = null) {
  await getDb()
    .update(reviews)
    .set({
      status: "submitted",
      submittedAt: at,
      helpfulness,
      scores: { clarity: { score: scores.clarity, comment: "Klar genug." }, fit: { score: scores.fit, comment: "Passt." } },
    })
    .where(and(eq(reviews.assignmentId, a.id), eq(reviews.reviewerId, reviewer.id)));
}

/**
 * n students who all submit a day before the deadline; pairing an hour later (k = 2). Reviews are
 * due at the assignment's review deadline.
 */
export async function pairedCohort(n: number) {
  const world = await pairingCohort(n);
  const { cohort, assignment: a, students } = world;
  const due = a.submissionDue.getTime();
  for (const s of students) await submitEmpathyMap(cohort.id, a.id, s, new Date(due - DAY));
  await getDb().transaction((tx) => pairAssignment(tx, a, "instructor", new Date(due - DAY + HOUR)));
  return { ...world, due };
}
