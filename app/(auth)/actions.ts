"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { ActionError, defineAction } from "@/lib/actions";
import { signIn } from "@/lib/auth";
import { JOIN_FAILURE_LIMIT } from "@/lib/auth/rate-limit";
import { registerStudent } from "@/lib/auth/sign-up";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";
import { safeCallbackUrl, signInSchema, signUpSchema } from "@/lib/validation/auth";

// One answer for an unknown email and a wrong password (after the same argon2 work, lib/auth/password.ts):
// the sign-in form must not tell which addresses have an account.
const REFUSED = new ActionError("invalid", "signInRefused");
const SIGN_IN_REFUSALS: Record<string, ActionError> = {
  rate_limited: new ActionError("rate_limited", "rateLimited"),
};

export const signInAction = defineAction({
  schema: signInSchema,
  auth: "none",
  transaction: false, // authorize() queries through getDb() itself
  async handler({ email, password }) {
    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (error) {
      if (error instanceof CredentialsSignin) throw SIGN_IN_REFUSALS[error.code] ?? REFUSED;
      if (error instanceof AuthError) throw REFUSED;
      throw error;
    }
    return null;
  },
  after(_data, { callbackUrl }) {
    redirect(safeCallbackUrl(callbackUrl));
  },
});

export const signUpAction = defineAction({
  schema: signUpSchema,
  auth: "none",
  failureLimit: { scope: "join", limit: JOIN_FAILURE_LIMIT },
  async handler(input, { tx }) {
    const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
    return registerStudent(tx, input, isLocale(cookieLocale) ? cookieLocale : "de");
  },
  async after({ cohortId }, { email, password }) {
    await signIn("credentials", { email, password, redirectTo: `/cohorts/${cohortId}` });
  },
});

/**
 * "Continue with …": hands the browser to the institution's OpenID Connect provider (state, nonce
 * and PKCE verifier in next-auth's cookies); the provider sends it back to /api/auth/callback/oidc.
 * From the settings page, a signed-in user links their account the same way.
 */
export async function ssoSignInAction(formData: FormData): Promise<void> {
  const target = formData.get("callbackUrl");
  await signIn("oidc", { redirectTo: safeCallbackUrl(typeof target === "string" ? target : undefined) });
}
