import { randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, users } from "@/db/schema";
import { verifyPassword } from "./password";
import {
  ACCOUNT_LIMIT,
  IP_LIMIT,
  accountKey,
  clearAttempts,
  ipKey,
  releaseAttempt,
  reserveAttempt,
} from "./rate-limit";

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

export type SignInFailure = "unknown_email" | "wrong_password" | "rate_limited";

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

/** Checks an email and password, counting failures per account and per IP in the database. */
export async function authenticate(
  rawEmail: string,
  password: string,
  ip: string,
): Promise<{ ok: true; user: AuthenticatedUser } | { ok: false; reason: SignInFailure }> {
  const email = rawEmail.trim().toLowerCase();
  const [accountOk, ipOk] = await Promise.all([
    reserveAttempt(accountKey(email), ACCOUNT_LIMIT),
    reserveAttempt(ipKey(ip), IP_LIMIT),
  ]);
  if (!accountOk || !ipOk) return { ok: false, reason: "rate_limited" };

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

  await Promise.all([clearAttempts(accountKey(email)), releaseAttempt(ipKey(ip))]);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** One row per signed-in browser; the JWT carries its token so that signing out can kill it. */
export async function createSession(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await getDb()
    .insert(sessions)
    .values({ sessionToken: token, userId, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
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

/** The user behind a decoded JWT, or null when the session was signed out or the password changed since. */
export async function loadSessionUser(claims: {
  userId?: string;
  sessionToken?: string;
  sessionVersion?: number;
}): Promise<SessionUser | null> {
  const { userId, sessionToken, sessionVersion } = claims;
  if (!userId || !sessionToken || typeof sessionVersion !== "number") return null;
  const [row] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin, locale: users.locale })
    .from(users)
    .innerJoin(
      sessions,
      and(eq(sessions.userId, users.id), eq(sessions.sessionToken, sessionToken), gt(sessions.expires, new Date())),
    )
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)))
    .limit(1);
  return row ? { ...row, locale: row.locale === "en" ? "en" : "de" } : null;
}
