import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { memberships } from "@/db/schema";

/** The user's role in the cohort, or null. Takes the caller's transaction (PGlite cannot nest a second query). */
export async function membershipRole(db: DbOrTx, cohortId: string, userId: string): Promise<"student" | "instructor" | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.cohortId, cohortId), eq(memberships.userId, userId)))
    .limit(1);
  return row?.role ?? null;
}

export type Actor = { id: string; isAdmin: boolean };

/** The actor's role in a cohort on the row: admins count as instructors. Null for outsiders. */
export async function actorRole(db: DbOrTx, cohortId: string, actor: Actor): Promise<"student" | "instructor" | null> {
  return (await membershipRole(db, cohortId, actor.id)) ?? (actor.isAdmin ? "instructor" : null);
}
