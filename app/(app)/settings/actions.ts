"use server";

import { eq, sql } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { ActionError, defineAction } from "@/lib/actions";
import { signIn } from "@/lib/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changePasswordSchema, profileSchema } from "@/lib/validation/auth";

export const updateProfileAction = defineAction({
  schema: profileSchema,
  async handler({ name }, { user, tx }) {
    await tx.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, user!.id));
    return { name };
  },
  revalidate: () => ["/settings"],
});

/**
 * Bumps the session version and drops every session row: all other browsers are signed out at
 * once. This browser signs in again with the new password afterwards.
 */
export const changePasswordAction = defineAction({
  schema: changePasswordSchema,
  async handler({ currentPassword, newPassword }, { user, tx }) {
    const [row] = await tx
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user!.id))
      .for("update");
    if (!(await verifyPassword(row?.passwordHash, currentPassword))) {
      throw new ActionError("invalid", "checkFields", { currentPassword: "currentPasswordWrong" });
    }
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(newPassword),
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user!.id));
    await tx.delete(sessions).where(eq(sessions.userId, user!.id));
    return { email: user!.email };
  },
  async after({ email }, { newPassword }) {
    await signIn("credentials", { email, password: newPassword, redirect: false });
  },
});
