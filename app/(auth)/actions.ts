"use server";

import { and, eq, isNotNull } from "drizzle-orm";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { cohorts, memberships, users } from "@/db/schema";
import { ActionError, defineAction, isUniqueViolation } from "@/lib/actions";
import { signIn } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/locales";
import { safeCallbackUrl, signInSchema, signUpSchema } from "@/lib/validation/auth";

const SIGN_IN_REFUSALS: Record<string, ActionError> = {
  unknown_email: new ActionError("invalid", "checkFields", { email: "unknownEmail" }),
  wrong_password: new ActionError("invalid", "checkFields", { password: "wrongPassword" }),
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
      if (error instanceof CredentialsSignin) throw SIGN_IN_REFUSALS[error.code] ?? SIGN_IN_REFUSALS.wrong_password;
      if (error instanceof AuthError) throw SIGN_IN_REFUSALS.wrong_password;
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
  async handler({ email, name, password, inviteCode }, { tx }) {
    const [cohort] = await tx
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(and(eq(cohorts.inviteCode, inviteCode), isNotNull(cohorts.inviteCode)))
      .limit(1);
    if (!cohort) throw new ActionError("invalid", "checkFields", { inviteCode: "inviteCodeUnknown" });

    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (taken) throw new ActionError("conflict", "checkFields", { email: "emailTaken" });

    const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
    const passwordHash = await hashPassword(password);
    try {
      const [user] = await tx
        .insert(users)
        .values({ email, name, passwordHash, locale: isLocale(cookieLocale) ? cookieLocale : "de" })
        .returning({ id: users.id });
      await tx.insert(memberships).values({ cohortId: cohort.id, userId: user!.id, role: "student" });
    } catch (error) {
      // Two sign-ups with one email at once: the unique index decides, the loser gets the field message.
      if (isUniqueViolation(error)) throw new ActionError("conflict", "checkFields", { email: "emailTaken" });
      throw error;
    }
    return { cohortId: cohort.id };
  },
  async after({ cohortId }, { email, password }) {
    await signIn("credentials", { email, password, redirectTo: `/cohorts/${cohortId}` });
  },
});
