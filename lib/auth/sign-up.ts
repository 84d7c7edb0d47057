import { and, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cohorts, memberships, users } from "@/db/schema";
import { ActionError, isUniqueViolation } from "@/lib/actions-core";
import type { Locale } from "@/lib/i18n/locales";
import { hashPassword } from "./password";

export type SignUpInput = { email: string; name: string; password: string; inviteCode: string };

/**
 * Creates a student account and its membership of the invite code's cohort, inside the caller's
 * transaction: either both rows exist afterwards or neither.
 */
export async function registerStudent(tx: DbOrTx, input: SignUpInput, locale: Locale): Promise<{ userId: string; cohortId: string }> {
  const [cohort] = await tx
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.inviteCode, input.inviteCode), isNotNull(cohorts.inviteCode)))
    .limit(1);
  if (!cohort) throw new ActionError("invalid", "checkFields", { inviteCode: "inviteCodeUnknown" });

  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (taken) throw new ActionError("conflict", "checkFields", { email: "emailTaken" });

  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, locale })
      .returning({ id: users.id });
    await tx.insert(memberships).values({ cohortId: cohort.id, userId: user!.id, role: "student" });
    return { userId: user!.id, cohortId: cohort.id };
  } catch (error) {
    // Two sign-ups with one email at once: the unique index decides; the loser gets the field message.
    if (isUniqueViolation(error)) throw new ActionError("conflict", "checkFields", { email: "emailTaken" });
    throw error;
  }
}
