import { and, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { reviews } from "@/db/schema";

type Hiding = { id: string; hideReceivedUntilGiven: boolean; reviewDue: Date };

/**
 * Whether a student may read the reviews they received: always, unless the assignment hides them
 * until the student has submitted every review they owe; the review deadline lifts that too.
 */
export async function unlockedFor(db: DbOrTx, a: Hiding, userId: string, now = new Date()): Promise<boolean> {
  if (!a.hideReceivedUntilGiven || now > a.reviewDue) return true;
  const [row] = await db
    .select({ owed: count(), done: sql<number>`count(*) filter (where ${reviews.status} = 'submitted')`.mapWith(Number) })
    .from(reviews)
    .where(and(eq(reviews.assignmentId, a.id), eq(reviews.reviewerId, userId), eq(reviews.kind, "duty")));
  return isUnlocked(a, now, row?.owed ?? 0, row?.done ?? 0);
}

/** The rule itself, for callers that counted already. */
export function isUnlocked(a: Omit<Hiding, "id">, now: Date, owed: number, done: number): boolean {
  return !a.hideReceivedUntilGiven || now > a.reviewDue || done >= owed;
}

/**
 * Names under anonymity: instructors see everyone; the author and reviewers of an anonymous
 * assignment do not see each other's names (each sees their own).
 */
export function maskName(opts: { anonymous: boolean; viewerId: string; viewerIsInstructor: boolean; personId: string; name: string; alias: string }): string {
  if (!opts.anonymous || opts.viewerIsInstructor || opts.viewerId === opts.personId) return opts.name;
  return opts.alias;
}
