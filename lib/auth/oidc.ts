import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { accounts, users } from "@/db/schema";
import { isUniqueViolation } from "@/lib/actions-core";
import { nameFromEmail } from "@/lib/cohorts/roster";
import type { Locale } from "@/lib/i18n/locales";
import { emailSchema, nameSchema } from "@/lib/validation/auth";

/**
 * Single sign-on through the institution's OpenID Connect provider (Keycloak, Entra ID, Shibboleth's
 * OIDC, …), configured by environment. Accounts are tied to the provider's subject (`sub`), never to
 * a claimed email alone: the first sign-in of a subject creates an account when the address has none,
 * a signed-in user links their existing account from the settings page, and an address that already
 * has a password account is not taken over.
 */

export const OIDC_PROVIDER_ID = "oidc";

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string; label: string };

/** AUTH_OIDC_ISSUER, AUTH_OIDC_ID, AUTH_OIDC_SECRET (all three, or SSO is off) and AUTH_OIDC_LABEL (the button's name). */
export function oidcSettingsFromEnv(env: Record<string, string | undefined> = process.env): OidcSettings | null {
  const issuer = env.AUTH_OIDC_ISSUER?.trim();
  const clientId = env.AUTH_OIDC_ID?.trim();
  const clientSecret = env.AUTH_OIDC_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer: issuer.replace(/\/+$/, ""), clientId, clientSecret, label: env.AUTH_OIDC_LABEL?.trim() || "Single Sign-on" };
}

export type OidcClaims = { sub: string; email?: unknown; email_verified?: unknown; name?: unknown };
export type OidcRefusal = "email_taken" | "no_email" | "other_subject";
export type OidcOutcome = { ok: true; user: { id: string; sessionVersion: number }; created: boolean } | { ok: false; reason: OidcRefusal };

async function linkedUser(sub: string) {
  const [row] = await getDb()
    .select({ id: users.id, sessionVersion: users.sessionVersion })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, OIDC_PROVIDER_ID), eq(accounts.providerAccountId, sub)))
    .limit(1);
  return row ?? null;
}

/**
 * The Werkbank account behind a provider subject. Linked: that account. Not linked and `signedInAs`
 * given (the settings page's "connect"): linked to that account, unless it is tied to another subject
 * already. Otherwise a new account with the provider's address and name, unless the address has one.
 */
export async function accountForSubject(claims: OidcClaims, signedInAs: string | null, locale: Locale): Promise<OidcOutcome> {
  const sub = String(claims.sub);
  const existing = await linkedUser(sub);
  if (existing) return { ok: true, user: existing, created: false };
  const db = getDb();
  try {
    if (signedInAs) {
      return await db.transaction(async (tx) => {
        const [other] = await tx
          .select({ sub: accounts.providerAccountId })
          .from(accounts)
          .where(and(eq(accounts.userId, signedInAs), eq(accounts.provider, OIDC_PROVIDER_ID)))
          .limit(1);
        if (other) return { ok: false, reason: "other_subject" } as const;
        const [user] = await tx.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, signedInAs));
        await tx.insert(accounts).values({ userId: signedInAs, type: "oidc", provider: OIDC_PROVIDER_ID, providerAccountId: sub });
        return { ok: true, user: user!, created: false } as const;
      });
    }
    const email = emailSchema.safeParse(typeof claims.email === "string" ? claims.email : "");
    if (!email.success) return { ok: false, reason: "no_email" };
    const name = nameSchema.safeParse(typeof claims.name === "string" && claims.name.trim() ? claims.name : nameFromEmail(email.data));
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email.data)).limit(1);
      if (taken) return { ok: false, reason: "email_taken" } as const;
      const [user] = await tx
        .insert(users)
        .values({
          email: email.data,
          name: name.success ? name.data : nameFromEmail(email.data),
          passwordHash: null,
          locale,
          emailVerified: claims.email_verified === true ? new Date() : null,
        })
        .returning({ id: users.id, sessionVersion: users.sessionVersion });
      await tx.insert(accounts).values({ userId: user!.id, type: "oidc", provider: OIDC_PROVIDER_ID, providerAccountId: sub });
      return { ok: true, user: user!, created: true } as const;
    });
  } catch (error) {
    // Two first sign-ins of one subject at once: the other one linked it; use that.
    if (!isUniqueViolation(error)) throw error;
    const raced = await linkedUser(sub);
    if (raced) return { ok: true, user: raced, created: false };
    return { ok: false, reason: "email_taken" };
  }
}
