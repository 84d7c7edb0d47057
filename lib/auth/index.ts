import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { redeemTicket } from "@/lib/lti/launch";
import { clientAddress } from "./address";
import { authConfig } from "./config";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";
import { authenticate, createSession, deleteSession, type SignInFailure } from "./credentials";
import { OIDC_PROVIDER_ID, accountForSubject, oidcSettingsFromEnv } from "./oidc";

/**
 * A refused sign-in. Its code travels to the browser (next-auth's redirect carries `?code=`), so an
 * unknown email and a wrong password share one ("refused"); only the rate limit is told apart.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(reason: SignInFailure) {
    const code = reason === "rate_limited" ? "rate_limited" : "refused";
    super(code);
    this.code = code;
  }
}

const credentialsSchema = z.object({ email: z.string().max(254), password: z.string().max(200) });


const oidc = oidcSettingsFromEnv();

/** The institution's OpenID Connect provider, when AUTH_OIDC_* configure one (PKCE, state and nonce checked). */
const ssoProviders: Provider[] = oidc
  ? [
      {
        id: OIDC_PROVIDER_ID,
        name: oidc.label,
        type: "oidc",
        issuer: oidc.issuer,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        checks: ["pkce", "state", "nonce"],
        authorization: { params: { scope: "openid email profile" } },
      },
    ]
  : [];

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  // Refusals and provider errors come back to the sign-in page (?error=…), which says what happened.
  pages: { ...authConfig.pages, error: "/sign-in" },
  callbacks: {
    ...authConfig.callbacks,
    /**
     * A provider sign-in becomes a Werkbank session: the account is found by the provider's subject
     * (or linked to the signed-in user, from the settings page, or created), then `user` carries its
     * id and a fresh session row into the jwt callback, as a password sign-in does.
     */
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const { getCurrentUser } = await import("./session");
      const [current, jar] = await Promise.all([getCurrentUser(), cookies()]);
      const cookieLocale = jar.get(LOCALE_COOKIE)?.value;
      const outcome = await accountForSubject(
        { ...profile, sub: account.providerAccountId },
        current?.id ?? null,
        isLocale(cookieLocale) ? cookieLocale : "de",
      );
      if (!outcome.ok) return current ? `/settings?sso=${outcome.reason}` : `/sign-in?sso=${outcome.reason}`;
      user.id = outcome.user.id;
      user.sid = await createSession(outcome.user.id, outcome.user.sessionVersion);
      return true;
    },
  },
  providers: [
    ...ssoProviders,
    // An LTI launch's one-time ticket (lib/lti/launch.ts): the platform has vouched for the user.
    Credentials({
      id: "lti",
      credentials: { ticket: {} },
      async authorize(raw) {
        const ticket = typeof raw?.ticket === "string" ? raw.ticket : "";
        const redeemed = await redeemTicket(getDb(), ticket);
        if (!redeemed) throw new SignInRefused("unknown_email");
        const [user] = await getDb()
          .select({ id: users.id, email: users.email, name: users.name, sessionVersion: users.sessionVersion })
          .from(users)
          .where(eq(users.id, redeemed.userId));
        if (!user) throw new SignInRefused("unknown_email");
        const sid = await createSession(user.id, user.sessionVersion);
        return { id: user.id, email: user.email, name: user.name, sid };
      },
    }),
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("unknown_email");
        const result = await authenticate(parsed.data.email, parsed.data.password, clientAddress(request.headers));
        if (!result.ok) throw new SignInRefused(result.reason);
        const sid = await createSession(result.user.id, result.user.sessionVersion);
        return { id: result.user.id, email: result.user.email, name: result.user.name, sid };
      },
    }),
  ],
  logger: {
    // A refused sign-in is an expected outcome, shown to the user; not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? (message.token?.sid as string | undefined) : undefined;
      if (sid) await deleteSession(sid);
    },
  },
});
