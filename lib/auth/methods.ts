import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { accounts, users } from "@/db/schema";
import { OIDC_PROVIDER_ID } from "./oidc";

export type SignInMethods = { password: boolean; sso: boolean; lms: boolean };

/**
 * How a user can sign in, for the settings page: with a password, through the SSO provider (their
 * subject is linked), from an LMS (an LTI launch made the account or matched it). One statement.
 */
export async function signInMethods(userId: string): Promise<SignInMethods> {
  const [row] = await getDb()
    .select({
      password: sql<boolean>`${users.passwordHash} is not null`,
      sso: sql<boolean>`coalesce(bool_or(${accounts.provider} = ${OIDC_PROVIDER_ID}), false)`,
      lms: sql<boolean>`coalesce(bool_or(${accounts.type} = 'lti'), false)`,
    })
    .from(users)
    .leftJoin(accounts, eq(accounts.userId, users.id))
    .where(eq(users.id, userId))
    .groupBy(users.id);
  return { password: Boolean(row?.password), sso: Boolean(row?.sso), lms: Boolean(row?.lms) };
}
