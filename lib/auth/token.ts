import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { SESSION_COOKIES, sessionCookieValue } from "./token-cookie";

/** The secrets next-auth signs with: AUTH_SECRET, and the older ones kept for rotation. */
function secrets(): string[] {
  const env = process.env;
  return [env.AUTH_SECRET ?? env.NEXTAUTH_SECRET, env.AUTH_SECRET_1, env.AUTH_SECRET_2, env.AUTH_SECRET_3].filter((s): s is string => Boolean(s));
}

export type SessionClaims = { userId?: string; sessionToken?: string };

/**
 * The session cookie's claims, decrypted once per request and never re-encrypted (next-auth's
 * `auth()` re-issues the cookie on every call, which a page cannot send anyway). Whether the
 * session is still live is decided by the database (loadSessionUser), not here.
 */
export const readSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = sessionCookieValue(jar, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: secrets(), salt: name });
      if (!payload) return null;
      return { userId: typeof payload.uid === "string" ? payload.uid : undefined, sessionToken: typeof payload.sid === "string" ? payload.sid : undefined };
    } catch {
      return null;
    }
  }
  return null;
});
