import { and, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { reviews, selfAssessments } from "@/db/schema";
import { ActionError } from "@/lib/actions-core";

/** What decides whether an author may read the reviews they received (a whole assignment row will do). */
type Hiding = { id: string; hideReceivedUntilGiven: boolean; reviewDue: Date; selfAssessment: boolean };

/** Where the author stands: duty reviews owed and submitted, and whether they scored their own work. */
export type Standing = { owed: number; done: number; selfAssessed: boolean };

/** Why received reviews are hidden from their author, if they are: every reason at once, for the page to say. */
export type ReceivedLock = { unlocked: boolean; owesReviews: boolean; owesSelfAssessment: boolean };

/**
 * The rule (DESIGN.md, Peer-feedback pairing): received reviews stay hidden while the assignment
 * hides them until the student has submitted every review they owe (the review deadline lifts
 * that), and, when the assignment asks for a self-assessment, until the student has scored their
 * own work. The deadline does not lift the self-assessment: the student can always give it.
 */
export function receivedLock(a: Omit<Hiding, "id">, now: Date, s: Standing): ReceivedLock {
  const owesReviews = a.hideReceivedUntilGiven && now <= a.reviewDue && s.done < s.owed;
  const owesSelfAssessment = a.selfAssessment && !s.selfAssessed;
  return { unlocked: !owesReviews && !owesSelfAssessment, owesReviews, owesSelfAssessment };
}

/** The rule for callers that counted already. Without `selfAssessed` an assignment asking for a self-assessment stays locked. */
export function isUnlocked(
  a: Omit<Hiding, "id" | "selfAssessment"> & { selfAssessment?: boolean },
  now: Date,
  owed: number,
  done: number,
  selfAssessed = false,
): boolean {
  return receivedLock({ ...a, selfAssessment: a.selfAssessment ?? false }, now, { owed, done, selfAssessed }).unlocked;
}

/** Where a student stands and why their received reviews are hidden, in one statement (none when nothing can hide them). */
export async function receivedLockFor(db: DbOrTx, a: Hiding, userId: string, now = new Date()): Promise<ReceivedLock> {
  const open = { owed: 0, done: 0, selfAssessed: true };
  if (!a.selfAssessment && (!a.hideReceivedUntilGiven || now > a.reviewDue)) return receivedLock(a, now, open);
  const [row] = await db
    .select({
      owed: count(),
      done: sql<number>`count(*) filter (where ${reviews.status} = 'submitted')`.mapWith(Number),
      selfAssessed: sql<boolean>`exists(select 1 from ${selfAssessments} where ${selfAssessments.assignmentId} = ${a.id} and ${selfAssessments.userId} = ${userId})`,
    })
    .from(reviews)
    .where(and(eq(reviews.assignmentId, a.id), eq(reviews.reviewerId, userId), eq(reviews.kind, "duty")));
  return receivedLock(a, now, { owed: row?.owed ?? 0, done: row?.done ?? 0, selfAssessed: Boolean(row?.selfAssessed) });
}

/** Whether a student may read the reviews they received (see receivedLock). */
export async function unlockedFor(db: DbOrTx, a: Hiding, userId: string, now = new Date()): Promise<boolean> {
  return (await receivedLockFor(db, a, userId, now)).unlocked;
}

/** For writes on received reviews (rating them): refused with the reason, self-assessment first. */
export async function requireUnlocked(db: DbOrTx, a: Hiding, userId: string, now = new Date()): Promise<void> {
  const lock = await receivedLockFor(db, a, userId, now);
  if (lock.owesSelfAssessment) throw new ActionError("forbidden", "selfAssessmentFirst");
  if (lock.owesReviews) throw new ActionError("forbidden", "reviewsLocked");
}
