import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { actorRole } from "@/lib/cohorts/membership";
import { loadSessionUser, type SessionUser } from "./credentials";
import { auth } from "./index";

export type { SessionUser };

/** The signed-in user, checked against the database once per request (session row and version). */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return loadSessionUser({ userId: session?.user?.id, sessionToken: session?.sid });
});

export async function currentSessionToken(): Promise<string | undefined> {
  return (await auth())?.sid;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export type CohortRole = "student" | "instructor";

/** The actor's role in the cohort; admins count as instructors. Null when they are not a member. Cached per request. */
export const cohortRoleOf = cache(async function cohortRoleOf(user: SessionUser, cohortId: string): Promise<CohortRole | null> {
  return actorRole(getDb(), cohortId, user);
});

/**
 * Requires membership of the cohort in one of `roles`. Anyone else gets a not-found page,
 * so the existence of other cohorts is not revealed.
 */
export async function requireCohortRole(
  cohortId: string,
  roles: readonly CohortRole[] = ["student", "instructor"],
): Promise<{ user: SessionUser; role: CohortRole }> {
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
