import type { NextAuthConfig } from "next-auth";

/**
 * The part of the next-auth configuration that proxy.ts may import: no database, no providers.
 * It only decides optimistic redirects; every page and action checks the session itself.
 */
const PUBLIC_PREFIXES = ["/sign-in", "/sign-up", "/api/auth", "/api/health", "/locale", "/lti", "/.well-known"];

/** Pages a signed-out visitor may open. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 30 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = user.sid;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.sid = token.sid as string;
      return session;
    },
  },
} satisfies NextAuthConfig;
