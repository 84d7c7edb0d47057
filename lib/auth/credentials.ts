import { randomBytes } from "node:crypto";
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { memberships, sessions, users } from "@/db/schema";
import { unreadCountSql } from "@/lib/notifications/store";
import { verifyPassword } from "./password";
import {
  ACCOUNT_ADDRESS_LIMIT,
  ACCOUNT_LIMIT,
  IP_LIMIT,
  accountAddressKey,
  accountKey,
  clearAttempts,
  ipKey,
  releaseAttempt,
  reserveAttempt,
} from "./rate-limit";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

export type SignInFailure = "unknown_email" | "wrong_password" | "rate_limited";

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

/**
 * Checks an email and password, counting failures in the database per account and address (5), per
 * account over all addresses (100) and per address (50), so an attacker slows down without locking
 * the owner out from another address.
 */
export async function authenticate(
  rawEmail: string,
  password: string,
  ip: string,
): Promise<{ ok: true; user: AuthenticatedUser } | { ok: false; reason: SignInFailure }> {
  const email = rawEmail.trim().toLowerCase();
  const allowed = await Promise.all([
    reserveAttempt(accountAddressKey(email, ip), ACCOUNT_ADDRESS_LIMIT),
    reserveAttempt(accountKey(email), ACCOUNT_LIMIT),
    reserveAttempt(ipKey(ip), IP_LIMIT),
  ]);
  if (allowed.includes(false)) return { ok: false, reason: "rate_limited" };

  const [user] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user) return { ok: false, reason: "unknown_email" };
  if (!valid) return { ok: false, reason: "wrong_password" };

  // Success: this address's failures on the account are forgotten; the other counts give back this attempt.
  await Promise.all([clearAttempts(accountAddressKey(email, ip)), releaseAttempt(accountKey(email)), releaseAttempt(ipKey(ip))]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/**
 * One row per signed-in browser, stamped with the user's session version. The JWT carries its
 * token, so signing out (deleting the row) kills every copy of the cookie.
 */
export async function createSession(userId: string, sessionVersion: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await getDb()
    .insert(sessions)
    .values({ sessionToken: token, userId, sessionVersion, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
  return token;
}

export async function deleteSession(token: string): Promise<void> {
  await getDb().delete(sessions).where(eq(sessions.sessionToken, token));
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  locale: "de" | "en";
};

/**
 * What every page needs of its viewer, read in the same statement as the session: the header's
 * unread count and the viewer's roles per cohort (a user belongs to a handful of cohorts).
 */
export type SessionContext = SessionUser & { unread: number; roles: Readonly<Record<string, "student" | "instructor">> };

/**
 * The user behind a decoded JWT, or null when the session was signed out, has expired, or was
 * made before the user's session version changed (a password change elsewhere). One statement, on
 * `db` (the primary unless a page passes its read replica).
 */
export async function loadSessionUser(claims: { userId?: string; sessionToken?: string }, db: Db = getDb()): Promise<SessionContext | null> {
  const { userId, sessionToken } = claims;
  if (!userId || !sessionToken) return null;
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      locale: users.locale,
      unread: unreadCountSql(users.id),
      roles: sql<[string, "student" | "instructor"][]>`(select coalesce(json_agg(json_build_array(m.cohort_id, m.role)), '[]'::json) from ${memberships} m where m.user_id = ${users.id})`,
    })
    .from(users)
    .innerJoin(
      sessions,
      and(
        eq(sessions.userId, users.id),
        eq(sessions.sessionToken, sessionToken),
        eq(sessions.sessionVersion, users.sessionVersion),
        gt(sessions.expires, new Date()),
      ),
    )
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const roles = typeof row.roles === "string" ? (JSON.parse(row.roles) as [string, "student" | "instructor"][]) : row.roles;
  return { ...row, locale: row.locale === "en" ? "en" : "de", unread: Number(row.unread), roles: Object.fromEntries(roles) };
}
