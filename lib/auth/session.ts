import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { actorRole } from "@/lib/cohorts/membership";
import { loadSessionUser, type SessionContext, type SessionUser } from "./credentials";
import { noteDatabaseError, noteDatabaseReachable } from "@/lib/outage";
import { readSessionClaims } from "./token";

export type { SessionContext, SessionUser };

/** The signed-in user, checked against the database once per request (session row and version). */
export const getCurrentUser = cache(async (): Promise<SessionContext | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  // Every signed-in page starts here: the place that notices an outage first, and a recovery.
  try {
    const user = await loadSessionUser(claims);
    noteDatabaseReachable();
    return user;
  } catch (error) {
    noteDatabaseError(error);
    throw error;
  }
});

export async function currentSessionToken(): Promise<string | undefined> {
  return (await readSessionClaims())?.sessionToken;
}

export async function requireUser(): Promise<SessionContext> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export type CohortRole = "student" | "instructor";

/** The actor's role in the cohort; admins count as instructors. Null when they are not a member. Cached per request. */
export const cohortRoleOf = cache(async function cohortRoleOf(user: SessionUser | SessionContext, cohortId: string): Promise<CohortRole | null> {
  // The session's own statement read the viewer's roles; admins count as instructors everywhere.
  if ("roles" in user) return user.roles[cohortId] ?? (user.isAdmin ? "instructor" : null);
  return actorRole(getDb(), cohortId, user);
});

/**
 * Requires membership of the cohort in one of `roles`. Anyone else gets a not-found page,
 * so the existence of other cohorts is not revealed.
 */
export async function requireCohortRole(
  cohortId: string,
  roles: readonly CohortRole[] = ["student", "instructor"],
): Promise<{ user: SessionContext; role: CohortRole }> {
  const user = await requireUser();
  if (!isUuid(cohortId)) notFound();
  const role = await cohortRoleOf(user, cohortId);
  if (!role || !roles.includes(role)) notFound();
  return { user, role };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
