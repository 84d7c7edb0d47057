import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb, type Db } from "@/db";
import { pageDb } from "@/db/replica";
import { actorRole } from "@/lib/cohorts/membership";
import { loadSessionUser, type SessionContext, type SessionUser } from "./credentials";
import { noteDatabaseError, noteDatabaseReachable } from "@/lib/outage";
import { readSessionClaims, type SessionClaims } from "./token";

export type { SessionContext, SessionUser };

/** The signed-in user, checked against the database once per request (session row and version). */
export const getCurrentUser = cache(async (): Promise<SessionContext | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  // Every signed-in page starts here: the place that notices an outage first, and a recovery.
  try {
    const db = await pageDb();
    const user = await sessionUserOn(db, claims);
    // A recovery of the primary (lib/outage.ts) is only seen on the primary, not on a read replica.
    if (db === getDb()) noteDatabaseReachable();
    return user;
  } catch (error) {
    noteDatabaseError(error);
    throw error;
  }
});

/**
 * The session looked up where the page reads. A session the read replica does not know may be one
 * made a moment ago (a sign-in, whose redirect comes straight back) that has not arrived there yet:
 * that one is looked up on the primary before the visitor counts as signed out.
 */
export async function sessionUserOn(db: Db, claims: SessionClaims): Promise<SessionContext | null> {
  const user = await loadSessionUser(claims, db);
  if (user || db === getDb()) return user;
  return loadSessionUser(claims, getDb());
}

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
